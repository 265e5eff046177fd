// The kiosk's history horizon.
#include "core/working_set.hpp"

namespace vb {

Instant working_set_from(Instant now, Zone zone) { return working_set_from(now, zone, working_set_history); }

Instant working_set_from(Instant now, Zone zone, date::days history) {
  const LocalDate today = local_date_of(now, zone);
  return start_of_local_day(LocalDate{date::sys_days{today} - std::max(history, working_set_history)}, zone);
}

Instant first_frame_from(Instant now, Zone zone) {
  return start_of_local_day(LocalDate{date::sys_days{local_date_of(now, zone)} - first_frame_history}, zone);
}

Instant working_set_episodes_from(Instant history_from, Zone zone) {
  const LocalDate first = local_date_of(history_from, zone);
  return start_of_local_day(LocalDate{date::sys_days{first} - (working_set_episode_history - working_set_history)}, zone);
}

}  // namespace vb
