#pragma once
// The rules that say when a senior review is due and how an escalation cascades. Defaults here
// mirror data/review_rules.json, which a team edits; every rule carries its source for the UI.
#include <chrono>
#include <string>
#include <vector>

namespace vb {

struct RuleText {
  std::string label;   // "Within 24 h of acceptance"
  std::string source;  // where the rule comes from, shown on tap
};

struct EscalationStep {
  std::string role;   // duty_senior, consultant, on_call_doctor
  std::string label;  // "Duty senior"
  std::chrono::minutes after{0};  // unacknowledged this long after firing
};

struct ReviewRules {
  std::chrono::minutes first_review_within{24 * 60};
  std::chrono::minutes intensive_interval{7 * 24 * 60};
  std::chrono::minutes after_high_risk_within{24 * 60};
  std::chrono::minutes after_high_risk_very_urgent_within{4 * 60};
  std::chrono::minutes before_change_window{72 * 60};  // a review this close before a step-down / closure counts
  int six_week_day = 42;
  int six_week_window_days = 7;  // a review from day 35 counts as the six-week review
  std::chrono::minutes high_risk_trigger_after{24 * 60};
  std::vector<EscalationStep> cascade{{"duty_senior", "Duty senior", std::chrono::minutes{0}},
                                      {"consultant", "Consultant", std::chrono::minutes{60}},
                                      {"on_call_doctor", "On-call doctor", std::chrono::minutes{120}}};

  RuleText first_review{"Within 24 h of acceptance", "Team default (shared/domain.md: senior review on acceptance)"};
  RuleText weekly_intensive{"Every 7 days while intensive", "Team default (weekly senior review in home treatment)"};
  RuleText set_at_last_review{"Date set at the last review", "The reviewer's own decision"};
  RuleText before_step_down{"Before a step-down", "Step-down gate: risk reassessed at the point of transition"};
  RuleText after_high_risk{"Within 24 h (4 h very urgent) of risk raised to high", "Team default (risk escalation policy)"};
  RuleText six_weeks{"At six weeks on the caseload", "Fidelity: automatic review flag at six weeks"};
  RuleText before_closure{"Before closure", "Team default (senior sign-off before discharge)"};
};

}  // namespace vb
