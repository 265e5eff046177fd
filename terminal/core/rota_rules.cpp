// Shift times from the team's rules, in the team's zone, across clock changes.
#include "core/rota_rules.hpp"

#include <cstdio>

namespace vb {

bool is_weekend_day(LocalDate d) {
  date::weekday w{date::sys_days{d}};
  return w == date::Saturday || w == date::Sunday;
}

bool is_out_of_hours_day(const RotaRules& rules, LocalDate d) {
  return is_weekend_day(d) || rules.bank_holidays.on(d) != nullptr;
}

std::string day_window_label(const RotaRules& rules, LocalDate d) {
  if (const BankHoliday* h = rules.bank_holidays.on(d)) return h->name;
  return is_weekend_day(d) ? "Weekend day" : "Day";
}

const ShiftPattern* shift_pattern(const RotaRules& rules, ShiftKind kind, LocalDate d) {
  const bool weekend = is_out_of_hours_day(rules, d);  // a bank holiday takes the weekend times
  const ShiftPattern* any = nullptr;
  for (const auto& p : rules.shifts) {
    if (p.kind != kind) continue;
    if (p.weekend == weekend) return &p;
    if (!any && !p.weekend) any = &p;
  }
  return any;
}

std::pair<Instant, Instant> shift_instants(const ShiftPattern& p, LocalDate d, Zone zone) {
  auto at = [&](int minutes) {
    LocalDate day = date::year_month_day{date::sys_days{d} + date::days{minutes / (24 * 60)}};
    return local_day_time(day, std::chrono::minutes{minutes % (24 * 60)}, zone);
  };
  return {at(p.start_min), at(p.end_min)};
}

std::string pattern_times(const ShiftPattern& p) {
  char text[48];
  std::snprintf(text, sizeof text, "%02d:%02d–%02d:%02d", p.start_min / 60, p.start_min % 60, (p.end_min / 60) % 24,
                p.end_min % 60);
  return text;
}

}  // namespace vb
