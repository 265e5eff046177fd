// Senior-review measures, counted with core/review_due's rules (never re-derived here): reviews
// held by the end of the day they fell due, reviews overdue now, episodes past six weeks without
// their six-week review.
#include "core/compliance_detail.hpp"
#include "core/contact_plan.hpp"
#include "core/day_number.hpp"
#include "core/review_due.hpp"

#include <cstdio>

namespace vb::detail {

using namespace std::chrono_literals;

bool open_at(const Episode& e, Instant at) { return e.accepted_at <= at && (!e.closed_at || *e.closed_at > at); }

std::string when(Instant t, Zone zone) { return format_day_label(local_date_of(t, zone)) + " " + format_local_hm(t, zone); }

std::string duration_words(std::chrono::seconds d) {
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(d).count();
  char buf[48];
  if (minutes >= 48 * 60)
    std::snprintf(buf, sizeof buf, "%lld days", static_cast<long long>(minutes / (24 * 60)));
  else
    std::snprintf(buf, sizeof buf, "%lld h %02lld min", static_cast<long long>(minutes / 60),
                  static_cast<long long>(minutes % 60));
  return buf;
}

std::span<const Visit* const> visits_of(const MeasureInput& in, Id episode) { return in.data->visits_of_episode(episode); }

EpisodeAsAt state_as_at(const Snapshot& s, const Episode& e, Instant at, Instant now, const ContactPlan* const* known_plan) {
  const bool open = !(e.closed_at && *e.closed_at <= at);
  if (at >= now || !open) return {open, e.stage};
  // Stage history is not stored: a past stage comes from the plan (intensive until its first
  // step-down, handover in its last phase or after it); still intensive now means intensive then.
  if (e.is_open() && e.stage == Stage::intensive) return {true, e.stage};
  const ContactPlan* plan = known_plan ? *known_plan : s.plan_for_episode(e.id);
  if (!plan) return {true, e.stage == Stage::closed ? Stage::intensive : e.stage};
  // In day numbers: the local day of `at`, and the first of step_down_dates(*plan) without building the list.
  const long d = local_day_number(at, s.zone());
  const long plan_start = day_number(plan->start_date);
  std::optional<long> first_step;
  long start = plan_start;
  for (size_t i = 0; i + 1 < plan->phases.size() && !first_step; ++i) {
    start += plan->phases[i].length_days;
    if (contacts_per_week(plan->phases[i + 1]) < contacts_per_week(plan->phases[i])) first_step = start;
  }
  if (!first_step || d < *first_step) return {true, Stage::intensive};
  // plan_position(*plan, d) is none or the last phase: outside the plan's days, or within the last
  // phase's (the phases before it cover the days before it, one after another).
  long total = 0;
  for (const auto& phase : plan->phases) total += phase.length_days;
  const long offset = d - plan_start;
  const bool last_phase = offset < 0 || offset >= total ||
                          (plan->phases.size() > 1 && offset >= total - plan->phases.back().length_days);
  return {true, last_phase ? Stage::handover : Stage::step_down};
}

namespace {

// state_as_at from the facts; `at_day`: local_day_number(at, zone) when the caller knows it.
EpisodeAsAt state_from_facts(const Snapshot& s, const ReviewFacts& f, Instant at, Instant now, std::optional<long> at_day) {
  const Episode& e = *f.episode;
  const ContactPlan* plan = f.plan;
  // Without the worked-out days (or a plan without phases): the per-call path.
  if (!plan || !f.plan_end || f.plan_step_down_phase.size() != f.plan_step_downs.size())
    return state_as_at(s, e, at, now, &f.plan);
  const bool open = !(e.closed_at && *e.closed_at <= at);
  if (at >= now || !open) return {open, e.stage};
  if (e.is_open() && e.stage == Stage::intensive) return {true, e.stage};
  // As the per-call path: intensive before the first step-down (plan_step_downs are
  // step_down_dates(*plan), the first of them first); the plan's days run to plan_end.
  const long d = at_day ? *at_day : local_day_number(at, s.zone());
  if (f.plan_step_downs.empty() || d < f.plan_step_down_phase.front().first) return {true, Stage::intensive};
  const long plan_start = day_number(plan->start_date);
  const long total = day_number(*f.plan_end) - plan_start;
  const long offset = d - plan_start;
  const bool last_phase = offset < 0 || offset >= total ||
                          (plan->phases.size() > 1 && offset >= total - plan->phases.back().length_days);
  return {true, last_phase ? Stage::handover : Stage::step_down};
}

std::optional<ReviewObligation> next_then(const Snapshot& s, const ReviewFacts& f, Instant at, Instant now,
                                          std::optional<long> at_day) {
  const EpisodeAsAt then = state_from_facts(s, f, at, now, at_day);
  if (!then.open) return std::nullopt;
  // The obligation as at min(at, now): the day given is at's (a later `at` asks as at now).
  if (at_day && at <= now) return next_review_as_at(s, f, then.stage, at, *at_day);
  return next_review_as_at(s, f, then.stage, std::min(at, now));
}

}  // namespace

EpisodeAsAt state_as_at(const Snapshot& s, const ReviewFacts& f, Instant at, Instant now) {
  return state_from_facts(s, f, at, now, std::nullopt);
}

EpisodeAsAt state_as_at(const Snapshot& s, const ReviewFacts& f, Instant at, Instant now, long at_day) {
  return state_from_facts(s, f, at, now, at_day);
}

Episode episode_as_at(const Snapshot& s, const Episode& e, Instant at, Instant now) {
  Episode c = e;
  if (c.closed_at && *c.closed_at > at) c.closed_at.reset();
  c.stage = state_as_at(s, e, at, now).stage;
  return c;
}

std::optional<ReviewObligation> next_review_then(const Snapshot& s, const ReviewFacts& f, Instant at, Instant now) {
  return next_then(s, f, at, now, std::nullopt);
}

std::optional<ReviewObligation> next_review_then(const Snapshot& s, const ReviewFacts& f, Instant at, Instant now, long at_day) {
  return next_then(s, f, at, now, at_day);
}

namespace {

std::string rule_name(const ReviewObligation& ob) { return ob.rule ? ob.rule->label : std::string("review"); }

std::string review_why_words(const MeasureData::ReviewWhy& why, Zone zone) {
  const std::string what = why.held     ? "held " + when(*why.held, zone)
                           : why.closed ? std::string("not held before closure")
                                        : std::string("not held yet");
  return (why.rule ? why.rule->label : std::string("review")) + ": due " + when(why.due, zone) + ", " + what;
}

}  // namespace

ComplianceIndex::ReviewMet review_met(const Snapshot& s, const ReviewFacts& facts, size_t k, std::optional<EpisodeAsAt> then,
                                      std::optional<long> at_day, const MeasureData* days) {
  ComplianceIndex::ReviewMet met;
  const Episode& e = *facts.episode;
  const Review* r = facts.reviews[k];
  const Instant at = r->held_at - 1s;
  const Zone zone = s.zone();
  // Its local day, worked out once for the episode's state then and its obligation.
  if (!at_day) at_day = local_day_number(at, zone);
  // next_review_then(s, facts, at, now) for any now after the review: the state a second before a
  // held review does not depend on now (state_as_at reads now only for `at` at or after it).
  if (!then) then = state_as_at(s, facts, at, Instant::max(), *at_day);
  if (!then->open) return met;
  auto ob = next_review_as_at(s, facts, then->stage, at, *at_day);
  // Not due before the episode closed: an obligation that never fell due is not counted.
  if (!ob || (e.closed_at && ob->due >= *e.closed_at)) return met;
  met.counted = true;
  met.due_day = static_cast<std::int32_t>(local_day_number(ob->due, zone));
  const Instant due_day_end =
      days ? days->day_start_n(met.due_day + 1) : start_of_local_day(date_of_day_number(met.due_day + 1), zone);
  met.on_time = r->held_at < due_day_end;
  met.rule = ob->rule;
  met.due = ob->due;
  return met;
}

void review_history_items(const Snapshot& s, MeasureData& data, LocalDate from, LocalDate to, Instant now, bool every_review) {
  std::vector<MeasureItem>& out = data.review_history;
  out.clear();
  data.review_history_why.clear();
  const Zone zone = s.zone();
  const Instant range_start = data.day_start(from);
  const Instant range_end = data.day_end(to);
  const long from_n = day_number(from), to_n = day_number(to);
  // The reviews' obligations from the snapshot's index when it has one (worked out once per snapshot).
  const ComplianceIndex* index = data.index && data.index->built_for(s) ? data.index : nullptr;
  for (size_t i = 0; i < data.episodes.size(); ++i) {
    const Episode& e = *data.episodes[i];
    if (e.accepted_at > now || e.accepted_at >= range_end) continue;
    if (e.closed_at && *e.closed_at < range_start) continue;
    const Instant stop = e.closed_at ? std::min(*e.closed_at, now) : now;
    const ReviewFacts& facts = *data.review_facts[i];
    const auto& reviews = facts.reviews;
    auto add = [&](const RuleText* rule, Instant due, long due_day, bool met, std::optional<Instant> held, bool closed) {
      if (due_day < from_n || due_day > to_n) return;
      MeasureItem item;
      item.episode = e.id;
      item.day = date_of_day_number(due_day);
      item.met = met;
      out.push_back(std::move(item));
      data.review_history_why.push_back({rule, due, held, closed});
    };
    // Each review meets the earliest obligation open just before it was held.
    const auto met = index ? index->met_by_reviews_of(static_cast<size_t>(&e - s.episodes.data()))
                           : std::span<const ComplianceIndex::ReviewMet>();
    if (index && index->facts_of(static_cast<size_t>(&e - s.episodes.data())) == &facts) {
      for (size_t k = 0; k < reviews.size() && k < met.size(); ++k) {
        if (reviews[k]->held_at > stop) break;
        if (met[k].counted) add(met[k].rule, met[k].due, met[k].due_day, met[k].on_time, reviews[k]->held_at, false);
      }
    } else {
      for (size_t k = 0; k < reviews.size(); ++k) {
        const Review* r = reviews[k];
        if (r->held_at > stop) break;
        const Instant at = r->held_at - 1s;
        // Its local day, worked out once for the episode's state then and its obligation (at < now).
        const long at_day = local_day_number(at, zone);
        // A review held long before the range meets an obligation due before it, when that obligation's
        // due time is bounded: the first review (none held before) is due within a day of acceptance,
        // and while intensive the weekly one is due within a week of the last review. Skipped unasked.
        // The episode as it stood then, worked out once for the check below and the obligation.
        std::optional<EpisodeAsAt> then;
        if (!every_review) {
          const bool none_before = k == 0 || reviews[0]->held_at > at;
          if (none_before ? e.accepted_at + s.review_rules.first_review_within < range_start
                          : at + s.review_rules.intensive_interval < range_start &&
                                (then = state_as_at(s, facts, at, now, at_day))->stage == Stage::intensive)
            continue;
        }
        const ComplianceIndex::ReviewMet m = review_met(s, facts, k, then, at_day, &data);
        if (m.counted) add(m.rule, m.due, m.due_day, m.on_time, r->held_at, false);
      }
    }
    // The obligation still open at the end (now, or closure): missed once its due day has ended.
    if (stop < range_start) continue;
    const Instant last = e.closed_at && *e.closed_at <= now ? *e.closed_at - 1s : now;
    auto ob = next_review_then(s, facts, last, now);
    if (!ob) continue;
    const long due_day = local_day_number(ob->due, zone);
    if (data.day_start_n(due_day + 1) > last) continue;
    add(ob->rule, ob->due, due_day, false, std::nullopt, e.closed_at && *e.closed_at <= now);
  }
}

std::vector<MeasureItem> reviews_on_time(const MeasureInput& in, const MeasureRule&) {
  std::vector<MeasureItem> out;
  const auto& history = in.data->review_history;
  for (size_t i = 0; i < history.size(); ++i) {
    const MeasureItem& item = history[i];
    if (item.day < in.from || item.day > in.to) continue;
    out.push_back(item);
    if (in.detail_on(item.day) && i < in.data->review_history_why.size())
      in.describe(out.back(), review_why_words(in.data->review_history_why[i], in.zone));
  }
  return out;
}

std::vector<MeasureItem> reviews_overdue_now(const MeasureInput& in, const MeasureRule&) {
  std::vector<MeasureItem> out;
  const long as_at_day = local_day_number(in.as_at, in.zone);  // once for every episode
  for (size_t i = 0; i < in.data->episodes.size(); ++i) {
    const Episode& e = *in.data->episodes[i];
    if (!open_at(e, in.as_at)) continue;
    auto ob = next_review_then(in.s, *in.data->review_facts[i], in.as_at, in.now, as_at_day);
    if (!ob) continue;
    MeasureItem item;
    item.episode = e.id;
    item.day = local_date_of(ob->due, in.zone);
    item.met = !(in.as_at > ob->due);  // review_status(ob->due, in.as_at, in.zone) != ReviewStatus::overdue
    if (in.details)
      in.describe(item, rule_name(*ob) + ": due " + when(ob->due, in.zone) +
                    (item.met ? "" : ", overdue by " + duration_words(in.as_at - ob->due)));
    out.push_back(std::move(item));
  }
  return out;
}

std::vector<MeasureItem> six_weeks_without_review(const MeasureInput& in, const MeasureRule&) {
  std::vector<MeasureItem> out;
  const auto& rules = in.s.review_rules;
  for (size_t i = 0; i < in.data->episodes.size(); ++i) {
    const Episode& e = *in.data->episodes[i];
    if (!open_at(e, in.as_at) || e.accepted_at + date::days{rules.six_week_day} > in.as_at) continue;
    const ReviewFacts& facts = *in.data->review_facts[i];
    const EpisodeAsAt then = state_as_at(in.s, facts, in.as_at, in.now);
    auto list = review_obligations_as_at(in.s, facts, then.stage, std::min(in.as_at, in.now));
    MeasureItem item;
    item.episode = e.id;
    item.day = local_date_of(e.accepted_at, in.zone);
    std::string text;
    if (in.details)
      text = "accepted " + when(e.accepted_at, in.zone) + ", " + std::to_string((in.as_at - e.accepted_at) / date::days{1}) +
             " days on the caseload";
    for (const auto& ob : list)
      if (ob.rule == &rules.six_weeks && ob.due <= in.as_at) {
        item.met = false;
        if (in.details) text += ", no six-week review";
      }
    if (in.details) in.describe(item, std::move(text));
    out.push_back(std::move(item));
  }
  return out;
}

// The two as-at measures for several periods at once: each episode walked once over the instants
// (its facts looked up once), counting what the measure would list as at each, without the items.
std::vector<PeriodCount> reviews_overdue_at(const Snapshot& s, const MeasureData& d, const MeasureRule&,
                                            std::span<const PeriodAt> periods, Instant now) {
  std::vector<PeriodCount> out(periods.size());
  // Each period's as-at day, worked out once for every episode.
  std::vector<long> as_at_days(periods.size());
  for (size_t k = 0; k < periods.size(); ++k) as_at_days[k] = local_day_number(periods[k].as_at, s.zone());
  for (size_t i = 0; i < d.episodes.size(); ++i) {
    const Episode& e = *d.episodes[i];
    for (size_t k = 0; k < periods.size(); ++k) {
      const Instant as_at = periods[k].as_at;
      if (!open_at(e, as_at)) continue;
      auto ob = next_review_then(s, *d.review_facts[i], as_at, now, as_at_days[k]);
      if (!ob) continue;
      ++out[k].items;
      if (!(as_at > ob->due)) ++out[k].met;  // as reviews_overdue_now's item.met
    }
  }
  return out;
}

std::vector<PeriodCount> six_weeks_without_review_at(const Snapshot& s, const MeasureData& d, const MeasureRule&,
                                                     std::span<const PeriodAt> periods, Instant now) {
  std::vector<PeriodCount> out(periods.size());
  const auto& rules = s.review_rules;
  std::vector<long> as_at_days(periods.size());  // each period's, once for every episode
  for (size_t k = 0; k < periods.size(); ++k) as_at_days[k] = local_day_number(periods[k].as_at, s.zone());
  for (size_t i = 0; i < d.episodes.size(); ++i) {
    const Episode& e = *d.episodes[i];
    const ReviewFacts& facts = *d.review_facts[i];
    for (size_t k = 0; k < periods.size(); ++k) {
      const Instant as_at = periods[k].as_at;
      if (!open_at(e, as_at) || e.accepted_at + date::days{rules.six_week_day} > as_at) continue;
      const EpisodeAsAt then = state_as_at(s, facts, as_at, now, as_at_days[k]);
      const auto list = review_obligations_as_at(s, facts, then.stage, std::min(as_at, now));
      bool met = true;
      for (const auto& ob : list)
        if (ob.rule == &rules.six_weeks && ob.due <= as_at) met = false;
      ++out[k].items;
      if (met) ++out[k].met;
    }
  }
  return out;
}

}  // namespace vb::detail
