// Commands are checked against the snapshot before anything is written.
#include <doctest/doctest.h>

#include "core/commands.hpp"

using namespace vb;
using namespace std::chrono_literals;

namespace {

Snapshot small_team() {
  Snapshot s;
  s.team = Team{1, "Test team", "Europe/London"};
  Staff sam;
  sam.id = "S01";
  sam.name = "Sam Test";
  sam.initials = "ST";
  sam.roles = {Role::viewer, Role::clinician};
  s.staff.push_back(sam);
  Staff gone;
  gone.id = "S02";
  gone.name = "Gone Away";
  gone.active = false;
  s.staff.push_back(gone);
  Visit v;
  v.id = 812;
  v.episode_id = 1;
  v.date = *parse_date("2026-11-23");
  v.window_start = parse_stored_utc("2026-11-23T10:00:00Z");
  v.window_end = parse_stored_utc("2026-11-23T11:00:00Z");
  s.visits.push_back(v);
  s.reindex();
  return s;
}

MarkVisit mark(Id visit, VisitStatus status, std::string reason = "", std::string by = "S01",
               const char* at = "2026-11-23T10:30:00Z") {
  return MarkVisit{visit, status, std::move(reason), std::move(by), parse_stored_utc(at)};
}

}  // namespace

TEST_CASE("commands: marking a visit done by a known staff member is accepted") {
  CHECK_FALSE(command_problem(small_team(), mark(812, VisitStatus::done)));
}

TEST_CASE("commands: an unknown visit or author is refused by name") {
  auto s = small_team();
  CHECK(*command_problem(s, mark(9999, VisitStatus::done)) == "visit 9999 does not exist");
  CHECK(*command_problem(s, mark(812, VisitStatus::done, "", "S99")) == "staff 'S99' does not exist");
  CHECK(command_problem(s, mark(812, VisitStatus::done, "", ""))->find("'by'") != std::string::npos);
  CHECK(command_problem(s, mark(812, VisitStatus::done, "", "S02"))->find("no longer active") != std::string::npos);
}

TEST_CASE("commands: no access and cancellations need a reason") {
  auto s = small_team();
  CHECK(command_problem(s, mark(812, VisitStatus::no_access))->find("reason") != std::string::npos);
  CHECK(command_problem(s, mark(812, VisitStatus::cancelled_by_person))->find("reason") != std::string::npos);
  CHECK_FALSE(command_problem(s, mark(812, VisitStatus::no_access, "no answer at door")));
}

TEST_CASE("commands: a visit cannot be recorded done long before its window opens") {
  auto s = small_team();
  auto p = command_problem(s, mark(812, VisitStatus::done, "", "S01", "2026-11-23T07:00:00Z"));
  REQUIRE(p);
  CHECK(p->find("before its window opens (2026-11-23T10:00)") != std::string::npos);
  // Cancelling ahead of time is normal.
  CHECK_FALSE(command_problem(s, mark(812, VisitStatus::cancelled_by_person, "away", "S01", "2026-11-23T07:00:00Z")));
}

TEST_CASE("commands: recording the status a visit already has is refused") {
  CHECK(command_problem(small_team(), mark(812, VisitStatus::planned))->find("already planned") != std::string::npos);
}
