// Position on a taper by local calendar days (clock changes do not move a day).
#include "core/contact_plan.hpp"

namespace vb {

std::optional<PlanPosition> plan_position(const ContactPlan& plan, LocalDate on) {
  auto offset = (date::sys_days{on} - date::sys_days{plan.start_date}).count();
  if (offset < 0) return std::nullopt;
  int total = 0;
  for (const auto& p : plan.phases) total += p.length_days;
  int start = 0;
  for (const auto& p : plan.phases) {
    if (offset < start + p.length_days) {
      return PlanPosition{&p, static_cast<int>(offset - start) + 1, p.length_days, static_cast<int>(offset) + 1, total};
    }
    start += p.length_days;
  }
  return std::nullopt;
}

int contacts_per_week(const ContactPhase& p) {
  if (p.visits_per_day > 0) return p.visits_per_day * 7;
  if (p.every_n_days > 0) return (7 + p.every_n_days - 1) / p.every_n_days;
  if (p.per_week > 0) return p.per_week;
  return 0;
}

std::vector<LocalDate> step_down_dates(const ContactPlan& plan) {
  std::vector<LocalDate> out;
  if (plan.phases.size() > 1) out.reserve(plan.phases.size() - 1);  // one allocation (at most one a phase)
  // Counted in days; a date is made only for a step-down.
  date::sys_days start{plan.start_date};
  for (size_t i = 0; i + 1 < plan.phases.size(); ++i) {
    start += date::days{plan.phases[i].length_days};
    if (contacts_per_week(plan.phases[i + 1]) < contacts_per_week(plan.phases[i])) out.push_back(LocalDate{start});
  }
  return out;
}

std::string phase_summary(const ContactPlan* plan, LocalDate on) {
  if (!plan) return "";
  auto pos = plan_position(*plan, on);
  if (!pos) return "";
  return pos->phase->label + " · day " + std::to_string(pos->day_in_phase) + " of " + std::to_string(pos->phase_days);
}

}  // namespace vb
