// Out of hours by the team's rota rules: one rule for generated, demo and hand-made visits.
#include "core/out_of_hours.hpp"

namespace vb {

int in_hours_start_min(const RotaRules& rules) { return rules.in_hours_from_min; }

int in_hours_end_min(const RotaRules& rules) { return rules.in_hours_until_min; }

bool out_of_hours_at(const RotaRules& rules, LocalDate d, int minute) {
  if (is_out_of_hours_day(rules, d)) return true;
  return minute < in_hours_start_min(rules) || minute >= in_hours_end_min(rules);
}

bool starts_out_of_hours(const RotaRules& rules, Instant start, Zone zone) {
  const auto local = to_local(start, zone);
  const auto midnight = date::floor<date::days>(local);
  const int minute = static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(local - midnight).count());
  return out_of_hours_at(rules, LocalDate{midnight}, minute);
}

}  // namespace vb
