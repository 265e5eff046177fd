#pragma once
// The allocation problem for a period, built from the app's snapshot: the planned home visits starting in
// [from, to), the staff whose shift overlaps it, continuity from the episode's named worker and the visits done
// in the 7 days before `now`, and the allocations a person already made as pins.
//
// Defaults when a visit does not say what it needs (Visit::required_skills empty):
//   - a high-risk episode's visit needs a trained clinician ("trained");
//   - a visit starting at night (22:00-07:00 local) is a double-up, like one marked double_up.
// Every staff member starts from the team base at (0, 0) km; durations of 0 count as 45 minutes.
#include "core/allocation.hpp"
#include "core/snapshot.hpp"

namespace vb {

AllocationProblem problem_from_snapshot(const Snapshot& s, Instant from, Instant to, Instant now);

// The required skills the bridge uses for a visit (its own list, else the defaults above).
std::vector<std::string> required_skills_for(const Visit& v, const Episode* episode);
bool is_night_start(Instant start, Zone zone);

}  // namespace vb
