// Staff import with roles (issue 7): an optional `roles` column ("clinician;coordinator") replaces
// a person's roles; without it a new person gets the viewer role only and a known person keeps theirs;
// a word that is not a role is refused at its file:line:column with nothing written; an import never
// leaves the terminal without an active admin.
#include <doctest/doctest.h>

#include "archive/import_plan.hpp"
#include "archive_test_support.hpp"
#include "store/database.hpp"
#include "store/import_writer.hpp"
#include "store/snapshot_loader.hpp"

using namespace vb;
using namespace vb::archive;
using namespace vb::archive::test;

namespace {

const Instant now = parse_stored_utc("2026-11-23T12:00:00Z");

ImportPlan plan(store::Database& db, const std::string& text) {
  auto snapshot = store::load_snapshot(db);
  return plan_import(ImportKind::staff, read_csv(text), "staff.csv", snapshot, store::import_keys(db, "staff"));
}

std::vector<Role> roles_of(store::Database& db, const StaffId& id) { return store::load_snapshot(db).find_staff(id)->roles; }

}  // namespace

TEST_CASE("import roles: the roles column gives each person those roles (and viewer), audited with the row") {
  TempDir dir;
  make_demo_database(dir.file("team.db"));
  auto db = store::Database::open(dir.file("team.db"), store::OpenMode::existing);
  const std::string text =
      "staff_id,name,initials,discipline,roles\n"
      "X01,Robin Example,RE,nurse,clinician;coordinator\n"
      "X02,Alex Sample,AS,nurse, senior_reviewer ; clinician \n"
      "X03,Sam Other,SO,support_worker,\n";
  auto p = plan(db, text);
  REQUIRE(p.problems.empty());
  CHECK(p.added == 3);
  CHECK(p.viewer_only == 1);  // X03: an empty cell
  store::apply_import(db, p.writes, now, "import");
  CHECK(roles_of(db, "X01") == std::vector<Role>{Role::viewer, Role::clinician, Role::coordinator});
  CHECK(roles_of(db, "X02") == std::vector<Role>{Role::viewer, Role::clinician, Role::senior_reviewer});
  CHECK(roles_of(db, "X03") == std::vector<Role>{Role::viewer});
  CHECK(plan(db, text).writes.size() == 0);  // again: nothing changes
  // A changed list replaces the roles; an empty cell keeps a known person's roles.
  auto changed = plan(db,
                      "staff_id,name,initials,discipline,roles\n"
                      "X01,Robin Example,RE,nurse,clinician\n"
                      "X02,Alex Sample,AS,nurse,\n");
  REQUIRE(changed.problems.empty());
  CHECK(changed.changed == 1);
  store::apply_import(db, changed.writes, now, "import");
  CHECK(roles_of(db, "X01") == std::vector<Role>{Role::viewer, Role::clinician});
  CHECK(roles_of(db, "X02") == std::vector<Role>{Role::viewer, Role::clinician, Role::senior_reviewer});
}

TEST_CASE("import roles: without a roles column new staff get the viewer role only, and the plan says how many") {
  TempDir dir;
  make_demo_database(dir.file("team.db"));
  auto db = store::Database::open(dir.file("team.db"), store::OpenMode::existing);
  auto p = plan(db, read_bytes(data_file("imports/good/staff.csv")));
  REQUIRE(p.problems.empty());
  CHECK(p.viewer_only == 2);
  store::apply_import(db, p.writes, now, "import");
  CHECK(roles_of(db, "X01") == std::vector<Role>{Role::viewer});
  CHECK(roles_of(db, "X02") == std::vector<Role>{Role::viewer});
}

TEST_CASE("import roles: a word that is not a role is refused with its line, and nothing is written") {
  TempDir dir;
  make_demo_database(dir.file("team.db"));
  auto db = store::Database::open(dir.file("team.db"), store::OpenMode::existing);
  auto p = plan(db, read_bytes(data_file("imports/bad/staff_bad_roles.csv")));
  REQUIRE(p.problems.size() == 2);
  CHECK(p.problems[0] == "staff.csv:3:5: 'nurse' is not a role (viewer, clinician, coordinator, senior_reviewer, manager, admin)");
  CHECK(p.problems[1].rfind("staff.csv:4:5: 'Admin' is not a role", 0) == 0);
  CHECK(store::load_snapshot(db).find_staff("X01") == nullptr);
}

TEST_CASE("import roles: an import that would take the admin role from the last admin is refused on that line") {
  TempDir dir;
  make_demo_database(dir.file("team.db"));
  auto db = store::Database::open(dir.file("team.db"), store::OpenMode::existing);
  const Snapshot s = store::load_snapshot(db);
  const Staff* admin = nullptr;
  for (const auto& m : s.staff)
    if (m.active && m.has_role(Role::admin)) admin = &m;
  REQUIRE(admin);
  const std::string row = admin->id + "," + admin->name + "," + admin->initials + "," + admin->discipline + ",";
  auto p = plan(db, "staff_id,name,initials,discipline,skills,roles\n" + row + ",manager\n");
  REQUIRE(p.problems.size() == 1);
  CHECK(p.problems[0].rfind("staff.csv:2:1: this would leave no active admin", 0) == 0);
  CHECK(p.writes.size() == 0);
}
