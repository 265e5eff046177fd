#pragma once
// Which out-of-hours shift a visit falls in, and when that shift starts: the compliance measure
// "visits allocated before the shift starts" (issue 6) and the demo's allocation times use it.
#include "core/ooh_gaps.hpp"

#include <array>

namespace vb {

// The out-of-hours windows around one local date d: the night that began on d - 1, d's day (08:00
// until the evening: out of hours at weekends and on bank holidays), d's evening and d's night.
struct OohShiftWindows {
  std::array<std::pair<Instant, Instant>, 4> windows{};  // [start, end)
};
OohShiftWindows ooh_shift_windows(const Snapshot& s, LocalDate d);
// The start of the window the visit's window starts in (d is the visit's date); between windows,
// the latest one that started before it; before any, the visit's own start.
Instant ooh_shift_start(const OohShiftWindows& w, Instant visit_start);

}  // namespace vb
