// When a visit can happen: window, shift and the worker's other visits.
#include "core/visit_fit.hpp"

#include <algorithm>

namespace vb {

int visit_minutes(const Visit& v) { return v.duration_min > 0 ? v.duration_min : 30; }

Instant latest_start(const Visit& v) {
  Instant last = v.window_end - std::chrono::minutes{visit_minutes(v)};
  return std::max(last, v.window_start);
}

bool fits_shift(const Visit& v, const Shift& s) {
  const auto d = std::chrono::minutes{visit_minutes(v)};
  Instant lo = std::max(v.window_start, s.start);
  Instant hi = std::min(latest_start(v), s.end - d);
  return lo <= hi;
}

bool can_do_both(const Visit& a, const Visit& b) {
  auto first_then = [](const Visit& x, const Visit& y) {
    Instant x_done = x.window_start + std::chrono::minutes{visit_minutes(x)};
    return std::max(x_done, y.window_start) <= latest_start(y);
  };
  return first_then(a, b) || first_then(b, a);
}

bool holds_worker(const Visit& v) {
  return v.status == VisitStatus::planned || v.status == VisitStatus::done || v.status == VisitStatus::no_access;
}

std::vector<const Shift*> shifts_holding(const std::vector<Shift>& shifts, const StaffId& staff, const Visit& v) {
  std::vector<const Shift*> out;
  for (const auto& s : shifts)
    if (s.staff_id == staff && fits_shift(v, s)) out.push_back(&s);
  return out;
}

std::string skill_words(std::string_view skill) {
  if (skill == "prescriber") return "a prescriber";
  if (skill == "senior_reviewer") return "a senior reviewer";
  if (skill == "driver") return "a driver";
  if (skill == "lone_working") return "someone cleared to work alone";
  if (skill == "trained") return "trained staff";
  std::string w(skill);
  std::replace(w.begin(), w.end(), '_', ' ');
  return "'" + w + "'";
}

}  // namespace vb
