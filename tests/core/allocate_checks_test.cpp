// Allocating visits: a command that would break a hard rule is refused with the rule, the visit and
// the person in words; everything else may be applied.
#include <doctest/doctest.h>

#include "core/commands.hpp"
#include "core/visit_fit.hpp"
#include "support/small_team.hpp"

using namespace vb;
using vb::test::at;
using vb::test::shift;

namespace {

// The small team's evening: Jo (S02) and Kim (S03) on the late shift, Lee (S04, support worker, not
// trained) on a twilight; Sam (S01) only on the early. Visit 102 is Ada's double-up 17:00-19:00.
Snapshot evening() {
  Snapshot s = test::small_team();
  Staff lee;
  lee.id = "S04";
  lee.team_id = 1;
  lee.name = "Lee Dunn";
  lee.initials = "LD";
  lee.discipline = "support_worker";
  s.staff.push_back(lee);
  s.shifts.push_back(shift(3, "S02", ShiftKind::late, "2026-11-23T13:30", "2026-11-23T21:30"));
  s.shifts.push_back(shift(4, "S03", ShiftKind::late, "2026-11-23T13:30", "2026-11-23T21:30"));
  s.shifts.push_back(shift(5, "S04", ShiftKind::twilight, "2026-11-23T17:00", "2026-11-23T23:00"));
  for (auto& m : s.staff)
    if (m.id == "S02") m.roles.push_back(Role::coordinator);  // S02 coordinates: the author of allocations
  s.reindex();
  return s;
}

Visit& add_visit(Snapshot& s, Id id, const char* start, const char* end, int minutes, const char* staff1 = "") {
  Visit v;
  v.id = id;
  v.episode_id = 2;
  v.window_start = at(start);
  v.window_end = at(end);
  v.date = local_date_of(v.window_start, find_zone("Europe/London"));
  v.duration_min = minutes;
  v.out_of_hours = true;
  v.staff1 = staff1;
  s.visits.push_back(v);
  s.reindex();
  return s.visits.back();
}

AllocateVisit allocate(Id visit, const char* staff1, const char* staff2 = "") {
  return AllocateVisit{visit, staff1, staff2, "S02", at("2026-11-23T16:00")};
}

std::string refusal(const Snapshot& s, const Command& c) { return command_problem(s, c).value_or("(accepted)"); }

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("allocation: two staff on shift with what the visit needs may take a double-up") {
  auto s = evening();
  CHECK(refusal(s, allocate(102, "S02", "S03")) == "(accepted)");
  CHECK(refusal(s, allocate(102, "S03", "S04")) == "(accepted)");
}

TEST_CASE("allocation: an unknown or inactive worker is refused by id") {
  auto s = evening();
  CHECK(refusal(s, allocate(102, "S99", "S02")) == "staff 'S99' does not exist");
  CHECK(refusal(s, allocate(102, "S02", "S98")) == "staff 'S98' does not exist");
  s.staff[2].active = false;
  s.reindex();
  CHECK(refusal(s, allocate(102, "S02", "S03")) == "staff 'S03' is no longer active");
  CHECK(refusal(s, allocate(999, "S02", "S03")) == "visit 999 does not exist");
}

TEST_CASE("allocation: a worker not on shift for the whole visit is refused") {
  auto s = evening();
  auto why = refusal(s, allocate(102, "S01", "S02"));
  CHECK(has(why, "Sam Ashford (S01) is not on shift for the whole of visit 102"));
  CHECK(has(why, "17:00–19:00"));
  // The twilight starts at 17:00: a 45-minute visit due 16:00-17:30 cannot be done inside it.
  add_visit(s, 400, "2026-11-23T16:00", "2026-11-23T17:30", 45);
  CHECK(has(refusal(s, allocate(400, "S04")), "Lee Dunn (S04) is not on shift"));
  // ...but one due 16:30-18:00 can (17:00-17:45).
  add_visit(s, 401, "2026-11-23T16:30", "2026-11-23T18:00", 45);
  CHECK(refusal(s, allocate(401, "S04")) == "(accepted)");
}

TEST_CASE("allocation: a visit needing a skill nobody sent has is refused, naming the skill") {
  auto s = evening();
  s.visits[1].required_skills = {"trained", "prescriber"};
  s.staff[2].skills.push_back("prescriber");  // Kim
  s.reindex();
  CHECK(refusal(s, allocate(102, "S03", "S04")) == "(accepted)");  // Kim is trained and prescribes
  auto why = refusal(s, allocate(102, "S02", "S04"));
  CHECK(has(why, "needs a prescriber: neither Jo Brook (S02) nor Lee Dunn (S04) is"));
  add_visit(s, 402, "2026-11-23T19:00", "2026-11-23T20:00", 45).required_skills = {"trained"};
  s.reindex();
  CHECK(has(refusal(s, allocate(402, "S04")), "needs trained staff: Lee Dunn (S04) is not"));
}

TEST_CASE("allocation: a double-up needs two distinct staff") {
  auto s = evening();
  CHECK(has(refusal(s, allocate(102, "S02")), "is a double-up and needs two distinct staff; only Jo Brook (S02) was given"));
  CHECK(has(refusal(s, allocate(102, "S02", "S02")), "a double-up needs two distinct staff, not Jo Brook (S02) twice"));
  CHECK(refusal(s, allocate(102, "", "S02")) == "'staff1' (who goes to visit 102) is missing");
}

TEST_CASE("allocation: nobody is sent to two places at once") {
  auto s = evening();
  add_visit(s, 403, "2026-11-23T17:15", "2026-11-23T18:00", 45, "S02");  // Jo, fixed 17:15
  add_visit(s, 404, "2026-11-23T17:00", "2026-11-23T17:45", 45);        // fixed 17:00: overlaps
  add_visit(s, 405, "2026-11-23T17:00", "2026-11-23T19:00", 45);        // flexible: after 18:00 is fine
  auto why = refusal(s, allocate(404, "S02"));
  CHECK(has(why, "Jo Brook (S02) would be in two places at once: already on visit 403"));
  CHECK(refusal(s, allocate(405, "S02")) == "(accepted)");
  // A cancelled visit holds nobody.
  s.visits.back().status = VisitStatus::planned;
  s.visits[s.visits.size() - 3].status = VisitStatus::cancelled_by_person;
  s.reindex();
  CHECK(refusal(s, allocate(404, "S02")) == "(accepted)");
}

TEST_CASE("allocation: only a planned visit can be allocated or unallocated") {
  auto s = evening();
  CHECK(has(refusal(s, allocate(101, "S02")), "visit 101 is already done; only a planned visit can be allocated"));
  CHECK(refusal(s, UnallocateVisit{102, "", "S02", at("2026-11-23T16:00")}) == "visit 102 has nobody allocated");
  CHECK(refusal(s, UnallocateVisit{201, "sick", "S02", at("2026-11-23T16:00")}) == "(accepted)");
  CHECK(refusal(s, UnallocateVisit{201, "sick", "", at("2026-11-23T16:00")}) ==
        "'by' (the staff id of the person recording) is missing");
}

TEST_CASE("allocation: a batch is checked as a whole, counting its own earlier allocations") {
  auto s = evening();
  add_visit(s, 406, "2026-11-23T18:00", "2026-11-23T18:45", 45);
  add_visit(s, 407, "2026-11-23T18:15", "2026-11-23T19:00", 45);
  AllocateVisits ok{{allocate(102, "S02", "S03"), allocate(406, "S04")}, "S02", at("2026-11-23T16:00")};
  CHECK(refusal(s, ok) == "(accepted)");
  // Each alone is fine; together Lee would be at 406 and 407 at once.
  AllocateVisits clash{{allocate(406, "S04"), allocate(407, "S04")}, "S02", at("2026-11-23T16:00")};
  CHECK(refusal(s, AllocateVisits{{allocate(407, "S04")}, "S02", at("2026-11-23T16:00")}) == "(accepted)");
  CHECK(has(refusal(s, clash), "Lee Dunn (S04) would be in two places at once: already on visit 406"));
  AllocateVisits twice{{allocate(406, "S04"), allocate(406, "S03")}, "S02", at("2026-11-23T16:00")};
  CHECK(refusal(s, twice) == "visit 406 appears twice in one batch");
  CHECK(refusal(s, AllocateVisits{{}, "S02", at("2026-11-23T16:00")}) == "'allocations' is empty: nothing to allocate");
}

TEST_CASE("visit fit: a visit fits a shift only when its whole length can happen inside both") {
  auto s = evening();
  const Visit& v = s.visits[1];  // 17:00-19:00, 45 min
  CHECK(fits_shift(v, shift(9, "S01", ShiftKind::late, "2026-11-23T13:30", "2026-11-23T17:45")));
  CHECK_FALSE(fits_shift(v, shift(9, "S01", ShiftKind::late, "2026-11-23T13:30", "2026-11-23T17:44")));
  CHECK(fits_shift(v, shift(9, "S01", ShiftKind::night, "2026-11-23T18:15", "2026-11-24T07:30")));
  CHECK_FALSE(fits_shift(v, shift(9, "S01", ShiftKind::night, "2026-11-23T18:16", "2026-11-24T07:30")));
}

TEST_CASE("rota commands: a worker goes on a shift with the rules' times, never overlapping their own") {
  auto s = evening();
  AddShift night{"S04", ShiftKind::night, *parse_date("2026-11-23"), "S02", at("2026-11-23T16:00")};
  auto sh = shift_to_add(s, night);
  REQUIRE(sh);
  CHECK(sh->start == at("2026-11-23T21:00"));
  CHECK(sh->end == at("2026-11-24T07:30"));
  // Lee's twilight runs to 23:00: a night from 21:00 overlaps it.
  CHECK(has(refusal(s, night), "Lee Dunn (S04) is already on the twilight 17:00–23:00 on Mon 23 Nov, which overlaps"));
  night.staff = "S01";  // Sam's early ended at 16:00
  CHECK(refusal(s, night) == "(accepted)");
  night.staff = "S77";
  CHECK(refusal(s, night) == "staff 'S77' does not exist");
  // The clock-change night is 11 h 30.
  AddShift autumn{"S01", ShiftKind::night, *parse_date("2026-10-24"), "S02", at("2026-10-20T16:00")};
  auto long_night = shift_to_add(s, autumn);
  CHECK(long_night->end - long_night->start == std::chrono::minutes{11 * 60 + 30});
}

TEST_CASE("rota commands: a shift still holding planned visits cannot be removed") {
  auto s = evening();
  add_visit(s, 408, "2026-11-23T22:00", "2026-11-23T22:45", 45, "S04");  // only Lee's twilight holds it
  auto why = refusal(s, RemoveShift{5, "sick", "S02", at("2026-11-23T16:00")});
  CHECK(has(why, "Lee Dunn has 1 planned visit in the twilight 17:00–23:00 on Mon 23 Nov (visit 408 22:00)"));
  CHECK(refusal(s, RemoveShift{4, "sick", "S02", at("2026-11-23T16:00")}) == "(accepted)");  // Kim has none
  CHECK(refusal(s, RemoveShift{99, "", "S02", at("2026-11-23T16:00")}) == "shift 99 does not exist");
}
