// Allocation commands in the store: who goes is written to the visit with one audit row per visit
// (before and after), a batch is all or nothing, and what a visit needs survives a reload.
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

// The full snapshot (S01 trained prescriber on the early 07:00-15:00 UTC, S03 support worker on the
// late 14:00-22:00) plus afternoon visits 2000 (double-up, needs trained staff), 2001 and 2002.
struct Board {
  TempDir dir;
  std::string path = dir.file("board.db");
  Database db;
  Snapshot snapshot;

  Board() : db(Database::open(path, OpenMode::create_if_missing)) {
    Snapshot s = full_snapshot();
    s.staff[0].roles.push_back(Role::coordinator);  // S01 coordinates the shift: allocation and rota
    auto add = [&](Id id, const char* start, const char* end, bool double_up) {
      Visit v;
      v.id = id;
      v.episode_id = 10;
      v.date = *parse_date("2026-11-23");
      v.window_start = utc(start);
      v.window_end = utc(end);
      v.duration_min = 45;
      v.double_up = double_up;
      v.out_of_hours = true;
      s.visits.push_back(v);
    };
    add(2000, "2026-11-23T14:15:00Z", "2026-11-23T15:00:00Z", true);
    s.visits.back().required_skills = {"trained"};
    add(2001, "2026-11-23T16:00:00Z", "2026-11-23T17:00:00Z", false);
    add(2002, "2026-11-23T18:00:00Z", "2026-11-23T19:00:00Z", false);
    write_snapshot(db, s);
    snapshot = load_snapshot(db);
  }

  long long count(const std::string& sql) { return query_int(db.handle(), sql); }
  std::string staff_in_file(Id visit) {
    auto st = db.prepare("SELECT coalesce(staff1, '-') || '+' || coalesce(staff2, '-') FROM visit WHERE id = ?1");
    st.bind_int(1, visit);
    return st.step() ? st.column_text(0) : "(none)";
  }
  Json audit(Id id, const char* column) {
    auto st = db.prepare("SELECT " + std::string(column) + " FROM audit_log WHERE id = ?1");
    st.bind_int(1, id);
    REQUIRE(st.step());
    return Json::parse(st.column_text(0));
  }
  std::string audit_text(Id id, const char* column) {
    auto st = db.prepare("SELECT " + std::string(column) + " FROM audit_log WHERE id = ?1");
    st.bind_int(1, id);
    REQUIRE(st.step());
    return st.column_text(0);
  }
};

const Instant now = utc("2026-11-23T13:00:00Z");

}  // namespace

TEST_CASE("store: allocating a visit writes both workers and one audit row with before and after") {
  Board b;
  auto ids = apply_commands(b.db, b.snapshot, {AllocateVisit{2000, "S01", "S03", "S01", now}});
  REQUIRE(ids.size() == 1);
  CHECK(b.staff_in_file(2000) == "S01+S03");
  CHECK(b.count("SELECT count(*) FROM audit_log") == 1);
  CHECK(b.audit_text(ids[0], "command") == "allocate_visit");
  CHECK(b.audit_text(ids[0], "entity") == "visit");
  CHECK(b.audit_text(ids[0], "entity_id") == "2000");
  CHECK(b.audit_text(ids[0], "by_staff") == "S01");
  CHECK(b.audit(ids[0], "before_json") == Json{{"staff1", nullptr}, {"staff2", nullptr}});
  CHECK(b.audit(ids[0], "after_json") == Json{{"staff1", "S01"}, {"staff2", "S03"}});
  CHECK(b.snapshot.find_visit(2000)->staff2 == "S03");
  CHECK(load_snapshot(b.db).find_visit(2000)->staff1 == "S01");
}

TEST_CASE("store: unallocating a visit clears who goes and audits the reason") {
  Board b;
  apply_commands(b.db, b.snapshot, {AllocateVisit{2001, "S03", "", "S01", now}});
  auto ids = apply_commands(b.db, b.snapshot, {UnallocateVisit{2001, "Jo called in sick", "S01", now}});
  CHECK(b.staff_in_file(2001) == "-+-");
  CHECK(b.audit_text(ids[0], "command") == "unallocate_visit");
  CHECK(b.audit(ids[0], "before_json") == Json{{"staff1", "S03"}, {"staff2", nullptr}});
  CHECK(b.audit(ids[0], "after_json") == Json{{"staff1", nullptr}, {"staff2", nullptr}, {"reason", "Jo called in sick"}});
  CHECK_FALSE(b.snapshot.find_visit(2001)->allocated());
}

TEST_CASE("store: accepting a proposal whole writes one audit row per visit in one transaction") {
  Board b;
  AllocateVisits batch{{AllocateVisit{2001, "S03", "", "", {}}, AllocateVisit{2002, "S03", "", "", {}}}, "S01", now};
  auto ids = apply_commands(b.db, b.snapshot, {batch});
  REQUIRE(ids.size() == 1);
  CHECK(b.count("SELECT count(*) FROM audit_log WHERE command = 'allocate_visits' AND by_staff = 'S01'") == 2);
  CHECK(b.count("SELECT count(*) FROM audit_log WHERE entity_id IN ('2001', '2002')") == 2);
  CHECK(b.audit_text(ids[0], "entity_id") == "2002");
  CHECK(b.staff_in_file(2001) == "S03+-");
  CHECK(b.staff_in_file(2002) == "S03+-");
}

TEST_CASE("store: a proposal with one impossible allocation writes nothing") {
  Board b;
  // S01's early ends at 15:00: visit 2002 at 18:00 is outside it.
  AllocateVisits batch{{AllocateVisit{2001, "S03", "", "", {}}, AllocateVisit{2002, "S01", "", "", {}}}, "S01", now};
  try {
    apply_commands(b.db, b.snapshot, {batch});
    FAIL("the batch was accepted");
  } catch (const CommandRefused& e) {
    CHECK(e.index() == 0);
    CHECK(e.problem().find("Aoife Brennan (S01) is not on shift") != std::string::npos);
  }
  CHECK(b.count("SELECT count(*) FROM audit_log") == 0);
  CHECK(b.staff_in_file(2001) == "-+-");
  CHECK_FALSE(b.snapshot.find_visit(2001)->allocated());
}

TEST_CASE("store: the skills a visit needs are stored in order and reloaded") {
  Board b;
  CHECK(b.count("SELECT count(*) FROM visit_skill WHERE visit_id = 2000 AND skill = 'trained'") == 1);
  CHECK(b.snapshot.find_visit(2000)->required_skills == std::vector<std::string>{"trained"});
  CHECK(b.snapshot.find_visit(102)->required_skills == std::vector<std::string>{"trained", "prescriber"});
  CHECK(b.snapshot.find_visit(2001)->required_skills.empty());
}

TEST_CASE("store: adding and removing a shift changes the rota with one audit row each") {
  Board b;
  const auto shifts_before = b.snapshot.shifts.size();
  auto ids = apply_commands(b.db, b.snapshot,
                            {AddShift{"S03", ShiftKind::night, *parse_date("2026-11-25"), "S01", now}});
  CHECK(b.snapshot.shifts.size() == shifts_before + 1);
  const Shift added = b.snapshot.shifts.back();
  CHECK(added.start == utc("2026-11-25T21:00:00Z"));
  CHECK(added.end == utc("2026-11-26T07:30:00Z"));
  CHECK(b.count("SELECT count(*) FROM shift WHERE staff_id = 'S03' AND kind = 'night' AND local_date = '2026-11-25'") == 1);
  CHECK(b.audit_text(ids[0], "command") == "add_shift");
  CHECK(b.audit(ids[0], "after_json")["ends_at"] == "2026-11-26T07:30:00Z");
  CHECK(load_snapshot(b.db).shifts.size() == shifts_before + 1);

  auto removed = apply_commands(b.db, b.snapshot, {RemoveShift{added.id, "swapped with Aoife", "S01", now}});
  CHECK(b.snapshot.shifts.size() == shifts_before);
  CHECK(b.count("SELECT count(*) FROM shift WHERE id = " + std::to_string(added.id)) == 0);
  CHECK(b.audit(removed[0], "before_json")["kind"] == "night");
  CHECK(b.audit(removed[0], "after_json")["reason"] == "swapped with Aoife");
}

TEST_CASE("store: a refused batch leaves the rota in memory as it was") {
  Board b;
  const auto shifts_before = b.snapshot.shifts.size();
  try {
    apply_commands(b.db, b.snapshot,
                   {AddShift{"S03", ShiftKind::night, *parse_date("2026-11-25"), "S01", now}, RemoveShift{999, "", "S01", now}});
    FAIL("the batch was accepted");
  } catch (const CommandRefused& e) {
    CHECK(e.index() == 1);
  }
  CHECK(b.snapshot.shifts.size() == shifts_before);
  CHECK(b.count("SELECT count(*) FROM shift WHERE local_date = '2026-11-25'") == 0);
}
