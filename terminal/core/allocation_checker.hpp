#pragma once
// The independent checker: re-checks any proposal against the hard rules with its own code (it shares nothing
// with the solvers, so a solver bug cannot hide behind the same mistake in the check).
#include "core/allocation.hpp"

#include <string>
#include <vector>

namespace vb {

struct Violation {
  std::string rule;  // skill, lone_working, double_up, single_handed, shift, capacity, window, travel,
                     // two_places, pin, unknown, uncovered_list
  AllocId visit = 0;
  std::string staff;
  std::string words;
};

std::vector<Violation> check_proposal(const AllocationProblem& p, const Proposal& proposal);

}  // namespace vb
