#pragma once
// Instants are UTC; the team's wall clock is a named time zone (default Europe/London).
// Nothing here reads a clock or the machine's zone: callers pass `now` and the zone.
#include <date/date.h>
#include <date/tz.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace vb {

using Instant = date::sys_seconds;
using LocalDate = date::year_month_day;
using LocalDateTime = date::local_seconds;
using Zone = const date::time_zone*;

inline constexpr std::string_view default_team_zone = "Europe/London";

// Throws std::invalid_argument naming the zone when the tz database does not know it.
Zone find_zone(std::string_view name);

LocalDateTime to_local(Instant t, Zone zone);
LocalDate local_date_of(Instant t, Zone zone);

// Local wall time to an instant, with one policy for both clock changes:
// a time in the spring-forward gap maps to the first instant after the gap (01:30 -> 02:00 BST);
// a time in the autumn overlap maps to its first occurrence (01:30 BST, not 01:30 GMT).
Instant from_local(LocalDateTime local, Zone zone);
Instant start_of_local_day(LocalDate d, Zone zone);
Instant local_day_time(LocalDate d, std::chrono::minutes since_midnight, Zone zone);

// "2026-11-23T08:30:00Z" (always UTC, seconds, Z): the storage form.
std::string format_utc(Instant t);
// "08:30" in the zone.
std::string format_local_hm(Instant t, Zone zone);
// "2026-11-23T08:30" in the zone (no offset), for people.
std::string format_local_datetime(Instant t, Zone zone);
std::string format_date(LocalDate d);
// "Mon 23 Nov"
std::string format_day_label(LocalDate d);

// "YYYY-MM-DD", a real calendar date; nullopt otherwise.
std::optional<LocalDate> parse_date(std::string_view text);
// ISO-8601 "YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM|-HH:MM]"; a space may replace the T.
// Without an offset the time is local to `zone` (clock-change policy as from_local).
std::optional<Instant> parse_instant(std::string_view text, Zone zone);
// The storage form only (what format_utc writes); throws std::runtime_error naming the text otherwise.
Instant parse_stored_utc(std::string_view text);

}  // namespace vb
