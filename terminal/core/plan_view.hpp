#pragma once
// What the plan screen shows per person: a day-by-day timeline of planned contact (falling phase by
// phase), today's position on the taper, visits done and missed so far, the next change, a blocked
// step-down and fidelity flags. Derived from the snapshot and `now`; the screen only draws it.
#include "core/snapshot.hpp"
#include "core/step_down.hpp"

#include <optional>
#include <string>
#include <vector>

namespace vb {

inline constexpr int plan_view_days_back = 7;
inline constexpr int plan_view_days_ahead = 34;  // with today and the week behind: six weeks

struct PlanDay {
  LocalDate date{};
  int planned = 0;  // contacts the plan asks for that day
  int done = 0;
  int missed = 0;
  int phase = -1;  // index into the plan's phases, -1 outside the plan
};

struct PlanView {
  const Episode* episode = nullptr;
  const Person* person = nullptr;
  const ContactPlan* plan = nullptr;
  std::string phase_label;  // today's phase ("Alternate days"), "" outside the plan
  std::string position;     // "step-down day 9 of 21", "intensive day 2 of 3", "plan ended Mon 23 Nov"
  int done_so_far = 0;
  int missed_so_far = 0;
  std::string next_change;  // "Thu 26 Nov: Daily → Alternate days", "" when none
  std::string blocked;      // "step-down blocked: no risk reassessment since Fri 20 Nov", ""
  std::vector<std::string> fidelity;
  std::string carer_not_informed;  // "carer not informed of step-down: Mary (mother)", ""
  // The transition bundle, for episodes in step-down or handover: items done of 7, and what is missing.
  bool shows_bundle = false;
  int bundle_done = 0;
  int bundle_items = 0;
  std::vector<std::string> bundle_missing;  // short words: "handover summary"
  std::vector<PlanDay> days;  // today - 7 .. today + 34
  std::vector<PhaseSpan> spans;
};

// One view per open episode with a plan, in the board's order of concern: blocked step-downs first,
// then by stage (intensive, step-down, handover) and acceptance.
std::vector<PlanView> build_plan_views(const Snapshot& s, Instant now);
PlanView build_plan_view(const Snapshot& s, const Episode& e, Instant now);

}  // namespace vb
