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

TEST_CASE("store: the working set holds exactly the recent and open-episode rows, their episodes, and the small tables whole") {
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

  // Episodes open at, or closed since, the episode horizon (53 weeks: the outcomes screen looks back
  // 364 days), and any a decision names; their people and every key person's; the plans (with
  // every phase) of episodes open at the history horizon.
  const Instant episodes_from = working_set_episodes_from(from, zone);
  CHECK(episodes_from == start_of_local_day(LocalDate{date::sys_days{local_date_of(d.now, zone)} - date::days{371}}, zone));
  std::set<Id> decided;
  for (const auto& x : full.decisions) decided.insert(x.episode_id);
  CHECK(ids_of(ws.episodes) == ids_where(full.episodes, [&](const Episode& e) {
          return !e.closed_at || *e.closed_at >= episodes_from || decided.contains(e.id);
        }));
  CHECK(ws.episodes.size() < full.episodes.size());
  std::set<Id> people;
  for (const auto& e : ws.episodes) people.insert(e.person_id);
  for (const auto& k : full.key_people) people.insert(k.person_id);
  CHECK(ids_of(ws.people) == people);
  CHECK(ws.people.size() < full.people.size());
  CHECK(ids_of(ws.plans) == ids_where(full.plans, [&](const ContactPlan& p) { return open.contains(p.episode_id); }));
  CHECK(ws.plans.size() < full.plans.size());
  for (const auto& p : ws.plans) {
    const ContactPlan* same = full.plan_for_episode(p.episode_id);
    REQUIRE(same);
    REQUIRE(p.phases.size() == same->phases.size());
    for (size_t i = 0; i < p.phases.size(); ++i) {
      CHECK(p.phases[i].id == same->phases[i].id);
      CHECK(p.phases[i].windows == same->phases[i].windows);
    }
  }

  // Whole: staff, decisions, thresholds, clinics, leave, carers.
  CHECK(ws.staff.size() == full.staff.size());
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
    CHECK(v.allocated_at == same->allocated_at);
    CHECK(v.allocated_by == same->allocated_by);
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

TEST_CASE("store: a working set row in an episode closed before the episode horizon still finds its episode, person and plan") {
  // A file can hold a visit dated after the horizon in an episode closed long before (entered late,
  // or moved): episodes are chosen by closure date, so the loader must add that episode.
  const Zone zone = find_zone("Europe/London");
  const Instant now = *parse_instant("2026-11-23T08:30", zone);
  DemoOptions o;
  o.seed = 7;
  o.now = now;
  Snapshot team = generate_demo_team(o);
  const Instant from = working_set_from(now, zone);
  const Instant episodes_from = working_set_episodes_from(from, zone);
  team.reindex();
  // Closed before the episode horizon (not loaded), or after it but before the history horizon (its
  // plan not loaded): one visit of each moved to today.
  auto closed_between = [&](Instant a, Instant b) -> const Episode* {
    for (const auto& e : team.episodes)
      if (e.closed_at && *e.closed_at >= a && *e.closed_at < b && team.plan_for_episode(e.id) && !team.visits_of(e.id).empty())
        return &e;
    return nullptr;
  };
  const Episode* long_ago = closed_between(Instant{}, episodes_from);
  const Episode* recent = closed_between(episodes_from, from);
  REQUIRE(long_ago);
  REQUIRE(recent);
  for (const Episode* old : {long_ago, recent}) {
    CAPTURE(old->id);
    Snapshot moved = team;
    for (auto& v : moved.visits)
      if (v.episode_id == old->id) {
        v.date = local_date_of(now, zone);  // today, after the horizon
        break;
      }
    TempDir here;
    auto db = Database::open(here.file("late.db"), OpenMode::create_if_missing);
    write_snapshot(db, moved);
    const Snapshot full = load_snapshot(db);
    const Snapshot ws = load_snapshot(db, LoadScope{from});
    REQUIRE(ws.find_episode(old->id));
    CHECK(ws.find_person(old->person_id));
    REQUIRE(ws.plan_for_episode(old->id));
    CHECK(ws.plan_for_episode(old->id)->phases.size() == full.plan_for_episode(old->id)->phases.size());
  // Every row's episode is there.
    for (const auto& v : ws.visits) CHECK(ws.find_episode(v.episode_id));
    for (const auto& r : ws.reviews) CHECK(ws.find_episode(r.episode_id));
  }
}

TEST_CASE("store: a working set reads the skills and risk domains of its own rows, however many the file holds") {
  // Few child rows are read whole and filtered; many are listed by their parents' ids. Both ways
  // give every loaded visit and review exactly its own.
  const Zone zone = find_zone("Europe/London");
  const Instant now = *parse_instant("2026-11-23T08:30", zone);
  DemoOptions o;
  o.seed = 7;
  o.now = now;
  Snapshot team = generate_demo_team(o);
  for (bool many : {false, true}) {
    CAPTURE(many);
    Snapshot s = team;
    if (many) {
      for (auto& v : s.visits) v.required_skills = {"skill-" + std::to_string(v.id % 3), "driver"};
      for (auto& r : s.reviews) r.risk_domains = {"self_harm_suicide", "self_neglect"};
    }
    TempDir dir;
    auto db = Database::open(dir.file("skills.db"), OpenMode::create_if_missing);
    write_snapshot(db, s);
    const Snapshot full = load_snapshot(db);
    const Snapshot ws = load_snapshot(db, LoadScope{working_set_from(now, zone)});
    REQUIRE(ws.visits.size() < full.visits.size());
    size_t skills = 0;
    for (const auto& v : ws.visits) {
      const Visit* same = full.find_visit(v.id);
      REQUIRE(same);
      CHECK(v.required_skills == same->required_skills);
      skills += v.required_skills.size();
    }
    CHECK(skills > 0);
    for (const auto& r : ws.reviews) {
      auto all = full.reviews_of(r.episode_id);
      auto it = std::find_if(all.begin(), all.end(), [&](const Review* x) { return x->id == r.id; });
      REQUIRE(it != all.end());
      CHECK(r.risk_domains == (*it)->risk_domains);
    }
  }
}
