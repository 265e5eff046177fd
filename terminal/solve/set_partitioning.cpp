// Building the set-partitioning arrays.
#include "solve/set_partitioning.hpp"

#include <algorithm>
#include <map>

namespace vb::solve {

SetPartitioning base_model(const alloc::Instance& in, bool pins_fix_rows) {
  SetPartitioning m;
  m.rows = in.ns + 2 * in.nv;
  for (int s = 0; s < in.ns; ++s) {
    m.row_lower.push_back(pins_fix_rows && !in.pins_of[s].empty() ? 1.0 : 0.0);
    m.row_upper.push_back(1.0);
  }
  for (int v = 0; v < in.nv; ++v) {
    m.row_lower.push_back(in.need[v]);
    m.row_upper.push_back(1e30);
  }
  for (int v = 0; v < in.nv; ++v) {
    m.row_lower.push_back(-1e30);
    m.row_upper.push_back(in.need[v]);
  }
  m.start.push_back(0);
  for (int v = 0; v < in.nv; ++v) {
    m.index.push_back(in.ns + v);
    m.value.push_back(in.need[v]);
    m.start.push_back(static_cast<int>(m.index.size()));
    m.objective.push_back(static_cast<double>(in.uncovered_cost[v]));
    m.col_lower.push_back(0);
    m.col_upper.push_back(1);
    ++m.cols;
  }
  return m;
}

void add_route(SetPartitioning& m, const alloc::Instance& in, const alloc::Column& c) {
  std::map<int, int> times;
  for (int v : c.visits) ++times[v];
  m.index.push_back(c.staff);
  m.value.push_back(1.0);
  for (auto [v, k] : times) {
    m.index.push_back(in.ns + v);
    m.value.push_back(k);
  }
  for (auto [v, k] : times) {
    m.index.push_back(in.ns + in.nv + v);
    m.value.push_back(k);
  }
  m.start.push_back(static_cast<int>(m.index.size()));
  m.objective.push_back(static_cast<double>(c.cost));
  m.col_lower.push_back(0);
  m.col_upper.push_back(1);
  ++m.cols;
}

}  // namespace vb::solve
