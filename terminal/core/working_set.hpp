#pragma once
// The kiosk's working set: how much history it loads. Small tables (staff, decisions, thresholds,
// key people, templates ...) are always loaded whole; visits, shifts, reviews, bookings, risk
// changes, concerns and the other per-event rows only from a horizon, plus everything belonging to
// an episode that was still open at the horizon; episodes (with their people) from a longer one
// (working_set_episode_history), plans with the per-event rows. Data commands (report, export,
// backup, apply ...) load everything.
#include "core/local_time.hpp"

namespace vb {

// 26 weeks: compliance looks back 12 weekly figures over 28-day windows (16 weeks), reviews are
// at most six-weekly, continuity looks back 7 days. The one place this length is set.
inline constexpr date::days working_set_history{26 * 7};

// The horizon for a kiosk loading at `now`: local midnight `working_set_history` before the local
// date of `now` (a local midnight, so it moves with the clock changes).
Instant working_set_from(Instant now, Zone zone);

// Episodes (with their people, plans and phases) in the working set: every one open at, or closed
// since, local midnight 53 weeks before today (the outcomes screen looks back 364 days: episodes
// opened and closed, re-presentation after a closure, destinations), every one a decision names,
// and every one a loaded row belongs to. Older closed episodes stay in the file.
inline constexpr date::days working_set_episode_history{53 * 7};

// That horizon from a working set's `history_from` (the same today): a local midnight.
Instant working_set_episodes_from(Instant history_from, Zone zone);

}  // namespace vb
