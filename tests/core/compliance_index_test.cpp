// The compliance board's split (issue 6): what it needs of a snapshot that does not depend on `now`
// (each episode's review facts, the obligation each review met) is indexed once per snapshot
// (core/compliance_index.hpp), and the board recomputed from that index is exactly the board computed
// fresh: every measure's figure, its items in order, its 12 weekly figures and, once a list is opened,
// its items' text. Demo teams at nows on and around the clock changes (29 Mar / 25 Oct 2026), at the
// edges of a day, and before some of the snapshot's rows (reviews held after `now` are in the index).
// An index leaving out the episodes closed before a horizon (the kiosk's) gives the same board, the
// board working those episodes out itself; an index is never used for another snapshot. The
// out-of-hours windows it holds are each date's own.
#include "core/compliance.hpp"
#include "core/compliance_index.hpp"
#include "support/demo_history.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace vb;

namespace {

void same_figure(const MeasureFigure& a, const MeasureFigure& b) {
  CHECK(a.from == b.from);
  CHECK(a.to == b.to);
  CHECK(a.numerator == b.numerator);
  CHECK(a.denominator == b.denominator);
  CHECK(a.value == b.value);
  CHECK(a.state == b.state);
  REQUIRE(a.items.size() == b.items.size());
  for (size_t i = 0; i < a.items.size(); ++i) {
    CAPTURE(i);
    CHECK(a.items[i].episode == b.items[i].episode);
    CHECK(a.items[i].visit == b.items[i].visit);
    CHECK(a.items[i].shift == b.items[i].shift);
    CHECK(a.items[i].day == b.items[i].day);
    CHECK(a.items[i].met == b.items[i].met);
    CHECK(a.items[i].amount == b.items[i].amount);
    CHECK(a.detail(a.items[i]) == b.detail(b.items[i]));
  }
}

// Every measure of two boards, then every list opened on both (`index` used for the indexed board's).
size_t same_boards(const Snapshot& s, ComplianceBoard indexed, ComplianceBoard fresh, const ComplianceIndex* index) {
  CHECK(indexed.today == fresh.today);
  REQUIRE(indexed.measures.size() == fresh.measures.size());
  size_t items = 0;
  for (size_t m = 0; m < fresh.measures.size(); ++m) {
    const std::string id = fresh.measures[m].rule->id;
    CAPTURE(id);
    same_figure(indexed.measures[m].current, fresh.measures[m].current);
    REQUIRE(indexed.measures[m].weeks.size() == fresh.measures[m].weeks.size());
    for (size_t w = 0; w < fresh.measures[m].weeks.size(); ++w) same_figure(indexed.measures[m].weeks[w], fresh.measures[m].weeks[w]);
    CHECK(write_measure_details(s, indexed, id, index));
    CHECK(write_measure_details(s, fresh, id));
    same_figure(indexed.measures[m].current, fresh.measures[m].current);
    items += fresh.measures[m].current.items.size();
  }
  return items;
}

}  // namespace

TEST_CASE("compliance index: the board from a snapshot's index equals the board computed fresh, across the clock changes") {
  const ComplianceRules rules = default_compliance_rules();
  size_t items = 0, left_out = 0, boards = 0;
  for (std::uint64_t seed : {3u, 8u}) {
    CAPTURE(seed);
    const Snapshot s = test::demo_history(seed, "2026-12-01T09:00", 500);
    const Zone zone = s.zone();
    const ComplianceIndex whole = index_compliance(s);
    REQUIRE(whole.built_for(s));
    for (const char* when : {"2026-03-29T00:30", "2026-03-29T03:00", "2026-04-02T23:59", "2026-10-25T01:30",
                             "2026-10-31T12:00", "2026-11-23T10:30", "2026-12-01T09:00"}) {
      CAPTURE(when);
      const Instant now = *parse_instant(when, zone);
      const ComplianceBoard fresh = build_compliance_board(s, rules, now);
      items += same_boards(s, build_compliance_board(s, rules, now, &whole), fresh, &whole);
      // The kiosk's kind of index: episodes closed before a horizon left out, here one inside the
      // board's range (the board works those out itself).
      const LocalDate today = local_date_of(now, zone);
      const Instant horizon = start_of_local_day(plus_days(today, -40), zone);
      const ComplianceIndex partial = index_compliance(s, horizon);
      const Instant range_start = start_of_local_day(plus_days(today, -90), zone);  // 12 weeks and a lookback week
      for (size_t p = 0; p < s.episodes.size(); ++p)
        left_out += !partial.facts_of(p) && s.episodes[p].closed_at && *s.episodes[p].closed_at >= range_start;
      same_boards(s, build_compliance_board(s, rules, now, &partial), fresh, &partial);
      ++boards;
    }
  }
  CHECK(boards == 14);
  CHECK(items > 1000);    // lists with items were compared, not empty boards
  CHECK(left_out > 10);   // the partial index left out episodes the boards count
}

TEST_CASE("compliance index: the out-of-hours windows it holds are each date's own, across the clock changes") {
  const Snapshot s = test::demo_history(6, "2026-12-01T09:00", 500);
  const ComplianceIndex index = index_compliance(s);
  size_t dates = 0;
  for (LocalDate d = LocalDate{date::year{2026} / 3 / 20}; d <= LocalDate{date::year{2026} / 11 / 10}; d = plus_days(d, 1)) {
    CAPTURE(format_day_label(d));
    const auto held = index.ooh_windows_of(d, d);
    REQUIRE(held.size() == 1);
    CHECK(held[0].windows == ooh_shift_windows(s, d).windows);
    ++dates;
  }
  CHECK(dates > 200);
  CHECK(index.ooh_windows_of(plus_days(index.ooh_first, -1), index.ooh_first).empty());  // not held: the board works them out
}

TEST_CASE("compliance index: an index is used only for the snapshot it was built from") {
  const ComplianceRules rules = default_compliance_rules();
  const Snapshot s = test::demo_history(5, "2026-11-23T10:30", 200);
  const ComplianceIndex index = index_compliance(s);
  const Snapshot copy = s;  // other rows, at other places
  CHECK(index.built_for(s));
  CHECK_FALSE(index.built_for(copy));
  Snapshot grown = s;
  const ComplianceIndex of_grown = index_compliance(grown);
  grown.reviews.push_back(grown.reviews.back());  // a row added since: the index is not for it
  grown.reviews.back().id += 100000;
  grown.reindex();
  CHECK_FALSE(of_grown.built_for(grown));
  const Instant now = *parse_instant("2026-11-23T10:30", s.zone());
  // Given anyway, it is not used: the board is the fresh one.
  same_boards(copy, build_compliance_board(copy, rules, now, &index), build_compliance_board(copy, rules, now), nullptr);
  same_boards(grown, build_compliance_board(grown, rules, now, &of_grown), build_compliance_board(grown, rules, now), nullptr);
}
