// Set partitioning over enumerated routes, solved by CBC through its C interface (from the solver plugin).
#include "solve/allocation_exact.hpp"

#include "solve/set_partitioning.hpp"

#include "solve/solver_api.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <memory>

namespace vb::solve {

ExactResult solve_exact(const alloc::Instance& in, std::size_t label_limit) {
  if (!solver_api_or_null()) return {};  // no solver plugin: the caller falls back to the heuristic
  std::vector<alloc::Column> all;
  for (int s = 0; s < in.ns; ++s) {
    std::vector<alloc::Column> cols;
    if (!alloc::enumerate_routes(in, s, label_limit, &cols)) return {};
    for (auto& c : cols) all.push_back(std::move(c));
    if (all.size() > label_limit) return {};
  }
  return solve_over_columns(in, std::move(all), alloc::heuristic_routes(in));
}

ExactResult solve_over_columns(const alloc::Instance& in, std::vector<alloc::Column> all, const alloc::Routes& start) {
  ExactResult out;
  const SolverApi* api = solver_api_or_null();
  if (!api) return out;
  // Keep elementary columns that carry all of their staff member's kept pins; add the start routes.
  std::erase_if(all, [&](const alloc::Column& c) {
    std::vector<int> sorted = c.visits;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) return true;
    for (int v : in.pins_of[c.staff])
      if (!std::binary_search(sorted.begin(), sorted.end(), v)) return true;
    return false;
  });
  std::vector<int> start_column(in.ns, -1);
  for (int s = 0; s < in.ns; ++s) {
    alloc::RouteTiming t;
    if (start[s].empty() || !alloc::time_route(in, s, start[s], &t)) continue;
    start_column[s] = in.nv + static_cast<int>(all.size());
    all.push_back(alloc::Column{s, start[s], t.cost});
  }
  SetPartitioning m = base_model(in, true);
  for (auto& c : all) add_route(m, in, c);
  out.columns = all.size();

  std::unique_ptr<Cbc_Model, void (*)(Cbc_Model*)> model(api->Cbc_newModel(), api->Cbc_deleteModel);
  Cbc_Model* cbc = model.get();
  api->Cbc_loadProblem(cbc, m.cols, m.rows, m.start.data(), m.index.data(), m.value.data(), m.col_lower.data(),
                  m.col_upper.data(), m.objective.data(), m.row_lower.data(), m.row_upper.data());
  for (int j = 0; j < m.cols; ++j) api->Cbc_setInteger(cbc, j);
  api->Cbc_setLogLevel(cbc, 0);
  api->Cbc_setParameter(cbc, "log", "0");
  api->Cbc_setParameter(cbc, "slog", "0");
  api->Cbc_setParameter(cbc, "threads", "0");
  api->Cbc_setParameter(cbc, "cuts", "off");
  api->Cbc_setParameter(cbc, "heuristicsOnOff", "off");
  api->Cbc_setParameter(cbc, "preprocess", "off");
  {
    // Start from the heuristic's proposal: an incumbent from the first node prunes most of the tree.
    std::vector<double> x0(static_cast<size_t>(m.cols), 0.0);
    std::vector<int> count(in.nv, 0);
    for (int s = 0; s < in.ns; ++s)
      if (start_column[s] >= 0) {
        x0[start_column[s]] = 1;
        for (int v : start[s]) ++count[v];
      }
    for (int v = 0; v < in.nv; ++v)
      if (count[v] < in.need[v]) x0[v] = 1;
    std::vector<int> idx(static_cast<size_t>(m.cols));
    for (int j = 0; j < m.cols; ++j) idx[j] = j;
    api->Cbc_setMIPStartI(cbc, m.cols, idx.data(), x0.data());
  }
  api->Cbc_setMaximumNodes(cbc, 100000);  // a node limit, not a clock: determinism
  api->Cbc_setAllowableGap(cbc, 0.5);     // costs are whole numbers: within 0.5 is optimal
  api->Cbc_solve(cbc);
  const double* x = api->Cbc_getColSolution(cbc);
  if (x == nullptr || api->Cbc_isProvenInfeasible(cbc)) return out;
  out.routes.assign(in.ns, {});
  for (int s = 0; s < in.ns; ++s) out.routes[s] = in.pins_of[s];
  for (size_t k = 0; k < all.size(); ++k)
    if (x[in.nv + k] > 0.5) out.routes[all[k].staff] = all[k].visits;
  out.solved = true;
  out.proven = api->Cbc_isProvenOptimal(cbc) != 0;
  out.bound = api->Cbc_getBestPossibleObjValue(cbc);
  return out;
}

}  // namespace vb::solve
