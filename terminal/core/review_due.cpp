// Review obligations from the rules, the episode's reviews, risk changes and contact plan.
// Durations come from instants; dates of phases are local calendar days in the team's zone.
#include "core/review_due.hpp"

#include "core/contact_plan.hpp"
#include "core/day_number.hpp"

#include <algorithm>

namespace vb {

namespace {

std::string when(Instant t, Zone zone) { return format_day_label(local_date_of(t, zone)) + " " + format_local_hm(t, zone); }

bool reviewed_between(std::span<const Review* const> reviews, Instant from, Instant until) {
  // Oldest first: the first held at or after `from` decides.
  auto it = std::partition_point(reviews.begin(), reviews.end(), [&](const Review* r) { return r->held_at < from; });
  return it != reviews.end() && (*it)->held_at <= until;
}

// The step-down that matters today: the latest one whose phase is still running, else the next.
// `steps`: step_down_dates(plan), in order.
std::optional<LocalDate> relevant_step_down(const ContactPlan& plan, std::span<const LocalDate> steps, LocalDate today) {
  std::optional<LocalDate> latest_started;
  for (const LocalDate d : steps) {
    if (d > today) return latest_started ? latest_started : d;
    latest_started = d;
  }
  if (latest_started) {
    // Only while the stepped-down phase is the current one.
    auto pos = plan_position(plan, today);
    auto at_start = plan_position(plan, *latest_started);
    if (pos && at_start && pos->phase == at_start->phase) return latest_started;
  }
  return std::nullopt;
}

// relevant_step_down from the facts' phase days: the latest step-down on or before today while the
// phase plan_position gives on it is today's phase, else the next one; its index in plan_step_downs.
std::optional<size_t> relevant_step_down_index(const ReviewFacts& f, long t) {
  std::optional<size_t> latest_started;
  for (size_t i = 0; i < f.plan_step_downs.size(); ++i) {
    if (f.plan_step_down_phase[i].first > t) return latest_started ? latest_started : i;
    latest_started = i;
  }
  if (latest_started) {
    const auto [first, end] = f.plan_step_down_phase[*latest_started];
    if (first <= t && t < end) return latest_started;
  }
  return std::nullopt;
}

std::optional<LocalDate> plan_end(const ContactPlan& plan) {
  if (plan.phases.empty()) return std::nullopt;
  int days = 0;
  for (const auto& p : plan.phases) days += p.length_days;
  return LocalDate{date::sys_days{plan.start_date} + date::days{days}};
}

}  // namespace

namespace {

// Every obligation of the episode as it stands (open, `stage`) at `now`, in the order below, each
// passed to emit(rule, due, say) where say() gives its detail text (called only when wanted).
// `history_until`: when set, reviews held and risk changes made after it are ignored (as at then).
// `now_day`: local_day_number(now, zone) when the caller knows it (else worked out when needed).
template <typename Emit>
void each_obligation(const Snapshot& s, const ReviewFacts& f, Stage stage, Instant now, std::optional<Instant> history_until,
                     Emit&& emit, std::optional<long> now_day = std::nullopt) {
  const Episode& e = *f.episode;
  const ReviewRules& rules = s.review_rules;
  const Zone zone = s.zone();
  std::span<const Review* const> reviews(f.reviews);
  // Oldest first: those held after the cut-off are a suffix.
  if (history_until)
    reviews = reviews.first(static_cast<size_t>(
        std::partition_point(reviews.begin(), reviews.end(), [&](const Review* r) { return r->held_at <= *history_until; }) -
        reviews.begin()));
  const Review* last = reviews.empty() ? nullptr : reviews.back();
  const Instant far_future = Instant::max();

  if (!last) {
    emit(&rules.first_review, e.accepted_at + rules.first_review_within, [&] { return "accepted " + when(e.accepted_at, zone); });
  } else {
    if (last->next_review_due)
      emit(&rules.set_at_last_review, *last->next_review_due, [&] { return "set at the review of " + when(last->held_at, zone); });
    if (stage == Stage::intensive)
      emit(&rules.weekly_intensive, last->held_at + rules.intensive_interval, [&] { return "last review " + when(last->held_at, zone); });
  }

  for (const RiskChange* change_row : f.raised_to_high) {
    const RiskChange& change = *change_row;
    if (history_until && change.at > *history_until) continue;
    if (reviewed_between(reviews, change.at, far_future)) continue;
    auto within = e.referral_priority == 4 ? rules.after_high_risk_very_urgent_within : rules.after_high_risk_within;
    emit(&rules.after_high_risk, change.at + within, [&] { return "risk raised to high " + when(change.at, zone); });
  }

  // `reviews` is a prefix of f.reviews: the first review from the window on is among them or none is.
  const bool six_week_reviewed =
      f.six_week_review && *f.six_week_review <= f.reviews.size() ? *f.six_week_review < reviews.size()
                                                                  : reviewed_between(reviews, f.six_week_window, far_future);
  if (!six_week_reviewed) emit(&rules.six_weeks, f.six_weeks, [&] { return "accepted " + when(e.accepted_at, zone); });

  if (const ContactPlan* plan = f.plan) {
    // With the facts' worked-out days (else as relevant_step_down and start_of_local_day).
    const bool known = f.plan_step_down_starts.size() == f.plan_step_downs.size() &&
                       f.plan_step_down_phase.size() == f.plan_step_downs.size();
    std::optional<size_t> step;  // index of the relevant step-down
    if (!f.plan_step_downs.empty()) {
      if (known) {
        step = relevant_step_down_index(f, now_day ? *now_day : local_day_number(now, zone));
      } else if (auto change = relevant_step_down(*plan, f.plan_step_downs, local_date_of(now, zone))) {
        step = static_cast<size_t>(std::find(f.plan_step_downs.begin(), f.plan_step_downs.end(), *change) - f.plan_step_downs.begin());
      }
    }
    if (step) {
      const LocalDate change = f.plan_step_downs[*step];
      // Met by a review in the window before the step-down, or (late) any review since it.
      Instant due = known ? f.plan_step_down_starts[*step] : start_of_local_day(change, zone);
      if (!reviewed_between(reviews, due - rules.before_change_window, std::max(due, now)))
        emit(&rules.before_step_down, due, [&] { return "step-down planned " + format_day_label(change); });
    }
    if (stage == Stage::handover) {
      if (auto end = f.plan_end) {
        Instant due = f.plan_end_start ? *f.plan_end_start : start_of_local_day(*end, zone);
        if (!reviewed_between(reviews, due - rules.before_change_window, std::max(due, now)))
          emit(&rules.before_closure, due, [&] { return "closure planned " + format_day_label(*end); });
      }
    }
  }
}

// `history_until`: when set, reviews held and risk changes made after it are ignored (as at then).
// `details`: false leaves ReviewObligation::detail empty (compliance history needs rule and due only).
// `given`: the episode's reviews, oldest first (else looked up).
std::vector<ReviewObligation> obligations(const Snapshot& s, const Episode& e, Instant now,
                                          std::optional<Instant> history_until, bool details = true,
                                          std::optional<std::span<const Review* const>> given = std::nullopt) {
  std::vector<ReviewObligation> out;
  if (!e.is_open()) return out;
  ReviewFacts f = given ? review_facts(s, e, *given) : review_facts(s, e);
  each_obligation(s, f, e.stage, now, history_until, [&](const RuleText* rule, Instant due, auto&& say) {
    out.push_back({rule, due, details ? say() : std::string()});
  });
  // Earliest first, equal dues in the order above (a stable insertion sort: a handful of entries).
  for (size_t i = 1; i < out.size(); ++i)
    for (size_t j = i; j > 0 && out[j].due < out[j - 1].due; --j) std::swap(out[j], out[j - 1]);
  return out;
}

}  // namespace

namespace {

ReviewFacts facts_of(const Snapshot& s, const Episode& e, std::span<const Review* const> reviews, long first_day,
                     std::span<const Instant> midnights) {
  ReviewFacts f;
  f.episode = &e;
  f.reviews.assign(reviews.begin(), reviews.end());
  s.each_risk_change_of(e.id, [&](const RiskChange& c) {
    if (c.to == RiskLevel::high && c.from != RiskLevel::high) f.raised_to_high.push_back(&c);
  });
  // Six weeks counts calendar days: day 42 at the wall time of acceptance, whatever the clocks did.
  const Zone zone = s.zone();
  const ReviewRules& rules = s.review_rules;
  const LocalDate accepted_day = local_date_of(e.accepted_at, zone);
  const auto accepted_time = date::floor<std::chrono::minutes>(to_local(e.accepted_at, zone) - date::local_days{accepted_day});
  f.six_weeks = local_day_time(LocalDate{date::sys_days{accepted_day} + date::days{rules.six_week_day}}, accepted_time, zone);
  f.six_week_window = f.six_weeks - date::days{rules.six_week_window_days};
  f.six_week_review = static_cast<size_t>(
      std::partition_point(f.reviews.begin(), f.reviews.end(), [&](const Review* r) { return r->held_at < f.six_week_window; }) -
      f.reviews.begin());
  f.plan = s.plan_for_episode(e.id);
  if (f.plan) {
    f.plan_step_downs = step_down_dates(*f.plan);
    f.plan_end = plan_end(*f.plan);
    f.plan_step_down_starts.reserve(f.plan_step_downs.size());
    f.plan_step_down_phase.reserve(f.plan_step_downs.size());
    const long plan_start = day_number(f.plan->start_date);
    // Local midnight of a day: from the table given when it holds the day.
    auto midnight = [&](LocalDate d) {
      const long k = day_number(d) - first_day;
      return k >= 0 && k < static_cast<long>(midnights.size()) ? midnights[static_cast<size_t>(k)] : start_of_local_day(d, zone);
    };
    for (const LocalDate d : f.plan_step_downs) {
      f.plan_step_down_starts.push_back(midnight(d));
      // The phase plan_position(*f.plan, d) gives (the first whose days hold d) ends on `end`; it
      // starts on d (a step-down is the first day of a phase; the phases before it end the day before).
      const long first = day_number(d);
      long end = first;  // none
      if (first >= plan_start) {
        long start = plan_start;
        for (const auto& p : f.plan->phases) {
          if (first < start + p.length_days) {
            end = start + p.length_days;
            break;
          }
          start += p.length_days;
        }
      }
      f.plan_step_down_phase.emplace_back(first, end);
    }
    if (f.plan_end) f.plan_end_start = midnight(*f.plan_end);
  }
  return f;
}

}  // namespace

ReviewFacts review_facts(const Snapshot& s, const Episode& e, std::span<const Review* const> reviews) {
  return facts_of(s, e, reviews, 0, {});
}

ReviewFacts review_facts(const Snapshot& s, const Episode& e, std::span<const Review* const> reviews, long first_day,
                         std::span<const Instant> midnights) {
  return facts_of(s, e, reviews, first_day, midnights);
}

ReviewFacts review_facts(const Snapshot& s, const Episode& e) { return review_facts(s, e, s.reviews_of(e.id)); }

std::vector<ReviewObligation> review_obligations_as_at(const Snapshot& s, const ReviewFacts& f, Stage stage, Instant at) {
  std::vector<ReviewObligation> out;
  each_obligation(s, f, stage, at, at, [&](const RuleText* rule, Instant due, auto&&) { out.push_back({rule, due, std::string()}); });
  for (size_t i = 1; i < out.size(); ++i)
    for (size_t j = i; j > 0 && out[j].due < out[j - 1].due; --j) std::swap(out[j], out[j - 1]);
  return out;
}

namespace {

std::optional<ReviewObligation> next_as_at(const Snapshot& s, const ReviewFacts& f, Stage stage, Instant at,
                                           std::optional<long> at_day) {
  // The first of the earliest (the stable sort's front); the obligation is made once, at the end.
  const RuleText* best_rule = nullptr;
  Instant best_due{};
  bool any = false;
  each_obligation(
      s, f, stage, at, at,
      [&](const RuleText* rule, Instant due, auto&&) {
        if (!any || due < best_due) {
          best_rule = rule;
          best_due = due;
          any = true;
        }
      },
      at_day);
  if (!any) return std::nullopt;
  return ReviewObligation{best_rule, best_due, std::string()};
}

}  // namespace

std::optional<ReviewObligation> next_review_as_at(const Snapshot& s, const ReviewFacts& f, Stage stage, Instant at) {
  return next_as_at(s, f, stage, at, std::nullopt);
}

std::optional<ReviewObligation> next_review_as_at(const Snapshot& s, const ReviewFacts& f, Stage stage, Instant at, long at_day) {
  return next_as_at(s, f, stage, at, at_day);
}

std::vector<ReviewObligation> review_obligations(const Snapshot& s, const Episode& e, Instant now) {
  return obligations(s, e, now, std::nullopt);
}

std::vector<ReviewObligation> review_obligations_as_at(const Snapshot& s, const Episode& e, Instant at) {
  return obligations(s, e, at, at, false);
}

std::vector<ReviewObligation> review_obligations_as_at(const Snapshot& s, const Episode& e, Instant at,
                                                       std::span<const Review* const> reviews) {
  return obligations(s, e, at, at, false, reviews);
}

std::optional<ReviewObligation> next_review(const Snapshot& s, const Episode& e, Instant now) {
  auto all = review_obligations(s, e, now);
  if (all.empty()) return std::nullopt;
  return all.front();
}

std::optional<Instant> next_review_due(const Snapshot& s, const Episode& e, Instant now) {
  auto next = next_review(s, e, now);
  if (!next) return std::nullopt;
  return next->due;
}

ReviewStatus review_status(Instant due, Instant now, Zone zone) {
  if (now > due) return ReviewStatus::overdue;
  auto today = local_date_of(now, zone);
  auto end_of_today = start_of_local_day(LocalDate{date::sys_days{today} + date::days{1}}, zone);
  if (due < end_of_today) return ReviewStatus::due;
  return ReviewStatus::ok;
}

}  // namespace vb
