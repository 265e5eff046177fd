#pragma once
// kiosk_bench --trust: one Snapshot holding many demo teams (a trust), for measuring the kiosk at
// trust scale. Each team is generate_demo_team with its own seed; its staff ids are renamed
// "T03-S07", its local ids "T03-HT-1042", and every numeric id is offset by team * id_stride so
// nothing collides; references are rewritten the same way. The Snapshot (and the database) hold
// one team row, so all rows carry the first team's team_id.
#include "core/demo_team.hpp"

#include <cstddef>

namespace vb::bench {

struct TrustBuild {
  Snapshot snapshot;
  std::size_t nhs_numbers_cleared = 0;  // NHS numbers that repeated across teams (left unknown)
};

inline constexpr Id trust_id_stride = 10'000'000;

// teams seeds: first_seed, first_seed + 1, ...; the result is reindexed.
TrustBuild build_trust_snapshot(const DemoOptions& options, int teams);

// Empty when every id in the snapshot is unique and every reference resolves; else what is wrong.
std::string trust_problem(const Snapshot& s);

}  // namespace vb::bench
