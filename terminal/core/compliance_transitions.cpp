// The step-down pathway (issue 3) seen over a period: step-downs with a risk reassessment and with
// consenting carers told, closures whose follow-up contact was done within its window, and closures
// with a complete transition bundle. Each calls the pathway's own rule (core/step_down, core/carers,
// core/transition_bundle); nothing here re-derives one.
#include "core/bundle_missing.hpp"
#include "core/carers.hpp"
#include "core/contact_plan.hpp"
#include "core/compliance_detail.hpp"
#include "core/key_person_versions.hpp"
#include "core/step_down.hpp"
#include "core/transition_bundle.hpp"

#include <algorithm>
#include <cstdint>

namespace vb::detail {

TransitionCache& transition_cache(const MeasureInput& in) {
  if (!in.data->transitions) in.data->transitions = std::make_shared<TransitionCache>();
  return *in.data->transitions;
}

namespace {

long day_key(LocalDate d) { return date::sys_days{d}.time_since_epoch().count(); }

}  // namespace

LocalDate needed_since_on(const ContactPlan* plan, LocalDate d) {
  return LocalDate{date::sys_days{date::days{needed_since_day_on(plan, day_key(d))}}};
}

long needed_since_day_on(const ContactPlan* plan, long t) {
  long from_start = t - reassessment_window_days;
  if (plan) {
    long start = day_key(plan->start_date);
    for (const auto& phase : plan->phases) {
      const long end = start + phase.length_days;
      if (start <= t - 1 && t - 1 < end) {
        from_start = start;
        break;
      }
      start = end;
    }
  }
  return std::max(from_start, t - reassessment_window_days);
}

namespace {

bool in_period(const MeasureInput& in, LocalDate d) { return !(d < in.from) && !(in.to < d); }

// Each step-down (episode, local date d) of an episode on the caseload that day, whose day of
// judgement (d + judged_after days: the day the figure falls due) is in the period, by as-at.
// Episodes in MeasureData::episodes order, each episode's days in order (as items are then sorted
// stably by day, a list by day and then by that order gives the same figures and item order).
std::vector<TransitionCache::StepDownAt>& listed_step_downs(const MeasureInput& in) {
  TransitionCache& c = transition_cache(in);
  if (!c.step_downs_listed) {
    const auto& episodes = in.data->episodes;
    const long first = day_key(in.data->first), last = day_key(in.data->last);
    // step_down_days(s, e) as day numbers, in one reused buffer: the plan's step-downs (as
    // step_down_dates) and the recorded step-down changes, sorted, without repeats.
    std::vector<long> days;
    std::vector<TransitionCache::StepDownAt> listed;
    std::vector<std::pair<long, std::uint32_t>> order;  // (day number, index in `listed`)
    for (size_t i = 0; i < episodes.size(); ++i) {
      const Episode* e = episodes[i];
      days.clear();
      // The plan and its step-down days as the episode's review facts found them once (issue 6),
      // when they did (facts made otherwise are looked up here).
      const ReviewFacts* facts = i < in.data->review_facts.size() && in.data->review_facts[i]->episode == e
                                     ? in.data->review_facts[i]
                                     : nullptr;
      const ContactPlan* plan = facts ? facts->plan : in.s.plan_for_episode(e->id);
      if (plan && facts && facts->plan_step_down_phase.size() == facts->plan_step_downs.size()) {
        for (const auto& [first_day, end] : facts->plan_step_down_phase) days.push_back(first_day);
      } else if (plan) {
        long start = day_key(plan->start_date);
        for (size_t k = 0; k + 1 < plan->phases.size(); ++k) {
          start += plan->phases[k].length_days;
          if (contacts_per_week(plan->phases[k + 1]) < contacts_per_week(plan->phases[k])) days.push_back(start);
        }
      }
      in.s.each_plan_change_of(e->id, [&](const PlanChange& pc) {
        if (pc.kind == "step_down") days.push_back(day_key(local_date_of(pc.at, in.zone)));
      });
      if (days.size() > 1) {
        std::sort(days.begin(), days.end());
        days.erase(std::unique(days.begin(), days.end()), days.end());
      }
      for (const long n : days) {
        if (n < first || last < n) continue;  // no period of the range judges it
        if (e->accepted_at >= in.data->day_start_n(n + 1)) continue;
        if (e->closed_at && *e->closed_at < in.data->day_start_n(n)) continue;
        const LocalDate d{date::sys_days{date::days{n}}};
        order.emplace_back(n, static_cast<std::uint32_t>(listed.size()));
        listed.push_back(TransitionCache::StepDownAt{e, d, i, std::nullopt, n, needed_since_day_on(plan, n)});
      }
    }
    // By day, equal days in the order listed (a stable sort by day: the keys are distinct).
    std::sort(order.begin(), order.end());
    c.step_downs.reserve(listed.size());
    for (const auto& [n, k] : order) c.step_downs.push_back(std::move(listed[k]));
    c.step_downs_listed = true;
  }
  return c.step_downs;
}

template <typename F>
void each_step_down(const MeasureInput& in, long judged_after, F&& f) {
  auto& all = listed_step_downs(in);
  const LocalDate first = plus_days(in.from, -judged_after);
  const LocalDate last = plus_days(in.to, -judged_after);
  auto it = std::partition_point(all.begin(), all.end(), [&](const auto& x) { return x.day < first; });
  for (; it != all.end() && !(last < it->day); ++it) {
    if (in.as_at_day < it->day) break;  // later days are later still
    f(*it, *it->episode, it->day, plus_days(it->day, judged_after));
  }
}

// Each episode closed on a local date in the period, by as-at.
template <typename F>
void each_closure(const MeasureInput& in, F&& f) {
  const Instant first = in.data->day_start(in.from);
  const Instant last = in.data->day_end(in.to);
  for (const Episode* e : in.data->episodes) {
    if (!e->closed_at || *e->closed_at < first || *e->closed_at >= last || *e->closed_at > in.as_at) continue;
    f(*e, *e->closed_at);
  }
}

}  // namespace

std::vector<MeasureItem> risk_reassessed_at_step_down(const MeasureInput& in, const MeasureRule&) {
  std::vector<MeasureItem> out;
  each_step_down(in, 0, [&](TransitionCache::StepDownAt& at, const Episode& e, LocalDate d, LocalDate) {
    // reassessment_for_step_down(in.s, e, d, in.as_at, needed_since), with the day's bounds from the
    // table (needed_since worked out once per step-down when listed, shared with the safety-plan measure).
    auto reassessed = [&] {
      return latest_reassessment_seen(in.s, e.id, in.data->day_start_n(at.needed_since),
                                      std::min(in.as_at, in.data->day_start_n(at.day_n + 1)));
    };
    // The answer read in place (not copied with its author and source words).
    std::optional<ReassessmentSeen> pending;
    const std::optional<ReassessmentSeen>* answer = &pending;
    if (in.ended(d)) {
      // Once the day is over the answer no longer depends on as-at (only records up to its end count).
      if (!at.reassessed) at.reassessed = reassessed();
      answer = &*at.reassessed;
    } else {
      pending = reassessed();
    }
    const std::optional<ReassessmentSeen>& found = *answer;
    if (!found && !in.ended(d)) return;  // the transition day is not over: pending
    MeasureItem item;
    item.episode = e.id;
    item.day = d;
    item.met = found.has_value();
    if (in.detail_on(d))
      in.describe(item, found ? std::string(found->source) + " " + when(found->at, in.zone)
                          : "stepped down " + format_day_label(d) + " without a risk reassessment");
    out.push_back(std::move(item));
  });
  return out;
}

std::vector<MeasureItem> carers_informed_of_step_down(const MeasureInput& in, const MeasureRule&) {
  std::vector<MeasureItem> out;
  each_step_down(in, step_down_after_days, [&](TransitionCache::StepDownAt& at, const Episode& e, LocalDate d, LocalDate judged) {
    // carer_inform_deadline(d, in.zone), from the table of local midnights.
    const Instant deadline = in.data->day_start_n(at.day_n + step_down_after_days + 1) - std::chrono::seconds{1};
    const Instant until = std::min(in.as_at, deadline);
    int consenting = 0, told = 0;
    std::string untold;
    auto& cache = transition_cache(in);
    auto people = cache.key_people.find(e.person_id);
    if (people == cache.key_people.end()) people = cache.key_people.emplace(e.person_id, in.s.key_people_of(e.person_id)).first;
    for (const KeyPerson* kp : people->second) {
      const KeyPerson& k = *kp;
      // Consent and the list as they were at the judgement point (session 9: versioned), so a later
      // change of consent never changes a figure for a period already reported.
      if (!key_person_listed_at(k, until) || !key_person_consents_at(k, until)) continue;  // removed by then: nobody to tell
      ++consenting;
      bool was_told;
      if (until == deadline) {
        auto it = cache.carer_told.find({k.id, day_key(d)});
        if (it == cache.carer_told.end()) it = cache.carer_told.emplace(std::pair{k.id, day_key(d)}, carer_told_of_step_down(in.s, k, d, until)).first;
        was_told = it->second;
      } else {
        was_told = carer_told_of_step_down(in.s, k, d, until);
      }
      if (was_told)
        ++told;
      else if (in.detail_on(judged))
        untold += (untold.empty() ? "" : ", ") + key_person_label_at(k, until);
    }
    if (consenting == 0) return;                         // no one to tell
    if (told < consenting && in.as_at < deadline) return;  // still within the week: pending
    MeasureItem item;
    item.episode = e.id;
    item.day = judged;
    item.met = told == consenting;
    if (in.detail_on(judged))
      in.describe(item, "stepped down " + format_day_label(d) + "; " +
                    (item.met ? "told: " + std::to_string(told) + " of " + std::to_string(consenting) : "not told: " + untold));
    out.push_back(std::move(item));
  });
  return out;
}

std::vector<MeasureItem> follow_up_after_closure(const MeasureInput& in, const MeasureRule&) {
  std::vector<MeasureItem> out;
  // Judged on the day the follow-up falls due: closures whose window ends on a day in the period.
  auto& follow_ups = transition_cache(in).follow_ups;
  follow_ups.resize(in.data->episodes.size());
  for (size_t i = 0; i < in.data->episodes.size(); ++i) {
    const Episode* ep = in.data->episodes[i];
    if (!ep->closed_at || *ep->closed_at > in.as_at) continue;
    const Episode& e = *ep;
    const Instant closed = *e.closed_at;
    std::optional<TransitionCache::FollowUp>& cached = follow_ups[i];
    if (!cached) {
      TransitionCache::FollowUp f;
      f.due = follow_up_due(in.s, e, closed);
      f.due_day = local_date_of(f.due, in.zone);
      // The episode's visits dated from the closure day to the due day (the earliest time is the same
      // whichever order they are seen in).
      const LocalDate closed_day = local_date_of(closed, in.zone);
      in.s.each_visit_of(e.id, [&](const Visit& v) {
        if (v.date < closed_day || f.due_day < v.date) return;
        if (v.reason != follow_up_reason || v.window_start < closed || v.status != VisitStatus::done) return;
        const Instant at = v.outcome_at.value_or(v.window_start);
        if (!f.first_done || at < *f.first_done) f.first_done = at;
      });
      cached = f;
    }
    const Instant due = cached->due;
    const LocalDate due_day = cached->due_day;
    if (!in_period(in, due_day)) continue;
    // The earliest done by as-at: the earliest of all, when that is not after as-at.
    std::optional<Instant> done;
    if (cached->first_done && *cached->first_done <= in.as_at) done = cached->first_done;
    const bool met = done && *done <= due;
    if (!met && in.as_at < due) continue;  // window still open: pending
    MeasureItem item;
    item.episode = e.id;
    item.day = due_day;
    item.met = met;
    if (in.detail_on(due_day))
      in.describe(item, "closed " + when(closed, in.zone) + "; " +
                    (done ? "follow-up done " + when(*done, in.zone) : std::string("no follow-up done")) + ", due by " +
                    when(due, in.zone));
    out.push_back(std::move(item));
  }
  return out;
}

std::vector<MeasureItem> bundle_complete_at_closure(const MeasureInput& in, const MeasureRule&) {
  std::vector<MeasureItem> out;
  each_closure(in, [&](const Episode& e, Instant closed) {
    // bundle_status_as_at(in.s, e.id, closed): only which items were missing.
    const std::uint32_t missing = bundle_missing_as_at(in.s, e.id, closed);
    MeasureItem item;
    item.episode = e.id;
    item.day = local_date_of(closed, in.zone);
    item.met = missing == 0;
    if (in.detail_on(item.day)) {
      if (item.met) {
        in.describe(item, "bundle complete at closure");
      } else {
        std::string text = "closed without:";
        const auto& items = transition_items();
        for (size_t i = 0; i < items.size(); ++i)
          if (missing & (std::uint32_t{1} << i)) text += " " + std::string(transition_item_short(items[i])) + ",";
        text.pop_back();
        in.describe(item, std::move(text));
      }
    }
    out.push_back(std::move(item));
  });
  return out;
}

std::vector<MeasureItem> safety_plan_updated_at_step_down(const MeasureInput& in, const MeasureRule&) {
  std::vector<MeasureItem> out;
  each_step_down(in, 0, [&](TransitionCache::StepDownAt& at, const Episode& e, LocalDate d, LocalDate) {
    // Same window as the reassessment: from step_down_needed_since up to the end of the step-down day.
    const Instant since = in.data->day_start_n(at.needed_since);
    const Instant until = std::min(in.as_at, in.data->day_start_n(at.day_n + 1));
    std::optional<Instant> found;
    // The episode's records walked in place (the order of transition_records_of: the last one wins).
    in.s.each_transition_record_of(e.id, [&](const TransitionRecord& r) {
      if (r.at >= since && r.at <= until && r.item == std::string_view("safety_plan_updated")) found = r.at;
    });
    if (!found && !in.ended(d)) return;
    MeasureItem item;
    item.episode = e.id;
    item.day = d;
    item.met = found.has_value();
    if (in.detail_on(d))
      in.describe(item, found ? "safety plan updated " + when(*found, in.zone)
                          : "stepped down " + format_day_label(d) + " without a safety plan update");
    out.push_back(std::move(item));
  });
  return out;
}

std::vector<MeasureItem> handover_summary_within_days(const MeasureInput& in, const MeasureRule& rule) {
  std::vector<MeasureItem> out;
  const long days = static_cast<long>(rule.param("days", 3));
  // Judged on the last day allowed (closure date + days), when that day is in the period.
  for (const Episode* ep : in.data->episodes) {
    if (!ep->closed_at || *ep->closed_at > in.as_at) continue;
    const LocalDate judged = plus_days(local_date_of(*ep->closed_at, in.zone), days);
    if (!in_period(in, judged)) continue;
    const Instant until = std::min(in.as_at, in.data->day_end(judged) - std::chrono::seconds{1});
    std::optional<Instant> sent;
    in.s.each_transition_record_of(ep->id, [&](const TransitionRecord& r) {
      if (r.at <= until && (!sent || r.at < *sent) && r.item == std::string_view("handover_summary_sent")) sent = r.at;
    });
    if (!sent && !in.ended(judged)) continue;
    MeasureItem item;
    item.episode = ep->id;
    item.day = judged;
    item.met = sent.has_value();
    if (in.detail_on(judged))
      in.describe(item, "closed " + when(*ep->closed_at, in.zone) + "; " +
                    (sent ? "summary sent " + when(*sent, in.zone) : std::string("no summary sent by ") + format_day_label(judged)));
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace vb::detail
