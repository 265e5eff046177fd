#pragma once
// The out-of-hours picture of one shift window (an evening, a night, a weekend day): who is on,
// which visits fall in it, every gap in words, and the one-line readiness check for the handover
// huddle. Pure: from the snapshot, the window and `now`.
#include "core/snapshot.hpp"

#include <optional>
#include <string>
#include <vector>

namespace vb {

enum class OohPart { evening, night, day };  // day: a weekend day or bank holiday (early start until the evening)

struct OohWindow {
  LocalDate date{};  // local date the window starts on
  OohPart part = OohPart::evening;
  Instant start{};
  Instant end{};
  std::string label;  // "Evening", "Night", "Weekend day", a bank holiday's name ("Christmas Day")
};

// Evening: from the twilight start to the night start; night: the night shift; day: the early
// start to the twilight start. Times from the rota rules' pattern for that date.
OohWindow ooh_window(const Snapshot& s, LocalDate date, OohPart part);
// The window a coordinator plans now: this evening until the night starts, then tonight's night
// (after midnight: the night that began yesterday); at a weekend or on a bank holiday before the
// evening, the day.
OohWindow current_ooh_window(const Snapshot& s, Instant now);

enum class GapKind {
  unallocated,           // nobody on a visit
  double_up_short,       // a double-up with one worker
  high_risk_one_worker,  // a high-risk visit out of hours with one worker
  under_minimum,         // a shift below its minimum staffing
  over_capacity,         // a worker's visits fill more than the rule allows of their shift
  outside_shift,         // a worker sent to a visit outside their shift
  two_places,            // a worker on two visits that cannot both be done
};
std::string_view gap_word(GapKind k);  // "Unallocated", "Under minimum staffing", ...

struct OohGap {
  GapKind kind = GapKind::unallocated;
  std::optional<Id> visit;
  StaffId staff;
  std::string text;    // in words, with times and ids: what is wrong and where
  std::string detail;  // the same without naming the visit, for a line beside it ("nobody allocated")
};

struct OohWorker {
  const Staff* staff = nullptr;
  std::vector<const Shift*> shifts;   // overlapping the window, by start
  std::vector<const Visit*> visits;   // allocated to them in the window (either worker), by start
  int booked_minutes = 0;
  int capacity_minutes = 0;           // the rule's share of their shifts' length
  bool over_capacity = false;
};

struct OohVisit {
  const Visit* visit = nullptr;
  const Episode* episode = nullptr;
  const Person* person = nullptr;
  bool needs_two = false;   // a double-up, or high risk in an evening or night where the rule says two
  bool covered = false;     // enough staff allocated
  bool has_gap = false;
};

struct StaffingCount {
  ShiftKind kind = ShiftKind::night;
  std::string skill;
  int have = 0;
  int need = 0;
};

struct OohBoard {
  OohWindow window;
  std::vector<OohWorker> staff;     // by first shift start, then name
  std::vector<OohVisit> visits;     // planned or done, by window start
  std::vector<OohGap> gaps;         // visits' gaps in visit order, then staffing
  std::optional<StaffingCount> night;  // the night's minimum staffing for this date, when a rule exists
  int allocated = 0;
  int double_ups_covered = 0;
  bool ready = false;
  std::string readiness;  // "Evening ready — 14 visits allocated, 2 double-ups covered, night staffed 2/2"
};

OohBoard build_ooh_board(const Snapshot& s, const OohWindow& window);

}  // namespace vb
