// A working set row whose episode the scope did not read (a follow-up call after closure, a late
// entry) brings exactly that episode, its person and its plan, read by id: the rest of the working
// set is what it would be without the row (people, episodes and plans are not read whole).
#include <doctest/doctest.h>

#include "core/demo_team.hpp"
#include "core/working_set.hpp"
#include "store/database.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "store/store_test_support.hpp"

#include <set>

using namespace vb;
using namespace vb::store;
using namespace vb::store::test;

namespace {

template <typename Row>
std::set<Id> ids_of(const std::vector<Row>& rows) {
  std::set<Id> ids;
  for (const auto& r : rows) ids.insert(r.id);
  return ids;
}

std::set<Id> plus(std::set<Id> ids, const std::set<Id>& more) {
  ids.insert(more.begin(), more.end());
  return ids;
}

Snapshot load_working_set(const Snapshot& data, Instant from, bool whole = false) {
  TempDir here;
  auto db = Database::open(here.file("late.db"), OpenMode::create_if_missing);
  write_snapshot(db, data);
  return whole ? load_snapshot(db) : load_snapshot(db, LoadScope{from});
}

}  // namespace

TEST_CASE("store: a visit of an episode outside the working set is completed with exactly that episode, its person and its plan") {
  const Zone zone = find_zone("Europe/London");
  const Instant now = *parse_instant("2026-11-23T08:30", zone);
  DemoOptions o;
  o.seed = 7;
  o.now = now;
  Snapshot team = generate_demo_team(o);
  team.reindex();
  const Instant from = working_set_from(now, zone);
  const Instant episodes_from = working_set_episodes_from(from, zone);
  const Snapshot base = load_working_set(team, from);
  const Snapshot full = load_working_set(team, from, true);
  // Closed before the episode horizon (episode, person and plan not loaded), or between the two
  // horizons (episode and person loaded, plan not).
  auto closed_between = [&](Instant a, Instant b, Id other_than) -> const Episode* {
    for (const auto& e : team.episodes)
      if (e.closed_at && *e.closed_at >= a && *e.closed_at < b && e.id != other_than && team.plan_for_episode(e.id) &&
          !team.visits_of(e.id).empty() && !base.find_person(e.person_id))
        return &e;
    return nullptr;
  };
  const Episode* long_ago = closed_between(Instant{}, episodes_from, 0);
  REQUIRE(long_ago);
  const Episode* recent = nullptr;
  for (const auto& e : team.episodes)
    if (e.closed_at && *e.closed_at >= episodes_from && *e.closed_at < from && team.plan_for_episode(e.id) &&
        !team.visits_of(e.id).empty() && !recent)
      recent = &e;
  REQUIRE(recent);
  REQUIRE_FALSE(base.find_episode(long_ago->id));
  REQUIRE(base.find_episode(recent->id));
  REQUIRE_FALSE(base.plan_for_episode(recent->id));

  auto plans_of = [&](Id episode) {
    std::set<Id> ids;
    for (const auto& p : full.plans)
      if (p.episode_id == episode) ids.insert(p.id);
    return ids;
  };
  for (const Episode* old : {long_ago, recent}) {
    CAPTURE(old->id);
    Snapshot moved = team;
    for (auto& v : moved.visits)
      if (v.episode_id == old->id) {  // a follow-up call today, after the horizon
        v.date = local_date_of(now, zone);
        break;
      }
    const Snapshot ws = load_working_set(moved, from);
    const bool episode_was_out = old == long_ago;
    CHECK(ids_of(ws.episodes) == plus(ids_of(base.episodes), episode_was_out ? std::set<Id>{old->id} : std::set<Id>{}));
    CHECK(ids_of(ws.people) == plus(ids_of(base.people), episode_was_out ? std::set<Id>{old->person_id} : std::set<Id>{}));
    CHECK(ids_of(ws.plans) == plus(ids_of(base.plans), plans_of(old->id)));
    // The rows read by id are the stored ones, in id order with the others.
    const Episode* e = ws.find_episode(old->id);
    REQUIRE(e);
    CHECK(e->person_id == old->person_id);
    CHECK(e->closed_at == old->closed_at);
    CHECK(e->closure_reason == old->closure_reason);
    const Person* p = ws.find_person(old->person_id);
    REQUIRE(p);
    CHECK(p->local_id == full.find_person(old->person_id)->local_id);
    REQUIRE(ws.plan_for_episode(old->id));
    const ContactPlan& plan = *ws.plan_for_episode(old->id);
    const ContactPlan& stored = *full.plan_for_episode(old->id);
    CHECK(plan.id == stored.id);
    REQUIRE(plan.phases.size() == stored.phases.size());
    for (size_t i = 0; i < plan.phases.size(); ++i) {
      CHECK(plan.phases[i].id == stored.phases[i].id);
      CHECK(plan.phases[i].windows == stored.phases[i].windows);
    }
    auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
    CHECK(std::is_sorted(ws.episodes.begin(), ws.episodes.end(), by_id));
    CHECK(std::is_sorted(ws.people.begin(), ws.people.end(), by_id));
    CHECK(std::is_sorted(ws.plans.begin(), ws.plans.end(), by_id));
  }
}
