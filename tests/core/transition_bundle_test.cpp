// The transition bundle: each item with who and when; closing needs it complete or an override; the
// follow-up contact after closure is due within the shortest window that applies.
#include <doctest/doctest.h>

#include "core/commands.hpp"
#include "core/day_board.hpp"
#include "core/transition_bundle.hpp"
#include "support/one_episode_team.hpp"

using namespace vb;

namespace {

Zone london() { return find_zone("Europe/London"); }
Instant local(const char* s) { return *parse_instant(s, london()); }

Snapshot team() {
  Snapshot s = test::one_episode_team(local("2026-10-01T09:00"), Stage::handover);
  s.reindex();
  return s;
}

void record(Snapshot& s, const char* item, const char* at, const char* detail = "") {
  s.transition_records.push_back(
      TransitionRecord{static_cast<Id>(s.transition_records.size()) + 1, 1, item, local(at), "S01", detail});
}

}  // namespace

TEST_CASE("bundle: incomplete until every item is recorded, each with who and when; safety plans are versioned") {
  Snapshot s = team();
  auto b = bundle_status(s, 1);
  CHECK_FALSE(b.complete());
  CHECK(b.missing().size() == 7);
  s.reassessments = {RiskReassessment{1, 1, local("2026-10-19T10:00"), "S01", RiskLevel::low, "settled"}};
  record(s, "safety_plan_updated", "2026-10-15T10:00", "v1");
  record(s, "safety_plan_updated", "2026-10-19T11:00", "v2: new early warning signs");
  record(s, "escalation_routes_shared", "2026-10-19T11:30", "person and mother");
  record(s, "co_produced_plan", "2026-10-19T11:40");
  record(s, "receiving_service", "2026-10-19T12:00", "cmht");
  record(s, "handover_summary_sent", "2026-10-19T12:10", "2026-10-19");
  record(s, "lives_alone", "2026-10-02T09:00");
  b = bundle_status(s, 1);
  REQUIRE(b.missing().size() == 1);
  CHECK(b.missing()[0] == "joint_meeting");
  CHECK(b.items[0].done);  // the documented reassessment counts
  CHECK(b.items[0].by == "S01");
  CHECK(b.items[1].versions == 2);
  CHECK(b.items[1].detail == "v2: new early warning signs");
  CHECK(b.flags == std::vector<std::string_view>{"lives_alone"});

  auto close = CloseEpisode{1, "resolved", "cmht", "", "S01", local("2026-10-20T10:00")};
  auto problem = transition_command_problem(s, close);
  REQUIRE(problem);
  CHECK(problem->find("missing: joint_meeting") != std::string::npos);
  CHECK(problem->find("override reason") != std::string::npos);
  close.override_reason = "CMHT could not attend; summary sent";
  CHECK_FALSE(transition_command_problem(s, close));
  record(s, "joint_meeting", "2026-10-19T12:30", "none: person declined");
  CHECK(bundle_status(s, 1).complete());
  CHECK(transition_command_problem(s, RecordTransitionItem{1, "joint_meeting", "", "S01", local("2026-10-19T12:30")})
            .value()
            .find("needs a detail") != std::string::npos);
  CHECK(transition_command_problem(s, RecordTransitionItem{1, "hugs", "", "S01", local("2026-10-19T12:30")}).value().find("not a transition item") !=
        std::string::npos);
}

TEST_CASE("follow-up after closure: 48 h for suicide risk, 72 h after a ward, else 23:59 local on day 7; shortest wins") {
  Snapshot s = team();
  Episode e = s.episodes[0];
  // Closed Tue 20 Oct 2026 10:00 BST: day 7 is Tue 27 Oct, after the clock change (23:59 GMT).
  const Instant closed = local("2026-10-20T10:00");
  CHECK(format_local_datetime(follow_up_due(s, e, closed), london()) == "2026-10-27T23:59");
  CHECK(follow_up_due(s, e, closed) == *parse_instant("2026-10-27T23:59:00Z", nullptr));
  record(s, "ward_discharge_14d", "2026-10-01T09:00");
  CHECK(follow_up_due(s, e, closed) - closed == std::chrono::hours{72});
  e.suicide_risk_identified = true;
  CHECK(follow_up_due(s, e, closed) - closed == std::chrono::hours{48});
  // 48 h elapsed across the March change is 48 real hours, not wall-clock hours.
  const Instant march = local("2026-03-28T12:00");
  CHECK(format_local_datetime(follow_up_due(s, e, march), london()) == "2026-03-30T13:00");
}

TEST_CASE("follow-up after closure: stays on the board each day until done") {
  Snapshot s = team();
  Episode& e = s.episodes[0];
  e.stage = Stage::closed;
  e.closed_at = local("2026-11-20T16:00");
  Visit f;
  f.id = 9;
  f.episode_id = 1;
  f.date = *parse_date("2026-11-20");
  f.window_start = *e.closed_at;
  f.window_end = local("2026-11-27T23:59");
  f.type = VisitType::phone;
  f.reason = follow_up_reason;
  s.visits = {f};
  s.reindex();
  auto board = build_day_board(s, *parse_date("2026-11-23"), local("2026-11-23T09:00"));
  REQUIRE(board.rows.size() == 1);
  REQUIRE(board.rows[0].visits.size() == 1);
  CHECK(board.rows[0].visits[0].visit->id == 9);
  s.visits[0].status = VisitStatus::done;
  s.visits[0].outcome_at = local("2026-11-23T10:00");
  CHECK(build_day_board(s, *parse_date("2026-11-24"), local("2026-11-24T09:00")).rows.empty());
}
