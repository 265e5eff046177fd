// Senior review due dates: each rule at its boundaries, across midnight and clock changes.
#include <doctest/doctest.h>

#include "core/review_due.hpp"
#include "support/small_team.hpp"

#include "support/phase_fixture.hpp"

using namespace vb;
using vb::test::at;
using namespace std::chrono_literals;

namespace {

Snapshot one_episode(const char* accepted, Stage stage = Stage::intensive) {
  Snapshot s = test::small_team();
  s.reviews.clear();
  s.episodes.resize(1);
  s.episodes[0].accepted_at = at(accepted);
  s.episodes[0].stage = stage;
  s.reindex();
  return s;
}

Review review(Id id, const char* held, std::optional<Instant> next = std::nullopt) {
  Review r;
  r.id = id;
  r.episode_id = 1;
  r.reviewer = "S03";
  r.held_at = at(held);
  r.decision = "continue";
  r.next_review_due = next;
  return r;
}

const RuleText* rule_of(const Snapshot& s, Instant now) { return next_review(s, s.episodes[0], now)->rule; }

}  // namespace

TEST_CASE("review due: the first review is due exactly 24 h after acceptance, across midnight") {
  auto s = one_episode("2026-11-22T21:30");
  auto next = next_review(s, s.episodes[0], at("2026-11-22T22:00"));
  REQUIRE(next);
  CHECK(next->due == at("2026-11-23T21:30"));
  CHECK(next->rule == &s.review_rules.first_review);
  CHECK(review_status(next->due, at("2026-11-23T21:30"), s.zone()) == ReviewStatus::due);
  CHECK(review_status(next->due, at("2026-11-23T21:30") + 1s, s.zone()) == ReviewStatus::overdue);
}

TEST_CASE("review due: 24 h across the October clock change is 24 elapsed hours, 23:30 on the wall") {
  auto s = one_episode("2026-10-24T23:30");
  CHECK(*next_review_due(s, s.episodes[0], at("2026-10-25T00:00")) == at("2026-10-25T22:30"));
}

TEST_CASE("review due: 24 h across the March clock change shows 00:30 the next-but-one wall day") {
  auto s = one_episode("2026-03-28T23:30");  // GMT; 24 h later the clocks read 00:30 BST on 30 Mar
  CHECK(format_local_datetime(*next_review_due(s, s.episodes[0], at("2026-03-29T00:00")), s.zone()) == "2026-03-30T00:30");
}

TEST_CASE("review due: while intensive, at least every 7 days after the last review") {
  auto s = one_episode("2026-11-10T10:00");
  s.reviews = {review(1, "2026-11-10T14:00"), review(2, "2026-11-17T09:00")};
  s.reindex();
  CHECK(*next_review_due(s, s.episodes[0], at("2026-11-20T10:00")) == at("2026-11-24T09:00"));
  CHECK(rule_of(s, at("2026-11-20T10:00")) == &s.review_rules.weekly_intensive);
  // A date the reviewer set earlier than the weekly rule wins.
  s.reviews[1].next_review_due = at("2026-11-21T12:00");
  s.reindex();
  CHECK(rule_of(s, at("2026-11-20T10:00")) == &s.review_rules.set_at_last_review);
}

TEST_CASE("review due: risk raised to high needs a review within 24 h, or 4 h when very urgent") {
  auto s = one_episode("2026-11-10T10:00");
  s.reviews = {review(1, "2026-11-20T10:00", at("2026-11-27T10:00"))};
  s.risk_changes = {RiskChange{1, 1, at("2026-11-23T14:10"), RiskLevel::medium, RiskLevel::high, "S01", "threats"}};
  s.reindex();
  auto next = next_review(s, s.episodes[0], at("2026-11-23T15:00"));
  CHECK(next->due == at("2026-11-24T14:10"));
  CHECK(next->rule == &s.review_rules.after_high_risk);
  s.episodes[0].referral_priority = 4;
  s.reindex();
  CHECK(*next_review_due(s, s.episodes[0], at("2026-11-23T15:00")) == at("2026-11-23T18:10"));
  // A review after the change meets it.
  s.reviews.push_back(review(2, "2026-11-23T16:00", at("2026-11-25T16:00")));
  s.reindex();
  CHECK(rule_of(s, at("2026-11-23T17:00")) != &s.review_rules.after_high_risk);
}

TEST_CASE("review due: at six weeks on the caseload, met by a review from day 35") {
  auto s = one_episode("2026-10-01T10:00", Stage::handover);
  s.reviews = {review(1, "2026-10-30T10:00", at("2026-12-30T10:00"))};  // day 29
  s.reindex();
  auto next = next_review(s, s.episodes[0], at("2026-11-05T10:00"));
  CHECK(next->rule == &s.review_rules.six_weeks);
  CHECK(next->due == at("2026-11-12T10:00"));  // day 42 at the same wall time, across the October change
  s.reviews.push_back(review(2, "2026-11-06T10:00", at("2026-12-30T10:00")));  // day 36
  s.reindex();
  CHECK(next_review(s, s.episodes[0], at("2026-11-07T10:00"))->rule != &s.review_rules.six_weeks);
}

TEST_CASE("review due: a step-down needs a review in the 72 h before it, and stays overdue until one is held") {
  auto s = one_episode("2026-11-20T10:00");
  ContactPlan plan;
  plan.id = 1;
  plan.episode_id = 1;
  plan.start_date = *parse_date("2026-11-20");
  plan.phases = {phase_of(1, 1, 1, "Twice daily", 2, 0, 4, ""), phase_of(2, 1, 2, "Daily", 1, 0, 7, "")};  // step-down 24 Nov
  s.plans = {plan};
  s.reviews = {review(1, "2026-11-20T14:00", at("2026-11-27T14:00"))};  // before the 72 h window
  s.reindex();
  auto next = next_review(s, s.episodes[0], at("2026-11-21T10:00"));
  CHECK(next->rule == &s.review_rules.before_step_down);
  CHECK(next->due == at("2026-11-24T00:00"));
  CHECK(review_status(next->due, at("2026-11-24T08:00"), s.zone()) == ReviewStatus::overdue);
  // Still the step-down that is owed on the first day of the lower phase...
  CHECK(next_review(s, s.episodes[0], at("2026-11-24T08:00"))->rule == &s.review_rules.before_step_down);
  s.reviews.push_back(review(2, "2026-11-24T11:00", at("2026-12-01T11:00")));  // late, but held
  s.reindex();
  // ...until a review is held.
  CHECK(next_review(s, s.episodes[0], at("2026-11-24T12:00"))->rule != &s.review_rules.before_step_down);
  // A review inside the 72 h window meets it in time.
  s.reviews.pop_back();
  s.reviews.push_back(review(2, "2026-11-21T09:00", at("2026-11-28T09:00")));
  s.reindex();
  CHECK(next_review(s, s.episodes[0], at("2026-11-22T10:00"))->rule != &s.review_rules.before_step_down);
}

TEST_CASE("review due: a closed episode has no review due") {
  auto s = one_episode("2026-11-20T10:00");
  s.episodes[0].closed_at = at("2026-11-22T10:00");
  s.reindex();
  CHECK_FALSE(next_review_due(s, s.episodes[0], at("2026-11-23T10:00")));
}
