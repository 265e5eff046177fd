#pragma once
// The heuristic path for a day or the trust: coverage-first regret-2 insertion, then seeded ruin-and-recreate
// (remove 3-8 related visits plus everything uncovered, reinsert by regret) for a fixed number of iterations.
// Deterministic: same instance and seed, same routes. Pinned visits are never removed.
#include "core/allocation_instance.hpp"

#include <vector>

namespace vb::alloc {

struct HeuristicOptions {
  int iterations = -1;  // -1: chosen from the size of the instance
};

// One route (visit indices in time order) per staff member.
using Routes = std::vector<std::vector<int>>;

Routes heuristic_routes(const Instance& in, const HeuristicOptions& opt = {});
long long routes_value(const Instance& in, const Routes& routes);

}  // namespace vb::alloc
