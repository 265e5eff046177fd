// Migration 012 (session 11) makes the record's eight append-only tables refuse DELETE; a backup
// and restore still gives back every row of each, from this build's database and from an 011 one
// (restore fills a new file, where those tables are empty when it empties them), and the restored
// file refuses deletes too.
#include <doctest/doctest.h>

#include "archive/backup.hpp"
#include "archive_test_support.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <string>

using namespace vb;
using namespace vb::archive;
using namespace vb::archive::test;

namespace {

const Instant now = parse_stored_utc("2026-11-23T12:00:00Z");
const char* const record_tables[] = {"decision_log", "audit_log", "risk_change", "concern",
                                     "escalation_ack", "risk_reassessment", "transition_record", "carer_contact"};

using Raw = RawDatabase;

void ok(Raw& raw, const std::string& sql) {
  const std::string error = raw.exec(sql);
  REQUIRE_MESSAGE(error == "", sql << ": " << error);
}

// The demo team, with at least one synthetic row in each record table (the demo may leave some empty).
void make_database_with_records(const std::string& path) {
  make_demo_database(path);
  Raw raw(path);
  const std::string ep = "(SELECT min(id) FROM episode)", who = "(SELECT min(id) FROM staff)";
  ok(raw, "INSERT INTO decision_log (episode_id, at, decided_by, decision) VALUES (" + ep +
              ", '2026-11-20T10:00:00Z', " + who + ", 'continue home treatment')");
  ok(raw, "INSERT INTO audit_log (at, by_staff, command, entity, entity_id, before_json, after_json) VALUES "
          "('2026-11-20T10:00:00Z', 'S01', 'mark_visit', 'visit', '1', 'null', '{}')");
  ok(raw, "INSERT INTO risk_change (episode_id, at, from_level, to_level, by_staff, reason) VALUES (" + ep +
              ", '2026-11-20T10:01:00Z', 'low', 'high', " + who + ", 'carer call')");
  ok(raw, "INSERT INTO concern (episode_id, at, source, note, recorded_by) VALUES (" + ep +
              ", '2026-11-20T10:02:00Z', 'carer', 'not sleeping', " + who + ")");
  ok(raw, "INSERT INTO escalation_ack (episode_id, trigger, fired_at, acknowledged_by, at, note) VALUES (" + ep +
              ", 'carer_concern', '2026-11-20T10:02:00Z', " + who + ", '2026-11-20T10:05:00Z', 'seen')");
  ok(raw, "INSERT INTO risk_reassessment (episode_id, at, by_staff, risk_level, note) VALUES (" + ep +
              ", '2026-11-20T10:06:00Z', " + who + ", 'medium', 'settled')");
  ok(raw, "INSERT INTO transition_record (episode_id, item, at, by_staff, detail) VALUES (" + ep +
              ", 'joint_meeting', '2026-11-20T10:07:00Z', " + who + ", 'with CMHT')");
  ok(raw, "INSERT INTO key_person (person_id, name, relationship) VALUES ((SELECT person_id FROM episode WHERE id = " + ep +
              "), 'Synthetic Carer', 'partner')");
  ok(raw, "INSERT INTO carer_contact (key_person_id, episode_id, at, by_staff, outcome) VALUES ((SELECT max(id) FROM "
          "key_person), " + ep + ", '2026-11-20T10:08:00Z', " + who + ", 'reached')");
}

// Every row of `before` is in `after` (the restore appends its own audit row and nothing else).
void check_rows_kept(const std::string& original, const std::string& restored) {
  auto before = table_contents(original);
  auto after = table_contents(restored);
  for (const char* table : record_tables) {
    CAPTURE(table);
    const auto& b = before.at(table);
    const auto& a = after.at(table);
    REQUIRE_FALSE(b.empty());
    if (std::string(table) == "audit_log") {
      REQUIRE(a.size() == b.size() + 1);
      CHECK(std::includes(a.begin(), a.end(), b.begin(), b.end()));
    } else {
      CHECK(a == b);
    }
  }
}

void check_deletes_refused(const std::string& path) {
  Raw raw(path);
  for (const char* table : record_tables) {
    CAPTURE(table);
    CHECK(raw.exec(std::string("DELETE FROM ") + table).find(std::string(table) + " is append-only") != std::string::npos);
  }
}

}  // namespace

TEST_CASE("archive: backup and restore keep every row of the record's append-only tables, from this build and from schema 11") {
  TempDir dir;
  auto key = test_key(dir);
  const auto original = dir.file("records.db");
  make_database_with_records(original);

  SUBCASE("a backup made by this build") {
    {
      auto db = store::Database::open(original, store::OpenMode::existing);
      auto summary = write_backup(db, dir.file("records.vba"), key, now);
      CHECK(summary.header.schema_version == store::latest_schema_version());
    }
    restore_backup(dir.file("records.vba"), dir.file("copy.db"), key, now);
    check_rows_kept(original, dir.file("copy.db"));
    check_deletes_refused(dir.file("copy.db"));
  }
  SUBCASE("a backup made at schema 11 (before the delete triggers)") {
    {
      Raw raw(original);
      for (const char* table : record_tables) ok(raw, std::string("DROP TRIGGER ") + table + "_is_never_deleted");
      ok(raw, "PRAGMA user_version = 11");
      write_bytes(dir.file("records011.vba"), make_archive(raw.get(), key, now));
    }
    auto restored = restore_backup(dir.file("records011.vba"), dir.file("copy.db"), key, now);
    CHECK(restored.header.schema_version == 11);
    check_rows_kept(original, dir.file("copy.db"));
    check_deletes_refused(dir.file("copy.db"));
    auto db = store::Database::open(dir.file("copy.db"), store::OpenMode::existing);
    CHECK(db.schema_version() == store::latest_schema_version());
  }
}
