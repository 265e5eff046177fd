// Key person versions are kept (session 10, migration 011): a version cannot be deleted, one or all,
// while a restore from a backup still brings back every version (restore builds a new file, where
// the table is empty when it is emptied), a failed restore leaves no file, and an upgrade from a 010
// database makes each key person's latest version its row's details again, dated no earlier than
// the version it follows, or writes nothing at all.
#include <doctest/doctest.h>

#include "core/key_person_changes.hpp"
#include "core/key_person_versions.hpp"
#include "store/database.hpp"
#include "store/database_from_dump.hpp"
#include "store/migrations.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "store/store_test_support.hpp"
#include "store/table_dump.hpp"

#include <filesystem>

using namespace vb;
using namespace vb::store;
using namespace vb::store::test;

namespace {

const char* const all_versions = "SELECT * FROM key_person_version ORDER BY id";
const char* const refused_words = "key_person_version is append-only: a version is never deleted";

void make_full_database(const std::string& path) {
  auto db = Database::open(path, OpenMode::create_if_missing);
  write_snapshot(db, full_snapshot());
}

DatabaseDump dump_of(const std::string& path) {
  auto db = Database::open(path, OpenMode::existing);
  return dump_tables(db.handle());
}

TableRows& table_of(DatabaseDump& dump, const std::string& name) {
  for (auto& t : dump.tables) {
    if (t.name == name) return t;
  }
  FAIL("the dump has no table " << name);
  throw std::logic_error("unreachable");
}

// What a 010 database looks like: 011 only adds the delete trigger (and maybe versions); 012 only
// adds the record tables' delete triggers.
void back_to_010(RawConnection& raw) {
  drop_migration_012_triggers(raw);
  REQUIRE_MESSAGE(raw.exec("DROP TRIGGER key_person_version_is_never_deleted") == SQLITE_OK, raw.error());
  REQUIRE(raw.exec("PRAGMA user_version = 10") == SQLITE_OK);
}

void exec_ok(RawConnection& raw, const std::string& sql) { REQUIRE_MESSAGE(raw.exec(sql) == SQLITE_OK, raw.error()); }

std::string wall_clock_now(RawConnection& raw) {
  return rows_of(raw, "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')").substr(0, 20);
}

}  // namespace

TEST_CASE("store: a key person's versions cannot be deleted, one or all, nor the key person under them") {
  TempDir dir;
  const auto path = dir.file("kept.db");
  make_full_database(path);
  RawConnection raw(path);
  const std::string before = rows_of(raw, all_versions);
  REQUIRE(before != "");

  CHECK(raw.exec("DELETE FROM key_person_version WHERE id = 990") != SQLITE_OK);
  CHECK(raw.error().find(refused_words) != std::string::npos);
  CHECK(raw.exec("DELETE FROM key_person_version") != SQLITE_OK);  // no truncate shortcut past the trigger
  CHECK(raw.error().find(refused_words) != std::string::npos);
  CHECK(raw.exec("DELETE FROM key_person WHERE id = 970") != SQLITE_OK);  // its versions refer to it
  // In a transaction that has written first: the refused statement takes nothing with it, and the
  // transaction can still be rolled back whole.
  exec_ok(raw, "BEGIN");
  exec_ok(raw, "INSERT INTO key_person_version (key_person_id, effective_at, recorded_by, name, relationship, contact, "
               "consent_to_share) VALUES (970, '2026-11-25T10:00:00Z', 'S01', 'Mária Ó Súilleabháin', 'mother', '', 0)");
  CHECK(raw.exec("DELETE FROM key_person_version WHERE key_person_id = 970") != SQLITE_OK);
  CHECK(raw.query_int("SELECT count(*) FROM key_person_version WHERE key_person_id = 970") == 3);
  exec_ok(raw, "ROLLBACK");
  CHECK(rows_of(raw, all_versions) == before);
}

TEST_CASE("store: a restore from a dump brings back every key person version, and the restored file keeps them too") {
  TempDir dir;
  const auto original = dir.file("original.db");
  make_full_database(original);
  std::string versions, key_people;
  {
    RawConnection raw(original);
    versions = rows_of(raw, all_versions);
    key_people = rows_of(raw, "SELECT * FROM key_person ORDER BY id");
  }
  const DatabaseDump dump = dump_of(original);
  CHECK(dump.schema_version == latest_schema_version());

  SUBCASE("a backup made by this build") {
    const auto restored = dir.file("restored.db");
    create_database_from_dump(restored, dump, std::nullopt);
    RawConnection raw(restored);
    CHECK(rows_of(raw, all_versions) == versions);
    CHECK(rows_of(raw, "SELECT * FROM key_person ORDER BY id") == key_people);
    CHECK(raw.exec("DELETE FROM key_person_version WHERE id = 991") != SQLITE_OK);
    CHECK(raw.error().find(refused_words) != std::string::npos);
  }
  SUBCASE("a backup made at schema 010 (no delete trigger yet) is upgraded after its rows are in") {
    DatabaseDump old = dump;
    old.schema_version = 10;  // 011 changes no table or column, so the rows are a 010 backup's
    const auto restored = dir.file("restored010.db");
    create_database_from_dump(restored, old, std::nullopt);
    auto db = Database::open(restored, OpenMode::existing);
    CHECK(db.schema_version() == latest_schema_version());
    RawConnection raw(restored);
    CHECK(rows_of(raw, all_versions) == versions);  // consistent versions: the upgrade adds none
    CHECK(raw.exec("DELETE FROM key_person_version WHERE id = 991") != SQLITE_OK);
  }
}

TEST_CASE("store: a restore that fails on a key person version leaves no file behind and says which row") {
  TempDir dir;
  const auto original = dir.file("original.db");
  make_full_database(original);
  DatabaseDump dump = dump_of(original);
  TableRows& versions = table_of(dump, "key_person_version");
  REQUIRE(versions.rows.size() == 3);
  const auto restored = dir.file("restored.db");

  SUBCASE("a version of a key person the backup does not hold") {
    auto orphan = versions.rows.front();
    orphan[0] = std::int64_t{999};   // id
    orphan[1] = std::int64_t{4242};  // key_person_id
    versions.rows.push_back(orphan);
    const auto message = store_error_of([&] { create_database_from_dump(restored, dump, std::nullopt); });
    CHECK(message.find("table key_person_version, row 999 refers to a key_person that the archive does not hold") !=
          std::string::npos);
  }
  SUBCASE("a version breaking a rule of the table, after the others went in") {
    auto bad = versions.rows.back();
    bad[0] = std::int64_t{998};
    bad[7] = std::int64_t{2};  // consent_to_share is 0 or 1
    versions.rows.push_back(bad);
    const auto message = store_error_of([&] { create_database_from_dump(restored, dump, std::nullopt); });
    CHECK(message.find("table key_person_version, row 4") != std::string::npos);
    CHECK(message.find("consent_to_share_is_boolean") != std::string::npos);
  }
  CHECK_FALSE(std::filesystem::exists(restored));
  CHECK_FALSE(std::filesystem::exists(restored + "-wal"));
}

TEST_CASE("store: upgrading a 010 database makes every key person's latest version its row again, dated honestly") {
  TempDir dir;
  const auto path = dir.file("old.db");
  make_full_database(path);
  std::string clock_before, versions_before;
  {
    RawConnection raw(path);
    back_to_010(raw);
    // 970: its row was changed outside visitboard (a new number) after its last audited version
    // (20 Nov), and 010 upgraded it on a kiosk whose clock was behind: the catch-all version holding
    // the row's details is dated 10 Nov, so the 20 Nov version stays in effect for ever.
    exec_ok(raw, "UPDATE key_person SET contact = '07700 900999' WHERE id = 970");
    exec_ok(raw, "INSERT INTO key_person_version (id, key_person_id, effective_at, recorded_by, name, relationship, "
                 "contact, consent_to_share) VALUES (993, 970, '2026-11-10T00:00:00Z', NULL, 'Mária Ó Súilleabháin', "
                 "'mother', '07700 900999', 1)");
    // 974: carried over, then an audited change given a later `at` (2099), then its row changed
    // outside visitboard: the row's details follow the 2099 version, not the upgrade's clock.
    exec_ok(raw, "INSERT INTO key_person (id, person_id, name, relationship, contact, consent_to_share) "
                 "VALUES (974, 1, 'Robin', 'friend', 'C', 0)");
    exec_ok(raw, "INSERT INTO key_person_version (id, key_person_id, effective_at, recorded_by, name, relationship, "
                 "contact, consent_to_share) VALUES (994, 974, NULL, NULL, 'Robin', 'friend', 'A', 0), "
                 "(995, 974, '2099-01-01T00:00:00Z', 'S01', 'Robin', 'friend', 'B', 1)");
    // 975: only a carried-over version, not the row (changed outside visitboard after 010).
    exec_ok(raw, "INSERT INTO key_person (id, person_id, name, relationship, contact, consent_to_share) "
                 "VALUES (975, 1, 'Kit', 'neighbour', '', 1)");
    exec_ok(raw, "INSERT INTO key_person_version (id, key_person_id, effective_at, recorded_by, name, relationship, "
                 "contact, consent_to_share) VALUES (996, 975, NULL, NULL, 'Kit', 'neighbour', '', 0)");
    versions_before = rows_of(raw, all_versions);
    clock_before = wall_clock_now(raw);
  }
  auto db = Database::open(path, OpenMode::existing);
  CHECK(db.schema_version() == latest_schema_version());
  RawConnection raw(path);
  const std::string clock_after = wall_clock_now(raw);
  // Nothing before is touched; three versions are appended, one per key person whose latest was not its row.
  const std::string versions_after = rows_of(raw, all_versions);
  REQUIRE(versions_after.substr(0, versions_before.size()) == versions_before);
  CHECK(raw.query_int("SELECT count(*) FROM key_person_version") == 7 + 3);
  const std::string at_970 = rows_of(raw, "SELECT effective_at FROM key_person_version WHERE id = 997").substr(0, 20);
  CHECK(at_970 >= clock_before);  // the upgrade's clock: when visitboard first knew the new number
  CHECK(at_970 <= clock_after);
  CHECK(rows_of(raw, "SELECT key_person_id, recorded_by, contact, consent_to_share FROM key_person_version WHERE id = 997") ==
        "970|NULL|07700 900999|1\n");
  CHECK(rows_of(raw, "SELECT key_person_id, effective_at, recorded_by, contact FROM key_person_version WHERE id = 998") ==
        "974|2099-01-01T00:00:00Z|NULL|C\n");
  CHECK(rows_of(raw, "SELECT key_person_id, effective_at >= '" + clock_before + "', consent_to_share FROM key_person_version "
                     "WHERE id = 999") == "975|1|1\n");
  CHECK(raw.query_int("SELECT count(*) FROM pragma_foreign_key_check") == 0);

  const Snapshot s = load_snapshot(db);
  const KeyPerson* mother = find_key_person(s, 970);
  REQUIRE(mother);
  CHECK(key_person_version_at(*mother, utc("2026-11-25T00:00:00Z"))->contact == "07700 900123");  // as then recorded
  CHECK(key_person_version_at(*mother, utc("2030-01-01T00:00:00Z"))->contact == "07700 900999");  // the row, from now on
  const KeyPerson* robin = find_key_person(s, 974);
  REQUIRE(robin);
  CHECK(key_person_version_at(*robin, utc("2098-12-31T23:59:59Z"))->contact == "A");
  CHECK(key_person_version_at(*robin, utc("2099-01-01T00:00:00Z"))->contact == "C");  // same instant: the later id
  CHECK(find_key_person(s, 971)->versions.empty());  // no versions: its own details, always (untouched)
  CHECK(find_key_person(s, 972)->versions.size() == 1);  // already consistent (and removed): untouched
  CHECK(raw.exec("DELETE FROM key_person_version WHERE id = 997") != SQLITE_OK);
}

TEST_CASE("store: an upgrade to 011 that fails writes no version and leaves the database at 010") {
  TempDir dir;
  const auto path = dir.file("old.db");
  make_full_database(path);
  std::string versions_before;
  {
    RawConnection raw(path);
    back_to_010(raw);
    exec_ok(raw, "UPDATE key_person SET contact = '07700 900999' WHERE id = 970");  // a version is due
    // Another program's trigger of the same name: 011's CREATE TRIGGER fails after its INSERT ran.
    exec_ok(raw, "CREATE TRIGGER key_person_version_is_never_deleted AFTER INSERT ON staff BEGIN SELECT 1; END");
    versions_before = rows_of(raw, all_versions);
  }
  const auto message = store_error_of([&] { Database::open(path, OpenMode::existing); });
  CHECK(message.find("migration 11 (key_person_version_kept)") != std::string::npos);
  CHECK(message.find("already exists") != std::string::npos);
  CHECK(message.find("the database stays at schema 10") != std::string::npos);
  RawConnection raw(path);
  CHECK(raw.query_int("PRAGMA user_version") == 10);
  CHECK(rows_of(raw, all_versions) == versions_before);
}
