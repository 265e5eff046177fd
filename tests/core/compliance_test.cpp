// Compliance measures on hand-built fixtures: each expected figure is counted by hand in the comment.
#include "core/compliance.hpp"
#include "core/review_board.hpp"
#include "support/compliance_fixture.hpp"
#include "support/small_team.hpp"

#include <doctest/doctest.h>

using namespace vb;
using vb::test::at;
using vb::test::Fixture;
using vb::test::figure;

namespace {

LocalDate day(const char* d) { return *parse_date(d); }

bool lists(const MeasureFigure& f, Id episode, Id visit, bool met) {
  for (const auto& i : f.items)
    if (i.episode == episode && i.visit == visit && i.met == met) return true;
  return false;
}

}  // namespace

TEST_CASE("compliance: a missed visit followed up exactly 4 h later is on time, 4 h 01 min is not") {
  Fixture fx;
  fx.episode(1, "2026-11-01T10:00");
  fx.visit(10, 1, "2026-11-10T08:00", "2026-11-10T10:00", VisitStatus::no_access, "2026-11-10T09:00");
  fx.visit(11, 1, "2026-11-10T13:00", "2026-11-10T14:00", VisitStatus::done, "2026-11-10T13:00").follow_up_of = 10;
  fx.visit(20, 1, "2026-11-10T15:00", "2026-11-10T16:00", VisitStatus::no_access, "2026-11-10T15:00");
  fx.visit(21, 1, "2026-11-10T19:01", "2026-11-10T20:00", VisitStatus::done, "2026-11-10T19:01").follow_up_of = 20;
  // Never recorded: missed an hour after its window (12:00), nothing follows it up.
  fx.visit(30, 1, "2026-11-11T10:00", "2026-11-11T11:00", VisitStatus::planned);
  // A follow-up cancelled by the team does not count (as in core/missed_visit).
  fx.visit(40, 1, "2026-11-12T10:00", "2026-11-12T11:00", VisitStatus::no_access, "2026-11-12T10:30");
  fx.visit(41, 1, "2026-11-12T12:00", "2026-11-12T13:00", VisitStatus::cancelled_by_team, "2026-11-12T11:00").follow_up_of = 40;
  auto f = figure(fx.done(), "missed-visit-follow-up-4h", "2026-11-10", "2026-11-12", "2026-11-23T08:30");
  CHECK(f.denominator == 4);
  CHECK(f.numerator == 1);  // only visit 10
  CHECK(lists(f, 1, 10, true));
  CHECK(lists(f, 1, 20, false));
  CHECK(lists(f, 1, 30, false));
  CHECK(lists(f, 1, 40, false));
  CHECK(f.state == RagState::red);
  CHECK_FALSE(f.items.front().met);  // the list shows what is not met first
}

TEST_CASE("compliance: a miss still inside its 4 hours is not counted yet") {
  Fixture fx;
  fx.episode(1, "2026-11-01T10:00");
  fx.visit(10, 1, "2026-11-23T08:00", "2026-11-23T09:00", VisitStatus::no_access, "2026-11-23T08:40");
  CHECK(figure(fx.done(), "missed-visit-follow-up-4h", "2026-11-23", "2026-11-23", "2026-11-23T12:39").denominator == 0);
  CHECK(figure(fx.s, "missed-visit-follow-up-4h", "2026-11-23", "2026-11-23", "2026-11-23T12:41").denominator == 1);
}

TEST_CASE("compliance: 4 hours are elapsed time across both clock changes") {
  Fixture fx;
  fx.episode(1, "2026-10-01T10:00");
  // 25 Oct 2026: 02:00 BST becomes 01:00 GMT. 23:30 BST (22:30Z) to 02:30 GMT is 4 h elapsed (3 h on the wall).
  fx.visit(10, 1, "2026-10-24T22:00", "2026-10-24T23:00", VisitStatus::no_access, "2026-10-24T23:30");
  fx.visit(11, 1, "2026-10-25T02:30", "2026-10-25T03:00", VisitStatus::done, "2026-10-25T02:30").follow_up_of = 10;
  fx.visit(20, 1, "2026-10-24T22:00", "2026-10-24T23:00", VisitStatus::no_access, "2026-10-24T23:30");
  fx.visit(21, 1, "2026-10-25T03:31", "2026-10-25T04:00", VisitStatus::done, "2026-10-25T03:31").follow_up_of = 20;
  // 29 Mar 2026: 01:00 GMT becomes 02:00 BST. 23:00 GMT to 04:00 BST is 4 h elapsed (5 h on the wall).
  fx.episode(2, "2026-03-01T10:00");
  fx.visit(30, 2, "2026-03-28T22:00", "2026-03-28T23:00", VisitStatus::no_access, "2026-03-28T23:00");
  fx.visit(31, 2, "2026-03-29T04:00", "2026-03-29T05:00", VisitStatus::done, "2026-03-29T04:00").follow_up_of = 30;
  auto oct = figure(fx.done(), "missed-visit-follow-up-4h", "2026-10-19", "2026-10-25", "2026-11-23T08:30");
  CHECK(oct.denominator == 2);
  CHECK(lists(oct, 1, 10, true));
  CHECK(lists(oct, 1, 20, false));
  auto mar = figure(fx.s, "missed-visit-follow-up-4h", "2026-03-23", "2026-03-29", "2026-11-23T08:30");
  CHECK(mar.denominator == 1);
  CHECK(mar.numerator == 1);
}

TEST_CASE("compliance: a week containing the October change counts seven nights, each once") {
  Fixture fx;
  Id id = 0;
  for (const char* d : {"2026-10-19", "2026-10-20", "2026-10-21", "2026-10-22", "2026-10-23", "2026-10-24", "2026-10-25"}) {
    fx.night(++id, "S01", d);
    // The change night has a support worker (not trained) as its second.
    fx.night(++id, std::string(d) == "2026-10-25" ? "S03" : "S02", d);
  }
  auto f = figure(fx.done(), "nights-staffed-minimum", "2026-10-19", "2026-10-25", "2026-11-23T08:30");
  CHECK(f.denominator == 7);
  CHECK(f.numerator == 6);
  CHECK(f.items.front().day == day("2026-10-25"));
  CHECK_FALSE(f.items.front().met);
  CHECK(f.state == RagState::red);  // target 100%, amber from 90%: 6/7 = 86%
  // Nights after "now" are not judged yet.
  CHECK(figure(fx.s, "nights-staffed-minimum", "2026-10-19", "2026-10-25", "2026-10-22T12:00").denominator == 4);
}

TEST_CASE("compliance: a review at 23:59 on its due day is on time; at 00:00 the next day it is late") {
  Fixture fx;
  // Accepted 10:00: the first review is due 24 h later, 3 Nov 10:00.
  fx.episode(1, "2026-11-02T10:00");
  fx.review(1, 1, "2026-11-03T23:59");
  fx.episode(2, "2026-11-02T10:00");
  fx.review(2, 2, "2026-11-04T00:00");
  // Never reviewed: missed once 3 Nov has ended.
  fx.episode(3, "2026-11-02T10:00");
  auto f = figure(fx.done(), "reviews-on-time", "2026-11-03", "2026-11-03", "2026-11-05T12:00");
  CHECK(f.denominator == 3);
  CHECK(f.numerator == 1);
  CHECK(lists(f, 1, 0, true));
  CHECK(lists(f, 2, 0, false));
  CHECK(lists(f, 3, 0, false));
  // The next (weekly, while intensive) reviews fall due 10 and 11 Nov: not in this period.
  auto later = figure(fx.s, "reviews-on-time", "2026-11-10", "2026-11-11", "2026-11-05T12:00");
  CHECK(later.denominator == 0);
  CHECK(later.state == RagState::no_data);
}

TEST_CASE("compliance: a review due today is not counted as missed until the day has ended") {
  Fixture fx;
  fx.episode(1, "2026-11-22T10:00");  // first review due 23 Nov 10:00
  CHECK(figure(fx.done(), "reviews-on-time", "2026-11-23", "2026-11-23", "2026-11-23T18:00").denominator == 0);
  CHECK(figure(fx.s, "reviews-on-time", "2026-11-23", "2026-11-23", "2026-11-24T00:01").denominator == 1);
}

TEST_CASE("compliance: reviews overdue now are exactly those the reviews screen shows overdue") {
  Snapshot s = test::small_team();
  const Instant now = at("2026-11-23T10:30");
  auto board = build_review_board(s, now);
  int overdue = 0;
  for (const auto& item : board.due)
    if (item.status == ReviewStatus::overdue) ++overdue;
  auto f = figure(s, "reviews-overdue-now", "2026-10-27", "2026-11-23", "2026-11-23T10:30");
  CHECK(overdue == 1);  // episode 3 (set for 22 Nov)
  CHECK(f.numerator == overdue);
  CHECK(f.denominator == 3);  // open episodes
  CHECK(lists(f, 3, 0, false));
  CHECK(f.state == RagState::amber);  // target 0, amber up to 1
}

TEST_CASE("compliance: outcomes recorded by 23:59 on the visit's day count; after midnight or never do not") {
  Fixture fx;
  fx.episode(1, "2026-11-01T10:00");
  fx.visit(1, 1, "2026-11-10T09:00", "2026-11-10T10:00", VisitStatus::done, "2026-11-10T23:59");
  fx.visit(2, 1, "2026-11-10T13:00", "2026-11-10T14:00", VisitStatus::done, "2026-11-11T00:05");
  fx.visit(3, 1, "2026-11-10T17:00", "2026-11-10T18:00", VisitStatus::planned);
  fx.visit(4, 1, "2026-11-10T19:00", "2026-11-10T20:00", VisitStatus::cancelled_by_person, "2026-11-09T12:00");
  // Today's visits are not judged until the day ends.
  fx.visit(5, 1, "2026-11-23T08:00", "2026-11-23T08:30", VisitStatus::planned);
  auto f = figure(fx.done(), "visit-outcome-same-day", "2026-11-10", "2026-11-23", "2026-11-23T10:30");
  CHECK(f.denominator == 4);
  CHECK(f.numerator == 2);
  CHECK(lists(f, 1, 1, true));
  CHECK(lists(f, 1, 2, false));
  CHECK(lists(f, 1, 3, false));
  CHECK(lists(f, 1, 4, true));
}

TEST_CASE("compliance: twice-daily visits on days 1-3 and seven contacts in week one") {
  Fixture fx;
  auto visits = [&](Id episode, Id first_id, const char* day_first, std::initializer_list<int> per_day) {
    LocalDate d = day(day_first);
    Id id = first_id;
    for (int n : per_day) {
      for (int k = 0; k < n; ++k) {
        auto start = format_date(d) + (k == 0 ? "T10:00" : "T17:00");
        auto end = format_date(d) + (k == 0 ? "T11:00" : "T18:00");
        fx.visit(id++, episode, start.c_str(), end.c_str(), VisitStatus::done, end.c_str());
      }
      d = LocalDate{date::sys_days{d} + date::days{1}};
    }
  };
  fx.episode(1, "2026-11-02T10:00");
  visits(1, 100, "2026-11-02", {2, 2, 2, 1, 1, 0, 0});  // met days 1-3; 8 contacts
  fx.episode(2, "2026-11-02T14:00");
  visits(2, 200, "2026-11-02", {1, 2, 2, 1, 0, 0, 0});  // accepted after 13:00: one is enough on day 1; 6 contacts
  fx.episode(3, "2026-11-02T09:00");
  visits(3, 300, "2026-11-02", {2, 1, 2, 1, 1, 1, 1});  // day 2 short; 9 contacts
  fx.episode(4, "2026-11-02T09:00");
  fx.close(4, "2026-11-03T12:00", "inpatient");  // admitted on day 2: not judged
  auto three = figure(fx.done(), "twice-daily-first-3-days", "2026-11-01", "2026-11-30", "2026-11-23T10:30");
  CHECK(three.denominator == 3);
  CHECK(three.numerator == 2);
  CHECK(lists(three, 3, 0, false));
  auto week = figure(fx.s, "week-one-7-contacts", "2026-11-01", "2026-11-30", "2026-11-23T10:30");
  CHECK(week.denominator == 3);
  CHECK(week.numerator == 2);
  CHECK(lists(week, 2, 0, false));
  // Judged on day 3 (4 Nov) and day 7 (8 Nov): a period ending 4 Nov has the first, not the second.
  CHECK(figure(fx.s, "twice-daily-first-3-days", "2026-11-04", "2026-11-04", "2026-11-23T10:30").denominator == 3);
  CHECK(figure(fx.s, "week-one-7-contacts", "2026-11-04", "2026-11-04", "2026-11-23T10:30").denominator == 0);
}

TEST_CASE("compliance: continuity of the named worker and staff seen per person a week") {
  Fixture fx;
  fx.episode(1, "2026-11-01T10:00", "S01");
  fx.visit(1, 1, "2026-11-09T10:00", "2026-11-09T11:00", VisitStatus::done, "2026-11-09T11:00", "S01");
  fx.visit(2, 1, "2026-11-10T10:00", "2026-11-10T11:00", VisitStatus::done, "2026-11-10T11:00", "S02");
  fx.visit(3, 1, "2026-11-11T10:00", "2026-11-11T11:00", VisitStatus::done, "2026-11-11T11:00", "S04");
  fx.visit(4, 1, "2026-11-12T10:00", "2026-11-12T11:00", VisitStatus::done, "2026-11-12T11:00", "S02").staff2 = "S01";
  fx.episode(2, "2026-11-01T10:00", "S02");
  fx.visit(5, 2, "2026-11-09T10:00", "2026-11-09T11:00", VisitStatus::done, "2026-11-09T11:00", "S01");
  fx.visit(6, 2, "2026-11-10T10:00", "2026-11-10T11:00", VisitStatus::done, "2026-11-10T11:00", "S01");
  fx.visit(7, 2, "2026-11-11T10:00", "2026-11-11T11:00", VisitStatus::no_access, "2026-11-11T11:00", "S02");
  auto named = figure(fx.done(), "named-worker-half-contacts", "2026-11-09", "2026-11-15", "2026-11-23T10:30");
  CHECK(named.denominator == 2);
  CHECK(named.numerator == 1);  // episode 1: S01 at 2 of 4 (half counts); episode 2: S02 at 0 of 2 done
  CHECK(lists(named, 2, 0, false));
  auto staff = figure(fx.s, "staff-per-person-week", "2026-11-09", "2026-11-15", "2026-11-23T10:30");
  CHECK(staff.denominator == 2);
  CHECK(staff.numerator == 4);  // episode 1: S01, S02, S04 = 3; episode 2: S01 = 1
  CHECK(staff.value == doctest::Approx(2.0));
  CHECK(staff.state == RagState::green);
}

TEST_CASE("compliance: a 30-minute visit on every visit day") {
  Fixture fx;
  fx.episode(1, "2026-11-01T10:00");
  fx.visit(1, 1, "2026-11-09T10:00", "2026-11-09T11:00", VisitStatus::done, "2026-11-09T11:00").duration_min = 20;
  fx.visit(2, 1, "2026-11-09T15:00", "2026-11-09T16:00", VisitStatus::done, "2026-11-09T16:00").duration_min = 30;
  fx.visit(3, 1, "2026-11-10T10:00", "2026-11-10T11:00", VisitStatus::done, "2026-11-10T11:00").duration_min = 25;
  fx.visit(4, 1, "2026-11-11T10:00", "2026-11-11T11:00", VisitStatus::no_access, "2026-11-11T11:00");
  auto f = figure(fx.done(), "visit-30-min-each-day", "2026-11-09", "2026-11-15", "2026-11-23T10:30");
  CHECK(f.denominator == 2);  // 9 and 10 Nov; 11 Nov had no done visit
  CHECK(f.numerator == 1);
}

TEST_CASE("compliance: episodes open past six weeks without their six-week review") {
  Fixture fx;
  fx.episode(1, "2026-10-01T10:00");  // day 42 = 12 Nov
  fx.review(1, 1, "2026-11-06T10:00");  // day 36: counts as the six-week review
  fx.episode(2, "2026-10-01T10:00");
  fx.review(2, 2, "2026-10-30T10:00");  // day 29: too early
  fx.episode(3, "2026-10-20T10:00");  // not yet six weeks
  fx.episode(4, "2026-09-01T10:00");
  fx.close(4, "2026-10-20T10:00", "cmht");  // closed
  auto f = figure(fx.done(), "six-weeks-without-review", "2026-10-27", "2026-11-23", "2026-11-23T10:30");
  CHECK(f.denominator == 2);
  CHECK(f.numerator == 1);
  CHECK(lists(f, 2, 0, false));
  // As at the end of an earlier period (11 Nov), nobody had reached day 42.
  CHECK(figure(fx.s, "six-weeks-without-review", "2026-11-05", "2026-11-11", "2026-11-23T10:30").denominator == 0);
}

TEST_CASE("compliance: states follow the rule's direction, target and amber line") {
  MeasureRule higher;
  higher.target = 0.9;
  higher.amber = 0.8;
  CHECK(rag_state(higher, 0.9, 10) == RagState::green);
  CHECK(rag_state(higher, 0.85, 10) == RagState::amber);
  CHECK(rag_state(higher, 0.79, 10) == RagState::red);
  CHECK(rag_state(higher, 0, 0) == RagState::no_data);
  MeasureRule lower;
  lower.unit = MeasureUnit::count;
  lower.direction = Direction::lower_is_better;
  lower.target = 0;
  lower.amber = 1;
  CHECK(rag_state(lower, 0, 0) == RagState::green);
  CHECK(rag_state(lower, 1, 5) == RagState::amber);
  CHECK(rag_state(lower, 2, 5) == RagState::red);
}

TEST_CASE("compliance: the board has every rule, today's 28 days and 12 weekly figures ending today") {
  Snapshot s = test::small_team();
  const auto rules = default_compliance_rules();
  auto board = build_compliance_board(s, rules, at("2026-11-23T10:30"));
  REQUIRE(board.measures.size() == rules.measures.size());
  for (const auto& m : board.measures) {
    CHECK(m.current.from == day("2026-10-27"));
    CHECK(m.current.to == day("2026-11-23"));
    REQUIRE(m.weeks.size() == 12);
    CHECK(m.weeks.back().to == day("2026-11-23"));
    CHECK(m.weeks.back().from == day("2026-11-17"));
    CHECK(m.weeks.front().from == day("2026-09-01"));
  }
  for (const auto& entry : measure_registry()) CHECK(rules.find(entry.id) != nullptr);
}

TEST_CASE("compliance: a review held early, before the period, meets the obligation due inside it") {
  Fixture fx;
  fx.episode(1, "2026-11-02T10:00");
  fx.review(1, 1, "2026-11-02T15:00");  // first review; the weekly one is then due 9 Nov 15:00
  fx.review(2, 1, "2026-11-08T10:00");  // held a day early: meets the 9 Nov obligation
  fx.review(3, 1, "2026-11-08T12:00");  // an extra review the same day (next due 15 Nov)
  const Snapshot& s = fx.done();
  const auto rules = default_compliance_rules();
  const MeasureRule& rule = *rules.find("reviews-on-time");
  const Instant now = at("2026-11-12T12:00");
  // The same period gives the same figure whatever range the shared data was prepared for.
  auto narrow = compute_measure(s, rule, day("2026-11-09"), day("2026-11-09"), now);
  const MeasureData wide = prepare_measure_data(s, day("2026-10-01"), day("2026-11-12"), now);
  auto from_wide = compute_measure(s, rule, day("2026-11-09"), day("2026-11-09"), now, &wide);
  CHECK(narrow.denominator == 1);
  CHECK(narrow.numerator == 1);
  CHECK(from_wide.denominator == narrow.denominator);
  CHECK(from_wide.numerator == narrow.numerator);
}
