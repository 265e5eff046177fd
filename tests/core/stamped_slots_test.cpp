// The measures' flat person index (issue 6) answers as the std::unordered_map it replaced: the same
// entry for an id however many others came since (growth included), a new id at {0, 0}.
#include "core/compliance_detail.hpp"

#include <doctest/doctest.h>

#include <random>
#include <unordered_map>

using namespace vb;

TEST_CASE("stamped slots: every id keeps its entry as a map would, through growth and reuse") {
  std::mt19937_64 rng(7);
  detail::StampedSlots slots;
  std::unordered_map<Id, std::pair<long, size_t>> map;
  for (long stamp = 1; stamp <= 400; ++stamp) {
    // A day's people: ids near each other (as episode ids are) and a few anywhere.
    const int n = static_cast<int>(rng() % 60);
    for (int k = 0; k < n; ++k) {
      const Id id = rng() % 8 == 0 ? static_cast<Id>(rng()) : static_cast<Id>(1000 + rng() % 3000);
      auto& a = slots[id];
      auto& b = map[id];
      REQUIRE(a == b);
      if (a.first != stamp) {
        a = {stamp, static_cast<size_t>(k)};
        b = a;
      }
    }
  }
  CHECK(map.size() > 2000);
  for (const auto& [id, v] : map) CHECK(slots[id] == v);
  CHECK(slots[-5] == std::pair<long, size_t>{0, 0});
  CHECK(slots[0] == std::pair<long, size_t>{0, 0});
}
