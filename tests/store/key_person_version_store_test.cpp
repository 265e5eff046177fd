// Versioned key person details in the store (session 9, migration 010): an upgrade from a 009
// database with data moves every key person into the new shape without loss (the history audit_log
// already kept becomes versions), the loader and writer round-trip versions, and bad stored versions
// are refused with table, row and column named.
#include <doctest/doctest.h>

#include "core/key_person_changes.hpp"
#include "core/key_person_versions.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "store/store_test_support.hpp"

using namespace vb;
using namespace vb::store;
using namespace vb::store::test;

namespace {

void audit(RawConnection& raw, const char* at, const char* by, const char* command, Id key_person, const char* before,
           const char* after) {
  const std::string sql = std::string("INSERT INTO audit_log (at, by_staff, command, entity, entity_id, before_json, after_json) VALUES ('") +
                          at + "', '" + by + "', '" + command + "', 'key_person', '" + std::to_string(key_person) + "', '" +
                          before + "', '" + after + "')";
  REQUIRE_MESSAGE(raw.exec(sql) == SQLITE_OK, raw.error());
}

// A database at schema 009 holding the full snapshot's key people (and everything else), with the
// history a 009 visitboard kept: the add and the corrections in audit_log, the row overwritten.
void make_009_database(const std::string& path) {
  {
    auto db = Database::open(path, OpenMode::create_if_missing);
    Snapshot s = full_snapshot();
    for (auto& k : s.key_people) k.versions.clear();  // 009 had none
    write_snapshot(db, s);
  }
  RawConnection raw(path);
  // 010 only adds key_person_version: without it (and its index and trigger) the schema is 009's.
  REQUIRE(raw.exec("DROP TABLE key_person_version") == SQLITE_OK);
  drop_migration_012_triggers(raw);  // 012 (session 11) adds only triggers
  REQUIRE(raw.exec("PRAGMA user_version = 9") == SQLITE_OK);
  // 970: added on 1 Nov without consent or a number, both given on 20 Nov.
  audit(raw, "2026-11-01T10:00:00Z", "S01", "add_key_person", 970, "null",
        R"({"person_id":1,"name":"Mária Ó Súilleabháin","relationship":"mother","contact":"","consent_to_share":false})");
  audit(raw, "2026-11-20T09:15:00Z", "S02", "update_key_person", 970,
        R"({"person_id":1,"name":"Mária Ó Súilleabháin","relationship":"mother","contact":"","consent_to_share":false})",
        R"({"person_id":1,"name":"Mária Ó Súilleabháin","relationship":"mother","contact":"07700 900123","consent_to_share":true})");
  // 971: imported, never changed: no audit row. 972: imported, then corrected once (name, consent).
  audit(raw, "2026-11-21T08:00:00Z", "S02", "update_key_person", 972,
        R"({"person_id":1,"name":"Zoe OBrien","relationship":"sister","contact":"07700 900456","consent_to_share":false})",
        R"({"person_id":1,"name":"Zoë O''Brien-Núñez","relationship":"sister","contact":"07700 900456","consent_to_share":true})");
  // 973: its row was changed outside visitboard after its last audited correction.
  REQUIRE(raw.exec("INSERT INTO key_person (id, person_id, name, relationship, contact, consent_to_share) "
                   "VALUES (973, 1, 'Robin', 'friend', '', 0)") == SQLITE_OK);
  audit(raw, "2026-11-22T08:00:00Z", "S01", "update_key_person", 973,
        R"({"person_id":1,"name":"Robin","relationship":"friend","contact":"","consent_to_share":false})",
        R"({"person_id":1,"name":"Robin","relationship":"friend","contact":"","consent_to_share":true})");
}

}  // namespace

TEST_CASE("store: upgrading a 009 database with key people keeps every row and turns the audited history into versions") {
  TempDir dir;
  const auto path = dir.file("old.db");
  make_009_database(path);
  std::string key_people_before, contacts_before, audit_before;
  {
    RawConnection raw(path);
    key_people_before = rows_of(raw, "SELECT * FROM key_person ORDER BY id");
    contacts_before = rows_of(raw, "SELECT * FROM carer_contact ORDER BY id");
    audit_before = rows_of(raw, "SELECT * FROM audit_log ORDER BY id");
  }
  auto db = Database::open(path, OpenMode::existing);
  CHECK(db.schema_version() == latest_schema_version());
  {
    RawConnection raw(path);
    CHECK(rows_of(raw, "SELECT * FROM key_person ORDER BY id") == key_people_before);  // nothing lost or changed
    CHECK(rows_of(raw, "SELECT * FROM carer_contact ORDER BY id") == contacts_before);
    CHECK(rows_of(raw, "SELECT * FROM audit_log ORDER BY id") == audit_before);
    CHECK(raw.query_int("SELECT count(*) FROM pragma_foreign_key_check") == 0);
    CHECK(rows_of(raw,
                  "SELECT key_person_id, effective_at, recorded_by, name, relationship, contact, consent_to_share "
                  "FROM key_person_version WHERE key_person_id <> 973 ORDER BY id") ==
          "970|2026-11-01T10:00:00Z|S01|Mária Ó Súilleabháin|mother||0\n"
          "970|2026-11-20T09:15:00Z|S02|Mária Ó Súilleabháin|mother|07700 900123|1\n"
          "971|NULL|NULL|Sam|friend||0\n"
          "972|NULL|NULL|Zoe OBrien|sister|07700 900456|0\n"
          "972|2026-11-21T08:00:00Z|S02|Zoë O'Brien-Núñez|sister|07700 900456|1\n");
    // 973: the audited versions, then the row as it is, from the upgrade (the row is never lost).
    CHECK(rows_of(raw, "SELECT effective_at IS NULL, recorded_by, consent_to_share FROM key_person_version "
                       "WHERE key_person_id = 973 ORDER BY id") == "1|NULL|0\n0|S01|1\n0|NULL|0\n");
  }
  const Snapshot s = load_snapshot(db);
  const KeyPerson* mother = find_key_person(s, 970);
  REQUIRE(mother);
  REQUIRE(mother->versions.size() == 2);
  CHECK_FALSE(key_person_consents_at(*mother, utc("2026-11-20T09:14:59Z")));
  CHECK(key_person_consents_at(*mother, utc("2026-11-20T09:15:00Z")));
  CHECK_FALSE(key_person_listed_at(*mother, utc("2026-11-01T09:59:59Z")));  // added at 10:00
  const KeyPerson* sister = find_key_person(s, 972);
  REQUIRE(sister);
  CHECK(key_person_label_at(*sister, utc("2026-11-01T00:00:00Z")) == "Zoe OBrien (sister)");
  CHECK(sister->ended_at.has_value());  // the removal is untouched
  const KeyPerson* robin = find_key_person(s, 973);
  REQUIRE(robin);
  CHECK(robin->versions.size() == 3);
  CHECK_FALSE(key_person_consents_at(*robin, utc("2030-01-01T00:00:00Z")));  // the row's own details, latest
}

TEST_CASE("store: key person versions survive writing and loading, and history cannot be rewritten") {
  TempDir dir;
  auto db = Database::open(dir.file("v.db"), OpenMode::create_if_missing);
  write_snapshot(db, full_snapshot());
  const Snapshot s = load_snapshot(db);
  const KeyPerson* mother = find_key_person(s, 970);
  REQUIRE(mother);
  REQUIRE(mother->versions.size() == 2);
  CHECK(mother->versions[0].id == 990);
  CHECK(mother->versions[1].recorded_by == "S02");
  CHECK(find_key_person(s, 971)->versions.empty());
  CHECK_FALSE(find_key_person(s, 972)->versions.front().effective_at);
  RawConnection raw(dir.file("v.db"));
  CHECK(raw.exec("UPDATE key_person_version SET consent_to_share = 1 WHERE id = 990") != SQLITE_OK);
  CHECK(raw.error().find("key_person_version is append-only") != std::string::npos);
  CHECK(raw.exec("INSERT INTO key_person_version (key_person_id, effective_at, name, relationship, consent_to_share) "
                 "VALUES (970, '2026-11-20 09:15', 'A', 'mother', 1)") != SQLITE_OK);  // not a UTC instant
}

TEST_CASE("store: a stored version naming a key person that does not exist is refused with table, row and column") {
  TempDir dir;
  const auto path = dir.file("bad.db");
  { auto db = Database::open(path, OpenMode::create_if_missing); write_snapshot(db, full_snapshot()); }
  {
    RawConnection raw(path);
    REQUIRE(raw.exec("PRAGMA foreign_keys = OFF") == SQLITE_OK);
    REQUIRE(raw.exec("INSERT INTO key_person_version (id, key_person_id, effective_at, name, relationship, consent_to_share) "
                     "VALUES (999, 4242, '2026-11-20T09:15:00Z', 'A', 'mother', 1)") == SQLITE_OK);
  }
  auto db = Database::open(path, OpenMode::existing);
  const auto message = store_error_of([&] { load_snapshot(db); });
  CHECK(message.find("table key_person_version, row 999, column key_person_id: key person 4242 does not exist") != std::string::npos);
}
