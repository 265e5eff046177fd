// Commands: one transaction per batch, one audit row per command, all or nothing.
#include <doctest/doctest.h>

#include "store/command_store.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "store/store_test_support.hpp"

#include <nlohmann/json.hpp>

using namespace vb;
using namespace vb::store;
using namespace vb::store::test;
using Json = nlohmann::json;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The full snapshot plus `extra` planned visits 1000, 1001 ... (09:00-10:00 UTC on 23 Nov).
struct Board {
  TempDir dir;
  std::string path = dir.file("board.db");
  Database db;
  Snapshot snapshot;

  explicit Board(int extra = 3) : db(Database::open(path, OpenMode::create_if_missing)) {
    Snapshot s = full_snapshot();
    for (int i = 0; i < extra; ++i) {
      Visit v = s.visits.front();
      v.id = 1000 + i;
      v.status = VisitStatus::planned;
      v.outcome_at.reset();
      v.reason.clear();
      v.staff2.clear();
      v.double_up = false;
      s.visits.push_back(v);
    }
    write_snapshot(db, s);
    snapshot = load_snapshot(db);
  }

  long long count(const std::string& sql) { return query_int(db.handle(), sql); }
  std::string status_in_file(Id visit) {
    auto st = db.prepare("SELECT status FROM visit WHERE id = ?1");
    st.bind_int(1, visit);
    return st.step() ? st.column_text(0) : "(none)";
  }
};

Command mark(Id visit, VisitStatus status, std::string reason = "", const char* at = "2026-11-23T10:30:00Z",
             std::string by = "S01") {
  return MarkVisit{visit, status, std::move(reason), std::move(by), utc(at)};
}

}  // namespace

TEST_CASE("store: marking a visit writes the change and exactly one audit row with before and after") {
  Board b;
  auto ids = apply_commands(b.db, b.snapshot, {mark(1000, VisitStatus::no_access, "no answer")});
  REQUIRE(ids.size() == 1);
  CHECK(b.count("SELECT count(*) FROM audit_log") == 1);
  auto row = audit_row(b.db, ids[0]);
  CHECK(row.at == "2026-11-23T10:30:00Z");
  CHECK(row.by == "S01");
  CHECK(row.command == "mark_visit");
  CHECK(row.entity == "visit");
  CHECK(row.entity_id == "1000");
  CHECK(row.before == Json{{"status", "planned"}, {"reason", ""}});
  CHECK(row.after == Json{{"status", "no_access"}, {"reason", "no answer"}, {"outcome_at", "2026-11-23T10:30:00Z"}});

  CHECK(b.status_in_file(1000) == "no_access");
  CHECK(b.count("SELECT count(*) FROM visit WHERE id = 1000 AND reason = 'no answer' "
                "AND outcome_at = '2026-11-23T10:30:00Z'") == 1);
  // The caller's snapshot shows what the file now holds.
  const Visit* v = b.snapshot.find_visit(1000);
  CHECK(v->status == VisitStatus::no_access);
  CHECK(v->reason == "no answer");
  CHECK(v->outcome_at == utc("2026-11-23T10:30:00Z"));
  const Snapshot reloaded = load_snapshot(b.db);
  CHECK(reloaded.find_visit(1000)->status == VisitStatus::no_access);
}

TEST_CASE("store: marking a visit back to planned clears its outcome time and audits the clearing") {
  Board b;
  auto ids = apply_commands(b.db, b.snapshot, {mark(100, VisitStatus::planned, "recorded on the wrong person")});
  auto row = audit_row(b.db, ids.at(0));
  CHECK(row.before == Json{{"status", "done"}, {"reason", ""}, {"outcome_at", "2026-11-23T09:50:00Z"}});
  CHECK(row.after == Json{{"status", "planned"}, {"reason", "recorded on the wrong person"}, {"outcome_at", nullptr}});
  CHECK(b.count("SELECT count(*) FROM visit WHERE id = 100 AND outcome_at IS NULL AND status = 'planned'") == 1);
  CHECK_FALSE(b.snapshot.find_visit(100)->outcome_at.has_value());
}

TEST_CASE("store: a batch whose second command is bad writes nothing and reports index 1") {
  Board b;
  const auto audit_before = b.count("SELECT count(*) FROM audit_log");
  const auto version_seen = b.db.data_version();
  try {
    apply_commands(b.db, b.snapshot,
                   {mark(1000, VisitStatus::done), mark(9999, VisitStatus::done), mark(1001, VisitStatus::done)});
    FAIL("the batch was accepted");
  } catch (const CommandRefused& e) {
    CHECK(e.index() == 1);
    CHECK(e.problem() == "visit 9999 does not exist");
    CHECK(std::string(e.what()) == "visit 9999 does not exist");
  }
  CHECK(b.count("SELECT count(*) FROM audit_log") == audit_before);
  CHECK(b.status_in_file(1000) == "planned");
  CHECK(b.status_in_file(1001) == "planned");
  CHECK(b.snapshot.find_visit(1000)->status == VisitStatus::planned);  // memory rolled back too
  CHECK_FALSE(b.snapshot.find_visit(1000)->outcome_at.has_value());
  CHECK(b.db.data_version() == version_seen);
  CHECK_FALSE(b.db.in_transaction());
}

TEST_CASE("store: each command of a batch is checked against the state the earlier ones left") {
  Board b;
  try {
    apply_commands(b.db, b.snapshot,
                   {mark(1000, VisitStatus::no_access, "no answer"), mark(1000, VisitStatus::no_access, "again")});
    FAIL("the batch was accepted");
  } catch (const CommandRefused& e) {
    CHECK(e.index() == 1);
    CHECK(contains(e.problem(), "already no_access"));
  }
  CHECK(b.status_in_file(1000) == "planned");

  auto ids = apply_commands(b.db, b.snapshot,
                            {mark(1000, VisitStatus::no_access, "no answer"),
                             mark(1000, VisitStatus::done, "", "2026-11-23T11:15:00Z")});
  REQUIRE(ids.size() == 2);
  CHECK(ids[1] > ids[0]);
  CHECK(audit_row(b.db, ids[1]).before["status"] == "no_access");
  CHECK(b.status_in_file(1000) == "done");
  CHECK(b.snapshot.find_visit(1000)->outcome_at == utc("2026-11-23T11:15:00Z"));
}

TEST_CASE("store: a command against a snapshot another connection made stale is checked against the file") {
  Board b;
  auto other = Database::open(b.path, OpenMode::existing);
  Snapshot other_view = load_snapshot(other);
  apply_commands(other, other_view, {mark(1000, VisitStatus::done)});

  // b.snapshot still says planned; the store notices the change and reloads before checking.
  CHECK(b.snapshot.find_visit(1000)->status == VisitStatus::planned);
  try {
    apply_commands(b.db, b.snapshot, {mark(1000, VisitStatus::done)});
    FAIL("the stale command was accepted");
  } catch (const CommandRefused& e) {
    CHECK(contains(e.problem(), "already done"));
  }
  CHECK(b.snapshot.find_visit(1000)->status == VisitStatus::done);
  CHECK(b.count("SELECT count(*) FROM audit_log") == 1);
}

TEST_CASE("store: a write blocked by another program past the busy timeout is refused and changes nothing") {
  Board b;
  RawConnection writer(b.path);
  REQUIRE(writer.exec("BEGIN IMMEDIATE") == SQLITE_OK);
  b.db.set_busy_timeout(std::chrono::milliseconds(50));
  auto message = store_error_of([&] { apply_commands(b.db, b.snapshot, {mark(1000, VisitStatus::done)}); });
  CHECK(contains(message, "locked"));
  CHECK(contains(message, "nothing was recorded"));
  REQUIRE(writer.exec("ROLLBACK") == SQLITE_OK);
  CHECK(b.snapshot.find_visit(1000)->status == VisitStatus::planned);
  CHECK(b.status_in_file(1000) == "planned");
  CHECK(b.count("SELECT count(*) FROM audit_log") == 0);
  // Once the other writer is gone the same command goes through.
  CHECK(apply_commands(b.db, b.snapshot, {mark(1000, VisitStatus::done)}).size() == 1);
}

TEST_CASE("store: a write that fails on a full disk rolls back the whole batch and says so") {
  Board b(200);
  // The connection may not grow the file: every new page fails as SQLITE_FULL would.
  const auto pages = b.count("PRAGMA page_count");
  REQUIRE(b.count("PRAGMA max_page_count = " + std::to_string(pages)) == pages);
  std::vector<Command> batch;
  for (Id id = 1000; id < 1200; ++id) batch.push_back(mark(id, VisitStatus::no_access, std::string(480, 'r')));
  auto message = store_error_of([&] { apply_commands(b.db, b.snapshot, batch); });
  CHECK(contains(message, "the disk is full"));
  CHECK(contains(message, "nothing was recorded"));
  CHECK(contains(message, "'" + b.path + "'"));
  CHECK_FALSE(b.db.in_transaction());
  CHECK(b.count("SELECT count(*) FROM audit_log") == 0);
  CHECK(b.count("SELECT count(*) FROM visit WHERE status <> 'planned' AND id >= 1000") == 0);
  for (Id id = 1000; id < 1200; ++id) CHECK(b.snapshot.find_visit(id)->status == VisitStatus::planned);
}

TEST_CASE("store: an empty batch writes nothing") {
  Board b;
  CHECK(apply_commands(b.db, b.snapshot, {}).empty());
  CHECK(b.count("SELECT count(*) FROM audit_log") == 0);
}
