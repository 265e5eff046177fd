#pragma once
// "Missed" is derived, never stored: no access, or still planned an hour after the window ended.
// A missed visit needs a follow-up decision the same day.
#include "core/snapshot.hpp"

#include <unordered_set>

namespace vb {

inline constexpr auto missed_after_window = std::chrono::hours{1};

bool is_missed(const Visit& v, Instant now);
// A missed visit that no other visit follows up (follow_up_of) and that is not itself superseded.
bool needs_follow_up(const Snapshot& s, const Visit& v, Instant now);
// Ids of visits that another (not team-cancelled) visit follows up; one pass over all visits.
std::unordered_set<Id> followed_up_visits(const Snapshot& s);

}  // namespace vb
