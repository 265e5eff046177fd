#pragma once
// A synthetic demo team built around one "now": staff, rota, caseload, tapers, visits, reviews and two
// years of closed episodes. Pure and deterministic: the same options give the same snapshot anywhere.
#include "core/snapshot.hpp"

#include <cstdint>
#include <string>

namespace vb {

struct DemoOptions {
  std::uint64_t seed = 1;
  Instant now{};
  std::string time_zone{default_team_zone};
  int history_days = 730;  // closed episodes (and their visits and rota) this far back
  int days_ahead = 14;     // rota, planned visits and review slots this far ahead
};

// Everything derives from options.now in options.time_zone; the clock and machine zone are never read.
// The result has is_demo set and is reindexed. Throws std::invalid_argument for an unknown zone.
Snapshot generate_demo_team(const DemoOptions& options);

}  // namespace vb
