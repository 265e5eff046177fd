#pragma once
// Explanations a coordinator can check: why each proposed worker ("Sam — named worker · on shift 17:00–21:30 ·
// 12 min from previous visit · 4 visits this shift"), why not someone else (the first failing hard rule, or
// how much worse the score would be), and why a visit is left uncovered. Times are the team's local times.
#include "core/allocation.hpp"

#include <string>
#include <vector>

namespace vb {

// The line for one proposed worker on one visit.
std::string explain_assignment(const AllocationProblem& p, const Proposal& proposal, AllocId visit,
                               const std::string& staff);

// "Alex: needs prescriber" or "Alex: could do it, but the score would be 64 worse (continuity +80, travel +14,
// fairness -30)" or "Alex: could do it, but it does not fit in their route at that time".
std::string why_not(const AllocationProblem& p, const Proposal& proposal, AllocId visit, const std::string& staff);

// For a visit in proposal.uncovered: the pre-check's blocked words, or why the optimiser left it.
std::string explain_uncovered(const AllocationProblem& p, const Proposal& proposal, AllocId visit);

struct VisitExplanation {
  AllocId visit = 0;
  std::vector<std::string> lines;  // one per proposed worker, or one saying why it is uncovered
};
std::vector<VisitExplanation> explain_proposal(const AllocationProblem& p, const Proposal& proposal);

}  // namespace vb
