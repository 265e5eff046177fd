// The working set is read on two connections at one committed state (store/second_reader.hpp);
// when that cannot be had, on one, and the snapshot is the same.
#include <doctest/doctest.h>

#include "core/demo_team.hpp"
#include "core/working_set.hpp"
#include "store/database.hpp"
#include "store/second_reader.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "store/store_test_support.hpp"

#include <sqlite3.h>

using namespace vb;
using namespace vb::store;
using namespace vb::store::test;

namespace {

struct Demo {
  TempDir dir;
  Zone zone = find_zone("Europe/London");
  Instant now = *parse_instant("2026-11-23T08:30", zone);
  std::string path = dir.file("demo.db");
  Database db = Database::open(path, OpenMode::create_if_missing);
  Demo() {
    DemoOptions o;
    o.seed = 7;
    o.now = now;
    write_snapshot(db, generate_demo_team(o));
  }
  long long visits_seen(Database& c) {
    auto st = c.prepare("SELECT count(*) FROM visit");
    st.step("counting");
    return st.column_int(0);
  }
};

}  // namespace

TEST_CASE("store: the second reader sees the state the first one sees, not a later commit") {
  Demo d;
  const long long before = d.visits_seen(d.db);
  auto second = begin_second_reader(d.db);
  REQUIRE(second.has_value());
  CHECK(d.db.in_transaction());
  CHECK(second->in_transaction());
  RawConnection other(d.path);
  REQUIRE(other.exec("DELETE FROM visit_skill; DELETE FROM visit WHERE id IN (SELECT id FROM visit ORDER BY id DESC LIMIT 3)") == SQLITE_OK);
  CHECK(d.visits_seen(d.db) == before);  // both still read the state from before the delete
  CHECK(d.visits_seen(*second) == before);
  second->exec("COMMIT");
  d.db.exec("COMMIT");
  CHECK(d.visits_seen(d.db) == before - 3);
}

TEST_CASE("store: while another program writes, the working set is read on one connection, and is the same") {
  Demo d;
  const LoadScope scope{working_set_from(d.now, d.zone)};
  const Snapshot two = load_snapshot(d.db, scope);
  RawConnection writer(d.path);
  REQUIRE(writer.exec("BEGIN IMMEDIATE") == SQLITE_OK);  // holds the write lock
  auto second = begin_second_reader(d.db);
  CHECK_FALSE(second.has_value());
  CHECK(d.db.in_transaction());  // a read transaction of its own
  d.db.exec("COMMIT");
  const Snapshot one = load_snapshot(d.db, scope);  // does not wait for the writer
  REQUIRE(writer.exec("ROLLBACK") == SQLITE_OK);
  REQUIRE(one.visits.size() == two.visits.size());
  REQUIRE(one.shifts.size() == two.shifts.size());
  REQUIRE(one.episodes.size() == two.episodes.size());
  for (std::size_t i = 0; i < one.visits.size(); ++i) {
    CHECK(one.visits[i].id == two.visits[i].id);
    CHECK(one.visits[i].required_skills == two.visits[i].required_skills);
    CHECK(one.visits[i].staff1 == two.visits[i].staff1);
  }
  for (std::size_t i = 0; i < one.shifts.size(); ++i) CHECK(one.shifts[i].id == two.shifts[i].id);
  CHECK_FALSE(d.db.in_transaction());
}
