#pragma once
// The exact path for one shift (up to about 20 visits): every feasible route of every staff member from the
// label DP, then one route each chosen by a set-partitioning MIP on CBC (single thread, cuts and heuristics
// off: the LP is nearly integral, so branching proves optimality quickly).
#include "core/allocation_heuristic.hpp"
#include "core/allocation_routes.hpp"

#include <cstddef>

namespace vb::solve {

struct ExactResult {
  bool solved = false;   // false: too many routes to enumerate (use the heuristic) or CBC gave up
  bool proven = false;   // CBC proved optimality
  alloc::Routes routes;  // one per staff member
  std::size_t columns = 0;
  double bound = 0;      // CBC's best possible value
};

ExactResult solve_exact(const alloc::Instance& in, std::size_t label_limit = 150000);

// The same MIP over a given pool of routes (price-and-branch after column generation), started from `start`.
// Only elementary columns carrying their staff member's pins are used; `proven` is then over the pool only.
ExactResult solve_over_columns(const alloc::Instance& in, std::vector<alloc::Column> pool, const alloc::Routes& start);

}  // namespace vb::solve
