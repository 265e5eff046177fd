// The Step down button's reason, told with the plan's scheduled step-down (core/step_down_words.hpp).
#include "core/step_down_words.hpp"

namespace vb {

std::string step_down_today_words(const Snapshot& s, const Episode& e, const StepDownCheck& gate, Instant now) {
  if (gate.problem.empty()) return "";
  if (!gate.blocked) return "Step down not possible: " + gate.problem;
  const LocalDate today = local_date_of(now, s.zone());
  std::string out = "To step down today (" + format_day_label(today) + ")";
  if (auto planned = flagged_step_down(s, e, now); planned && planned->days_ahead > 0)
    out += ", ahead of the plan's step-down on " + format_day_label(planned->date);
  return out + ": no risk reassessment since " + format_day_label(gate.needed_since) +
         ". Record a senior review or a risk reassessment first.";
}

}  // namespace vb
