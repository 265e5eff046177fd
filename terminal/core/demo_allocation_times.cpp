// When the demo's visits were allocated (migration 007): the coordinator allocates out-of-hours
// visits in the afternoon before their shift (30 min to 4 h 30 before it starts), except about one
// in nine, allocated during the shift (10 min to 2 h after it started: the visit goes late); daytime visits the afternoon before. Nothing is allocated after `now`.
#include "core/demo_detail.hpp"
#include "core/ooh_allocation.hpp"

#include <algorithm>
#include <map>

namespace vb::demo {

void add_allocation_times(Snapshot& s, const ScheduleContext& ctx) {
  StaffId coordinator;
  for (const auto& st : s.staff)
    if (std::find(st.roles.begin(), st.roles.end(), Role::coordinator) != st.roles.end()) {
      coordinator = st.id;
      break;
    }
  std::map<LocalDate, OohShiftWindows> windows;
  using std::chrono::minutes;
  for (auto& v : s.visits) {
    if (!v.allocated()) continue;
    const auto h = static_cast<long>((static_cast<std::uint64_t>(v.id) * 2654435761u) % 1000);
    Instant at;
    if (v.out_of_hours) {
      auto it = windows.find(v.date);
      if (it == windows.end()) it = windows.emplace(v.date, ooh_shift_windows(s, v.date)).first;
      const Instant start = ooh_shift_start(it->second, v.window_start);
      if (h % 9 == 0)
        at = start + minutes{10 + h % 110};
      else
        at = start - minutes{30 + h % 240};
    } else {
      at = v.window_start - minutes{(17 + h % 6) * 60 + h % 60};
    }
    // Visits ahead of now were allocated a little before now (or are still to be, by someone).
    if (at > ctx.now) at = ctx.now - minutes{20 + h % 200};
    v.allocated_at = at;
    v.allocated_by = coordinator.empty() ? v.staff1 : coordinator;
  }
}

}  // namespace vb::demo
