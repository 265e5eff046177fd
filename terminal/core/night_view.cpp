// The night view's hours and the burn-in shift.
#include "core/night_view.hpp"

#include <array>

namespace vb {

namespace {

bool in_hours(int hour, int from, int until) { return from <= until ? hour >= from && hour < until : hour >= from || hour < until; }

}  // namespace

DisplayMode display_mode(Instant now, Zone zone, const NightHours& hours) {
  const auto local = to_local(now, zone);
  const auto since_midnight = local - date::floor<date::days>(local);
  const int hour = static_cast<int>(std::chrono::duration_cast<std::chrono::hours>(since_midnight).count());
  return DisplayMode{in_hours(hour, hours.night_from_hour, hours.night_until_hour),
                     in_hours(hour, hours.dim_from_hour, hours.dim_until_hour)};
}

PixelShift burn_in_shift(Instant now) {
  static constexpr std::array<PixelShift, 12> circle{{{3, 0}, {3, 2}, {2, 3}, {0, 3}, {-2, 3}, {-3, 2},
                                                      {-3, 0}, {-3, -2}, {-2, -3}, {0, -3}, {2, -3}, {3, -2}}};
  const auto minute = date::floor<std::chrono::minutes>(now).time_since_epoch().count();
  return circle[static_cast<size_t>(((minute % 12) + 12) % 12)];
}

}  // namespace vb
