// The out-of-hours check for a shift window: every gap named in words, and the one-line readiness
// the handover huddle reads.
#include <doctest/doctest.h>

#include "core/ooh_gaps.hpp"
#include "support/small_team.hpp"

#include <algorithm>

using namespace vb;
using vb::test::at;
using vb::test::shift;

namespace {

Staff person_on_rota(const char* id, const char* name, bool trained) {
  Staff s;
  s.id = id;
  s.team_id = 1;
  s.name = name;
  s.initials = std::string(1, name[0]);
  s.discipline = trained ? "nurse" : "support_worker";
  if (trained) s.skills = {"trained"};
  return s;
}

Visit visit(Id id, Id episode, const char* start, const char* end, int minutes, const char* staff1) {
  Visit v;
  v.id = id;
  v.episode_id = episode;
  v.window_start = at(start);
  v.window_end = at(end);
  v.date = local_date_of(v.window_start, find_zone("Europe/London"));
  v.duration_min = minutes;
  v.out_of_hours = true;
  v.staff1 = staff1;
  return v;
}

// Monday 23 Nov 2026. Evening (17:00-21:00): Jo (S02) and Kim (S03) on lates, Lee (S04, support
// worker) on the twilight; night: Sam (S01) and Mo (S05), both trained. Visits: Ada's high-risk
// double-up 102 (17:00-19:00, nobody yet), Ben's 501 (18:00-19:00, Lee), Cat's 502 (19:00-20:00, Jo).
Snapshot evening() {
  Snapshot s = test::small_team();
  s.staff.push_back(person_on_rota("S04", "Lee Dunn", false));
  s.staff.push_back(person_on_rota("S05", "Mo Patel", true));
  s.shifts = {shift(3, "S02", ShiftKind::late, "2026-11-23T13:30", "2026-11-23T21:30"),
              shift(4, "S03", ShiftKind::late, "2026-11-23T13:30", "2026-11-23T21:30"),
              shift(5, "S04", ShiftKind::twilight, "2026-11-23T17:00", "2026-11-23T23:00"),
              shift(6, "S01", ShiftKind::night, "2026-11-23T21:00", "2026-11-24T07:30"),
              shift(7, "S05", ShiftKind::night, "2026-11-23T21:00", "2026-11-24T07:30")};
  s.visits.push_back(visit(501, 2, "2026-11-23T18:00", "2026-11-23T19:00", 45, "S04"));
  s.visits.push_back(visit(502, 3, "2026-11-23T19:00", "2026-11-23T20:00", 45, "S02"));
  s.reindex();
  return s;
}

Visit& find(Snapshot& s, Id id) { return *std::find_if(s.visits.begin(), s.visits.end(), [&](const Visit& v) { return v.id == id; }); }

OohBoard board(const Snapshot& s) { return build_ooh_board(s, ooh_window(s, *parse_date("2026-11-23"), OohPart::evening)); }

int count(const OohBoard& b, GapKind k) {
  return static_cast<int>(std::count_if(b.gaps.begin(), b.gaps.end(), [&](const OohGap& g) { return g.kind == k; }));
}

const OohGap& only(const OohBoard& b, GapKind k) {
  REQUIRE(count(b, k) == 1);
  return *std::find_if(b.gaps.begin(), b.gaps.end(), [&](const OohGap& g) { return g.kind == k; });
}

}  // namespace

TEST_CASE("ooh: an evening with everything covered says so in one line") {
  auto s = evening();
  find(s, 102).staff1 = "S02";
  find(s, 102).staff2 = "S03";
  auto b = board(s);
  CHECK(b.gaps.empty());
  CHECK(b.ready);
  CHECK(b.readiness == "Evening ready — 3 visits allocated, 1 double-up covered, night staffed 2/2");
  CHECK(b.visits.size() == 3);
  REQUIRE(b.staff.size() == 3);  // the night staff start after the evening window
  CHECK(b.staff[0].staff->id == "S02");
  CHECK(b.staff[0].visits.size() == 2);
}

TEST_CASE("ooh: a visit with nobody is a gap and the readiness line says what is missing") {
  auto s = evening();
  auto b = board(s);
  const auto& g = only(b, GapKind::unallocated);
  CHECK(g.visit == 102);
  CHECK(g.text == "HT-1001 17:00–19:00: nobody allocated (needs two staff)");
  CHECK_FALSE(b.ready);
  CHECK(b.readiness == "Evening not ready — 1 unallocated visit, night staffed 2/2");
}

TEST_CASE("ooh: a double-up with one worker is short") {
  auto s = evening();
  find(s, 102).staff1 = "S02";
  auto b = board(s);
  CHECK(only(b, GapKind::double_up_short).text == "HT-1001 17:00–19:00: a double-up with one worker");
  CHECK(b.readiness == "Evening not ready — 1 double-up short of a worker, night staffed 2/2");
}

TEST_CASE("ooh: a high-risk visit out of hours with one worker is a gap under the lone-working rule") {
  auto s = evening();
  find(s, 102).staff1 = "S02";
  find(s, 102).staff2 = "S03";
  s.episodes[1].risk = RiskLevel::high;  // Ben, visit 501 with Lee alone
  s.reindex();
  auto b = board(s);
  const auto& g = only(b, GapKind::high_risk_one_worker);
  CHECK(g.visit == 501);
  CHECK(g.text.find("high risk with one worker") != std::string::npos);
  s.rota_rules.high_risk_needs_two = false;
  CHECK(count(board(s), GapKind::high_risk_one_worker) == 0);
}

TEST_CASE("ooh: a night below its minimum staffing is a gap, counted in the readiness line") {
  auto s = evening();
  find(s, 102).staff1 = "S02";
  find(s, 102).staff2 = "S03";
  s.staff[4].skills.clear();  // Mo is not trained
  s.reindex();
  auto b = board(s);
  CHECK(only(b, GapKind::under_minimum).text ==
        "The night shift has 1 of 2 trained staff (At least two trained staff on every night shift)");
  CHECK(b.readiness == "Evening not ready — night staffed 1/2");
  auto night = build_ooh_board(s, ooh_window(s, *parse_date("2026-11-23"), OohPart::night));
  CHECK(count(night, GapKind::under_minimum) == 1);
  CHECK(night.readiness == "Night not ready — night staffed 1/2");
}

TEST_CASE("ooh: a worker whose visits fill more of the shift than the rule allows is over capacity") {
  auto s = evening();
  s.rota_rules.max_booked_percent = 10;  // Lee's 6 h twilight: 36 min; 501 takes 45
  auto b = board(s);
  const auto& g = only(b, GapKind::over_capacity);
  CHECK(g.staff == "S04");
  CHECK(g.text.rfind("Lee Dunn: 0 h 45 of visits in 6 h on shift", 0) == 0);
}

TEST_CASE("ooh: a worker sent outside their shift, or to two places at once, is a gap") {
  auto s = evening();
  find(s, 502).staff1 = "S01";  // Sam's night starts at 21:00
  s.visits.push_back(visit(503, 3, "2026-11-23T18:15", "2026-11-23T19:00", 45, "S04"));  // Lee is at 501
  s.reindex();
  auto b = board(s);
  CHECK(only(b, GapKind::outside_shift).text == "HT-1003 19:00–20:00: Sam Ashford is not on shift then");
  CHECK(only(b, GapKind::two_places).text == "Lee Dunn is on two visits at once: 18:00–19:00 and 18:15–19:00");
  CHECK(b.readiness.find("1 visit outside a worker's shift") != std::string::npos);
  CHECK(b.readiness.find("1 clash (two places at once)") != std::string::npos);
}

TEST_CASE("ooh: the window planned now is this evening, then tonight, and a weekend day by day") {
  auto s = evening();
  CHECK(current_ooh_window(s, at("2026-11-23T16:30")).label == "Evening");
  auto night = current_ooh_window(s, at("2026-11-23T22:00"));
  CHECK(night.label == "Night");
  CHECK(night.date == *parse_date("2026-11-23"));
  auto small_hours = current_ooh_window(s, at("2026-11-24T02:00"));
  CHECK(small_hours.part == OohPart::night);
  CHECK(small_hours.date == *parse_date("2026-11-23"));
  CHECK(current_ooh_window(s, at("2026-11-28T10:00")).label == "Weekend day");
  // The window of the clock-change night has its true length.
  auto change = ooh_window(s, *parse_date("2026-10-24"), OohPart::night);
  CHECK(change.end - change.start == std::chrono::minutes{11 * 60 + 30});
}

TEST_CASE("ooh: the night lists its own staff, not a late shift ending half an hour in") {
  auto s = evening();
  auto night = build_ooh_board(s, ooh_window(s, *parse_date("2026-11-23"), OohPart::night));
  std::vector<StaffId> on;
  for (const auto& w : night.staff) on.push_back(w.staff->id);
  // Lee's twilight runs 2 h into the night; Jo's and Kim's lates only 30 min.
  CHECK(on == std::vector<StaffId>{"S04", "S05", "S01"});  // by shift start, then name
  CHECK(night.readiness == "Night ready — no visits, night staffed 2/2");
}
