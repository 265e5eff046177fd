// Demo data for the step-down pathway's compliance figures over past weeks: episodes closed in the
// last 14 weeks get a transition bundle (complete before closure, except every eighth, closed with an
// override) and their follow-up contact after closure (within its window, except every seventh, done
// late; still planned when its window is open); past step-downs get the reassessment the afternoon
// before (except every tenth) with a safety plan update (except every sixth), and consenting carers are told the evening before (except every ninth).
// The last week is add_step_down_detail's (the board's promises); this only fills older history.
#include "core/carers.hpp"
#include "core/demo_detail.hpp"
#include "core/out_of_hours.hpp"
#include "core/step_down.hpp"
#include "core/transition_bundle.hpp"

#include <algorithm>

namespace vb::demo {

void add_transition_history(Snapshot& s, const ScheduleContext& ctx) {
  const LocalDate since = add_days(ctx.today, -98);  // 12 trend weeks and a window before them
  const LocalDate recent = add_days(ctx.today, -step_down_after_days);
  Id record_id = 1, visit_id = 1, reassess_id = 1, contact_id = 1;
  for (const auto& r : s.transition_records) record_id = std::max(record_id, r.id + 1);
  for (const auto& v : s.visits) visit_id = std::max(visit_id, v.id + 1);
  for (const auto& r : s.reassessments) reassess_id = std::max(reassess_id, r.id + 1);
  for (const auto& c : s.carer_contacts) contact_id = std::max(contact_id, c.id + 1);
  const size_t episodes = s.episodes.size();
  s.reindex();  // the date index for the visits and shifts looked at below
  std::vector<Visit> added;
  for (size_t i = 0; i < episodes; ++i) {
    const Episode e = s.episodes[i];
    // Older step-downs: reassessed the afternoon before; carers told the evening before.
    long n = 0;
    for (LocalDate d : step_down_days(s, e)) {
      if (d < since || !(d < recent) || e.accepted_at >= at_local(d, 0, ctx.zone)) continue;
      if (e.closed_at && *e.closed_at < at_local(d, 0, ctx.zone)) continue;
      ++n;
      const Instant before = std::max(at_local(add_days(d, -1), 15 * 60, ctx.zone), e.accepted_at + std::chrono::minutes{5});
      if ((e.id + n) % 10 != 0 && !reassessment_for_step_down(s, e, d, ctx.now))
        s.reassessments.push_back(RiskReassessment{reassess_id++, e.id, before, e.named_worker, e.risk,
                                                   "risk reassessed before step-down"});
      if ((e.id + n) % 6 != 0)
        s.transition_records.push_back(TransitionRecord{record_id++, e.id, "safety_plan_updated", before + std::chrono::minutes{20},
                                                        e.named_worker, "updated for the step-down"});
      for (const auto& k : s.key_people) {
        if (k.person_id != e.person_id || !k.consent_to_share || (e.id + n) % 9 == 0) continue;
        s.carer_contacts.push_back(CarerContact{contact_id++, k.id, e.id, before + std::chrono::hours{3}, e.named_worker,
                                                "reached", {"rationale", "step_down"}, "explained the step-down"});
      }
    }
    if (!e.closed_at || local_date_of(*e.closed_at, ctx.zone) < since || *e.closed_at > ctx.now) continue;
    const Instant closed = *e.closed_at;
    // The bundle, the day before closure (every eighth closes without the handover summary).
    for (auto item : transition_items()) {
      if (item == "handover_summary_sent" && e.id % 8 == 0) continue;
      std::string detail = item == "receiving_service" ? (e.closure_destination.empty() ? "gp" : e.closure_destination.str())
                           : item == "joint_meeting"  ? format_date(local_date_of(closed, ctx.zone))
                           : item == "handover_summary_sent" ? format_date(local_date_of(closed, ctx.zone))
                                                              : "recorded before closure";
      const Instant at = std::max(closed - std::chrono::hours{24}, e.accepted_at + std::chrono::minutes{10});
      s.transition_records.push_back(TransitionRecord{record_id++, e.id, std::string(item), at, e.named_worker, detail});
    }
    // The follow-up contact: a phone call the day after (every seventh an hour after its window).
    const Instant due = follow_up_due(s, e, closed);
    Visit f;
    f.id = visit_id++;
    f.episode_id = e.id;
    f.window_start = closed + std::chrono::hours{2};
    f.window_end = due;
    f.type = VisitType::phone;
    f.reason = follow_up_reason;
    f.duration_min = 30;
    const bool late = e.id % 7 == 0;
    Instant done = late ? due + std::chrono::hours{1} : std::min(closed + std::chrono::hours{26}, due);
    // Done by someone on shift then and free for the half hour before (tried hour by hour).
    for (int tries = 0; tries < 12 && done <= ctx.now; ++tries) {
      const Instant from = done - std::chrono::minutes{30};
      const LocalDate d = local_date_of(from, ctx.zone);
      for (const Shift* sh : s.shifts_dated(add_days(d, -1), d)) {
        if (sh->start > from || done > sh->end) continue;
        // A single-handed contact: only someone who may lone-work (the allocator's rule).
        const Staff* who = s.find_staff(sh->staff_id);
        if (!who || !who->has_skill("lone_working")) continue;
        bool busy = false;
        for (const Visit* v : s.visits_dated(d, d))
          busy = busy || ((v->staff1 == sh->staff_id || v->staff2 == sh->staff_id) && v->window_start < done && from < v->window_end);
        for (const Visit& v : added)
          busy = busy || (v.staff1 == sh->staff_id && v.window_start < done && from < v.window_end);
        if (!busy) {
          f.staff1 = sh->staff_id;
          break;
        }
      }
      if (!f.staff1.empty()) break;
      const Instant next = done + (late ? std::chrono::hours{1} : -std::chrono::hours{1});
      if (!late && next <= closed + std::chrono::hours{1}) break;
      done = next;
    }
    if (done <= ctx.now && !f.staff1.empty()) {
      f.status = VisitStatus::done;
      f.outcome_at = done;
      f.window_start = done - std::chrono::minutes{30};
      f.window_end = done;
    }
    f.date = local_date_of(f.window_start, ctx.zone);
    f.out_of_hours = starts_out_of_hours(s.rota_rules, f.window_start, ctx.zone);  // the one rule (core/out_of_hours)
    added.push_back(f);
  }
  s.visits.insert(s.visits.end(), added.begin(), added.end());
  s.reindex();
}

}  // namespace vb::demo
