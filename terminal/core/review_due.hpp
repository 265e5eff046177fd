#pragma once
// When an episode's next senior review is due, by which rule, and whether that is ok, due today or
// overdue. Each rule gives an obligation with a due instant; the earliest one not yet met wins.
// Rules and their sources live in Snapshot::review_rules (data/review_rules.json).
#include "core/snapshot.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace vb {

struct ReviewObligation {
  const RuleText* rule = nullptr;
  Instant due{};
  std::string detail;  // "risk raised to high 23 Nov 14:10"
};

// Every obligation not yet met by a review, earliest first. Empty for a closed episode.
std::vector<ReviewObligation> review_obligations(const Snapshot& s, const Episode& e, Instant now);
// The same as the episode stood at `at`, for compliance history: reviews held and risk changes made
// after `at` are ignored. `e` is used as given: pass a copy with the stage and closure it had then.
// `detail` is left empty (history needs the rule and the due instant only).
std::vector<ReviewObligation> review_obligations_as_at(const Snapshot& s, const Episode& e, Instant at);
// The same with the episode's reviews given (s.reviews_of(e.id), oldest first), not looked up.
std::vector<ReviewObligation> review_obligations_as_at(const Snapshot& s, const Episode& e, Instant at,
                                                       std::span<const Review* const> reviews);
// The earliest of them; nullopt for a closed episode.
std::optional<ReviewObligation> next_review(const Snapshot& s, const Episode& e, Instant now);
std::optional<Instant> next_review_due(const Snapshot& s, const Episode& e, Instant now);
// What the obligations need of one episode besides its stage and the instant, looked up once (the
// compliance history asks as at many instants). `episode` must outlive it.
struct ReviewFacts {
  const Episode* episode = nullptr;
  std::vector<const Review*> reviews;             // oldest first
  std::vector<const RiskChange*> raised_to_high;  // risk changes to high from below, in the snapshot's order
  Instant six_weeks{};                             // day 42 at the wall time of acceptance
  Instant six_week_window{};                       // a review from then on is the six-week review
  // The index in `reviews` of the first one held at or after six_week_window (reviews.size() when
  // none), found once by review_facts: the six-week obligation as at any instant is then met exactly
  // when that review is among those held by then (no search an instant; issue 6). nullopt: not worked
  // out (searched as asked).
  std::optional<size_t> six_week_review;
  const ContactPlan* plan = nullptr;
  std::vector<LocalDate> plan_step_downs;  // step_down_dates(*plan)
  std::optional<LocalDate> plan_end;       // the day after the plan's last phase
  // Worked out once by review_facts for the obligations asked as at many instants (issue 6):
  // local midnight of each plan_step_downs day and of plan_end, and for each step-down its day number
  // and the end of the phase plan_position gives on it (the phase starts that day: the step-down's
  // phase is "still running" on days [first, end); end == first when plan_position gives none).
  std::vector<Instant> plan_step_down_starts;
  std::vector<std::pair<long, long>> plan_step_down_phase;
  std::optional<Instant> plan_end_start;
};
ReviewFacts review_facts(const Snapshot& s, const Episode& e);
ReviewFacts review_facts(const Snapshot& s, const Episode& e, std::span<const Review* const> reviews);
// The same with the local midnights of days first_day, first_day + 1, ... given (`midnights`, the
// compliance board's table of its days: a step-down or plan end on one of them is not converted again).
ReviewFacts review_facts(const Snapshot& s, const Episode& e, std::span<const Review* const> reviews, long first_day,
                         std::span<const Instant> midnights);
// The front of review_obligations_as_at(s, then, at) for the episode open at `at` with `stage`
// (detail left empty), without building the list.
std::optional<ReviewObligation> next_review_as_at(const Snapshot& s, const ReviewFacts& f, Stage stage, Instant at);
// The same with the local day number of `at` given (local_day_number(at, s.zone()), the caller's:
// compliance works it out once for the episode's state and its obligation, or once for a whole
// trend week's as-at instant, instead of once in each; issue 6).
std::optional<ReviewObligation> next_review_as_at(const Snapshot& s, const ReviewFacts& f, Stage stage, Instant at, long at_day);
// Every obligation as review_obligations_as_at gives for the episode open at `at` with `stage`.
std::vector<ReviewObligation> review_obligations_as_at(const Snapshot& s, const ReviewFacts& f, Stage stage, Instant at);
// overdue: `now` is past the due instant; due: it falls before the end of today (local); else ok.
ReviewStatus review_status(Instant due, Instant now, Zone zone);

}  // namespace vb
