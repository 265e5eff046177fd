// Allocation: the pre-check's blocking rules, the independent checker, explanations, and the bridge from the
// snapshot (including night shifts across the clock changes).
#include <doctest/doctest.h>

#include "core/allocation.hpp"
#include "core/allocation_checker.hpp"
#include "core/allocation_explain.hpp"
#include "core/allocation_heuristic.hpp"
#include "core/allocation_precheck.hpp"
#include "core/allocation_snapshot.hpp"
#include "support/small_team.hpp"

#include <algorithm>

using namespace vb;
using vb::test::at;

namespace {

AllocationStaff person_on_shift(const char* id, const char* name, const char* from, const char* to,
                                std::vector<std::string> skills) {
  AllocationStaff s;
  s.id = id;
  s.name = name;
  s.shift_start = at(from);
  s.shift_end = at(to);
  s.skills = std::move(skills);
  return s;
}

AllocationVisit visit_at(AllocId id, const char* from, const char* latest, double x, double y) {
  AllocationVisit v;
  v.id = id;
  v.earliest_start = at(from);
  v.latest_start = at(latest);
  v.duration_min = 30;
  v.x_km = x;
  v.y_km = y;
  v.risk_weight = 2;
  return v;
}

// Sam (17:00-21:30) and Alex (17:00-23:00, no prescriber) on an evening; visit 11 is Sam's named person.
AllocationProblem evening() {
  AllocationProblem p;
  p.staff = {person_on_shift("S01", "Sam", "2026-11-23T17:00", "2026-11-23T21:30", {"trained", "lone_working"}),
             person_on_shift("S02", "Alex", "2026-11-23T17:00", "2026-11-23T23:00", {"lone_working"})};
  AllocationVisit a = visit_at(10, "2026-11-23T17:00", "2026-11-23T17:15", 0, 0);
  a.named_worker = "S01";
  a.required_skills = {"trained"};
  AllocationVisit b = visit_at(11, "2026-11-23T17:30", "2026-11-23T18:00", 2.9, 0);  // 12 min from visit 10
  b.named_worker = "S01";
  b.required_skills = {"trained"};
  p.visits = {a, b};
  return p;
}

Proposal proposal_of(const AllocationProblem& p) {
  const alloc::Instance in = alloc::compile(p);
  return alloc::make_proposal(in, alloc::heuristic_routes(in), "heuristic", false);
}

}  // namespace

TEST_CASE("allocation: travel is 5 minutes plus 25 km/h, rounded up to a whole minute") {
  CHECK(travel_minutes(0, 0, 0, 0) == 5);
  CHECK(travel_minutes(0, 0, 2.9, 0) == 12);  // 5 + 6.96
  CHECK(travel_minutes(0, 0, 10, 0) == 29);   // 5 + 24
}

TEST_CASE("allocation pre-check: the first failing rule is reported in a fixed order") {
  AllocationProblem p = evening();
  AllocationVisit rx = visit_at(20, "2026-11-23T18:00", "2026-11-23T19:00", 1, 1);
  rx.required_skills = {"prescriber"};
  p.visits.push_back(rx);
  AllocationStaff early = person_on_shift("S03", "Kim", "2026-11-23T08:00", "2026-11-23T16:00", {"lone_working"});
  p.staff.push_back(early);
  // Kim is off shift and lacks the skill: being off shift comes first.
  CHECK(first_failing_rule(p, rx, early).rule == BlockRule::not_on_shift);
  CHECK(first_failing_rule(p, rx, p.staff[0]).rule == BlockRule::missing_skill);
  CHECK(first_failing_rule(p, rx, p.staff[0]).words == "needs prescriber");
  AllocationVisit single = visit_at(21, "2026-11-23T18:00", "2026-11-23T19:00", 1, 1);
  AllocationStaff no_lone = person_on_shift("S04", "Dan", "2026-11-23T17:00", "2026-11-23T23:00", {"trained"});
  CHECK(first_failing_rule(p, single, no_lone).rule == BlockRule::lone_working);
  single.double_up = true;
  CHECK(first_failing_rule(p, single, no_lone).rule == BlockRule::none);
}

TEST_CASE("allocation pre-check: a visit nobody can do is reported in words before solving") {
  AllocationProblem p = evening();
  AllocationVisit rx = visit_at(20, "2026-11-23T18:00", "2026-11-23T19:00", 1, 1);
  rx.required_skills = {"prescriber"};
  AllocationVisit late = visit_at(22, "2026-11-24T02:00", "2026-11-24T02:30", 1, 1);
  AllocationVisit pair = visit_at(23, "2026-11-23T19:00", "2026-11-23T19:00", 1, 1);
  pair.double_up = true;
  pair.required_skills = {"trained"};
  p.visits.insert(p.visits.end(), {rx, late, pair});
  PreCheck pc = pre_check(p);
  REQUIRE(pc.visits.size() == 5);
  CHECK(pc.blocked_count() == 3);
  CHECK(pc.visits[2].words == "Blocked: needs a prescriber; none on shift");
  CHECK(pc.visits[3].words == "Blocked: nobody is on shift for 02:00–03:00");
  CHECK(pc.visits[4].words == "Blocked: double-up needs two staff; only Sam can do it");
  // The proposal leaves them uncovered and says why in the same words.
  Proposal pr = proposal_of(p);
  CHECK(std::find(pr.uncovered.begin(), pr.uncovered.end(), 20) != pr.uncovered.end());
  CHECK(explain_uncovered(p, pr, 20) == "Blocked: needs a prescriber; none on shift");
  CHECK(check_proposal(p, pr).empty());
}

TEST_CASE("allocation explanations: each proposed worker with the real reasons, and why not someone else") {
  AllocationProblem p = evening();
  Proposal pr = proposal_of(p);
  REQUIRE(pr.uncovered.empty());
  CHECK(explain_assignment(p, pr, 10, "S01") ==
        "Sam — named worker · on shift 17:00–21:30 · 5 min from base · 2 visits this shift");
  CHECK(explain_assignment(p, pr, 11, "S01") ==
        "Sam — named worker · on shift 17:00–21:30 · 12 min from previous visit · 2 visits this shift");
  CHECK(why_not(p, pr, 11, "S02") == "Alex: needs trained");
  // Make Alex able: the reason becomes the score difference, with its parts.
  p.staff[1].skills.push_back("trained");
  Proposal pr2 = proposal_of(p);
  const std::string line = why_not(p, pr2, 11, "S02");
  CHECK(line.find("Alex: could do it, but the score would be") == 0);
  CHECK(line.find("continuity +120") != std::string::npos);  // Alex is new to the person, Sam is the named worker
}

TEST_CASE("allocation checker: catches every broken hard rule") {
  AllocationProblem p = evening();
  Proposal bad;
  StaffRoute alex{"S02", {{10, at("2026-11-23T17:00"), 5}, {11, at("2026-11-23T17:10"), 12}}};
  bad.routes = {alex};
  auto v = check_proposal(p, bad);
  auto has = [&](const char* rule) {
    return std::any_of(v.begin(), v.end(), [&](const Violation& x) { return x.rule == rule; });
  };
  CHECK(has("skill"));       // Alex is not trained
  CHECK(has("travel"));      // 17:00 start but 5 min from base; 17:10 is before 17:30 + travel
  CHECK(has("window"));      // visit 11 may not start before 17:30
  CHECK(has("two_places"));  // 17:00-17:30 and 17:10-17:40
  Proposal late;
  late.routes = {StaffRoute{"S01", {{10, at("2026-11-23T21:15"), 5}}}};
  late.uncovered = {11};
  auto w = check_proposal(p, late);
  CHECK(std::any_of(w.begin(), w.end(), [](auto& x) { return x.rule == "shift"; }));
  CHECK(std::any_of(w.begin(), w.end(), [](auto& x) { return x.rule == "window"; }));
}

TEST_CASE("allocation checker: a double-up needs two distinct staff starting together") {
  AllocationProblem p = evening();
  p.visits[0].double_up = true;
  p.visits[0].latest_start = p.visits[0].earliest_start;
  p.staff[1].skills.push_back("trained");
  Proposal one;
  one.routes = {StaffRoute{"S01", {{10, at("2026-11-23T17:05"), 5}}}};
  one.uncovered = {11};
  auto v = check_proposal(p, one);
  CHECK(std::any_of(v.begin(), v.end(), [](auto& x) { return x.rule == "double_up"; }));
  Proposal good = proposal_of(p);
  CHECK(check_proposal(p, good).empty());
}

TEST_CASE("allocation bridge: visits, pins, continuity and risk come from the snapshot") {
  Snapshot s = test::small_team();
  Shift evening;
  evening.id = 9;
  evening.staff_id = "S03";
  evening.kind = ShiftKind::late;
  evening.start = at("2026-11-23T13:30");
  evening.end = at("2026-11-23T21:30");
  s.shifts.push_back(evening);
  s.staff[2].skills.push_back("lone_working");
  s.reindex();
  AllocationProblem p = problem_from_snapshot(s, at("2026-11-23T17:00"), at("2026-11-24T09:00"), at("2026-11-23T16:00"));
  REQUIRE(p.visits.size() == 1);  // visit 102, the evening double-up
  const AllocationVisit& v = p.visits[0];
  CHECK(v.id == 102);
  CHECK(v.double_up);
  CHECK(v.named_worker == "S01");
  CHECK(v.risk_weight == 3);
  CHECK(v.required_skills == std::vector<std::string>{"trained"});  // high risk: a trained clinician
  CHECK(v.seen_last_7_days == std::vector<std::string>{"S01"});     // visit 101 this morning
  CHECK(v.latest_start == at("2026-11-23T18:15"));                  // 45 minutes before the window ends
  REQUIRE(p.staff.size() == 1);  // only S03 is on shift after 17:00
  CHECK(p.staff[0].id == "S03");
  CHECK(p.staff[0].name == "Kim Carter");
}

TEST_CASE("allocation bridge: night visits are double-ups and the night shift has its true length") {
  for (auto [day, next, hours] : {std::tuple{"2026-03-28", "2026-03-29", 11}, std::tuple{"2026-10-24", "2026-10-25", 13},
                                   std::tuple{"2027-03-27", "2027-03-28", 11}, std::tuple{"2027-10-30", "2027-10-31", 13}}) {
    CAPTURE(day);
    Snapshot s = test::small_team();
    const Zone z = find_zone("Europe/London");
    for (int k = 0; k < 2; ++k) {
      Shift n;
      n.id = 20 + k;
      n.staff_id = k == 0 ? "S01" : "S02";
      n.kind = ShiftKind::night;
      n.date = *parse_date(day);
      n.start = local_day_time(n.date, std::chrono::hours{20}, z);
      n.end = local_day_time(*parse_date(next), std::chrono::hours{8}, z);
      s.shifts.push_back(n);
    }
    Visit v = s.visits[1];  // the double-up template
    v.id = 900;
    v.double_up = false;
    v.window_start = local_day_time(*parse_date(next), std::chrono::minutes{6 * 60 + 30}, z);
    v.window_end = v.window_start + std::chrono::minutes{60};
    s.visits.push_back(v);
    s.reindex();
    const Instant from = local_day_time(*parse_date(day), std::chrono::hours{20}, z);
    AllocationProblem p = problem_from_snapshot(s, from, from + std::chrono::hours{hours}, from);
    REQUIRE(p.staff.size() == 2);
    CHECK(p.staff[0].shift_end - p.staff[0].shift_start == std::chrono::hours{hours});
    REQUIRE(p.visits.size() == 1);
    CHECK(p.visits[0].double_up);  // starts 06:30 local: a night visit
    Proposal pr = proposal_of(p);
    CHECK(pr.uncovered.empty());  // both night staff can reach it before 08:00 local
    CHECK(check_proposal(p, pr).empty());
  }
}

TEST_CASE("allocation explanations: a coverable visit left out names who could have done it") {
  AllocationProblem p = evening();
  AllocationVisit clash = visit_at(12, "2026-11-23T17:00", "2026-11-23T17:15", 0, 0);  // same time as visit 10
  clash.required_skills = {"trained"};
  clash.risk_weight = 1;
  p.visits.push_back(clash);
  Proposal pr = proposal_of(p);
  REQUIRE(pr.uncovered == std::vector<AllocId>{12});  // the lower-risk one waits
  CHECK(explain_uncovered(p, pr, 12) ==
        "Not covered: Sam could do it, but covering it would leave another visit of equal or higher risk uncovered");
}
