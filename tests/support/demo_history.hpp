#pragma once
// A demo team (core/demo_team.hpp) of `seed` at `now`, London local time ("2027-11-15T23:59"), with
// `history_days` days of history: shared by the compliance tests that compare the board's shortcuts
// with the straightforward computation on histories holding the clock changes.
#include "core/demo_team.hpp"
#include "core/local_time.hpp"

#include <cstdint>

namespace vb::test {

inline Snapshot demo_history(std::uint64_t seed, const char* now, int history_days) {
  DemoOptions o;
  o.seed = seed;
  o.now = *parse_instant(now, find_zone("Europe/London"));
  o.history_days = history_days;
  return generate_demo_team(o);
}

}  // namespace vb::test
