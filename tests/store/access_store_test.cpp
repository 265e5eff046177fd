// Staff access through apply_commands (issue 7): each command one write and one audit row, the PIN
// kept only as an Argon2id hash and never in the audit trail, a refusal writes nothing, and the
// snapshot loads each person's PIN state (set, locked since, wrong tries) without the hash.
#include <doctest/doctest.h>

#include "store/access_rows.hpp"
#include "store/command_store.hpp"
#include "store/database.hpp"
#include "store/sign_in.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "store/store_test_support.hpp"
#include "support/small_team.hpp"

using namespace vb;
using vb::test::at;

namespace {

struct AccessTeam {
  store::test::TempDir dir;
  std::string path = dir.file("team.db");
  store::Database db = store::Database::open(path, store::OpenMode::create_if_missing);
  Snapshot snapshot;
  AccessTeam() {
    Snapshot s = vb::test::small_team();
    s.staff[0].roles.push_back(Role::admin);  // S01 administers the terminal
    store::write_snapshot(db, s);
    snapshot = store::load_snapshot(db);
  }
  std::int64_t count(const std::string& sql) {
    auto st = db.prepare(sql);
    st.step();
    return st.column_int(0);
  }
  std::string text(const std::string& sql) {
    auto st = db.prepare(sql);
    REQUIRE(st.step());
    return st.column_text(0);
  }
};

const Instant t0 = at("2026-11-23T10:00");

}  // namespace

TEST_CASE("access store: set_pin keeps only a hash, audits whether a PIN existed, and the new PIN signs in") {
  AccessTeam team;
  auto ids = store::apply_commands(team.db, team.snapshot, {SetPin{"S02", "5802", "S01", t0}});
  REQUIRE(ids.size() == 1);
  CHECK(team.text("SELECT pin_hash FROM staff_pin WHERE staff_id = 'S02'").rfind("$argon2id$", 0) == 0);
  CHECK(team.count("SELECT count(*) FROM audit_log WHERE id = " + std::to_string(ids[0]) +
                   " AND command = 'set_pin' AND by_staff = 'S01' AND entity = 'staff' AND entity_id = 'S02'") == 1);
  CHECK(team.text("SELECT before_json || after_json FROM audit_log WHERE id = " + std::to_string(ids[0])) ==
        "{\"had_pin\":false}{\"had_pin\":true}");
  // Nowhere in the audit trail: not the PIN, not the hash.
  CHECK(team.count("SELECT count(*) FROM audit_log WHERE before_json LIKE '%5802%' OR after_json LIKE '%5802%' "
                   "OR before_json LIKE '%argon%' OR after_json LIKE '%argon%'") == 0);
  CHECK(team.snapshot.find_staff("S02")->has_pin);
  CHECK(store::sign_in(team.db, "S02", "5802", t0).ok());
}

TEST_CASE("access store: a refused command writes nothing and its words never hold the PIN") {
  AccessTeam team;
  const auto audits = team.count("SELECT count(*) FROM audit_log");
  // A viewer-less author, a bad form, an unknown person: each refused, nothing written.
  CHECK_THROWS_WITH_AS(store::apply_commands(team.db, team.snapshot, {SetPin{"S03", "5802", "S02", t0}}),
                       "S02 is a nurse without the admin role: cannot set a PIN", store::CommandRefused);
  try {
    store::apply_commands(team.db, team.snapshot, {SetPin{"S03", "58021234567", "S01", t0}});
    FAIL("a PIN of 11 digits was accepted");
  } catch (const store::CommandRefused& e) {
    CHECK(std::string(e.what()).find("58021234567") == std::string::npos);
    CHECK(std::string(e.what()).find("a PIN is 4 to 8 digits") != std::string::npos);
  }
  CHECK_THROWS_AS(store::apply_commands(team.db, team.snapshot, {SetPin{"S99", "5802", "S01", t0}}), store::CommandRefused);
  // All or nothing: a good command before a bad one is rolled back too.
  CHECK_THROWS_AS(store::apply_commands(team.db, team.snapshot,
                                        {SetPin{"S03", "5802", "S01", t0}, RevokeRole{"S01", Role::admin, "S01", t0}}),
                  store::CommandRefused);
  CHECK(team.count("SELECT count(*) FROM staff_pin") == 0);
  CHECK(team.count("SELECT count(*) FROM audit_log") == audits);
  CHECK_FALSE(team.snapshot.find_staff("S03")->has_pin);
}

TEST_CASE("access store: grant and revoke change staff_role with one audit row each, before and after") {
  AccessTeam team;
  auto ids = store::apply_commands(team.db, team.snapshot,
                                   {GrantRole{"S02", Role::coordinator, "S01", t0}, GrantRole{"S02", Role::admin, "S01", t0},
                                    RevokeRole{"S01", Role::admin, "S02", t0}});
  REQUIRE(ids.size() == 3);
  CHECK(team.count("SELECT count(*) FROM staff_role WHERE staff_id = 'S02' AND role IN ('coordinator', 'admin')") == 2);
  CHECK(team.count("SELECT count(*) FROM staff_role WHERE staff_id = 'S01' AND role = 'admin'") == 0);
  CHECK(team.text("SELECT after_json FROM audit_log WHERE id = " + std::to_string(ids[0])) ==
        "{\"roles\":[\"viewer\",\"clinician\",\"coordinator\"],\"granted\":\"coordinator\"}");
  CHECK(team.text("SELECT command || ' ' || by_staff || ' ' || entity_id FROM audit_log WHERE id = " +
                  std::to_string(ids[2])) == "revoke_role S02 S01");
  // Now S02 is the only admin: their own admin role stays.
  CHECK_THROWS_WITH_AS(store::apply_commands(team.db, team.snapshot, {RevokeRole{"S02", Role::admin, "S02", t0}}),
                       doctest::Contains("is the last admin"), store::CommandRefused);
  const Snapshot reloaded = store::load_snapshot(team.db);
  CHECK(reloaded.find_staff("S02")->roles == team.snapshot.find_staff("S02")->roles);
}

TEST_CASE("access store: clear_pin removes the PIN (sign-in refused afterwards), audited without it") {
  AccessTeam team;
  store::apply_commands(team.db, team.snapshot, {SetPin{"S02", "5802", "S01", t0}});
  auto ids = store::apply_commands(team.db, team.snapshot, {ClearPin{"S02", "S01", t0}});
  CHECK(team.count("SELECT count(*) FROM staff_pin") == 0);
  CHECK(team.text("SELECT before_json || after_json FROM audit_log WHERE id = " + std::to_string(ids[0])) ==
        "{\"had_pin\":true}{\"had_pin\":false}");
  CHECK_FALSE(team.snapshot.find_staff("S02")->has_pin);
  CHECK_FALSE(store::sign_in(team.db, "S02", "5802", t0 + std::chrono::minutes(1)).ok());
}

TEST_CASE("access store: the snapshot holds each person's PIN state, wrong tries and when they were locked") {
  AccessTeam team;
  store::set_pin(team.db, "S02", "5802", "command-line", t0);
  Instant t = t0;
  for (int i = 0; i < 3; ++i) store::sign_in(team.db, "S02", "0000", t += std::chrono::seconds(1));
  Snapshot s = store::load_snapshot(team.db);
  CHECK(s.find_staff("S02")->has_pin);
  CHECK_FALSE(s.find_staff("S03")->has_pin);
  CHECK(s.find_staff("S02")->sign_in_failures.size() == 3);
  CHECK_FALSE(s.find_staff("S02")->locked_at);
  // Ten within the window lock the account; refresh_access picks that up without a full reload.
  for (int i = 0; i < 300 && !store::sign_in_status(team.db, "S02").locked; ++i)
    store::sign_in(team.db, "S02", "0000", t += std::chrono::seconds(10));  // tries while waiting are not checked
  store::refresh_access(team.db, team.snapshot);
  const Staff* m = team.snapshot.find_staff("S02");
  CHECK(m->locked);
  REQUIRE(m->locked_at);
  CHECK(m->sign_in_failures.size() >= 10);
  CHECK(m->roles == std::vector<Role>{Role::viewer, Role::clinician});
}

TEST_CASE("access store: clearing a lockout from the screen leaves no lock and no wrong tries in the snapshot") {
  AccessTeam team;
  store::set_pin(team.db, "S02", "5802", "command-line", t0);
  Instant t = t0;
  for (int i = 0; i < 300 && !store::sign_in_status(team.db, "S02").locked; ++i)
    store::sign_in(team.db, "S02", "0000", t += std::chrono::seconds(10));
  store::refresh_access(team.db, team.snapshot);
  REQUIRE(team.snapshot.find_staff("S02")->locked);
  store::apply_commands(team.db, team.snapshot, {ClearLockout{"S02", "S01", t}});
  const Staff* m = team.snapshot.find_staff("S02");
  CHECK_FALSE(m->locked);
  CHECK_FALSE(m->locked_at);
  CHECK(m->sign_in_failures.empty());
  const Snapshot reloaded = store::load_snapshot(team.db);
  CHECK(reloaded.find_staff("S02")->sign_in_failures.empty());
}
