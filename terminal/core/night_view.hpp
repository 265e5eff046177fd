#pragma once
// Care for an always-on wall screen: a night view out of hours (black background, high contrast),
// dimmer still in the small hours, and a small periodic shift of everything drawn so that static
// elements (header, column titles, legend) do not burn into the panel. Pure: takes `now`.
#include "core/local_time.hpp"

namespace vb {

struct NightHours {
  int night_from_hour = 20;  // local; the out-of-hours shift
  int night_until_hour = 8;
  int dim_from_hour = 23;    // local; nobody reads the wall closely
  int dim_until_hour = 6;
};

struct DisplayMode {
  bool night = false;   // out of hours: the night view
  bool dimmed = false;  // the small hours: dimmed as well
};

// By the team's local wall clock (so it follows the clock changes).
DisplayMode display_mode(Instant now, Zone zone, const NightHours& hours = {});

struct PixelShift {
  int x = 0;
  int y = 0;
};

// Where the whole picture sits this minute: one of twelve points on a circle of radius 3 px, one
// step a minute (so at most once a minute, and never more than 3 px from centre).
PixelShift burn_in_shift(Instant now);
inline constexpr int burn_in_max_px = 3;

}  // namespace vb
