// Choosing the path for a problem and assembling the proposal.
#include "solve/allocate.hpp"

#include "core/allocation_instance.hpp"
#include "solve/allocation_bound.hpp"
#include "solve/allocation_exact.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace vb::solve {

Proposal propose_allocation(const AllocationProblem& p, const AllocateOptions& opt) {
  const alloc::Instance in = alloc::compile(p);
  if (opt.allow_exact && in.nv <= opt.max_exact_visits) {
    ExactResult ex = solve_exact(in);
    if (ex.solved) return alloc::make_proposal(in, ex.routes, "exact", ex.proven);
  }
  alloc::HeuristicOptions h;
  h.iterations = opt.heuristic_iterations;
  const alloc::Routes routes = alloc::heuristic_routes(in, h);
  if (opt.price_and_branch) {
    const BoundResult b = lower_bound(in, routes);
    const ExactResult r = solve_over_columns(in, b.pool, routes);
    if (r.solved && alloc::routes_value(in, r.routes) <= alloc::routes_value(in, routes)) {
      const bool proven = b.valid && static_cast<double>(alloc::routes_value(in, r.routes)) <= b.lower_bound;
      return alloc::make_proposal(in, r.routes, "price-and-branch", proven);
    }
  }
  return alloc::make_proposal(in, routes, "heuristic", false);
}

std::optional<double> allocation_lower_bound(const AllocationProblem& p, const Proposal* start,
                                             int branch_on_uncovered) {
  const alloc::Instance in = alloc::compile(p);
  alloc::Routes routes(in.ns);
  std::map<AllocId, int> index;
  for (int v = 0; v < in.nv; ++v) index[in.problem.visits[v].id] = v;
  if (start) {
    for (int s = 0; s < in.ns; ++s)
      for (auto& r : start->routes)
        if (r.staff == in.problem.staff[s].id)
          for (auto& stop : r.stops) routes[s].push_back(index.at(stop.visit));
  }
  BoundResult b = lower_bound(in, routes);
  if (!b.valid) return std::nullopt;
  double bound = b.lower_bound;
  if (start && branch_on_uncovered > 0) {
    // The uncovered visits someone could do, the costliest first.
    std::vector<int> open;
    for (AllocId id : start->uncovered) {
      const int v = index.at(id);
      int able = 0;
      for (int s = 0; s < in.ns; ++s) able += in.can(s, v) ? 1 : 0;
      if (able >= in.need[v]) open.push_back(v);
    }
    std::stable_sort(open.begin(), open.end(),
                     [&](int a, int c) { return in.uncovered_cost[a] > in.uncovered_cost[c]; });
    if (static_cast<int>(open.size()) > branch_on_uncovered) open.resize(static_cast<size_t>(branch_on_uncovered));
    if (!open.empty()) {
      // Every plan either leaves all of them uncovered, or covers at least one: the bound is the smallest of
      // the bound with all of them uncovered and the bounds with each one covered.
      std::vector<int> fix(static_cast<size_t>(in.nv), -1);
      for (int v : open) fix[static_cast<size_t>(v)] = 1;
      const BoundResult all_left = lower_bound(in, routes, 8, 300, fix);
      double branch = all_left.valid ? all_left.lower_bound : bound;
      for (int v : open) {
        std::vector<int> one(static_cast<size_t>(in.nv), -1);
        one[static_cast<size_t>(v)] = 0;
        const BoundResult covered = lower_bound(in, routes, 8, 300, one);
        branch = std::min(branch, covered.valid ? covered.lower_bound : bound);
      }
      bound = std::max(bound, branch);
    }
  }
  return bound;
}

std::optional<double> allocation_lower_bound_branching(const AllocationProblem& p, const Proposal& start,
                                                       int max_nodes) {
  const alloc::Instance in = alloc::compile(p);
  std::map<AllocId, int> index;
  for (int v = 0; v < in.nv; ++v) index[in.problem.visits[v].id] = v;
  alloc::Routes routes(in.ns);
  for (int s = 0; s < in.ns; ++s)
    for (auto& r : start.routes)
      if (r.staff == in.problem.staff[s].id)
        for (auto& stop : r.stops) routes[s].push_back(index.at(stop.visit));
  const double incumbent = static_cast<double>(alloc::routes_value(in, routes));
  struct Node {
    double lb;
    std::vector<int> fix;
    std::vector<double> u;
  };
  std::multimap<double, Node> open;  // best first; equal bounds in the order they were made
  BoundResult root = lower_bound(in, routes);
  if (!root.valid) return std::nullopt;
  open.emplace(root.lower_bound, Node{root.lower_bound, std::vector<int>(static_cast<size_t>(in.nv), -1), root.uncovered});
  int nodes = 1;
  while (nodes < max_nodes) {
    Node n = open.begin()->second;
    if (n.lb >= incumbent - 0.5) break;
    // Branch on the visit whose fractional "uncovered" value weighs most.
    int pick = -1;
    double weight = 0;
    for (int v = 0; v < in.nv; ++v) {
      const double u = n.u.size() > static_cast<size_t>(v) ? n.u[static_cast<size_t>(v)] : 0.0;
      if (n.fix[static_cast<size_t>(v)] >= 0 || u < 1e-6 || u > 1 - 1e-6) continue;
      const double w = std::min(u, 1 - u) * static_cast<double>(in.uncovered_cost[static_cast<size_t>(v)]);
      if (w > weight) {
        weight = w;
        pick = v;
      }
    }
    if (pick < 0) break;  // the lowest node's LP covers every visit wholly or not at all
    open.erase(open.begin());
    for (int side : {0, 1}) {
      std::vector<int> fix = n.fix;
      fix[static_cast<size_t>(pick)] = side;
      const BoundResult b = lower_bound(in, routes, 8, 300, fix);
      ++nodes;
      const double lb = b.valid ? std::max(b.lower_bound, n.lb) : n.lb;
      open.emplace(lb, Node{lb, std::move(fix), b.uncovered});
    }
  }
  return std::min(incumbent, open.begin()->first);
}

}  // namespace vb::solve
