#pragma once
// The out-of-hours shift windows (core/ooh_allocation's ooh_shift_windows) of every date of a range
// at once (issue 6: the compliance board asks for each date of its range): each date's window
// minutes and local instants are worked out once, and a date's night is the next date's "night
// before" without working it out again.
#include "core/ooh_allocation.hpp"

#include <vector>

namespace vb {

// [k] = ooh_shift_windows(s, first + k days), for first..last (empty when last < first).
std::vector<OohShiftWindows> ooh_shift_windows_range(const Snapshot& s, LocalDate first, LocalDate last);

}  // namespace vb
