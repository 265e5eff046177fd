#pragma once
// The kiosk's working set: how much history it loads. Small tables (staff, decisions, thresholds,
// key people, templates ...) are always loaded whole; visits, shifts, reviews, bookings, risk
// changes, concerns and the other per-event rows only from a horizon, plus everything belonging to
// an episode that was still open at the horizon; episodes (with their people) from a longer one
// (working_set_episode_history), plans with the per-event rows. Data commands (report, export,
// backup, apply ...) load everything.
#include "core/local_time.hpp"

#include <algorithm>

namespace vb {

// The shortest history the kiosk holds: 17 weeks. Compliance with the default rules looks back 12
// weekly figures over 28-day windows (11 weeks + 28 days = 105 days), plus a week's margin for
// measures whose items reach back a few days (continuity, follow-ups); reviews are at most
// six-weekly. A team whose compliance rules ask for more gets more (working_set_history_for).
inline constexpr date::days working_set_history{17 * 7};

// The history compliance needs with a rules file's period and trend: the oldest trend week's window
// starts (trend_weeks - 1) weeks and period_days before today; a week's margin; never less than
// working_set_history.
inline date::days working_set_history_for(int period_days, int trend_weeks) {
  return std::max(working_set_history, date::days{period_days + 7 * (trend_weeks - 1) + 7});
}

// The horizon for a kiosk loading at `now`: local midnight `working_set_history` before the local
// date of `now` (a local midnight, so it moves with the clock changes).
Instant working_set_from(Instant now, Zone zone);
// The same with a longer history (working_set_history_for).
Instant working_set_from(Instant now, Zone zone, date::days history);

// Episodes (with their people, plans and phases) in the working set: every one open at, or closed
// since, local midnight 53 weeks before today (the outcomes screen looks back 364 days: episodes
// opened and closed, re-presentation after a closure, destinations), every one a decision names,
// and every one a loaded row belongs to. Older closed episodes stay in the file.
inline constexpr date::days working_set_episode_history{53 * 7};

// That horizon from a working set's `history_from` (the same today): a local midnight. A longer
// history (working_set_history_for) moves it back by as much, so episodes always reach further.
Instant working_set_episodes_from(Instant history_from, Zone zone);

// The kiosk starts in two steps (app/cmd_run.cpp): before its first frame (locked, Today) it loads
// only what that frame reads, the rows of episodes open at a near horizon and of the days since,
// and its whole working set right after it. A test draws the locked Today from both and checks
// they are the same: the board looks back a few days (missed visits without a follow-up, last
// contact), so the near horizon is first_frame_history days before today.
inline constexpr date::days first_frame_history{8};
// Its horizon: local midnight first_frame_history before the local date of `now`.
Instant first_frame_from(Instant now, Zone zone);

}  // namespace vb
