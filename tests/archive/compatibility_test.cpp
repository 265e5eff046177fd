// The checked-in archive from format version 1 (schema 1) still restores, migrated to today's
// schema; and how that file was made, so it can be made again for a future format version.
#include <doctest/doctest.h>

#include "archive/backup.hpp"
#include "archive_test_support.hpp"
#include "store/migrations.hpp"
#include "store/statement.hpp"
#include "store/table_dump.hpp"

#include <cstdlib>

using namespace vb;
using namespace vb::archive;
using namespace vb::archive::test;

namespace {
const Instant now = parse_stored_utc("2026-11-23T12:00:00Z");
}

TEST_CASE("archive: the checked-in format 1 archive (schema 1) restores and migrates to this build's schema") {
  TempDir dir;
  auto key = test_key(dir);
  auto summary = restore_backup(data_file("v1_small.vba"), dir.file("old.db"), key, now);
  CHECK(summary.header.format_version == 1);
  CHECK(summary.header.schema_version == 1);
  auto db = store::Database::open(dir.file("old.db"), store::OpenMode::existing);
  CHECK(db.schema_version() == store::latest_schema_version());
  auto tables = table_contents(dir.file("old.db"));
  CHECK(tables.at("staff").size() == 2);
  CHECK(tables.at("visit").size() == 2);
  CHECK(tables.at("person").front().find("'Ünal'") != std::string::npos);
  CHECK(tables.at("audit_log").size() == 2);  // the archived one and the restore's
}

// Run by hand (`archive_tests -tc='*regenerate*' -nv`... with VB_WRITE_FIXTURE=1) only when a new
// format version needs a new fixture; the checked-in file is the point, never rewrite v1.
TEST_CASE("archive: regenerate the v1 fixture" * doctest::skip()) {
  if (!std::getenv("VB_WRITE_FIXTURE")) return;
  TempDir dir;
  auto key = test_key(dir);
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(dir.file("v1.db").c_str(), &db) == SQLITE_OK);
  store::migrate(db, 1);
  store::execute(db, R"(
    INSERT INTO team VALUES (1, 'Fixture Team', 'Europe/London');
    INSERT INTO staff VALUES ('S01', 1, 'Ada Example', 'AE', 'nurse', 0, 1), ('S02', 1, 'Bo Example', 'BE', 'consultant', 1, 1);
    INSERT INTO staff_skill VALUES ('S02', 'senior_reviewer', 0), ('S02', 'prescriber', 1);
    INSERT INTO person VALUES (1, 1, 'HT-1', '9990000018', 'Ayşe', 'Ünal', '1980-02-29', 1.5, -2.25);
    INSERT INTO episode (id, person_id, team_id, referral_at, accepted_at, zone, named_worker)
      VALUES (1, 1, 1, '2026-11-20T09:00:00Z', '2026-11-20T11:00:00Z', 'red', 'S01');
    INSERT INTO visit (id, episode_id, local_date, window_start, window_end, status, staff1, reason, outcome_at)
      VALUES (1, 1, '2026-11-21', '2026-11-21T09:00:00Z', '2026-11-21T10:00:00Z', 'no_access', 'S01', 'no answer, "left card"', '2026-11-21T09:40:00Z'),
             (2, 1, '2026-11-21', '2026-11-21T13:00:00Z', '2026-11-21T14:00:00Z', 'planned', NULL, '', NULL);
    UPDATE visit SET follow_up_of = 1 WHERE id = 2;
    INSERT INTO audit_log (at, by_staff, command, entity, entity_id, before_json, after_json)
      VALUES ('2026-11-21T09:40:00Z', 'S01', 'mark_visit', 'visit', '1', '{"status":"planned"}', '{"status":"no_access"}');
    INSERT INTO meta VALUES ('note', 'line one
line two');
  )");
  std::string bytes = make_archive(db, key, now);
  sqlite3_close(db);
  write_bytes(data_file("v1_small.vba"), bytes);
}
