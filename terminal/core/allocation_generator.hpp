#pragma once
// Seeded allocation instances that look like a real team (for the benchmark and property tests): homes in
// 3-5 town clusters plus a scattered rest, windows by part of day / 2-hour slot / fixed +-15 min, 10-20%
// double-ups with fixed starts (all at night), a realistic staff mix and shift times with their true length.
// Integer draws from std::mt19937_64 only, so every machine builds the same instance.
#include "core/allocation.hpp"

#include <cstdint>
#include <vector>

namespace vb {

struct TeamInstanceSpec {
  int team = 1;
  double centre_x_km = 0, centre_y_km = 0;
  int visits = 15;
  int early = 0, late = 0, twilight = 0, night = 0;  // staff on each shift
  int first_start_min = 17 * 60;  // visit starts drawn within these local minutes (may pass 24 h)
  int last_start_min = 22 * 60;
  bool night_visits = false;  // every visit a double-up with a fixed start
};

AllocationProblem generate_team_instance(const TeamInstanceSpec& spec, LocalDate day, std::uint64_t seed);

// The three benchmark sizes. An overloaded evening has more visits than its staff can do.
AllocationProblem generate_team_evening(LocalDate day, std::uint64_t seed, bool overloaded = false);
AllocationProblem generate_team_day(LocalDate day, std::uint64_t seed);
// Fifteen team days (independent) and one pooled night across the trust (a joint instance).
std::vector<AllocationProblem> generate_trust(LocalDate day, std::uint64_t seed);

}  // namespace vb
