// Backup then restore gives back every table row for row; the live file is replaced atomically and
// the old one kept.
#include <doctest/doctest.h>

#include "archive/backup.hpp"
#include "archive_test_support.hpp"
#include "store/database.hpp"

#include <filesystem>

using namespace vb;
using namespace vb::archive;
using namespace vb::archive::test;

namespace {
const Instant now = parse_stored_utc("2026-11-23T12:00:00Z");
}

TEST_CASE("archive: a demo database restores with every table identical, plus one 'restore' audit row") {
  TempDir dir;
  auto key = test_key(dir);
  make_demo_database(dir.file("demo.db"));
  auto db = store::Database::open(dir.file("demo.db"), store::OpenMode::existing);
  auto summary = write_backup(db, dir.file("demo.vba"), key, now);
  CHECK(summary.header.total_rows() > 20000);
  CHECK(summary.header.team != "");

  auto restored = restore_backup(dir.file("demo.vba"), dir.file("copy.db"), key, now);
  CHECK_FALSE(restored.replaced_existing);
  auto before = table_contents(dir.file("demo.db"));
  auto after = table_contents(dir.file("copy.db"));
  REQUIRE(before.size() == after.size());
  for (const auto& [table, rows] : before) {
    CAPTURE(table);
    if (table == "audit_log" || table == "sqlite_sequence") continue;
    CHECK(rows == after.at(table));
  }
  // audit_log: the same rows, then the restore's own entry.
  auto audit = after.at("audit_log");
  REQUIRE(audit.size() == before.at("audit_log").size() + 1);
  CHECK(audit.back().find("'restore'") != std::string::npos);
}

TEST_CASE("archive: restoring over an existing database keeps the old file as .previous") {
  TempDir dir;
  auto key = test_key(dir);
  make_demo_database(dir.file("demo.db"));
  {
    auto db = store::Database::open(dir.file("demo.db"), store::OpenMode::existing);
    write_backup(db, dir.file("demo.vba"), key, now);
    db.exec("UPDATE visit SET reason = 'changed after the backup' WHERE id = (SELECT min(id) FROM visit)");
  }
  auto changed = table_contents(dir.file("demo.db"));
  auto result = restore_backup(dir.file("demo.vba"), dir.file("demo.db"), key, now);
  CHECK(result.replaced_existing);
  CHECK(table_contents(dir.file("demo.db.previous")).at("visit") == changed.at("visit"));
  CHECK(table_contents(dir.file("demo.db")).at("visit") != changed.at("visit"));
  CHECK_FALSE(std::filesystem::exists(dir.file("demo.db.restoring")));
}

TEST_CASE("archive: a backup is taken from one consistent read while another connection writes") {
  TempDir dir;
  auto key = test_key(dir);
  make_demo_database(dir.file("demo.db"));
  auto reader = store::Database::open(dir.file("demo.db"), store::OpenMode::existing);
  auto writer = store::Database::open(dir.file("demo.db"), store::OpenMode::existing);
  // A writer committing before and after: the archive holds exactly what was committed at its read.
  writer.exec("UPDATE meta SET value = value WHERE key = 'demo'");
  write_backup(reader, dir.file("a.vba"), key, now);
  writer.exec("DELETE FROM staff_skill");
  restore_backup(dir.file("a.vba"), dir.file("copy.db"), key, now);
  CHECK_FALSE(table_contents(dir.file("copy.db")).at("staff_skill").empty());
}
