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

std::string phase_summary(const ContactPlan* plan, LocalDate on) {
  if (!plan) return "";
  auto pos = plan_position(*plan, on);
  if (!pos) return "";
  return pos->phase->label + " · day " + std::to_string(pos->day_in_phase) + " of " + std::to_string(pos->phase_days);
}

}  // namespace vb
