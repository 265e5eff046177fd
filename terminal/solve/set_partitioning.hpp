#pragma once
// The set-partitioning model shared by the exact MIP (CBC) and the bound's master LP (CLP), in the
// column-major arrays their C interfaces take. Rows: one per staff member (at most one route), one cover row
// per visit (routes + need x uncovered >= need) and one cap row per visit (routes <= need). Columns: one
// "uncovered" column per visit, then the routes.
#include "core/allocation_routes.hpp"

#include <vector>

namespace vb::solve {

struct SetPartitioning {
  int rows = 0;
  int cols = 0;
  std::vector<double> row_lower, row_upper;
  std::vector<int> start;  // size cols + 1
  std::vector<int> index;
  std::vector<double> value, objective, col_lower, col_upper;
};

// Rows and the uncovered columns. With pins_fix_rows, a staff member with kept pins must take one route.
SetPartitioning base_model(const alloc::Instance& in, bool pins_fix_rows);
// Appends one route column (a visit that appears twice in an ng-route counts twice).
void add_route(SetPartitioning& m, const alloc::Instance& in, const alloc::Column& c);

}  // namespace vb::solve
