#pragma once
// Adding a visit by hand (session 7): an extra visit the plan did not foresee (risk rose, a carer
// called, a follow-up). Pure: the checks in words, and the visit the store writes.
//
// Times are a local date and local wall times in the team's zone, turned into instants with
// from_local's policy (core/local_time.hpp): in the autumn overlap a time takes its first
// occurrence (01:30 BST, not 01:30 GMT); a time in the spring-forward gap does not exist on the
// wall clock, so a window starting or ending in it is refused in words rather than moved.
// The out-of-hours flag comes from the one rule (core/out_of_hours: starts_out_of_hours).
// The visit has no plan slot and is marked hand_edited: regeneration keeps it and never counts it
// as one of the plan's visits (core/plan_generation), and closing the episode removes it while
// still in the future (hand_added_to_remove_at_closure).
#include "core/clock_minutes.hpp"  // format_minutes_hm, parse_hm (the sheet and `apply` use them with these)
#include "core/snapshot.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vb {

struct AddVisit;

// A hand-added visit may be dated from yesterday (recorded late, after midnight) up to this many
// days ahead (the plan's generation horizon).
inline constexpr int add_visit_max_days_ahead = 56;
inline constexpr int add_visit_min_minutes = 5;
inline constexpr int add_visit_max_minutes = 480;
// A window that ends the next day (AddVisit::ends_next_day) is at most this long, in real minutes:
// a night visit, not a day and a half typed by mistake.
inline constexpr int add_visit_max_overnight_window_minutes = 8 * 60;

// The skills the team has: every skill an active member of staff holds, sorted, without repeats.
std::vector<std::string> team_skills(const Snapshot& s);

// The command's checks, in words naming what and where: an unknown or closed episode, a date more
// than a day in the past or too far ahead, an end not after the start, a time the clocks skip, a
// length that does not fit the window, an unknown skill, an inactive author.
std::optional<std::string> add_visit_problem(const Snapshot& s, const AddVisit& c);

// The local date the window ends on: `date`, or the day after when it ends the next day.
LocalDate add_visit_end_date(const AddVisit& c);
// "23:30-00:30 (next day)" / "17:30-19:30": the window as a person reads it.
std::string add_visit_window_words(const AddVisit& c);
// What the clocks do to the window's wall times, in words, when they change that night: a time the
// autumn change repeats is taken at its first occurrence ("01:30 on Sun 25 Oct happens twice (the clocks
// go back): this is the first, 01:30 BST"); "" when nothing happens. A skipped time is refused
// by add_visit_problem instead.
std::string add_visit_clock_words(const Snapshot& s, const AddVisit& c);

// The visit the command adds (id 0): instants by the zone's policy, out of hours by the team's rule,
// no plan slot, hand_edited. Assumes add_visit_problem found nothing.
Visit visit_to_add(const Snapshot& s, const AddVisit& c);

// Whether a visit was added by hand (no plan slot, marked hand_edited), as AddVisit writes it.
bool added_by_hand(const Visit& v);

// Visits of `episode` added by hand that are still planned, with no outcome, and start after `at`:
// closing the episode removes them with the plan's future visits.
std::vector<Id> hand_added_to_remove_at_closure(const std::vector<Visit>& visits, Id episode, Instant at);

// Whether the wall time exists in the team's zone on that date (not skipped by the spring-forward
// change: 01:00-01:59 on 28 Mar 2027 does not).
bool add_visit_time_exists(const Snapshot& s, LocalDate d, int minutes);

// Where a window of `minutes` from a start ends, as the Add visit sheet offers it (session 9): the
// wall clock's end (17:30 + 2 h = 19:30; past midnight on the next day, ends_next_day), never
// shorter in real time than `minutes` (on the spring-forward night 00:30 + 2 h ends 03:30 BST, not
// at 02:30, and an end the clocks skip moves past the change), and on the autumn night the wall
// clock's (longer) end. Assumes the start exists.
struct AddVisitEnd {
  int end_min = 0;
  bool ends_next_day = false;
};
AddVisitEnd add_visit_end_after(const Snapshot& s, LocalDate d, int start_min, int minutes);

// A start already past when the command is made (c.at), in words: "Mon 23 Nov 01:00 was 7 h 30 min
// ago"; "" when it starts at or after c.at. A late record is allowed; the sheet says so before Save.
std::string add_visit_past_words(const Snapshot& s, const AddVisit& c);


}  // namespace vb
