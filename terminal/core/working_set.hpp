#pragma once
// The kiosk's working set: how much per-event history it loads. Small tables (staff, people,
// episodes, plans, decisions, thresholds, templates ...) are always loaded whole; visits, shifts,
// reviews, bookings, risk changes, concerns and the other per-event rows only from a horizon, plus
// everything belonging to an episode that was still open at the horizon. Data commands (report,
// export, backup, apply ...) load everything.
#include "core/local_time.hpp"

namespace vb {

// 26 weeks: compliance looks back 12 weekly figures over 28-day windows (16 weeks), reviews are
// at most six-weekly, continuity looks back 7 days. The one place this length is set.
inline constexpr date::days working_set_history{26 * 7};

// The horizon for a kiosk loading at `now`: local midnight `working_set_history` before the local
// date of `now` (a local midnight, so it moves with the clock changes).
Instant working_set_from(Instant now, Zone zone);

}  // namespace vb
