#pragma once
// Proposing an allocation: the exact path (enumerated routes + CBC) for a shift of up to about 20 visits,
// the heuristic (regret-2 + LNS) beyond that or when enumeration would be too large. Deterministic: the
// same problem in any input order gives a byte-identical proposal (see to_text).
#include "core/allocation.hpp"

#include <optional>

namespace vb::solve {

struct AllocateOptions {
  int max_exact_visits = 20;
  int heuristic_iterations = -1;  // -1: chosen from the size
  bool allow_exact = true;
  // Beyond the exact path: after the heuristic, generate columns for the LP bound and solve the MIP over
  // them (price-and-branch) on CBC, keeping whichever proposal scores better. Slower (0.1-0.6 s a team day),
  // and it often covers a visit the heuristic left out. A result equal to the LP bound is proven optimal.
  bool price_and_branch = false;
};

Proposal propose_allocation(const AllocationProblem& p, const AllocateOptions& opt = {});

// A valid lower bound on the score of any proposal (nullopt when it could not be proven in the label budget).
// With branch_on_uncovered > 0, up to that many visits U the start proposal leaves uncovered (someone could do
// them) split the problem: every plan leaves all of U uncovered or covers at least one v in U, so the bound is
// the smallest of LB(all of U uncovered) and LB(v covered) for each v. It lifts the bound where the LP
// half-covers a visit that no real plan can cover.
std::optional<double> allocation_lower_bound(const AllocationProblem& p, const Proposal* start = nullptr,
                                             int branch_on_uncovered = 0);

// A stronger bound by best-first branching on the LP's fractional "uncovered" values (covered or not), with
// column generation at every node, until the lowest open node reaches the proposal's score or `max_nodes`
// bounds have been computed: the bound is the lowest open node's (never above the proposal's score).
std::optional<double> allocation_lower_bound_branching(const AllocationProblem& p, const Proposal& start,
                                                       int max_nodes);

}  // namespace vb::solve
