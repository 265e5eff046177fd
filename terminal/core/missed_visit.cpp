// Missed visits and their follow-up.
#include "core/missed_visit.hpp"

namespace vb {

bool is_missed(const Visit& v, Instant now) {
  if (v.status == VisitStatus::no_access) return true;
  return v.status == VisitStatus::planned && now >= v.window_end + missed_after_window;
}

bool needs_follow_up(const Snapshot& s, const Visit& v, Instant now) {
  if (!is_missed(v, now)) return false;
  for (const auto& other : s.visits)
    if (other.follow_up_of && *other.follow_up_of == v.id && other.status != VisitStatus::cancelled_by_team) return false;
  return true;
}

}  // namespace vb
