#pragma once
// Local dates as day numbers (days since 1970-01-01 of the local calendar): the compliance measures
// compare and step through days many thousand times a board, and a year_month_day costs a calendar
// conversion each time (issue 6). day_number(local_date_of(t, zone)) == local_day_number(t, zone).
#include "core/local_time.hpp"

#include <cstdint>

namespace vb {

inline long day_number(LocalDate d) { return date::sys_days{d}.time_since_epoch().count(); }
inline LocalDate date_of_day_number(long n) { return LocalDate{date::sys_days{date::days{n}}}; }
// The local day number of an instant, without making its date (core/local_time.cpp).
long local_day_number(Instant t, Zone zone);
// A date's fields packed into one integer in date order (year, month, day), without the calendar
// conversion of day_number: date_key(a) < date_key(b) exactly when a < b, equal exactly when a == b
// (year_month_day's own comparisons test field by field, each a branch). Not a count of days.
inline std::uint32_t date_key(LocalDate d) {
  return (static_cast<std::uint32_t>(static_cast<int>(d.year()) + 32768) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned>(d.month())) << 8) | static_cast<unsigned>(d.day());
}

}  // namespace vb
