#pragma once
// Before any solving: who could do each visit, and for each who could not, the first failing hard rule in a
// fixed order. A visit nobody can do is reported in words ("Blocked: needs a prescriber; none on shift").
#include "core/allocation.hpp"

#include <string>
#include <vector>

namespace vb {

// The fixed order of the pre-check's rules; the first that fails is the reason.
enum class BlockRule { none, not_on_shift, missing_skill, lone_working, capacity_full };

std::string_view to_string(BlockRule r);

struct RuleResult {
  BlockRule rule = BlockRule::none;
  std::string words;  // "not on shift 17:00–18:00", "needs prescriber", ...
};

// The first failing rule for this visit and staff member (rule none when they could do it). Capacity counts
// the visits already pinned to the staff member by a person (other than this one).
RuleResult first_failing_rule(const AllocationProblem& p, const AllocationVisit& v, const AllocationStaff& s);

struct VisitCheck {
  AllocId visit = 0;
  std::vector<std::string> able;  // staff ids who pass every rule
  std::vector<std::pair<std::string, RuleResult>> unable;
  bool blocked = false;  // fewer able staff than the visit needs
  std::string words;     // for a blocked visit: "Blocked: needs a prescriber; none on shift"
};

struct PreCheck {
  std::vector<VisitCheck> visits;  // in visit-id order
  int blocked_count() const;
};

PreCheck pre_check(const AllocationProblem& p);

}  // namespace vb
