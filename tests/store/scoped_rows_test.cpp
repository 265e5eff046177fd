// The kiosk's big tables are read without "id IN (...) ORDER BY id" (store/load_scope.hpp,
// scoped_rows): the rows come in index order and are put back in id order, the same rows with the
// same values as before.
#include <doctest/doctest.h>

#include "core/demo_team.hpp"
#include "core/working_set.hpp"
#include "store/database.hpp"
#include "store/load_scope.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "store/store_test_support.hpp"

#include <algorithm>
#include <map>

using namespace vb;
using namespace vb::store;
using namespace vb::store::test;

namespace {

template <typename Row>
bool strictly_by_id(const std::vector<Row>& rows) {
  return std::adjacent_find(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.id >= b.id; }) == rows.end();
}

template <typename Row>
std::map<Id, const Row*> by_id(const std::vector<Row>& rows) {
  std::map<Id, const Row*> m;
  for (const auto& r : rows) m[r.id] = &r;
  return m;
}

struct Item {
  Id id;
  std::string text;
};

}  // namespace

TEST_CASE("store: rows read in another order are put in id order, each moved once with its values") {
  std::vector<Item> rows{{7, "g"}, {2, "b"}, {9, "i"}, {1, "a"}, {5, "e"}};
  sort_by_id(rows);
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].id == 1);
  CHECK(rows[0].text == "a");
  CHECK(rows[2].text == "e");
  CHECK(rows[4].id == 9);
  CHECK(rows[4].text == "i");
  std::vector<Item> none;
  sort_by_id(none);
  CHECK(none.empty());
}

TEST_CASE("store: a working set's visits, shifts, reviews and transition records are in id order with the full load's values") {
  TempDir dir;
  const Zone zone = find_zone("Europe/London");
  const Instant now = *parse_instant("2026-11-23T08:30", zone);
  Database db = Database::open(dir.file("demo.db"), OpenMode::create_if_missing);
  DemoOptions o;
  o.seed = 7;
  o.now = now;
  write_snapshot(db, generate_demo_team(o));
  const Snapshot full = load_snapshot(db);
  const Snapshot ws = load_snapshot(db, LoadScope{working_set_from(now, zone)});
  REQUIRE(ws.visits.size() > 100);
  REQUIRE(ws.shifts.size() > 10);
  REQUIRE(ws.reviews.size() > 10);
  CHECK(strictly_by_id(full.visits));
  CHECK(strictly_by_id(ws.visits));
  CHECK(strictly_by_id(ws.shifts));
  CHECK(strictly_by_id(ws.reviews));
  CHECK(strictly_by_id(ws.transition_records));

  const auto visits = by_id(full.visits);
  for (const Visit& v : ws.visits) {
    const Visit& f = *visits.at(v.id);
    CHECK((v.episode_id == f.episode_id && v.date == f.date && v.window_start == f.window_start && v.status == f.status &&
           v.staff1 == f.staff1 && v.staff2 == f.staff2 && v.reason == f.reason && v.outcome_at == f.outcome_at &&
           v.follow_up_of == f.follow_up_of && v.plan_slot == f.plan_slot && v.required_skills == f.required_skills &&
           v.allocated_at == f.allocated_at && v.allocated_by == f.allocated_by));
  }
  const auto shifts = by_id(full.shifts);
  for (const Shift& s : ws.shifts) {
    const Shift& f = *shifts.at(s.id);
    CHECK((s.staff_id == f.staff_id && s.date == f.date && s.start == f.start && s.end == f.end && s.kind == f.kind));
  }
  const auto reviews = by_id(full.reviews);
  for (const Review& r : ws.reviews) {
    const Review& f = *reviews.at(r.id);
    CHECK((r.episode_id == f.episode_id && r.held_at == f.held_at && r.decision == f.decision &&
           r.risk_domains == f.risk_domains && r.next_review_due == f.next_review_due));
  }
  const auto records = by_id(full.transition_records);
  for (const TransitionRecord& t : ws.transition_records) {
    const TransitionRecord& f = *records.at(t.id);
    CHECK((t.episode_id == f.episode_id && t.item == f.item && t.at == f.at && t.detail == f.detail));
  }
}
