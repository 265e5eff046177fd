// The out-of-hours shift a visit falls in: windows from the rota rules (core/ooh_gaps), true
// local times across clock changes.
#include "core/ooh_allocation.hpp"

namespace vb {

// ooh_shift_windows: in core/ooh_gaps.cpp, beside ooh_window whose windows it gives.

Instant ooh_shift_start(const OohShiftWindows& w, Instant visit_start) {
  for (const auto& [start, end] : w.windows)
    if (start <= visit_start && visit_start < end) return start;
  std::optional<Instant> latest;
  for (const auto& [start, end] : w.windows)
    if (start <= visit_start && (!latest || start > *latest)) latest = start;
  return latest.value_or(visit_start);
}

}  // namespace vb
