// Trigger evaluation and cascade timing for escalations.
#include "core/escalation.hpp"

#include "core/missed_visit.hpp"

#include <algorithm>

namespace vb {

namespace {

std::string when(Instant t, Zone zone) { return format_day_label(local_date_of(t, zone)) + " " + format_local_hm(t, zone); }

// When the episode became high risk and has stayed so since, if it is high now.
std::optional<Instant> high_since(const Snapshot& s, const Episode& e) {
  if (e.risk != RiskLevel::high) return std::nullopt;
  std::optional<Instant> since;
  for (const RiskChange* c : s.risk_changes_of(e.id))
    if (c->to == RiskLevel::high && c->from != RiskLevel::high && (!since || c->at > *since)) since = c->at;
  return since ? since : std::optional<Instant>(e.accepted_at);
}

// When a visit became missed: its no-access outcome, or an hour after the window.
Instant missed_at(const Visit& v) {
  if (v.status == VisitStatus::no_access && v.outcome_at) return *v.outcome_at;
  return v.window_end + missed_after_window;
}

std::optional<std::pair<Instant, std::string>> two_missed(const Snapshot& s, const Episode& e, Instant now, Zone zone) {
  std::vector<const Visit*> past;
  for (const Visit* vp : s.visits_of(e.id)) {
    const Visit& v = *vp;
    if (v.status == VisitStatus::cancelled_by_person || v.status == VisitStatus::cancelled_by_team ||
        v.status == VisitStatus::rescheduled)
      continue;
    if (v.status == VisitStatus::planned && !is_missed(v, now)) continue;  // not yet happened
    past.push_back(&v);
  }
  if (past.size() < 2) return std::nullopt;
  std::sort(past.begin(), past.end(), [](const Visit* a, const Visit* b) { return a->window_start < b->window_start; });
  const Visit* last = past[past.size() - 1];
  const Visit* before = past[past.size() - 2];
  if (!is_missed(*last, now) || !is_missed(*before, now)) return std::nullopt;
  return std::make_pair(missed_at(*last), "missed " + when(before->window_start, zone) + " and " + when(last->window_start, zone));
}

}  // namespace

std::string_view trigger_label(std::string_view trigger) {
  if (trigger == "high_risk_over_24h") return "High risk for more than 24 h";
  if (trigger == "two_missed_in_a_row") return "Two missed visits in a row";
  if (trigger == "carer_concern") return "Carer's concern";
  return trigger;
}

RiskThresholds thresholds_for(const Snapshot& s, Id episode) {
  if (const RiskThresholds* t = s.thresholds_of(episode)) return *t;
  RiskThresholds defaults;
  defaults.episode_id = episode;
  return defaults;
}

bool may_acknowledge(const Staff& staff, const EscalationStep& step) {
  const bool medical = staff.discipline == "consultant" || staff.discipline == "specialty_doctor";
  if (medical) return staff.active;
  return staff.active && step.role == "duty_senior" && staff.has_skill("senior_reviewer");
}

std::vector<Escalation> escalations(const Snapshot& s, Instant now, std::chrono::hours lookback) {
  const Zone zone = s.zone();
  const ReviewRules& rules = s.review_rules;
  std::vector<Escalation> out;
  auto add = [&](const Episode& e, std::string trigger, Instant fired, std::string detail) {
    if (fired > now) return;
    Escalation x;
    x.episode = &e;
    x.trigger = std::move(trigger);
    x.fired_at = fired;
    x.detail = std::move(detail);
    for (const EscalationAck* a : s.escalation_acks_of(e.id))
      if (a->trigger == x.trigger && a->fired_at == fired) x.ack = a;
    // An open escalation never ages out; an acknowledged one leaves the list after `lookback`.
    if (x.ack && x.ack->at < now - lookback) return;
    const Instant until = x.ack ? x.ack->at : now;
    for (size_t i = 0; i < rules.cascade.size(); ++i)
      if (until - fired >= rules.cascade[i].after) x.level = i;
    if (!x.ack && x.level + 1 < rules.cascade.size()) x.next_step_at = fired + rules.cascade[x.level + 1].after;
    out.push_back(std::move(x));
  };
  for (const auto& e : s.episodes) {
    if (!e.is_open()) continue;
    const RiskThresholds t = thresholds_for(s, e.id);
    if (t.high_risk_over_24h)
      if (auto since = high_since(s, e))
        add(e, "high_risk_over_24h", *since + rules.high_risk_trigger_after, "high since " + when(*since, zone));
    if (t.two_missed_in_a_row)
      if (auto missed = two_missed(s, e, now, zone)) add(e, "two_missed_in_a_row", missed->first, missed->second);
    if (t.carer_concern)
      for (const Concern* c : s.concerns_of(e.id))
        if (c->source == "carer") add(e, "carer_concern", c->at, c->note);
  }
  std::stable_sort(out.begin(), out.end(), [](const Escalation& a, const Escalation& b) {
    if (a.open() != b.open()) return a.open();
    return a.fired_at < b.fired_at;
  });
  return out;
}

}  // namespace vb
