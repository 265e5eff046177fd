// Building the plan screen's per-person picture.
#include "core/plan_view.hpp"

#include "core/carers.hpp"
#include "core/contact_plan.hpp"
#include "core/fidelity.hpp"
#include "core/missed_visit.hpp"
#include "core/plan_generation.hpp"
#include "core/transition_bundle.hpp"

#include <algorithm>
#include <map>

namespace vb {

namespace {
LocalDate plus_days(LocalDate d, long n) { return LocalDate{date::sys_days{d} + date::days{n}}; }
long days_from(LocalDate a, LocalDate b) { return (date::sys_days{b} - date::sys_days{a}).count(); }

// "step-down day 9 of 21": counted from the first phase with less than daily contact (the zones'
// line between red, at least daily, and amber, alternate days); before it "intensive day 2 of 10".
std::string position_text(const ContactPlan& plan, const std::vector<PhaseSpan>& spans, LocalDate today) {
  if (spans.empty()) return "no phases";
  if (days_from(today, spans.front().start) > 0) return "starts " + format_day_label(spans.front().start);
  if (days_from(spans.back().end, today) >= 0) return "plan ended " + format_day_label(plus_days(spans.back().end, -1));
  std::optional<size_t> first_down;
  for (size_t i = 0; i < plan.phases.size() && !first_down; ++i)
    if (plan.phases[i].length_days > 0 && contacts_per_week(plan.phases[i]) < 7) first_down = i;
  if (!first_down || days_from(spans[*first_down].start, today) < 0) {
    const LocalDate end = first_down ? spans[*first_down].start : spans.back().end;
    return "intensive day " + std::to_string(days_from(plan.start_date, today) + 1) + " of " +
           std::to_string(days_from(plan.start_date, end));
  }
  return "step-down day " + std::to_string(days_from(spans[*first_down].start, today) + 1) + " of " +
         std::to_string(days_from(spans[*first_down].start, spans.back().end));
}

int stage_order(Stage s) { return static_cast<int>(s); }
}  // namespace

PlanView build_plan_view(const Snapshot& s, const Episode& e, Instant now) {
  PlanView v;
  v.episode = &e;
  v.person = s.find_person(e.person_id);
  v.plan = s.plan_for_episode(e.id);
  if (!v.plan) return v;
  const ContactPlan& plan = *v.plan;
  const Zone zone = s.zone();
  const LocalDate today = local_date_of(now, zone);
  v.spans = phase_spans(plan);
  if (auto span = span_on(plan, today)) v.phase_label = plan.phases[span->index].label;
  v.position = position_text(plan, v.spans, today);
  if (auto next = next_change(plan, today)) {
    v.next_change = format_day_label(next->date) + ": " + plan.phases[next->from].label + " → " +
                    plan.phases[next->to].label;
  } else if (!v.spans.empty() && days_from(today, v.spans.back().end) > 0) {
    v.next_change = format_day_label(v.spans.back().end) + ": handover";
  }
  v.blocked = step_down_blocked_text(s, e, now);
  v.fidelity = check_fidelity(s, e, now).flags();
  v.carer_not_informed = carer_not_informed_text(s, e, now);
  if (e.stage == Stage::step_down || e.stage == Stage::handover) {
    auto bundle = bundle_status(s, e.id);
    v.shows_bundle = true;
    v.bundle_items = static_cast<int>(bundle.items.size());
    for (const auto& i : bundle.items) {
      if (i.done) ++v.bundle_done;
      else v.bundle_missing.emplace_back(transition_item_short(i.item));
    }
  }

  const LocalDate from = plus_days(today, -plan_view_days_back);
  const LocalDate until = plus_days(today, plan_view_days_ahead);
  std::map<long, PlanDay> by_day;
  for (LocalDate d = from; days_from(d, until) >= 0; d = plus_days(d, 1)) {
    PlanDay pd;
    pd.date = d;
    if (auto span = span_on(plan, d)) {
      pd.phase = static_cast<int>(span->index);
      pd.planned = visits_on_day(plan.phases[span->index], static_cast<int>(days_from(span->start, d)) + 1, d);
    }
    by_day[days_from(from, d)] = pd;
  }
  for (const Visit* visit_row : s.visits_of(e.id)) {
    const Visit& visit = *visit_row;
    const bool missed = is_missed(visit, now);
    if (visit.status == VisitStatus::done) ++v.done_so_far;
    if (missed) ++v.missed_so_far;
    auto it = by_day.find(days_from(from, visit.date));
    if (it == by_day.end()) continue;
    if (visit.status == VisitStatus::done) ++it->second.done;
    if (missed) ++it->second.missed;
  }
  for (auto& [k, d] : by_day) v.days.push_back(d);
  return v;
}

std::vector<PlanView> build_plan_views(const Snapshot& s, Instant now) {
  std::vector<PlanView> out;
  for (const auto& e : s.episodes) {
    if (!e.is_open() || !s.plan_for_episode(e.id)) continue;
    out.push_back(build_plan_view(s, e, now));
  }
  std::stable_sort(out.begin(), out.end(), [](const PlanView& a, const PlanView& b) {
    if (a.blocked.empty() != b.blocked.empty()) return !a.blocked.empty();
    if (a.episode->stage != b.episode->stage) return stage_order(a.episode->stage) < stage_order(b.episode->stage);
    return a.episode->accepted_at < b.episode->accepted_at;
  });
  return out;
}

}  // namespace vb
