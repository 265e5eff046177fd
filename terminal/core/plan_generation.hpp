#pragma once
// Planned visits from a contact plan, day by day in the team's local time, and regeneration after a
// change that never destroys history: visits with an outcome, edited by hand, added by hand, or
// whose window has begun are never removed; a plan slot is never filled twice; running it again
// with nothing changed changes nothing.
//
// Clock changes: a slot is a local date + a local time (morning 09:00-12:00, afternoon 13:00-16:00,
// evening 17:00-20:00) turned into instants with from_local's policy (a time in the spring gap
// moves to the end of the gap; a time in the autumn overlap takes its first occurrence). No window
// lies in 01:00-02:00, so on the change nights every slot exists exactly once and keeps its wall time.
//
// An imported visit (no slot) stands for one of the plan's visits in its part of the day; a visit added
// by hand (no slot, hand_edited: core/add_visit) is an extra one and stands for none.
#include "core/bank_holidays.hpp"
#include "core/model.hpp"
#include "core/rota_rules.hpp"

#include <vector>

namespace vb {

struct VisitSlot {
  LocalDate date{};
  int slot = 0;  // index within the day
  DayPart part = DayPart::morning;
  Instant start{};
  Instant end{};
  bool out_of_hours = false;  // evening, a weekend or a bank holiday
  int min_minutes = 0;
};

// Local minutes since midnight of a part of the day's window.
int day_part_start_min(DayPart p);
int day_part_end_min(DayPart p);
// The part of the day a window starting at this local time falls in.
DayPart day_part_of(Instant start, Zone zone);

// How many visits a phase asks for on its day `day_in_phase` (1-based) that falls on `d`.
int visits_on_day(const ContactPhase& p, int day_in_phase, LocalDate d);
// The slots the plan asks for on local dates in [from, until], in date and slot order.
// Without a holiday list only Saturdays and Sundays are out of hours all day.
std::vector<VisitSlot> plan_slots(const ContactPlan& plan, Zone zone, LocalDate from, LocalDate until);
// Bank holidays in `holidays` are out of hours all day, like a weekend.
std::vector<VisitSlot> plan_slots(const ContactPlan& plan, Zone zone, LocalDate from, LocalDate until,
                                  const BankHolidays& holidays);
// By the team's rota rules (core/out_of_hours: weekends, the rules' bank holidays, and outside the
// weekday day 08:00–17:00 by default). The BankHolidays overload is this with the default shift times.
std::vector<VisitSlot> plan_slots(const ContactPlan& plan, Zone zone, LocalDate from, LocalDate until,
                                  const RotaRules& rules);

struct Regeneration {
  std::vector<Visit> add;   // ids 0, episode set, plan_slot set
  std::vector<Id> remove;   // untouched generated visits the plan no longer asks for
  // Untouched generated visits kept for their slot whose out-of-hours flag the rules now set the
  // other way (a bank holiday added to the list, or visits generated before holidays counted):
  // updated in place, so their allocation, skills and notes stay.
  std::vector<std::pair<Id, bool>> out_of_hours;  // visit id, the flag it should have
  bool empty() const { return add.empty() && remove.empty() && out_of_hours.empty(); }
};

// Visits of one episode that regeneration must keep whatever the plan says.
bool visit_is_history(const Visit& v, Instant now);

// What to change so the episode's visits after `now` follow `plan` (at most `horizon_days` ahead).
// `visits` are the episode's existing visits (others are ignored).
inline constexpr int generation_horizon_days = 56;
Regeneration regenerate_visits(const ContactPlan& plan, Id episode, const std::vector<Visit>& visits, Instant now,
                               Zone zone, int horizon_days = generation_horizon_days);
// The same with the team's bank holidays out of hours all day (the snapshot's rota_rules.bank_holidays).
Regeneration regenerate_visits(const ContactPlan& plan, Id episode, const std::vector<Visit>& visits, Instant now,
                               Zone zone, const BankHolidays& holidays, int horizon_days = generation_horizon_days);
// The same by the team's rota rules (what the store's writers pass: s.rota_rules).
Regeneration regenerate_visits(const ContactPlan& plan, Id episode, const std::vector<Visit>& visits, Instant now,
                               Zone zone, const RotaRules& rules, int horizon_days = generation_horizon_days);

// Applies a regeneration to a list of visits (tests and the demo); new visits get ids from next_id.
void apply_regeneration(std::vector<Visit>& visits, const Regeneration& r, Id& next_id);

}  // namespace vb
