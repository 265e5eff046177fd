#pragma once
// When a visit can happen: inside its window, inside a worker's shift, beside another visit.
// A visit of duration d starts anywhere from window_start to window_end - d (or at window_start
// when the window is shorter than the visit). Travel is not counted here; the allocator adds it.
#include "core/model.hpp"

#include <string>
#include <vector>

namespace vb {

// Minutes the visit takes (a visit with no planned length counts as 30 minutes).
int visit_minutes(const Visit& v);
Instant latest_start(const Visit& v);

// The visit can be done wholly inside this shift.
bool fits_shift(const Visit& v, const Shift& s);
// Both visits can be done by one person, one after the other in some order (no travel).
bool can_do_both(const Visit& a, const Visit& b);
// The visit still needs doing (planned) or took the worker's time (done, no access); cancelled and
// rescheduled visits do not hold anyone.
bool holds_worker(const Visit& v);

// The shifts of `staff` that could hold the visit, from `shifts` (any order).
std::vector<const Shift*> shifts_holding(const std::vector<Shift>& shifts, const StaffId& staff, const Visit& v);

// "a prescriber", "a driver", "trained staff", "a senior reviewer", "lone working" ...
std::string skill_words(std::string_view skill);

}  // namespace vb
