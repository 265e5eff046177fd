// Out of hours by the team's rota rules: one rule for generated, demo and hand-made visits.
#include "core/out_of_hours.hpp"

namespace vb {

namespace {

// The weekday pattern of `kind` (never the weekend variant: a weekday's day is what matters).
int weekday_start(const RotaRules& rules, ShiftKind kind, int fallback) {
  for (const auto& p : rules.shifts)
    if (p.kind == kind && !p.weekend) return p.start_min;
  return fallback;
}

}  // namespace

int in_hours_start_min(const RotaRules& rules) { return weekday_start(rules, ShiftKind::early, 8 * 60); }

int in_hours_end_min(const RotaRules& rules) { return weekday_start(rules, ShiftKind::twilight, 17 * 60); }

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
