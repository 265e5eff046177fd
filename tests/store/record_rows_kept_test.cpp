// The record is never shortened (session 11, migration 012): decision_log, audit_log, risk_change,
// concern, escalation_ack, risk_reassessment, transition_record and carer_contact refuse DELETE, one
// row or all, with the table named; a database at 011 holding rows is upgraded with every row kept;
// an upgrade that fails leaves it at 011 as it was; and every command that deletes other rows
// (step-down/step-up regeneration, closing an episode, removing a shift, roles, PINs, sign-in
// failures and locks) still works on a database holding rows in all eight tables.
#include <doctest/doctest.h>

#include "core/local_time.hpp"
#include "store/access_rows.hpp"
#include "store/command_board.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/sign_in.hpp"
#include "store/store_test_support.hpp"

#include <map>

using namespace vb;
using namespace vb::store;
using namespace vb::store::test;

namespace {

const char* const now = "2026-11-16T10:30:00Z";  // episode 10 is on alternate days (step_down_store_test)

void exec_ok(RawConnection& raw, const std::string& sql) { REQUIRE_MESSAGE(raw.exec(sql) == SQLITE_OK, raw.error()); }

// One audit row as a command of an older visitboard would have left it (full_snapshot has none).
void add_audit_row(RawConnection& raw) {
  exec_ok(raw, "INSERT INTO audit_log (at, by_staff, command, entity, entity_id, before_json, after_json) VALUES "
               "('2026-11-15T09:00:00Z', 'S01', 'mark_visit', 'visit', '100', '{\"status\":\"planned\"}', "
               "'{\"status\":\"done\"}')");
}

std::map<std::string, std::string> record_rows(RawConnection& raw) {
  std::map<std::string, std::string> out;
  for (const char* t : record_tables) out[t] = rows_of(raw, std::string("SELECT * FROM ") + t + " ORDER BY id");
  return out;
}

void make_database(const std::string& path) {
  {
    auto db = Database::open(path, OpenMode::create_if_missing);
    write_snapshot(db, full_snapshot());
  }
  RawConnection raw(path);
  add_audit_row(raw);
}

// An 011 database: 012 adds only the eight triggers.
void back_to_011(const std::string& path) {
  RawConnection raw(path);
  drop_migration_012_triggers(raw);
  exec_ok(raw, "PRAGMA user_version = 11");
}

std::string triggers(RawConnection& raw) {
  return rows_of(raw, "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' ORDER BY name");
}

}  // namespace

TEST_CASE("store: no row of the clinical or audit record can be deleted, one or all, and the refusal names the table") {
  TempDir dir;
  const auto path = dir.file("record.db");
  make_database(path);
  RawConnection raw(path);
  const auto before = record_rows(raw);
  for (const char* table : record_tables) {
    CAPTURE(table);
    const std::string t = table;
    REQUIRE(raw.query_int("SELECT count(*) FROM " + t) > 0);
    const std::string words = t + " is append-only: ";
    CHECK(raw.exec("DELETE FROM " + t + " WHERE id = (SELECT max(id) FROM " + t + ")") != SQLITE_OK);
    CHECK(raw.error().find(words) != std::string::npos);
    CHECK(raw.error().find("never deleted") != std::string::npos);
    CHECK(raw.exec("DELETE FROM " + t) != SQLITE_OK);  // no emptying shortcut past the trigger
    CHECK(raw.error().find(words) != std::string::npos);
    // Inside a transaction that has written: the refused statement takes nothing with it.
    exec_ok(raw, "BEGIN");
    add_audit_row(raw);
    CHECK(raw.exec("DELETE FROM " + t) != SQLITE_OK);
    CHECK(raw.query_int("SELECT count(*) FROM audit_log") == 2);
    exec_ok(raw, "ROLLBACK");
  }
  CHECK(record_rows(raw) == before);
  // Their parents cannot go from under them either (plain foreign keys, no cascade).
  CHECK(raw.exec("DELETE FROM episode WHERE id = 10") != SQLITE_OK);
  CHECK(raw.exec("DELETE FROM key_person WHERE id = 971") != SQLITE_OK);
  CHECK(record_rows(raw) == before);
}

TEST_CASE("store: upgrading an 011 database that holds records keeps every row and then refuses deletes") {
  TempDir dir;
  const auto path = dir.file("old.db");
  make_database(path);
  back_to_011(path);
  std::map<std::string, std::string> before;
  std::string other_rows;
  {
    RawConnection raw(path);
    before = record_rows(raw);
    other_rows = rows_of(raw, "SELECT * FROM visit ORDER BY id") + rows_of(raw, "SELECT * FROM key_person_version ORDER BY id");
    // At 011 a delete went through (what 012 stops): tried and rolled back.
    exec_ok(raw, "BEGIN");
    CHECK(raw.exec("DELETE FROM concern") == SQLITE_OK);
    exec_ok(raw, "ROLLBACK");
  }
  auto db = Database::open(path, OpenMode::existing);
  CHECK(db.schema_version() == latest_schema_version());
  RawConnection raw(path);
  CHECK(record_rows(raw) == before);
  CHECK(rows_of(raw, "SELECT * FROM visit ORDER BY id") + rows_of(raw, "SELECT * FROM key_person_version ORDER BY id") ==
        other_rows);
  CHECK(raw.query_int("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_is\\_never\\_deleted' "
                      "ESCAPE '\\'") == 9);  // eight + key_person_version's (011)
  for (const char* table : record_tables) {
    CAPTURE(table);
    CHECK(raw.exec(std::string("DELETE FROM ") + table) != SQLITE_OK);
    CHECK(raw.error().find(std::string(table) + " is append-only") != std::string::npos);
  }
  CHECK(record_rows(raw) == before);
}

TEST_CASE("store: an upgrade to 012 that fails leaves the database at 011 with its rows and triggers as they were") {
  TempDir dir;
  const auto path = dir.file("old.db");
  make_database(path);
  back_to_011(path);
  std::map<std::string, std::string> before;
  std::string triggers_before;
  {
    RawConnection raw(path);
    // Another program's trigger of the name 012 gives its last one: 012 fails after seven went in.
    exec_ok(raw, "CREATE TRIGGER carer_contact_is_never_deleted AFTER INSERT ON staff BEGIN SELECT 1; END");
    before = record_rows(raw);
    triggers_before = triggers(raw);
  }
  const auto message = store_error_of([&] { Database::open(path, OpenMode::existing); });
  CHECK(message.find("migration 12 (record_rows_kept)") != std::string::npos);
  CHECK(message.find("already exists") != std::string::npos);
  CHECK(message.find("the database stays at schema 11") != std::string::npos);
  RawConnection raw(path);
  CHECK(raw.query_int("PRAGMA user_version") == 11);
  CHECK(triggers(raw) == triggers_before);  // none of the seven that went in before the failure stayed
  CHECK(record_rows(raw) == before);
}

TEST_CASE("store: the commands that delete visits, shifts, roles, PINs and sign-in rows still work beside a full record") {
  CommandBoard b("kept.db", "");
  RawConnection raw(b.db.path());
  add_audit_row(raw);
  auto before = record_rows(raw);
  for (const auto& [table, rows] : before) {
    CAPTURE(table);
    REQUIRE(rows != "");
  }
  long long audit_rows = raw.query_int("SELECT count(*) FROM audit_log");
  // After each step every row the record held is still there, byte for byte (new ones follow).
  auto record_kept = [&](const char* step) {
    CAPTURE(step);
    const auto after = record_rows(raw);
    for (const auto& [table, rows] : before) {
      CAPTURE(table);
      CHECK(after.at(table).substr(0, rows.size()) == rows);
    }
    const auto audits = raw.query_int("SELECT count(*) FROM audit_log");
    CHECK(audits > audit_rows);  // the step was audited, in the table it cannot shorten
    audit_rows = audits;
    before = after;
  };
  const Instant t = utc(now);
  const char* const visit_ids = "SELECT group_concat(id) FROM (SELECT id FROM visit ORDER BY id)";
  // Whether some visit that was there before is gone now (a regeneration did delete).
  auto some_visit_deleted = [&](const std::string& ids_before) {
    const std::string ids_now = "," + b.text(visit_ids) + ",";
    size_t from = 0;
    const std::string list = ids_before + ",";
    for (size_t comma; (comma = list.find(',', from)) != std::string::npos; from = comma + 1) {
      if (ids_now.find("," + list.substr(from, comma - from) + ",") == std::string::npos) return true;
    }
    return false;
  };

  // Roles replaced (deletes staff_role rows), then granted and revoked from the screen.
  set_roles(b.db, "S01", {Role::viewer, Role::clinician, Role::coordinator, Role::admin}, "command-line", t);
  record_kept("set roles");
  b.snapshot = load_snapshot(b.db);
  apply_commands(b.db, b.snapshot, {GrantRole{"S03", Role::manager, "S01", t}, RevokeRole{"S03", Role::coordinator, "S01", t}});
  CHECK(b.count("SELECT count(*) FROM staff_role WHERE staff_id = 'S03' AND role = 'coordinator'") == 0);
  record_kept("grant and revoke");

  // Step-down and step-up regeneration delete future generated visits.
  apply_commands(b.db, b.snapshot,
                 {RecordReassessment{10, RiskLevel::medium, "calmer; safety plan reviewed", "S01", t},
                  StepDown{10, "agreed with the person", "S01", t}});
  record_kept("step down");
  std::string ids = b.text(visit_ids);
  apply_commands(b.db, b.snapshot, {StepUp{10, "carer reports voices returning", 4, "S01", t}});
  CHECK(some_visit_deleted(ids));  // twice weekly's future visits made way for twice daily
  record_kept("step up");

  // A shift added and removed.
  apply_commands(b.db, b.snapshot, {AddShift{"S03", ShiftKind::night, *parse_date("2026-11-25"), "S01", t}});
  const Id shift = b.snapshot.shifts.back().id;
  apply_commands(b.db, b.snapshot, {RemoveShift{shift, "swapped", "S01", t}});
  CHECK(b.count("SELECT count(*) FROM shift WHERE id = " + std::to_string(shift)) == 0);
  record_kept("remove shift");

  // A PIN, wrong tries (a success clears them), a lock cleared, the PIN cleared.
  set_pin(b.db, "S03", "5802", "command-line", t);
  Instant when = t;
  sign_in(b.db, "S03", "0000", when += std::chrono::seconds(10));
  CHECK(sign_in(b.db, "S03", "5802", when += std::chrono::minutes(5)).ok());
  CHECK(sign_in_status(b.db, "S03").failures.empty());
  for (int i = 0; i < 300 && !sign_in_status(b.db, "S03").locked; ++i) sign_in(b.db, "S03", "0000", when += std::chrono::seconds(10));
  REQUIRE(sign_in_status(b.db, "S03").locked);
  refresh_access(b.db, b.snapshot);
  apply_commands(b.db, b.snapshot, {ClearLockout{"S03", "S01", when}});
  CHECK_FALSE(sign_in_status(b.db, "S03").locked);
  apply_commands(b.db, b.snapshot, {ClearPin{"S03", "S01", when}});
  CHECK(b.count("SELECT count(*) FROM staff_pin") == 0);
  record_kept("sign-in and PINs");

  // Closing an episode deletes its future visits, generated and added by hand.
  ids = b.text(visit_ids);
  apply_commands(b.db, b.snapshot, {CloseEpisode{10, "resolved", "cmht", "person moved out of area", "S01", when}});
  CHECK(b.count("SELECT count(*) FROM visit WHERE episode_id = 10 AND status = 'planned' AND plan_slot IS NOT NULL AND "
                "window_start > '" + format_utc(when) + "'") == 0);
  CHECK(some_visit_deleted(ids));
  record_kept("close episode");
}
