// The compliance board's review shortcuts of session 12 (issue 6) give exactly the answers they
// replace: an episode's state and next obligation with the instant's local day given by the caller
// (worked out once for a review's state and obligation, or once for a trend week) equal those that
// work the day out themselves; the six-week obligation from the review index the facts found once
// equals the search as asked; the latest reassessment found in place equals the copied one. Every
// episode of demo teams, at every review (a second before it, as the review history asks), at
// midnight, 01:30 (the missing / repeated hour on change nights) and a second before midnight of
// days across the clock changes (29 Mar / 25 Oct 2026, 28 Mar / 31 Oct 2027). And review facts that
// take the board's local midnights from its table of days equal those converting each day.
#include "core/compliance_detail.hpp"
#include "core/day_number.hpp"
#include "core/review_due.hpp"
#include "core/step_down.hpp"
#include "support/demo_history.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace vb;
using namespace std::chrono_literals;

namespace {

// The instants asked about for one episode: a second before each review, and three times of every
// third local day from two days before acceptance to a week after closure (or now).
std::vector<Instant> instants_of(const Snapshot& s, const ReviewFacts& f, Instant now) {
  const Episode& e = *f.episode;
  std::vector<Instant> at;
  for (const Review* r : f.reviews) at.push_back(r->held_at - 1s);
  const LocalDate first = plus_days(local_date_of(e.accepted_at, s.zone()), -2);
  const LocalDate last = plus_days(local_date_of(e.closed_at ? *e.closed_at : now, s.zone()), 7);
  for (LocalDate d = first; d <= last; d = plus_days(d, 3)) {
    const Instant midnight = start_of_local_day(d, s.zone());
    for (const Instant t : {midnight, midnight + 90min, end_of_local_day(d, s.zone()) - 1s}) at.push_back(t);
  }
  return at;
}

}  // namespace

TEST_CASE("compliance: an episode's state and next review with the local day given equal those working it out, across clock changes") {
  size_t compared = 0, with_obligation = 0, stepped = 0, six_week_due = 0, reassessed = 0;
  for (std::uint64_t seed : {4u, 9u})
    for (const char* when : {"2026-11-02T09:00", "2027-11-15T23:59"}) {
      CAPTURE(seed);
      CAPTURE(when);
      const Snapshot s = test::demo_history(seed, when, 400);
      const Instant now = *parse_instant(when, s.zone());
      for (const Episode& e : s.episodes) {
        CAPTURE(e.id);
        const ReviewFacts f = review_facts(s, e);
        ReviewFacts searched = f;  // the six-week review searched for as asked
        searched.six_week_review.reset();
        for (const Instant t : instants_of(s, f, now)) {
          CAPTURE(format_utc(t));
          const long day = local_day_number(t, s.zone());
          const detail::EpisodeAsAt alone = detail::state_as_at(s, f, t, now);
          const detail::EpisodeAsAt given = detail::state_as_at(s, f, t, now, day);
          CHECK(given.open == alone.open);
          CHECK(given.stage == alone.stage);
          stepped += alone.stage == Stage::step_down;
          const auto then_alone = detail::next_review_then(s, f, t, now);
          const auto then_given = detail::next_review_then(s, f, t, now, day);
          REQUIRE(then_given.has_value() == then_alone.has_value());
          if (then_alone) {
            CHECK(then_given->rule == then_alone->rule);
            CHECK(then_given->due == then_alone->due);
            ++with_obligation;
          }
          if (t <= now) {
            const auto next_alone = next_review_as_at(s, f, alone.stage, t);
            const auto next_given = next_review_as_at(s, f, alone.stage, t, day);
            REQUIRE(next_given.has_value() == next_alone.has_value());
            if (next_alone) {
              CHECK(next_given->rule == next_alone->rule);
              CHECK(next_given->due == next_alone->due);
            }
          }
          const auto indexed = review_obligations_as_at(s, f, alone.stage, std::min(t, now));
          const auto by_search = review_obligations_as_at(s, searched, alone.stage, std::min(t, now));
          REQUIRE(indexed.size() == by_search.size());
          for (size_t k = 0; k < indexed.size(); ++k) {
            CHECK(indexed[k].rule == by_search[k].rule);
            CHECK(indexed[k].due == by_search[k].due);
            six_week_due += indexed[k].rule == &s.review_rules.six_weeks;
          }
          // The latest reassessment in the fortnight before t, found in place and copied.
          const auto copied = latest_reassessment(s, e.id, t - 14 * 24h, t);
          const auto seen = latest_reassessment_seen(s, e.id, t - 14 * 24h, t);
          REQUIRE(seen.has_value() == copied.has_value());
          if (copied) {
            CHECK(seen->at == copied->at);
            CHECK(*seen->by == copied->by);
            CHECK(std::string(seen->source) == copied->source);
            ++reassessed;
          }
          ++compared;
        }
      }
    }
  CHECK(compared > 20000);
  CHECK(with_obligation > 10000);
  CHECK(stepped > 100);
  CHECK(six_week_due > 100);
  CHECK(reassessed > 1000);
}

TEST_CASE("compliance: review facts with the board's table of local midnights equal those converting each day, across clock changes") {
  size_t compared = 0, in_table = 0;
  for (std::uint64_t seed : {4u, 9u})
    for (const char* when : {"2026-11-02T09:00", "2027-04-20T12:00"}) {
      CAPTURE(seed);
      CAPTURE(when);
      const Snapshot s = test::demo_history(seed, when, 400);
      const Instant now = *parse_instant(when, s.zone());
      const LocalDate today = local_date_of(now, s.zone());
      // The board's range (12 weeks and a lookback week), holding 25 Oct 2026 or 28 Mar 2027.
      const MeasureData d = prepare_measure_data(s, plus_days(today, -83), today, now);
      REQUIRE(d.review_facts.size() == d.episodes.size());
      for (size_t i = 0; i < d.episodes.size(); ++i) {
        CAPTURE(d.episodes[i]->id);
        const ReviewFacts& table = *d.review_facts[i];
        const ReviewFacts alone = review_facts(s, *d.episodes[i]);
        CHECK(table.plan == alone.plan);
        CHECK(table.plan_step_downs == alone.plan_step_downs);
        CHECK(table.plan_step_down_phase == alone.plan_step_down_phase);
        CHECK(table.plan_step_down_starts == alone.plan_step_down_starts);
        CHECK(table.plan_end_start == alone.plan_end_start);
        CHECK(table.six_weeks == alone.six_weeks);
        CHECK(table.six_week_review == alone.six_week_review);
        for (const LocalDate day : table.plan_step_downs) in_table += !(day < d.first) && !(d.last < day);
        ++compared;
      }
    }
  CHECK(compared > 300);
  CHECK(in_table > 100);
}
