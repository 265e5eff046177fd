// Staff access commands (issue 7): only an admin sets or clears PINs and grants or revokes roles;
// each refusal is in words, never repeats a PIN, and keeps the terminal administrable.
#include <doctest/doctest.h>

#include "core/commands.hpp"
#include "support/small_team.hpp"

using namespace vb;
using vb::test::at;

namespace {

const Instant t = at("2026-11-23T10:00");

// S01 is the admin (as well as a clinician); S02 a nurse with a PIN; S03 has no PIN.
Snapshot team() {
  Snapshot s = vb::test::small_team();
  s.staff[0].roles.push_back(Role::admin);
  for (auto& m : s.staff) m.has_pin = m.id != "S03";
  Staff gone;
  gone.id = "S09";
  gone.team_id = 1;
  gone.name = "Pat Gone";
  gone.initials = "PG";
  gone.discipline = "nurse";
  gone.active = false;
  gone.roles = {Role::viewer};
  s.staff.push_back(gone);
  s.reindex();
  return s;
}

}  // namespace

TEST_CASE("access: each staff-access command needs the admin role") {
  CHECK(required_role(SetPin{}) == Roles{Role::admin});
  CHECK(required_role(ClearPin{}) == Roles{Role::admin});
  CHECK(required_role(GrantRole{}) == Roles{Role::admin});
  CHECK(required_role(RevokeRole{}) == Roles{Role::admin});
  const Snapshot s = team();
  CHECK(*command_problem(s, SetPin{"S03", "2468", "S02", t}) ==
        "S02 is a nurse without the admin role: cannot set a PIN");
  CHECK(*command_problem(s, ClearPin{"S01", "S02", t}) == "S02 is a nurse without the admin role: cannot clear a PIN");
  CHECK(*command_problem(s, GrantRole{"S02", Role::admin, "S02", t}) ==
        "S02 is a nurse without the admin role: cannot grant a role");
  CHECK(*command_problem(s, RevokeRole{"S01", Role::admin, "S02", t}) ==
        "S02 is a nurse without the admin role: cannot revoke a role");
}

TEST_CASE("access: an admin sets a PIN of 4 to 8 digits; the refusal of a bad one never repeats it") {
  const Snapshot s = team();
  CHECK_FALSE(command_problem(s, SetPin{"S03", "2468", "S01", t}));
  CHECK_FALSE(command_problem(s, SetPin{"S01", "97531864", "S01", t}));  // their own, too
  for (const char* bad : {"975", "975318642", "97a5", ""}) {
    CAPTURE(bad);
    auto p = command_problem(s, SetPin{"S03", bad, "S01", t});
    REQUIRE(p);
    CHECK(p->find("the new PIN for Kim Carter was not set: a PIN is") == 0);
    if (*bad) CHECK(p->find(bad) == std::string::npos);
  }
}

TEST_CASE("access: unknown and inactive staff are refused in words") {
  const Snapshot s = team();
  CHECK(*command_problem(s, SetPin{"S77", "2468", "S01", t}) == "staff 'S77' does not exist");
  CHECK(*command_problem(s, GrantRole{"S77", Role::clinician, "S01", t}) == "staff 'S77' does not exist");
  CHECK(command_problem(s, SetPin{"S09", "2468", "S01", t})->find("Pat Gone (S09) is no longer active") == 0);
  CHECK(command_problem(s, ClearPin{"S09", "S01", t})->find("is no longer active") != std::string::npos);
  CHECK(command_problem(s, GrantRole{"S09", Role::clinician, "S01", t})->find("is no longer active") != std::string::npos);
  CHECK(command_problem(s, RevokeRole{"S09", Role::viewer, "S01", t})->find("is no longer active") != std::string::npos);
}

TEST_CASE("access: a role is granted once and revoked only where held") {
  const Snapshot s = team();
  CHECK_FALSE(command_problem(s, GrantRole{"S02", Role::coordinator, "S01", t}));
  CHECK(*command_problem(s, GrantRole{"S02", Role::clinician, "S01", t}) == "Jo Brook already has the clinician role");
  CHECK_FALSE(command_problem(s, RevokeRole{"S02", Role::clinician, "S01", t}));
  CHECK(*command_problem(s, RevokeRole{"S02", Role::manager, "S01", t}) == "Jo Brook does not have the manager role");
}

TEST_CASE("access: the last admin keeps the admin role, and an admin cannot remove their own") {
  Snapshot s = team();
  CHECK(command_problem(s, RevokeRole{"S01", Role::admin, "S01", t})->find("Sam Ashford is the last admin") == 0);
  s.staff[1].roles.push_back(Role::admin);  // S02 becomes a second admin
  CHECK(*command_problem(s, RevokeRole{"S01", Role::admin, "S01", t}) ==
        "you cannot remove your own admin role: another admin has to do it");
  CHECK_FALSE(command_problem(s, RevokeRole{"S01", Role::admin, "S02", t}));  // another admin may
  CHECK_FALSE(command_problem(s, RevokeRole{"S01", Role::clinician, "S01", t}));  // their other roles, yes
}

TEST_CASE("access: a PIN is cleared only where there is one, and never one's own") {
  const Snapshot s = team();
  CHECK_FALSE(command_problem(s, ClearPin{"S02", "S01", t}));
  CHECK(*command_problem(s, ClearPin{"S03", "S01", t}) == "Kim Carter has no PIN to clear");
  CHECK(command_problem(s, ClearPin{"S01", "S01", t})->find("you cannot clear your own PIN") == 0);
}
