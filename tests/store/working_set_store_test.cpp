// The kiosk's working set as the store loads it: per-event rows from the horizon on, plus every
// row of an episode still open at the horizon; small tables whole; a full load is unchanged.
#include <doctest/doctest.h>

#include "core/demo_team.hpp"
#include "core/working_set.hpp"
#include "store/command_store.hpp"
#include "store/database.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "store/store_test_support.hpp"

#include <set>

using namespace vb;
using namespace vb::store;
using namespace vb::store::test;

namespace {

struct DemoDatabase {
  TempDir dir;
  Instant now;
  Database db;
  explicit DemoDatabase(const char* when)
      : now(*parse_instant(when, find_zone("Europe/London"))),
        db(Database::open(dir.file("demo.db"), OpenMode::create_if_missing)) {
    DemoOptions o;
    o.seed = 7;
    o.now = now;
    write_snapshot(db, generate_demo_team(o));
  }
};

// Episodes that were still open at `from`: their whole history belongs to the working set.
std::set<Id> open_at(const Snapshot& s, Instant from) {
  std::set<Id> open;
  for (const auto& e : s.episodes)
    if (!e.closed_at || *e.closed_at >= from) open.insert(e.id);
  return open;
}

template <typename Row, typename Keep>
std::set<Id> ids_where(const std::vector<Row>& rows, Keep keep) {
  std::set<Id> ids;
  for (const auto& r : rows)
    if (keep(r)) ids.insert(r.id);
  return ids;
}

template <typename Row>
std::set<Id> ids_of(const std::vector<Row>& rows) {
  return ids_where(rows, [](const Row&) { return true; });
}

}  // namespace

TEST_CASE("store: the working set holds exactly the recent and open-episode rows, and the small tables whole") {
  DemoDatabase d("2026-11-23T08:30");
  const Zone zone = find_zone("Europe/London");
  const Instant from = working_set_from(d.now, zone);
  const LocalDate from_date = local_date_of(from, zone);
  const Snapshot full = load_snapshot(d.db);
  const Snapshot ws = load_snapshot(d.db, LoadScope{from});
  CHECK_FALSE(full.history_from.has_value());
  REQUIRE(ws.history_from == from);
  const auto open = open_at(full, from);

  CHECK(ids_of(ws.visits) ==
        ids_where(full.visits, [&](const Visit& v) { return v.date >= from_date || open.contains(v.episode_id); }));
  CHECK(ws.visits.size() < full.visits.size());
  CHECK(ids_of(ws.shifts) == ids_where(full.shifts, [&](const Shift& s) { return s.date >= from_date; }));
  CHECK(ws.shifts.size() < full.shifts.size());
  CHECK(ids_of(ws.reviews) ==
        ids_where(full.reviews, [&](const Review& r) { return r.held_at >= from || open.contains(r.episode_id); }));
  CHECK(ids_of(ws.review_slots) == ids_where(full.review_slots, [&](const ReviewSlot& r) { return r.start >= from; }));
  CHECK(ids_of(ws.bookings) == ids_where(full.bookings, [&](const ReviewBooking& b) {
          return b.slot_start >= from || open.contains(b.episode_id);
        }));
  CHECK(ids_of(ws.risk_changes) ==
        ids_where(full.risk_changes, [&](const RiskChange& c) { return c.at >= from || open.contains(c.episode_id); }));
  CHECK(ids_of(ws.concerns) ==
        ids_where(full.concerns, [&](const Concern& c) { return c.at >= from || open.contains(c.episode_id); }));
  CHECK(ids_of(ws.reassessments) == ids_where(full.reassessments, [&](const RiskReassessment& c) {
          return c.at >= from || open.contains(c.episode_id);
        }));
  CHECK(ids_of(ws.plan_changes) ==
        ids_where(full.plan_changes, [&](const PlanChange& c) { return c.at >= from || open.contains(c.episode_id); }));

  // Whole: staff, people, episodes, plans, decisions, thresholds, clinics, leave, carers.
  CHECK(ws.staff.size() == full.staff.size());
  CHECK(ws.people.size() == full.people.size());
  CHECK(ws.episodes.size() == full.episodes.size());
  CHECK(ws.plans.size() == full.plans.size());
  CHECK(ws.decisions.size() == full.decisions.size());
  CHECK(ws.thresholds.size() == full.thresholds.size());
  CHECK(ws.slot_patterns.size() == full.slot_patterns.size());
  CHECK(ws.leave.size() == full.leave.size());
  CHECK(ws.key_people.size() == full.key_people.size());

  // Rows come back ordered by id, with their child rows (skills, risk domains, plan slots).
  CHECK(std::is_sorted(ws.visits.begin(), ws.visits.end(), [](const Visit& a, const Visit& b) { return a.id < b.id; }));
  for (const auto& v : ws.visits) {
    const Visit* same = full.find_visit(v.id);
    REQUIRE(same);
    CHECK(v.required_skills == same->required_skills);
    CHECK(v.plan_slot == same->plan_slot);
    CHECK(v.hand_edited == same->hand_edited);
  }
  for (const auto& r : ws.reviews) {
    auto all = full.reviews_of(r.episode_id);
    auto it = std::find_if(all.begin(), all.end(), [&](const Review* x) { return x->id == r.id; });
    REQUIRE(it != all.end());
    CHECK(r.risk_domains == (*it)->risk_domains);
  }
}

TEST_CASE("store: a command saved through a working set keeps it, also when another program wrote first") {
  DemoDatabase d("2026-11-23T08:30");
  const Instant from = working_set_from(d.now, find_zone("Europe/London"));
  Snapshot ws = load_snapshot(d.db, LoadScope{from});
  const size_t visits = ws.visits.size();
  const Visit* planned = nullptr;
  for (const auto& v : ws.visits)
    if (v.status == VisitStatus::planned && v.date == local_date_of(d.now, ws.zone()) && !planned) planned = &v;
  REQUIRE(planned);
  const Staff* clinician = nullptr;
  for (const auto& m : ws.staff)
    if (m.active && m.has_role(Role::clinician) && !clinician) clinician = &m;
  REQUIRE(clinician);
  {  // another program writes first: apply_commands reloads, and must keep the working set
    auto other = Database::open(d.db.path(), OpenMode::existing);
    other.exec("INSERT INTO meta (key, value) VALUES ('x', 'y')");
  }
  apply_commands(d.db, ws, {MarkVisit{planned->id, VisitStatus::done, "", clinician->id, d.now}});
  CHECK(ws.history_from == from);
  CHECK(ws.visits.size() == visits);
}
