#pragma once
// The Plans screen says two things about a step-down that is blocked (session 8): the header's flag
// is about the step-down the plan has scheduled ("step-down blocked: no risk reassessment since Sun
// 22 Nov for the step-down on Wed 25 Nov"), the Step down button's reason about stepping down today,
// which needs a reassessment from an earlier day. Both are right; side by side they read as a
// contradiction unless the button's line says it is about today and how that relates to the plan.
#include "core/snapshot.hpp"
#include "core/step_down.hpp"

#include <string>

namespace vb {

// Why the Step down button cannot step down today, as one story with the header's flag:
//   "To step down today (Mon 23 Nov), ahead of the plan's step-down on Wed 25 Nov: no risk
//    reassessment since Fri 20 Nov. Record a senior review or a risk reassessment first."
// or, with nothing scheduled later, "To step down today (Mon 23 Nov): no risk reassessment since
// Fri 20 Nov. ..."; for a gate that is not about a reassessment (a last phase, a step up), "Step
// down not possible: " and its problem. "" when the step-down is possible.
std::string step_down_today_words(const Snapshot& s, const Episode& e, const StepDownCheck& gate, Instant now);

}  // namespace vb
