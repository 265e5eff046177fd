// The step-down measures on the board (step-downs listed once by day for all 13 periods, answers kept
// beside each) equal each period computed on its own, item by item, for boards whose weeks cross the
// clock changes and whose range starts between a step-down and its judgement a week later.
#include "core/compliance.hpp"
#include "core/demo_team.hpp"
#include "support/demo_history.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace vb;

namespace {

bool step_down_measure(const std::string& id) {
  return id == "risk-reassessed-at-step-down" || id == "carers-informed-of-step-down" ||
         id == "safety-plan-updated-at-step-down";
}

}  // namespace

TEST_CASE("compliance: step-down figures on the board equal each period on its own, across clock changes") {
  const auto rules = default_compliance_rules();
  size_t items_seen = 0;
  // Boards whose 12 weeks hold the October 2026 and March 2027 changes, and a board mid-evening.
  for (const char* at : {"2026-11-02T09:00", "2027-04-01T19:45", "2026-11-23T10:30"}) {
    const Snapshot s = test::demo_history(11, at, 240);
    const Instant now = *parse_instant(at, s.zone());
    ComplianceBoard board = build_compliance_board(s, rules, now);
    for (const auto& rule : rules.measures) write_measure_details(s, board, rule.id);  // as when each list is opened
    for (const auto& m : board.measures) {
      if (!step_down_measure(m.rule->id)) continue;
      CAPTURE(at);
      CAPTURE(m.rule->id);
      std::vector<MeasureFigure> periods{m.current};
      periods.insert(periods.end(), m.weeks.begin(), m.weeks.end());
      for (size_t p = 0; p < periods.size(); ++p) {
        const MeasureFigure& f = periods[p];
        const MeasureFigure alone = compute_measure(s, *m.rule, f.from, f.to, now);
        CHECK(f.numerator == alone.numerator);
        CHECK(f.denominator == alone.denominator);
        CHECK(f.state == alone.state);
        if (p > 0) continue;  // trend weeks keep no items
        REQUIRE(f.items.size() == alone.items.size());
        for (size_t i = 0; i < f.items.size(); ++i) {
          CHECK(f.items[i].episode == alone.items[i].episode);
          CHECK(f.items[i].day == alone.items[i].day);
          CHECK(f.items[i].met == alone.items[i].met);
          CHECK(f.detail(f.items[i]) == alone.detail(alone.items[i]));
        }
        items_seen += f.items.size();
      }
    }
  }
  CHECK(items_seen > 30);  // the demo has step-downs in these periods: the comparison is not empty
}

TEST_CASE("compliance: plus_days agrees with the calendar over leap years, month ends and long steps") {
  for (LocalDate d = *parse_date("2027-12-01"); d < *parse_date("2029-03-10"); d = LocalDate{date::sys_days{d} + date::days{1}})
    for (long n : {-400L, -366L, -60L, -31L, -29L, -28L, -27L, -7L, -6L, -1L, 0L, 1L, 6L, 7L, 27L, 28L, 29L, 31L, 365L}) {
      CAPTURE(n);
      CHECK(plus_days(d, n) == LocalDate{date::sys_days{d} + date::days{n}});
    }
  // A day field past its month's end (not a valid date) still lands where the calendar puts it.
  for (const LocalDate d : {LocalDate{date::year{2027}, date::month{2}, date::day{29}},
                            LocalDate{date::year{2027}, date::month{2}, date::day{31}},
                            LocalDate{date::year{2028}, date::month{2}, date::day{30}},
                            LocalDate{date::year{2026}, date::month{4}, date::day{31}}})
    for (long n = -40; n <= 40; ++n) {
      CAPTURE(n);
      CHECK(plus_days(d, n) == LocalDate{date::sys_days{d} + date::days{n}});
    }
}
