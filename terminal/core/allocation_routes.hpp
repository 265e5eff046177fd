#pragma once
// Label dynamic programmes over one staff member's routes: enumerate every feasible visit set with its best
// order (the exact path's columns), and price routes by reduced cost (the bound's column generation, over
// ng-routes: a relaxation, so the bound stays valid).
#include "core/allocation_instance.hpp"

#include <vector>

namespace vb::alloc {

struct Column {
  int staff = 0;
  std::vector<int> visits;  // in time order
  long long cost = 0;       // travel + continuity + fairness
};

// Every feasible visit set of staff s (best order each) that contains all of s's kept pins, the empty route
// excluded. False when more than `limit` labels would be needed (the caller falls back to the heuristic).
bool enumerate_routes(const Instance& in, int s, std::size_t limit, std::vector<Column>* out);

struct Pricing {
  double min_reduced_cost = 0;  // over every (ng-)route of s, the empty one included (0)
  std::vector<Column> columns;  // negative reduced cost, best first, at most max_columns
  bool complete = true;         // false: label limit hit, min_reduced_cost is not proven
};

// Reduced cost of a route r: cost(r) - sum of visit_duals over its visits - staff_dual.
Pricing price_routes(const Instance& in, int s, const std::vector<double>& visit_duals, double staff_dual,
                     int ng_size, std::size_t max_columns, std::size_t label_limit);

}  // namespace vb::alloc
