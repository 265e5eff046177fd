#pragma once
// A lower bound on the best possible score: the set-partitioning LP relaxation solved by column generation on
// CLP, pricing with the label DP over ng-routes (a relaxation of elementary routes, so the bound stays valid).
// Each round also gives a Lagrangian bound (LP value + the most negative reduced cost per staff member), so a
// bound is valid even when the iteration limit stops the generation early.
#include "core/allocation_heuristic.hpp"
#include "core/allocation_routes.hpp"

namespace vb::solve {

struct BoundResult {
  bool valid = false;      // false: a pricing step hit its label limit, no proven bound
  double lower_bound = 0;  // rounded up to a whole number (scores are whole numbers)
  double lp_value = 0;     // the last master LP value
  int rounds = 0;
  std::size_t columns = 0;
  std::vector<alloc::Column> pool;  // every route column generated (for price-and-branch)
  std::vector<double> uncovered;    // the last LP's value of each visit's "uncovered" column
};

// fix_uncovered (optional, one entry per visit): -1 free, 0 the visit must be covered, 1 it stays uncovered
// (a branch of the bound: the bound of a problem is the smaller of its two branches' bounds).
BoundResult lower_bound(const alloc::Instance& in, const alloc::Routes& start, int ng_size = 8,
                        int max_rounds = 300, const std::vector<int>& fix_uncovered = {});

}  // namespace vb::solve
