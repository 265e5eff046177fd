// The demo's tapers as first-class plans: preferred windows and minimum lengths on the phases, each
// generated visit tied to its plan slot, risk reassessments before step-downs, and exactly one
// step-down in the coming days left without a reassessment so the board shows it blocked.
#include "core/carers.hpp"
#include "core/contact_plan.hpp"
#include "core/demo_detail.hpp"
#include "core/key_person_versions.hpp"
#include "core/plan_generation.hpp"
#include "core/step_down.hpp"

#include <algorithm>
#include <map>

namespace vb::demo {

namespace {

void tie_visits_to_slots(Snapshot& s, const ScheduleContext& ctx) {
  // A day's visits in window order, where the day has no more visits than the plan asks for.
  std::map<std::pair<Id, long>, std::vector<Visit*>> by_day;
  for (auto& v : s.visits) by_day[{v.episode_id, days_between(ctx.first_day, v.date)}].push_back(&v);
  for (auto& [key, list] : by_day) {
    const ContactPlan* plan = s.plan_for_episode(key.first);
    if (!plan || list.empty()) continue;
    auto span = span_on(*plan, list.front()->date);
    if (!span) continue;
    const auto& phase = plan->phases[span->index];
    const int asked = visits_on_day(phase, static_cast<int>(days_between(span->start, list.front()->date)) + 1,
                                    list.front()->date);
    if (static_cast<int>(list.size()) > asked) continue;
    std::sort(list.begin(), list.end(), [](const Visit* a, const Visit* b) { return a->window_start < b->window_start; });
    for (size_t i = 0; i < list.size(); ++i) list[i]->plan_slot = static_cast<int>(i);
  }
}

bool reassessed_since(const Snapshot& s, Id episode, Instant since, Instant now) {
  return latest_reassessment(s, episode, since, now).has_value();
}

// Moves a step-down episode's next step-down to two days ahead, when nothing reassessed it since
// yesterday; its future planned visits follow the changed plan. True when it worked.
bool make_blocked(Snapshot& s, const ScheduleContext& ctx, const Episode& e) {
  ContactPlan& plan = s.plans[static_cast<size_t>(s.plan_for_episode(e.id) - s.plans.data())];
  auto span = span_on(plan, ctx.today);
  if (!span || span->index + 1 >= plan.phases.size()) return false;
  if (contacts_per_week(plan.phases[span->index + 1]) >= contacts_per_week(plan.phases[span->index])) return false;
  const LocalDate due = add_days(ctx.today, step_down_warning_days);
  const LocalDate since = std::max(date::sys_days{span->start}, date::sys_days{add_days(due, -reassessment_window_days)});
  if (reassessed_since(s, e.id, start_of_local_day(LocalDate{since}, ctx.zone), ctx.now)) return false;
  plan.phases[span->index].length_days = static_cast<int>(days_between(span->start, due));
  Id next_id = 0;
  for (const auto& v : s.visits) next_id = std::max(next_id, v.id + 1);
  apply_regeneration(s.visits, regenerate_visits(plan, e.id, s.visits, ctx.now, ctx.zone, RotaRules{}), next_id);
  s.reindex();
  return true;
}

}  // namespace

void add_step_down_detail(Snapshot& s, const ScheduleContext& ctx) {
  for (auto& plan : s.plans) {
    for (auto& p : plan.phases) {
      if (p.visits_per_day == 2) p.windows = {DayPart::morning, DayPart::evening};
      if (p.visits_per_day > 0) p.min_visit_min = 30;
    }
  }
  tie_visits_to_slots(s, ctx);

  // The one step-down the huddle sees blocked: one already due soon, else one moved to be due soon.
  Id blocked = 0;
  for (const auto& e : s.episodes) {
    if (!e.is_open() || e.stage != Stage::step_down) continue;
    auto f = flagged_step_down(s, e, ctx.now);
    if (f && f->days_ahead > 0) {
      blocked = e.id;
      break;
    }
  }
  for (size_t i = 0; i < s.episodes.size() && blocked == 0; ++i) {
    const Episode& e = s.episodes[i];
    if (e.is_open() && e.stage == Stage::step_down && !flagged_step_down(s, e, ctx.now) && make_blocked(s, ctx, e))
      blocked = e.id;
  }

  // Transition bundles: handover episodes complete theirs, except the first (no summary sent, no
  // meeting yet); step-down episodes are part way; a few care flags.
  bool left_incomplete = false;
  Id record_id = 1;
  for (const auto& e : s.episodes) {
    if (!e.is_open()) continue;
    auto add = [&](const char* item, long days_ago, const std::string& detail) {
      Instant at = at_local(add_days(ctx.today, -days_ago), 11 * 60, ctx.zone);
      if (at < e.accepted_at) at = e.accepted_at + std::chrono::hours{1};
      if (at > ctx.now) return;
      s.transition_records.push_back(TransitionRecord{record_id++, e.id, item, at, e.named_worker, detail});
    };
    if (e.id % 5 == 0) add("lives_alone", 30, "");
    if (e.id % 7 == 0) add("substance_misuse", 30, "alcohol");
    if (e.stage == Stage::intensive) continue;
    add("risk_reassessed", 3, "reassessed at step-down");
    add("safety_plan_updated", 6, "v1");
    add("safety_plan_updated", 2, "v2: early warning signs and crisis line added");
    add("escalation_routes_shared", 2, "shared with the person and their named carer");
    if (e.stage != Stage::handover) continue;
    add("co_produced_plan", 2, "person understands what changes and why; preferences for re-accessing support recorded");
    add("receiving_service", 2, e.id % 2 ? "cmht" : "gp");
    if (!left_incomplete) {
      left_incomplete = true;
      continue;
    }
    add("handover_summary_sent", 1, format_date(add_days(ctx.today, -1)));
    add("joint_meeting", 1, e.id % 3 ? format_date(add_days(ctx.today, -1)) : "none: GP cannot attend; phone handover");
  }

  // Everyone else was reassessed by their named worker the afternoon before each step-down.
  Id next_id = 1;
  for (const auto& e : s.episodes) {
    if (e.id == blocked) continue;
    for (int guard = 0; guard < 8; ++guard) {
      auto f = flagged_step_down(s, e, ctx.now);
      if (!f) break;
      Instant at = at_local(add_days(f->date, -1), 15 * 60, ctx.zone);
      at = std::min(at, ctx.now - std::chrono::minutes{30});
      at = std::max(at, std::max(e.accepted_at, start_of_local_day(f->needed_since, ctx.zone)) + std::chrono::minutes{5});
      if (at > ctx.now) break;
      s.reassessments.push_back(RiskReassessment{next_id++, e.id, at, e.named_worker, e.risk,
                                                 "risk reassessed before step-down; safety plan reviewed with the person"});
    }
  }

  // Families and carers: most people on the caseload have a key person; consenting carers are told
  // of a step-down the evening before, except one (the board flags it).
  const std::array<const char*, 5> given{"Alex", "Jo", "Sam", "Robin", "Chris"};
  const std::array<const char*, 4> relation{"mother", "partner", "sister", "friend"};
  Id key_id = 1, contact_id = 1, version_id = 1;
  bool left_untold = false;
  for (const auto& e : s.episodes) {
    if (!e.is_open() || e.id % 4 == 3) continue;
    const Person* p = s.find_person(e.person_id);
    if (!p) continue;
    KeyPerson k{key_id++, p->id, std::string(given[static_cast<size_t>(e.id) % given.size()]) + " " + p->family_name,
                relation[static_cast<size_t>(e.id) % relation.size()], "07700 900" + std::to_string(100 + e.id % 900),
                e.id % 6 != 0};
    // Versioned details (session 9): recorded when the person was first accepted (earlier episodes'
    // carer contacts name them too), by the named worker. Of those on their first episode, every fifth
    // had no consent asked yet at acceptance and gave it two hours later (the carer tab shows the
    // history; step-downs come days later, so no figure depends on it).
    Instant first_accepted = e.accepted_at;
    for (const auto& other : s.episodes)
      if (other.person_id == p->id) first_accepted = std::min(first_accepted, other.accepted_at);
    k.versions.push_back(first_key_person_version(k, first_accepted, e.named_worker));
    k.versions.back().id = version_id++;
    if (k.consent_to_share && e.id % 5 == 0 && first_accepted == e.accepted_at) {
      k.versions.back().consent_to_share = false;
      k.versions.push_back(next_key_person_version(k, e.accepted_at + std::chrono::hours{2}, e.named_worker));
      k.versions.back().id = version_id++;
    }
    s.key_people.push_back(k);
    if (!k.consent_to_share || carer_not_informed_text(s, e, ctx.now).empty()) continue;
    if (!left_untold && e.id != blocked) {
      left_untold = true;
      continue;
    }
    Instant at = std::min(ctx.now - std::chrono::minutes{45}, at_local(add_days(ctx.today, -1), 18 * 60, ctx.zone));
    for (int guard = 0; guard < 3 && !carer_not_informed_text(s, e, ctx.now).empty(); ++guard) {
      s.carer_contacts.push_back(CarerContact{contact_id++, k.id, e.id, at, e.named_worker, "reached",
                                              {"rationale", "step_down", "escalation_routes"},
                                              "explained the step-down and how to reach the team"});
      at = ctx.now - std::chrono::minutes{20};
    }
  }
}

}  // namespace vb::demo
