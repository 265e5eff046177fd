// Missed visits and their follow-up.
#include "core/missed_visit.hpp"

namespace vb {

bool is_missed(const Visit& v, Instant now) {
  if (v.status == VisitStatus::no_access) return true;
  return v.status == VisitStatus::planned && now >= v.window_end + missed_after_window;
}

std::unordered_set<Id> followed_up_visits(const Snapshot& s) {
  std::unordered_set<Id> ids;
  for (const auto& other : s.visits)
    if (other.follow_up_of && other.status != VisitStatus::cancelled_by_team) ids.insert(*other.follow_up_of);
  return ids;
}

bool needs_follow_up(const Snapshot& s, const Visit& v, Instant now) {
  return is_missed(v, now) && !followed_up_visits(s).count(v.id);
}

}  // namespace vb
