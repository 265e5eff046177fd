// The step-down gate and the plan transforms behind step up, step down and pause.
#include "core/step_down.hpp"

#include "core/commands.hpp"
#include "core/contact_plan.hpp"

#include <algorithm>

namespace vb {

namespace {

LocalDate plus_days(LocalDate d, long n) { return LocalDate{date::sys_days{d} + date::days{n}}; }
long days_from(LocalDate a, LocalDate b) { return (date::sys_days{b} - date::sys_days{a}).count(); }
LocalDate later(LocalDate a, LocalDate b) { return date::sys_days{a} < date::sys_days{b} ? b : a; }

ContactPlan renumbered(ContactPlan plan) {
  std::vector<ContactPhase> kept;
  for (auto& p : plan.phases)
    if (p.length_days > 0) kept.push_back(std::move(p));
  for (size_t i = 0; i < kept.size(); ++i) kept[i].sequence = static_cast<int>(i) + 1;
  plan.phases = std::move(kept);
  return plan;
}

// Splits the phase covering `today` into the part before today and the rest; returns the index of
// the rest (a copy with id 0), inserted right after. nullopt when no phase covers today.
std::optional<size_t> split_at(ContactPlan& plan, LocalDate today) {
  auto span = span_on(plan, today);
  if (!span) return std::nullopt;
  ContactPhase& cur = plan.phases[span->index];
  const int elapsed = static_cast<int>(days_from(span->start, today));
  ContactPhase rest = cur;
  rest.id = 0;
  rest.length_days = cur.length_days - elapsed;
  cur.length_days = elapsed;
  plan.phases.insert(plan.phases.begin() + static_cast<long>(span->index) + 1, rest);
  return span->index + 1;
}

std::string with_day(LocalDate d) { return format_day_label(d); }

}  // namespace

std::vector<PhaseSpan> phase_spans(const ContactPlan& plan) {
  std::vector<PhaseSpan> out;
  LocalDate start = plan.start_date;
  for (size_t i = 0; i < plan.phases.size(); ++i) {
    LocalDate end = plus_days(start, plan.phases[i].length_days);
    out.push_back(PhaseSpan{i, start, end});
    start = end;
  }
  return out;
}

std::optional<PhaseSpan> span_on(const ContactPlan& plan, LocalDate d) {
  // phase_spans(plan), walked without building the list.
  LocalDate start = plan.start_date;
  for (size_t i = 0; i < plan.phases.size(); ++i) {
    const LocalDate end = plus_days(start, plan.phases[i].length_days);
    if (days_from(start, d) >= 0 && days_from(d, end) > 0) return PhaseSpan{i, start, end};
    start = end;
  }
  return std::nullopt;
}

std::optional<ReassessmentSeen> latest_reassessment_seen(const Snapshot& s, Id episode, Instant since, Instant now) {
  // The latest found (the first of equals: reviews before reassessments, each in the snapshot's order).
  const StaffId* best_by = nullptr;
  const char* best_source = nullptr;
  Instant best_at{};
  auto consider = [&](Instant at, const StaffId& by, const char* source) {
    if (at < since || at > now) return;
    if (!best_by || at > best_at) {
      best_at = at;
      best_by = &by;
      best_source = source;
    }
  };
  s.each_review_of(episode, [&](const Review& r) { consider(r.held_at, r.reviewer, "senior review"); });
  s.each_reassessment_of(episode, [&](const RiskReassessment& r) { consider(r.at, r.by, "risk reassessment"); });
  if (!best_by) return std::nullopt;
  return ReassessmentSeen{best_at, best_by, best_source};
}

std::optional<ReassessmentFound> latest_reassessment(const Snapshot& s, Id episode, Instant since, Instant now) {
  // Its author and source copied once, from the one found.
  const auto seen = latest_reassessment_seen(s, episode, since, now);
  if (!seen) return std::nullopt;
  return ReassessmentFound{seen->at, *seen->by, seen->source};
}

namespace {

StepDownCheck check_transition(const Snapshot& s, const ContactPlan& plan, size_t from, size_t to,
                               LocalDate from_start, LocalDate transition, Instant now) {
  StepDownCheck c;
  c.from_label = plan.phases[from].label;
  c.to_label = plan.phases[to].label;
  if (contacts_per_week(plan.phases[to]) > contacts_per_week(plan.phases[from])) {
    c.problem = "the next phase (" + c.to_label + ") has more contact than " + c.from_label + ": that is a step up";
    return c;
  }
  c.needed_since = reassessment_needed_since(from_start, transition);
  c.reassessment = latest_reassessment(s, plan.episode_id, start_of_local_day(c.needed_since, s.zone()), now);
  if (!c.reassessment) {
    c.blocked = true;
    c.problem = "step-down blocked: no risk reassessment since " + with_day(c.needed_since) + " for a step-down on " +
                with_day(transition) + " (record a senior review or a risk reassessment first)";
  }
  return c;
}

}  // namespace

StepDownCheck check_step_down_now(const Snapshot& s, const ContactPlan& plan, Instant now) {
  const LocalDate today = local_date_of(now, s.zone());
  auto span = span_on(plan, today);
  if (!span) {
    StepDownCheck c;
    c.problem = "the plan has no phase today (" + with_day(today) + ")";
    return c;
  }
  size_t next = span->index + 1;
  while (next < plan.phases.size() && plan.phases[next].length_days == 0) ++next;
  if (next >= plan.phases.size()) {
    StepDownCheck c;
    c.from_label = plan.phases[span->index].label;
    c.problem = "'" + c.from_label + "' is the last phase of the plan: there is nothing to step down to";
    return c;
  }
  return check_transition(s, plan, span->index, next, span->start, today, now);
}

std::optional<ScheduledChange> next_change(const ContactPlan& plan, LocalDate on) {
  auto spans = phase_spans(plan);
  for (size_t i = 0; i + 1 < spans.size(); ++i) {
    if (plan.phases[i + 1].length_days == 0 || plan.phases[i].length_days == 0) continue;
    if (days_from(on, spans[i + 1].start) < 0) continue;
    // Zero-length phases are skipped: the change is from i to the next phase with days.
    return ScheduledChange{spans[i + 1].start, i, i + 1,
                           contacts_per_week(plan.phases[i + 1]) < contacts_per_week(plan.phases[i])};
  }
  return std::nullopt;
}

std::string step_down_blocked_text(const Snapshot& s, const Episode& e, Instant now) {
  auto f = flagged_step_down(s, e, now);
  if (!f) return "";
  // Says which step-down it is about: a step-down today needs a reassessment from an earlier day than
  // the one scheduled later, so the Step down button and this flag can name different days.
  if (f->days_ahead > 0)
    return "step-down blocked: no risk reassessment since " + with_day(f->needed_since) + " for the step-down on " +
           with_day(f->date);
  if (f->days_ahead == 0) return "step-down today blocked: no risk reassessment since " + with_day(f->needed_since);
  return "stepped down " + with_day(f->date) + " without a risk reassessment";
}

std::optional<FlaggedStepDown> flagged_step_down(const Snapshot& s, const Episode& e, Instant now) {
  if (!e.is_open()) return std::nullopt;
  const ContactPlan* plan = s.plan_for_episode(e.id);
  if (!plan) return std::nullopt;
  const LocalDate today = local_date_of(now, s.zone());
  // The latest scheduled step-down from a week ago up to the warning horizon.
  auto spans = phase_spans(*plan);
  for (size_t k = spans.size(); k-- > 1;) {
    size_t to = k, from = k - 1;
    if (plan->phases[to].length_days == 0 || plan->phases[from].length_days == 0) continue;
    const LocalDate d = spans[to].start;
    const long ahead = days_from(today, d);
    if (ahead > step_down_warning_days || ahead < -step_down_after_days) continue;
    if (contacts_per_week(plan->phases[to]) >= contacts_per_week(plan->phases[from])) continue;
    // Reassessments up to the transition day's end count for it; later ones do not make it right.
    const Instant until = ahead >= 0 ? now : start_of_local_day(plus_days(d, 1), s.zone());
    auto c = check_transition(s, *plan, from, to, spans[from].start, d, until);
    if (!c.blocked) continue;
    return FlaggedStepDown{d, c.needed_since, ahead};
  }
  return std::nullopt;
}

ContactPlan plan_stepped_down(const ContactPlan& plan, LocalDate today) {
  ContactPlan out = plan;
  auto rest = split_at(out, today);
  if (!rest) return renumbered(out);
  out.phases.erase(out.phases.begin() + static_cast<long>(*rest));  // the rest of the phase is not lived
  return renumbered(out);
}

std::optional<std::string> step_up_problem(const ContactPlan& plan, LocalDate today) {
  auto span = span_on(plan, today);
  if (!span) return "the plan has no phase today (" + with_day(today) + "): start a new plan instead";
  const int now_cpw = contacts_per_week(plan.phases[span->index]);
  for (size_t j = span->index; j-- > 0;)
    if (contacts_per_week(plan.phases[j]) > now_cpw) return std::nullopt;
  return "'" + plan.phases[span->index].label + "' is already the most intensive phase of the plan";
}

ContactPlan plan_stepped_up(const ContactPlan& plan, LocalDate today, int days) {
  ContactPlan out = plan;
  auto span = span_on(plan, today);
  if (!span) return renumbered(out);
  const int now_cpw = contacts_per_week(plan.phases[span->index]);
  std::optional<size_t> target;
  for (size_t j = span->index; j-- > 0 && !target;)
    if (contacts_per_week(plan.phases[j]) > now_cpw) target = j;
  if (!target) return renumbered(out);
  ContactPhase up = plan.phases[*target];
  up.id = 0;
  up.length_days = days;
  auto rest = split_at(out, today);
  out.phases.insert(out.phases.begin() + static_cast<long>(*rest), up);
  return renumbered(out);
}

ContactPlan plan_paused(const ContactPlan& plan, LocalDate today, int days) {
  ContactPlan out = plan;
  auto rest = split_at(out, today);
  if (!rest) return renumbered(out);
  ContactPhase pause;
  pause.label = "Paused";
  pause.length_days = days;
  pause.focus = "no planned visits";
  out.phases.insert(out.phases.begin() + static_cast<long>(*rest), pause);
  return renumbered(out);
}

namespace {

constexpr size_t max_text = 500;

std::optional<std::string> open_episode_with_plan(const Snapshot& s, Id episode) {
  const Episode* e = s.find_episode(episode);
  if (!e) return "episode " + std::to_string(episode) + " does not exist";
  if (!e->is_open()) return "episode " + std::to_string(episode) + " is closed";
  if (!s.plan_for_episode(episode)) return "episode " + std::to_string(episode) + " has no contact plan";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> step_down_command_problem(const Snapshot& s, const StepDown& c) {
  if (auto p = open_episode_with_plan(s, c.episode)) return p;
  if (auto p = author_problem(s, c.by)) return p;
  if (c.note.size() > max_text) return "the note is longer than 500 characters";
  auto check = check_step_down_now(s, *s.plan_for_episode(c.episode), c.at);
  if (!check.problem.empty()) return "episode " + std::to_string(c.episode) + ": " + check.problem;
  return std::nullopt;
}

std::optional<std::string> step_down_command_problem(const Snapshot& s, const StepUp& c) {
  if (auto p = open_episode_with_plan(s, c.episode)) return p;
  if (auto p = author_problem(s, c.by)) return p;
  if (c.reason.empty()) return "a step-up needs a reason (what re-emerged)";
  if (c.reason.size() > max_text) return "the reason is longer than 500 characters";
  if (c.days < 1 || c.days > 28) return "a step-up lasts 1 to 28 days, not " + std::to_string(c.days);
  if (auto p = step_up_problem(*s.plan_for_episode(c.episode), local_date_of(c.at, s.zone())))
    return "episode " + std::to_string(c.episode) + ": " + *p;
  return std::nullopt;
}

std::optional<std::string> step_down_command_problem(const Snapshot& s, const RecordReassessment& c) {
  const Episode* e = s.find_episode(c.episode);
  if (!e) return "episode " + std::to_string(c.episode) + " does not exist";
  if (auto p = author_problem(s, c.by)) return p;
  if (c.note.empty()) return "a reassessment needs a note (what was reassessed and found)";
  if (c.note.size() > max_text) return "the note is longer than 500 characters";
  return std::nullopt;
}

LocalDate reassessment_needed_since(LocalDate from_start, LocalDate transition) {
  return later(from_start, plus_days(transition, -reassessment_window_days));
}

std::vector<LocalDate> step_down_days(const Snapshot& s, const Episode& e) {
  std::vector<LocalDate> out;
  if (const ContactPlan* plan = s.plan_for_episode(e.id)) out = step_down_dates(*plan);
  s.each_plan_change_of(e.id, [&](const PlanChange& c) {
    if (c.kind == "step_down") out.push_back(local_date_of(c.at, s.zone()));
  });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<ReassessmentFound> reassessment_for_step_down(const Snapshot& s, const Episode& e, LocalDate transition,
                                                            Instant now) {
  return reassessment_for_step_down(s, e, transition, now, step_down_needed_since(s, e, transition));
}

std::optional<ReassessmentFound> reassessment_for_step_down(const Snapshot& s, const Episode& e, LocalDate transition,
                                                            Instant now, LocalDate since) {
  // As flagged_step_down: reassessments up to the transition day's end count; later ones do not.
  const Instant until = std::min(now, start_of_local_day(plus_days(transition, 1), s.zone()));
  return latest_reassessment(s, e.id, start_of_local_day(since, s.zone()), until);
}

LocalDate step_down_needed_since(const Snapshot& s, const Episode& e, LocalDate transition) {
  // The phase being left is the one covering the day before; without a plan only the window applies.
  LocalDate from_start = plus_days(transition, -reassessment_window_days);
  if (const ContactPlan* plan = s.plan_for_episode(e.id))
    if (auto span = span_on(*plan, plus_days(transition, -1))) from_start = span->start;
  return reassessment_needed_since(from_start, transition);
}

}  // namespace vb
