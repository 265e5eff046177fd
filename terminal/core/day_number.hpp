#pragma once
// Local dates as day numbers (days since 1970-01-01 of the local calendar): the compliance measures
// compare and step through days many thousand times a board, and a year_month_day costs a calendar
// conversion each time (issue 6). day_number(local_date_of(t, zone)) == local_day_number(t, zone).
#include "core/local_time.hpp"

namespace vb {

inline long day_number(LocalDate d) { return date::sys_days{d}.time_since_epoch().count(); }
inline LocalDate date_of_day_number(long n) { return LocalDate{date::sys_days{date::days{n}}}; }
// The local day number of an instant, without making its date (core/local_time.cpp).
long local_day_number(Instant t, Zone zone);

}  // namespace vb
