// Set partitioning over enumerated routes, solved by CBC through its C interface.
#include "solve/allocation_exact.hpp"

#include "solve/set_partitioning.hpp"

#include <Cbc_C_Interface.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <memory>

namespace vb::solve {

ExactResult solve_exact(const alloc::Instance& in, std::size_t label_limit) {
  ExactResult out;
  std::vector<alloc::Column> all;
  for (int s = 0; s < in.ns; ++s) {
    std::vector<alloc::Column> cols;
    if (!alloc::enumerate_routes(in, s, label_limit, &cols)) return out;
    for (auto& c : cols) all.push_back(std::move(c));
    if (all.size() > label_limit) return out;
  }
  SetPartitioning m = base_model(in, true);
  for (auto& c : all) add_route(m, in, c);
  out.columns = all.size();

  std::unique_ptr<Cbc_Model, void (*)(Cbc_Model*)> model(Cbc_newModel(), Cbc_deleteModel);
  Cbc_Model* cbc = model.get();
  Cbc_loadProblem(cbc, m.cols, m.rows, m.start.data(), m.index.data(), m.value.data(), m.col_lower.data(),
                  m.col_upper.data(), m.objective.data(), m.row_lower.data(), m.row_upper.data());
  for (int j = 0; j < m.cols; ++j) Cbc_setInteger(cbc, j);
  Cbc_setLogLevel(cbc, 0);
  Cbc_setParameter(cbc, "log", "0");
  Cbc_setParameter(cbc, "slog", "0");
  Cbc_setParameter(cbc, "threads", "0");
  Cbc_setParameter(cbc, "cuts", "off");
  Cbc_setParameter(cbc, "heuristicsOnOff", "off");
  Cbc_setParameter(cbc, "preprocess", "off");
  {
    // Start from the heuristic's proposal: an incumbent from the first node prunes most of the tree.
    const alloc::Routes h = alloc::heuristic_routes(in);
    std::map<std::pair<int, std::vector<int>>, int> column_of;
    for (size_t k = 0; k < all.size(); ++k) {
      std::vector<int> key = all[k].visits;
      std::sort(key.begin(), key.end());
      column_of[{all[k].staff, key}] = in.nv + static_cast<int>(k);
    }
    std::vector<double> x0(static_cast<size_t>(m.cols), 0.0);
    std::vector<int> count(in.nv, 0);
    bool ok = true;
    for (int s = 0; s < in.ns; ++s) {
      if (h[s].empty()) continue;
      std::vector<int> key = h[s];
      std::sort(key.begin(), key.end());
      auto it = column_of.find({s, key});
      if (it == column_of.end()) { ok = false; break; }
      x0[it->second] = 1;
      for (int v : h[s]) ++count[v];
    }
    for (int v = 0; v < in.nv; ++v) if (count[v] < in.need[v]) x0[v] = 1;
    if (ok) {
      std::vector<int> idx(static_cast<size_t>(m.cols));
      for (int j = 0; j < m.cols; ++j) idx[j] = j;
      Cbc_setMIPStartI(cbc, m.cols, idx.data(), x0.data());
    }
  }
  Cbc_setMaximumNodes(cbc, 100000);  // a node limit, not a clock: determinism
  Cbc_setAllowableGap(cbc, 0.5);    // costs are whole numbers: within 0.5 is optimal
  Cbc_solve(cbc);
  const double* x = Cbc_getColSolution(cbc);
  if (x == nullptr || Cbc_isProvenInfeasible(cbc)) return out;
  out.routes.assign(in.ns, {});
  for (int s = 0; s < in.ns; ++s) out.routes[s] = in.pins_of[s];
  for (size_t k = 0; k < all.size(); ++k)
    if (x[in.nv + k] > 0.5) out.routes[all[k].staff] = all[k].visits;
  out.solved = true;
  out.proven = Cbc_isProvenOptimal(cbc) != 0;
  out.bound = Cbc_getBestPossibleObjValue(cbc);
  return out;
}

}  // namespace vb::solve
