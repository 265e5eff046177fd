// Choosing the path for a problem and assembling the proposal.
#include "solve/allocate.hpp"

#include "core/allocation_instance.hpp"
#include "solve/allocation_bound.hpp"
#include "solve/allocation_exact.hpp"

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

std::optional<double> allocation_lower_bound(const AllocationProblem& p, const Proposal* start) {
  const alloc::Instance in = alloc::compile(p);
  alloc::Routes routes(in.ns);
  if (start) {
    std::map<AllocId, int> index;
    for (int v = 0; v < in.nv; ++v) index[in.problem.visits[v].id] = v;
    for (int s = 0; s < in.ns; ++s)
      for (auto& r : start->routes)
        if (r.staff == in.problem.staff[s].id)
          for (auto& stop : r.stops) routes[s].push_back(index.at(stop.visit));
  }
  BoundResult b = lower_bound(in, routes);
  if (!b.valid) return std::nullopt;
  return b.lower_bound;
}

}  // namespace vb::solve
