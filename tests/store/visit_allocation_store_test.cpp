// When a visit was allocated, and by whom (migration 007): written by the allocation commands in
// their own transaction, kept across a reallocation, cleared by unallocation, reloaded, and filled
// in from the audit log for visits allocated before the migration.
#include <doctest/doctest.h>

#include "store/command_store.hpp"
#include "store/migrations.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "store/store_test_support.hpp"

using namespace vb;
using namespace vb::store;
using namespace vb::store::test;

namespace {

struct Board {
  TempDir dir;
  std::string path = dir.file("board.db");
  Database db;
  Snapshot snapshot;

  Board() : db(Database::open(path, OpenMode::create_if_missing)) {
    Snapshot s = full_snapshot();
    s.staff[0].roles.push_back(Role::coordinator);
    Visit v;
    v.id = 2001;
    v.episode_id = 10;
    v.date = *parse_date("2026-11-23");
    v.window_start = utc("2026-11-23T14:15:00Z");  // S01 early and S03 late both on
    v.window_end = utc("2026-11-23T15:00:00Z");
    v.duration_min = 45;
    v.out_of_hours = true;
    s.visits.push_back(v);
    write_snapshot(db, s);
    snapshot = load_snapshot(db);
  }
  std::string in_file(Id visit) {
    auto st = db.prepare("SELECT coalesce(allocated_at, '-') || ' ' || coalesce(allocated_by, '-') FROM visit WHERE id = ?1");
    st.bind_int(1, visit);
    return st.step() ? st.column_text(0) : "(none)";
  }
};

}  // namespace

TEST_CASE("store: allocating a visit records when and by whom, kept when it moves to another worker") {
  Board b;
  apply_commands(b.db, b.snapshot, {AllocateVisit{2001, "S03", "", "S01", utc("2026-11-23T12:10:00Z")}});
  CHECK(b.in_file(2001) == "2026-11-23T12:10:00Z S01");
  CHECK(b.snapshot.find_visit(2001)->allocated_at == utc("2026-11-23T12:10:00Z"));
  // Moved to someone else later: the visit has been covered since 12:10.
  apply_commands(b.db, b.snapshot, {AllocateVisit{2001, "S01", "", "S01", utc("2026-11-23T15:00:00Z")}});
  CHECK(b.in_file(2001) == "2026-11-23T12:10:00Z S01");
  const Snapshot again = load_snapshot(b.db);
  CHECK(again.find_visit(2001)->allocated_at == utc("2026-11-23T12:10:00Z"));
  CHECK(again.find_visit(2001)->allocated_by == "S01");
}

TEST_CASE("store: unallocating clears the allocation time; allocating again records the new one") {
  Board b;
  apply_commands(b.db, b.snapshot, {AllocateVisit{2001, "S03", "", "S01", utc("2026-11-23T12:10:00Z")}});
  apply_commands(b.db, b.snapshot, {UnallocateVisit{2001, "off sick", "S01", utc("2026-11-23T14:00:00Z")}});
  CHECK(b.in_file(2001) == "- -");
  CHECK_FALSE(b.snapshot.find_visit(2001)->allocated_at);
  AllocateVisits batch{{AllocateVisit{2001, "S03", "", "", {}}}, "S01", utc("2026-11-23T16:05:00Z")};
  apply_commands(b.db, b.snapshot, {batch});
  CHECK(b.in_file(2001) == "2026-11-23T16:05:00Z S01");
  CHECK(load_snapshot(b.db).find_visit(2001)->allocated_at == utc("2026-11-23T16:05:00Z"));
}

TEST_CASE("store: migration 007 fills in allocation times from the audit log") {
  TempDir dir;
  const auto path = dir.file("old.db");
  {
    RawConnection raw(path);
    migrate(raw.handle(), 6);
    const char* rows[] = {
        "INSERT INTO team (id, name) VALUES (1, 'T')",
        "INSERT INTO staff (id, team_id, name, initials, discipline) VALUES ('S01', 1, 'A', 'A', 'nurse')",
        "INSERT INTO person (id, team_id, local_id, given_name, family_name, date_of_birth) VALUES (1, 1, 'P1', 'A', 'B', '1980-01-01')",
        "INSERT INTO episode (id, person_id, team_id, referral_at, accepted_at) VALUES (1, 1, 1, '2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z')",
        // 1: allocated at 12:00, moved at 15:00 (its allocation began at 12:00). 2: allocated, unallocated,
        // allocated again at 17:00. 3: allocated then unallocated (none now). 4: allocated with no audit row.
        "INSERT INTO visit (id, episode_id, local_date, window_start, window_end, staff1) VALUES "
        "(1, 1, '2026-11-23', '2026-11-23T18:00:00Z', '2026-11-23T19:00:00Z', 'S01'), "
        "(2, 1, '2026-11-23', '2026-11-23T18:00:00Z', '2026-11-23T19:00:00Z', 'S01'), "
        "(3, 1, '2026-11-23', '2026-11-23T18:00:00Z', '2026-11-23T19:00:00Z', NULL), "
        "(4, 1, '2026-11-23', '2026-11-23T18:00:00Z', '2026-11-23T19:00:00Z', 'S01')",
        "INSERT INTO audit_log (at, by_staff, command, entity, entity_id, before_json, after_json) VALUES "
        "('2026-11-23T12:00:00Z', 'S09', 'allocate_visit', 'visit', '1', '{\"staff1\":null,\"staff2\":null}', '{\"staff1\":\"S02\",\"staff2\":null}'), "
        "('2026-11-23T15:00:00Z', 'S08', 'allocate_visit', 'visit', '1', '{\"staff1\":\"S02\",\"staff2\":null}', '{\"staff1\":\"S01\",\"staff2\":null}'), "
        "('2026-11-23T11:00:00Z', 'S09', 'allocate_visits', 'visit', '2', '{\"staff1\":null,\"staff2\":null}', '{\"staff1\":\"S01\",\"staff2\":null}'), "
        "('2026-11-23T13:00:00Z', 'S09', 'unallocate_visit', 'visit', '2', '{\"staff1\":\"S01\",\"staff2\":null}', '{\"staff1\":null,\"staff2\":null}'), "
        "('2026-11-23T17:00:00Z', 'S07', 'allocate_visits', 'visit', '2', '{\"staff1\":null,\"staff2\":null}', '{\"staff1\":\"S01\",\"staff2\":null}'), "
        "('2026-11-23T12:00:00Z', 'S09', 'allocate_visit', 'visit', '3', '{\"staff1\":null,\"staff2\":null}', '{\"staff1\":\"S01\",\"staff2\":null}'), "
        "('2026-11-23T12:30:00Z', 'S09', 'unallocate_visit', 'visit', '3', '{\"staff1\":\"S01\",\"staff2\":null}', '{\"staff1\":null,\"staff2\":null}')",
    };
    for (const char* sql : rows) REQUIRE_MESSAGE(raw.exec(sql) == SQLITE_OK, raw.error());
  }
  auto db = Database::open(path, OpenMode::existing);
  auto text = [&](const char* sql) {
    auto st = db.prepare(sql);
    return st.step() ? st.column_text(0) : std::string("(none)");
  };
  CHECK(text("SELECT allocated_at || ' ' || allocated_by FROM visit WHERE id = 1") == "2026-11-23T12:00:00Z S09");
  CHECK(text("SELECT allocated_at || ' ' || allocated_by FROM visit WHERE id = 2") == "2026-11-23T17:00:00Z S07");
  CHECK(query_int(db.handle(), "SELECT count(*) FROM visit WHERE id IN (3, 4) AND allocated_at IS NULL AND allocated_by IS NULL") == 2);
}
