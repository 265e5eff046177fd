// Column generation on CLP through its C interface (from the solver plugin).
#include "solve/allocation_bound.hpp"

#include "solve/set_partitioning.hpp"

#include "solve/solver_api.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

namespace vb::solve {

BoundResult lower_bound(const alloc::Instance& in, const alloc::Routes& start, int ng_size, int max_rounds,
                        const std::vector<int>& fix_uncovered) {
  BoundResult out;
  const SolverApi* api = solver_api_or_null();
  if (!api) return out;  // no solver plugin: no proven bound
  SetPartitioning m = base_model(in, false);
  for (size_t v = 0; v < fix_uncovered.size() && v < static_cast<size_t>(in.nv); ++v) {
    // Covered: a prohibitive cost on leaving it uncovered keeps the restricted master feasible while columns
    // are generated; every point of the branch has u = 0, so the bound stays valid for it.
    if (fix_uncovered[v] == 0) m.objective[v] = 1e7;
    if (fix_uncovered[v] == 1) m.col_lower[v] = 1;
  }
  for (int s = 0; s < in.ns; ++s) {
    if (start[s].empty()) continue;
    alloc::RouteTiming t;
    if (!alloc::time_route(in, s, start[s], &t)) continue;
    add_route(m, in, alloc::Column{s, start[s], t.cost});
  }
  std::unique_ptr<Clp_Simplex, void (*)(Clp_Simplex*)> model(api->Clp_newModel(), api->Clp_deleteModel);
  Clp_Simplex* clp = model.get();
  api->Clp_setLogLevel(clp, 0);
  api->Clp_loadProblem(clp, m.cols, m.rows, m.start.data(), m.index.data(), m.value.data(), m.col_lower.data(),
                  m.col_upper.data(), m.objective.data(), m.row_lower.data(), m.row_upper.data());
  api->Clp_initialSolve(clp);
  double best = -1e300;
  bool all_complete = true;
  for (out.rounds = 0; out.rounds < max_rounds; ++out.rounds) {
    if (!api->Clp_isProvenOptimal(clp)) return out;
    const double z = api->Clp_objectiveValue(clp);
    out.lp_value = z;
    const double* y = api->Clp_dualRowSolution(clp);
    std::vector<double> visit_duals(in.nv);
    for (int v = 0; v < in.nv; ++v) visit_duals[v] = y[in.ns + v] + y[in.ns + in.nv + v];
    double lagrangian = z;
    std::vector<alloc::Column> fresh;
    for (int s = 0; s < in.ns; ++s) {
      alloc::Pricing pr = alloc::price_routes(in, s, visit_duals, y[s], ng_size, 8, 400000);
      if (!pr.complete) all_complete = false;
      lagrangian += std::min(0.0, pr.min_reduced_cost);
      for (auto& c : pr.columns) fresh.push_back(std::move(c));
    }
    if (all_complete) best = std::max(best, lagrangian);
    if (fresh.empty() || (all_complete && best >= z - 1e-6)) {
      if (all_complete && fresh.empty()) best = std::max(best, z);
      break;
    }
    SetPartitioning add;
    add.start.push_back(0);
    for (auto& c : fresh) add_route(add, in, c);
    out.pool.insert(out.pool.end(), fresh.begin(), fresh.end());
    api->Clp_addColumns(clp, add.cols, add.col_lower.data(), add.col_upper.data(), add.objective.data(),
                   add.start.data(), add.index.data(), add.value.data());
    out.columns += fresh.size();
    api->Clp_primal(clp, 0);
  }
  if (!all_complete) return out;
  if (const double* x = api->Clp_getColSolution(clp)) out.uncovered.assign(x, x + in.nv);
  out.valid = true;
  out.lower_bound = std::ceil(best - 1e-6);
  return out;
}

}  // namespace vb::solve
