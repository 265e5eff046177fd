#pragma once
// The one rule for whether a visit is out of hours (domain.md: "weekdays 17:00–09:00, all of
// Saturday and Sunday, and bank holidays, all team-editable"), from the team's rota rules:
// - all day on a Saturday, a Sunday or one of the rules' bank holidays;
// - on other days, a visit starting before the in-hours day begins or from its end on (the rota
//   rules' "out_of_hours": 09:00–17:00 by default, though an early shift starts at 08:00).
// By the local date and wall time of the visit's start in the team's zone, so it holds across the
// clock changes. Used by plan generation and the demo; any path that creates a visit by hand or by
// import must use it too rather than a copy.
#include "core/rota_rules.hpp"

namespace vb {

// Local minutes since midnight at which a weekday's in-hours day begins and ends (09:00, 17:00 by default).
int in_hours_start_min(const RotaRules& rules);
int in_hours_end_min(const RotaRules& rules);

// Whether a visit whose window starts at local date `d`, `minute` minutes after local midnight, is
// out of hours.
bool out_of_hours_at(const RotaRules& rules, LocalDate d, int minute);
// The same for an instant.
bool starts_out_of_hours(const RotaRules& rules, Instant start, Zone zone);

}  // namespace vb
