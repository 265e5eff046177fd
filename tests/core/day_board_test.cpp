// The Today board: who is on it, in what order, and what it derives (missed, reviews, counts).
#include <doctest/doctest.h>

#include "core/day_board.hpp"
#include "core/missed_visit.hpp"
#include "core/review_due.hpp"
#include "support/small_team.hpp"

using namespace vb;
using vb::test::at;

TEST_CASE("board: one row per person on the caseload, high risk first") {
  auto s = test::small_team();
  auto board = build_day_board(s, *parse_date("2026-11-23"), at("2026-11-23T10:30"));
  REQUIRE(board.rows.size() == 3);
  CHECK(board.rows[0].person->given_name == "Ada");   // high
  CHECK(board.rows[1].person->given_name == "Ben");   // medium
  CHECK(board.rows[2].person->given_name == "Cat");   // low, no visits today but still on the caseload
  CHECK(board.rows[2].visits.empty());
}

TEST_CASE("board: a person's visits are shown in time order and only for that date") {
  auto s = test::small_team();
  auto board = build_day_board(s, *parse_date("2026-11-23"), at("2026-11-23T10:30"));
  REQUIRE(board.rows[0].visits.size() == 2);
  CHECK(board.rows[0].visits[0].visit->id == 101);
  CHECK(board.rows[0].visits[1].visit->id == 102);
  CHECK(board.visit_count == 3);
  auto tomorrow = build_day_board(s, *parse_date("2026-11-24"), at("2026-11-23T10:30"));
  CHECK(tomorrow.visit_count == 1);
}

TEST_CASE("board: a visit still planned an hour after its window is missed and needs follow-up") {
  auto s = test::small_team();
  const Visit& v = *s.find_visit(201);  // 08:00-09:00, planned
  CHECK_FALSE(is_missed(v, at("2026-11-23T09:59")));
  CHECK(is_missed(v, at("2026-11-23T10:00")));
  CHECK(needs_follow_up(s, v, at("2026-11-23T10:30")));
  auto board = build_day_board(s, *parse_date("2026-11-23"), at("2026-11-23T10:30"));
  CHECK(board.missed_count == 1);
  CHECK(board.rows[1].visits[0].needs_follow_up);
}

TEST_CASE("board: a missed visit that another visit follows up no longer needs follow-up") {
  auto s = test::small_team();
  Visit follow = *s.find_visit(201);
  follow.id = 202;
  follow.window_start = at("2026-11-23T12:00");
  follow.window_end = at("2026-11-23T13:00");
  follow.follow_up_of = 201;
  s.visits.push_back(follow);
  s.reindex();
  CHECK(is_missed(*s.find_visit(201), at("2026-11-23T10:30")));
  CHECK_FALSE(needs_follow_up(s, *s.find_visit(201), at("2026-11-23T10:30")));
}

TEST_CASE("board: review status is ok, due today, or overdue from the episode's reviews") {
  auto s = test::small_team();
  Zone london = s.zone();
  // Episode 2: accepted 2026-11-22 11:00, no review: due 24 h later, today 11:00.
  auto due2 = next_review_due(s, *s.find_episode(2), at("2026-11-23T10:30"));
  REQUIRE(due2);
  CHECK(*due2 == at("2026-11-23T11:00"));
  CHECK(review_status(*due2, at("2026-11-22T23:59"), london) == ReviewStatus::ok);
  CHECK(review_status(*due2, at("2026-11-23T00:00"), london) == ReviewStatus::due);
  CHECK(review_status(*due2, at("2026-11-23T11:00"), london) == ReviewStatus::due);  // exactly at the due time
  CHECK(review_status(*due2, at("2026-11-23T11:00") + std::chrono::seconds{1}, london) == ReviewStatus::overdue);
  // Episode 3: the date set at its last review (8 days ago) has passed: overdue.
  CHECK(*next_review_due(s, *s.find_episode(3), at("2026-11-23T10:30")) == at("2026-11-22T10:00"));
  auto board = build_day_board(s, *parse_date("2026-11-23"), at("2026-11-23T10:30"));
  CHECK(board.rows[2].review_status == ReviewStatus::overdue);
  CHECK(board.rows[0].review_status == ReviewStatus::due);
  CHECK(board.reviews_overdue == 1);
}

TEST_CASE("board: 'due today' follows the local day across the October clock change") {
  Zone london = find_zone("Europe/London");
  // 25 Oct 2026 has 25 hours; a review due at 23:30 local that day is due, not ok, from 00:00.
  Instant due = at("2026-10-25T23:30");
  CHECK(review_status(due, at("2026-10-25T00:00"), london) == ReviewStatus::due);
  CHECK(review_status(due, at("2026-10-24T23:59"), london) == ReviewStatus::ok);
}

TEST_CASE("board: among people of equal risk, an overdue review comes first") {
  auto s = test::small_team();
  s.episodes[1].risk = RiskLevel::low;  // Ben: low risk, review due today
  s.reindex();
  auto board = build_day_board(s, *parse_date("2026-11-23"), at("2026-11-23T08:30"));
  CHECK(board.rows[1].person->given_name == "Cat");  // low, overdue
  CHECK(board.rows[2].person->given_name == "Ben");  // low, due
}

TEST_CASE("board: among people of equal risk, a missed visit with no follow-up comes before an overdue review") {
  auto s = test::small_team();
  s.episodes[1].risk = RiskLevel::low;
  s.reindex();
  // At 10:30 Ben's 08:00-09:00 visit is missed and nothing follows it up.
  auto board = build_day_board(s, *parse_date("2026-11-23"), at("2026-11-23T10:30"));
  CHECK(board.rows[1].person->given_name == "Ben");
  CHECK(board.rows[2].person->given_name == "Cat");
}

TEST_CASE("board: a closed episode leaves the board after its closing day") {
  auto s = test::small_team();
  s.episodes[2].stage = Stage::closed;
  s.episodes[2].closed_at = at("2026-11-22T16:00");
  s.reindex();
  auto board = build_day_board(s, *parse_date("2026-11-23"), at("2026-11-23T10:30"));
  CHECK(board.rows.size() == 2);
}

TEST_CASE("board by staff: each worker's visits in time order, and unallocated visits listed apart") {
  auto s = test::small_team();
  auto day = build_staff_day(s, *parse_date("2026-11-23"), at("2026-11-23T10:30"));
  REQUIRE(day.rows.size() == 2);
  CHECK(day.rows[0].staff->id == "S02");  // shift starts 08:00 like S01; same start -> by name (Jo < Sam)
  CHECK(day.rows[1].staff->id == "S01");
  REQUIRE(day.rows[1].visits.size() == 1);
  CHECK(day.rows[1].visits[0].visit->id == 101);
  REQUIRE(day.unallocated.size() == 1);
  CHECK(day.unallocated[0].visit->id == 102);
}

TEST_CASE("board by staff: a double-up appears under both workers") {
  auto s = test::small_team();
  s.visits[1].staff1 = "S01";
  s.visits[1].staff2 = "S03";
  s.reindex();
  auto day = build_staff_day(s, *parse_date("2026-11-23"), at("2026-11-23T10:30"));
  int seen = 0;
  for (const auto& row : day.rows)
    for (const auto& bv : row.visits) seen += bv.visit->id == 102;
  CHECK(seen == 2);
  CHECK(day.unallocated.empty());
}

TEST_CASE("board: yesterday's missed visit with no follow-up stays on today's board until followed up") {
  auto s = test::small_team();
  Visit missed = *s.find_visit(201);
  missed.id = 190;
  missed.window_start = at("2026-11-22T17:00");
  missed.window_end = at("2026-11-22T18:00");
  missed.date = *parse_date("2026-11-22");
  missed.status = VisitStatus::no_access;
  missed.reason = "no answer";
  s.visits.push_back(missed);
  s.reindex();
  auto board = build_day_board(s, *parse_date("2026-11-23"), at("2026-11-23T08:30"));
  REQUIRE(board.rows[1].person->given_name == "Ben");
  REQUIRE(board.rows[1].unresolved_missed.size() == 1);
  CHECK(board.rows[1].unresolved_missed[0].visit->id == 190);
  CHECK(board.needs_follow_up_count == 1);  // 201 is not missed yet at 08:30
  CHECK(board.visit_count == 3);            // carried-over visits are not the day's visits

  // A follow-up visit closes the gap; a missed visit older than the carry-over window drops off.
  Visit follow = *s.find_visit(201);
  follow.id = 191;
  follow.follow_up_of = 190;
  s.visits.push_back(follow);
  s.reindex();
  CHECK(build_day_board(s, *parse_date("2026-11-23"), at("2026-11-23T08:30")).rows[1].unresolved_missed.empty());
  s.visits.pop_back();
  s.reindex();
  // On 30 Nov, 22 Nov is eight days back: 190 has dropped off, 201 (23 Nov) is still carried.
  auto later = build_day_board(s, *parse_date("2026-11-30"), at("2026-11-30T08:30"));
  REQUIRE(later.rows[1].person->given_name == "Ben");
  REQUIRE(later.rows[1].unresolved_missed.size() == 1);
  CHECK(later.rows[1].unresolved_missed[0].visit->id == 201);
}
