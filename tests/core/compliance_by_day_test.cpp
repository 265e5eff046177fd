// The board counts most measures once over the whole 12-week range (as at now, each item on its day)
// and gives each period the items of its days. Every measure, every period, item by item, equals the
// straightforward count of that period on its own (its own as-at instant, its own prepared data),
// on several demo teams whose ranges hold the clock changes (29 Mar / 25 Oct 2026, 28 Mar / 31 Oct
// 2027) and boards read at the edges of a day.
#include "core/compliance.hpp"
#include "core/compliance_detail.hpp"
#include "core/demo_team.hpp"
#include "support/demo_history.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>

using namespace vb;

namespace {

// Compares `f` (from the board) with the same period counted alone; `details`: compare the text too.
size_t same_items(const MeasureFigure& f, const MeasureFigure& alone, bool details) {
  CHECK(f.from == alone.from);
  CHECK(f.to == alone.to);
  CHECK(f.numerator == alone.numerator);
  CHECK(f.denominator == alone.denominator);
  CHECK(f.value == alone.value);
  CHECK(f.state == alone.state);
  REQUIRE(f.items.size() == alone.items.size());
  for (size_t i = 0; i < f.items.size(); ++i) {
    CAPTURE(i);
    CHECK(f.items[i].episode == alone.items[i].episode);
    CHECK(f.items[i].visit == alone.items[i].visit);
    CHECK(f.items[i].shift == alone.items[i].shift);
    CHECK(f.items[i].day == alone.items[i].day);
    CHECK(f.items[i].met == alone.items[i].met);
    CHECK(f.items[i].amount == alone.items[i].amount);
    if (details) CHECK(f.detail(f.items[i]) == alone.detail(alone.items[i]));
  }
  return f.items.size();
}

void board_equals_each_period_alone(const ComplianceRules& rules, std::size_t min_items) {
  std::map<std::string, size_t> seen;
  for (std::uint64_t seed : {3u, 11u, 14u})
    for (const char* at : {"2026-04-20T00:30", "2026-11-02T09:00", "2027-04-01T19:45", "2027-11-15T23:59"}) {
      const Snapshot s = test::demo_history(seed, at, 200);
      const Instant now = *parse_instant(at, s.zone());
      const LocalDate today = local_date_of(now, s.zone());
      const LocalDate from = std::min(plus_days(today, -(rules.period_days - 1)), plus_days(today, -(7 * rules.trend_weeks - 1)));
      const MeasureData data = prepare_measure_data(s, from, today, now);
      ComplianceBoard board = build_compliance_board(s, rules, now);
      REQUIRE(board.measures.size() == rules.measures.size());
      for (size_t m = 0; m < rules.measures.size(); ++m) {
        const MeasureRule& rule = rules.measures[m];
        CAPTURE(seed);
        CAPTURE(at);
        CAPTURE(rule.id);
        const MeasureResult r = compute_measure_result(s, rule, rules, now, data, true);
        // The current period with its items and their text.
        const MeasureFigure current = compute_measure(s, rule, r.current.from, r.current.to, now);
        seen[rule.id] += same_items(r.current, current, true);
        // The board writes a list's text only when it is opened: the same items, then the same text.
        CHECK_FALSE(board.measures[m].details_written);
        same_items(board.measures[m].current, current, false);
        CHECK(write_measure_details(s, board, rule.id));
        CHECK(board.measures[m].details_written);
        same_items(board.measures[m].current, current, true);
        CHECK_FALSE(write_measure_details(s, board, rule.id));
        REQUIRE(r.weeks.size() == static_cast<size_t>(rules.trend_weeks));
        REQUIRE(board.measures[m].weeks.size() == r.weeks.size());
        for (size_t w = 0; w < r.weeks.size(); ++w) {
          CAPTURE(w);
          const MeasureFigure alone = compute_measure(s, rule, r.weeks[w].from, r.weeks[w].to, now, nullptr, false);
          seen[rule.id] += same_items(r.weeks[w], alone, false);
          CHECK(board.measures[m].weeks[w].numerator == alone.numerator);
          CHECK(board.measures[m].weeks[w].denominator == alone.denominator);
          CHECK(board.measures[m].weeks[w].state == alone.state);
        }
      }
    }
  // Every measure had something to compare (not an empty comparison), except where the demo has none.
  for (const auto& [id, n] : seen) {
    CAPTURE(id);
    CHECK(n >= min_items);
  }
}

}  // namespace

TEST_CASE("compliance: every measure on the board equals each period counted on its own, item by item, across clock changes") {
  board_equals_each_period_alone(default_compliance_rules(), 5);
}

TEST_CASE("compliance: a 30-day period and an 8-week trend (not whole weeks) still equal each period on its own") {
  ComplianceRules rules = default_compliance_rules();
  rules.period_days = 30;
  rules.trend_weeks = 8;
  board_equals_each_period_alone(rules, 1);
}

TEST_CASE("compliance: the review history walked from the range equals a walk of every review, across clock changes") {
  size_t items = 0;
  for (std::uint64_t seed : {2u, 9u})
    for (const char* at : {"2026-04-20T00:30", "2026-11-23T10:30", "2027-04-01T19:45", "2027-11-15T23:59"}) {
      CAPTURE(seed);
      CAPTURE(at);
      const Snapshot s = test::demo_history(seed, at, 400);
      const Instant now = *parse_instant(at, s.zone());
      const LocalDate today = local_date_of(now, s.zone());
      const LocalDate from = plus_days(today, -83);
      const MeasureData bounded = prepare_measure_data(s, from, today, now);
      MeasureData every = prepare_measure_data(s, from, today, now);
      detail::review_history_items(s, every, from, today, now, true);
      REQUIRE(bounded.review_history.size() == every.review_history.size());
      REQUIRE(bounded.review_history_why.size() == every.review_history_why.size());
      for (size_t i = 0; i < every.review_history.size(); ++i) {
        CAPTURE(i);
        CHECK(bounded.review_history[i].episode == every.review_history[i].episode);
        CHECK(bounded.review_history[i].day == every.review_history[i].day);
        CHECK(bounded.review_history[i].met == every.review_history[i].met);
        CHECK(bounded.review_history_why[i].rule == every.review_history_why[i].rule);
        CHECK(bounded.review_history_why[i].due == every.review_history_why[i].due);
        CHECK(bounded.review_history_why[i].held == every.review_history_why[i].held);
        CHECK(bounded.review_history_why[i].closed == every.review_history_why[i].closed);
      }
      items += every.review_history.size();
    }
  CHECK(items > 200);
}
