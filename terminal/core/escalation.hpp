#pragma once
// Escalations to medical staff: a documented trigger fired for an episode (high risk for more than
// 24 h, two missed visits in a row, a carer's concern). Unacknowledged, it cascades through the
// rules' steps (duty senior -> consultant -> on-call doctor). Derived from the snapshot and `now`;
// only acknowledgements are stored.
#include "core/snapshot.hpp"

#include <optional>
#include <string>
#include <vector>

namespace vb {

struct Escalation {
  const Episode* episode = nullptr;
  std::string trigger;  // high_risk_over_24h, two_missed_in_a_row, carer_concern
  std::string detail;   // "high since Sat 21 Nov 14:00"
  Instant fired_at{};
  size_t level = 0;                     // index into rules.cascade reached by `now`
  std::optional<Instant> next_step_at;  // when it cascades further, unacknowledged
  const EscalationAck* ack = nullptr;
  bool open() const { return ack == nullptr; }
};

// Every open escalation, and those acknowledged within `lookback`; open ones first, oldest first.
std::vector<Escalation> escalations(const Snapshot& s, Instant now,
                                    std::chrono::hours lookback = std::chrono::hours{24 * 7});
std::string_view trigger_label(std::string_view trigger);
// The thresholds in force for an episode (all triggers on when none are documented).
RiskThresholds thresholds_for(const Snapshot& s, Id episode);
// Who may acknowledge at a cascade step: a senior reviewer at the duty-senior step; medical staff
// (consultant, specialty doctor) at every step.
bool may_acknowledge(const Staff& staff, const EscalationStep& step);

}  // namespace vb
