#pragma once
// Internals of the demo-team generator shared by its demo_*.cpp files: the seeded integer random
// source, calendar helpers, names, rota and visit scheduling. Nothing outside the generator uses this.
#include "core/snapshot.hpp"

#include <array>
#include <cstdint>
#include <random>
#include <set>
#include <vector>

namespace vb::demo {

inline constexpr Id team_id = 1;

// std::mt19937_64 is specified bit for bit; the standard distributions are not, so draws are reduced
// with integer arithmetic only (modulo; its bias is far below anything a demo could show).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}
  std::int64_t uniform(std::int64_t lo, std::int64_t hi);  // inclusive
  bool chance(int per_mille) { return uniform(0, 999) < per_mille; }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[static_cast<size_t>(uniform(0, static_cast<std::int64_t>(items.size()) - 1))];
  }

 private:
  std::mt19937_64 engine_;
};

// An independent stream per part of the team, so a change to one part leaves the others as they were.
Rng stream(std::uint64_t seed, std::uint64_t part);

LocalDate add_days(LocalDate d, long n);
long days_between(LocalDate from, LocalDate to);
// Saturday, Sunday or an England and Wales bank holiday (the built-in list, as data/bank_holidays.json):
// weekend staffing, weekend shift times, no weekday-only visits, out of hours all day.
bool is_weekend(LocalDate d);
Instant at_local(LocalDate d, int minutes_since_midnight, Zone zone);

// Visit windows: morning, afternoon, evening (minutes since local midnight).
struct Window {
  int start_min;
  int end_min;
};
inline constexpr std::array<Window, 3> visit_windows{{{9 * 60, 12 * 60}, {13 * 60, 16 * 60}, {17 * 60, 20 * 60}}};
inline constexpr int evening = 2;

// demo_names.cpp: staff and people with obviously synthetic names.
std::vector<Staff> make_staff(Rng& rng);
bool is_case_holder(const Staff& s);  // may be a named worker
std::vector<Role> demo_roles(const Staff& s);  // what a demo staff member may do (demo_access.cpp)
struct HomeMap {
  std::vector<std::array<int, 2>> centres_m;  // town centres, metres from the team base
};
HomeMap make_home_map(Rng& rng);
// A new person (id left 0). `used_stems` keeps NHS numbers unique across the team.
Person make_person(Rng& rng, const HomeMap& homes, LocalDate today, std::set<int>& used_stems);

// demo_rota.cpp: early/late/night shifts for every day in [first, last] (ids left 0).
std::vector<Shift> make_rota(const std::vector<Staff>& staff, LocalDate first, LocalDate last, Zone zone, Rng& rng);

// demo_visits.cpp: visits from each episode's plan, allocated to staff on shift without double-booking.
struct ScheduleContext {
  Zone zone = nullptr;
  Instant now{};
  LocalDate today{};
  LocalDate first_day{};
  LocalDate last_day{};
};
// plans[i] belongs to episodes[i]; visits get sequential ids from 1.
std::vector<Visit> make_visits(const ScheduleContext& ctx, const std::vector<Staff>& staff,
                               const std::vector<Shift>& shifts, const std::vector<Episode>& episodes,
                               const std::vector<ContactPlan>& plans, Rng& rng);
// How many visits a plan asks for on a day; twice-weekly and weekly phases have no weekend visits.
int planned_visits(const ContactPlan& plan, LocalDate d);
// The demo's promises: an unallocated out-of-hours visit tonight, a missed visit with no follow-up.
void ensure_unallocated_tonight(std::vector<Visit>& visits, const std::vector<Episode>& episodes,
                                const ScheduleContext& ctx);
void ensure_missed_without_follow_up(std::vector<Visit>& visits, const std::vector<Episode>& episodes,
                                     const ScheduleContext& ctx);

// demo_reviews.cpp: senior reviews (first within 24 h, then weekly), review slots ahead, decision log.
std::vector<Review> make_reviews(const ScheduleContext& ctx, const std::vector<Staff>& staff,
                                 const std::vector<Episode>& episodes, const std::vector<ContactPlan>& plans, Rng& rng);
std::vector<SlotPattern> make_slot_patterns(const ScheduleContext& ctx, const std::vector<Staff>& staff);
std::vector<ReviewerLeave> make_leave(const ScheduleContext& ctx, const std::vector<Staff>& staff);
// Bookings for reviews due soon, a carer's concern (left open), and every other escalation
// acknowledged by a consultant. Reindexes `s`.
void add_bookings_and_escalations(Snapshot& s, const ScheduleContext& ctx);
std::vector<DecisionLogEntry> make_decisions(const ScheduleContext& ctx, const std::vector<Episode>& episodes,
                                             const std::vector<Review>& reviews);
// The demo's promise: one open episode's review due later today and one overdue. Reindexes `s`.
void ensure_review_due_and_overdue(Snapshot& s, const ScheduleContext& ctx);

// demo_step_down.cpp: phase windows and minimum lengths, visits tied to plan slots, risk
// reassessments before near step-downs, and one step-down left blocked. Call last.
void add_step_down_detail(Snapshot& s, const ScheduleContext& ctx);

// demo_transitions.cpp: older step-down and closure history (reassessments, carers told, bundles,
// follow-up contacts after closure) for the compliance figures. Call after add_step_down_detail.
void add_transition_history(Snapshot& s, const ScheduleContext& ctx);

// demo_allocation_times.cpp: when and by whom each allocated visit was allocated (most out-of-hours
// visits before their shift, some during it). Call last.
void add_allocation_times(Snapshot& s, const ScheduleContext& ctx);

}  // namespace vb::demo
