// The out-of-hours shift a visit falls in: windows from the rota rules (core/ooh_gaps), true
// local times across clock changes.
#include "core/ooh_allocation.hpp"

namespace vb {

OohShiftWindows ooh_shift_windows(const Snapshot& s, LocalDate d) {
  const LocalDate before{date::sys_days{d} - date::days{1}};
  OohShiftWindows w;
  const OohWindow parts[] = {ooh_window(s, before, OohPart::night), ooh_window(s, d, OohPart::day),
                             ooh_window(s, d, OohPart::evening), ooh_window(s, d, OohPart::night)};
  for (size_t i = 0; i < 4; ++i) w.windows[i] = {parts[i].start, parts[i].end};
  return w;
}

Instant ooh_shift_start(const OohShiftWindows& w, Instant visit_start) {
  for (const auto& [start, end] : w.windows)
    if (start <= visit_start && visit_start < end) return start;
  std::optional<Instant> latest;
  for (const auto& [start, end] : w.windows)
    if (start <= visit_start && (!latest || start > *latest)) latest = start;
  return latest.value_or(visit_start);
}

}  // namespace vb
