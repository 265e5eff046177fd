#pragma once
// Where an episode stands on its contact plan (taper) on a given local date.
#include "core/snapshot.hpp"

#include <optional>
#include <vector>

namespace vb {

struct PlanPosition {
  const ContactPhase* phase = nullptr;
  int day_in_phase = 0;  // 1-based
  int phase_days = 0;
  int day_in_plan = 0;  // 1-based
  int plan_days = 0;
};

// nullopt before the plan starts or after its last phase.
std::optional<PlanPosition> plan_position(const ContactPlan& plan, LocalDate on);
// Planned contacts a week in a phase (twice daily = 14, alternate days = 4): a taper lowers this.
int contacts_per_week(const ContactPhase& phase);
// First days of the phases that lower contact intensity (the step-downs), in order.
std::vector<LocalDate> step_down_dates(const ContactPlan& plan);
// "Daily · day 3 of 7", or "" when there is no current phase.
std::string phase_summary(const ContactPlan* plan, LocalDate on);

}  // namespace vb
