// The snapshot's lookups by id (sorted (id, position) vectors since s6B, hash maps before): the same
// answers whatever order the rows come in, and reviews of an episode oldest first.
#include <doctest/doctest.h>

#include "core/snapshot.hpp"

using namespace vb;
using namespace std::chrono;

namespace {
Instant at(int hour) { return Instant{} + hours(24 * 20000 + hour); }
}  // namespace

TEST_CASE("snapshot: people, episodes, visits and plans are found by id in any row order") {
  Snapshot s;
  for (Id id : {7, 3, 12, 1}) {
    Person person;
    person.id = id;
    s.people.push_back(person);
    Episode e;
    e.id = id * 10;
    e.person_id = id;
    s.episodes.push_back(e);
    Visit v;
    v.id = id * 100;
    v.episode_id = id * 10;
    s.visits.push_back(v);
    ContactPlan p;
    p.id = id * 1000;
    p.episode_id = id * 10;
    s.plans.push_back(p);
  }
  s.reindex();
  for (Id id : {1, 3, 7, 12}) {
    REQUIRE(s.find_person(id) != nullptr);
    CHECK(s.find_person(id)->id == id);
    REQUIRE(s.find_episode(id * 10) != nullptr);
    CHECK(s.find_episode(id * 10)->person_id == id);
    REQUIRE(s.find_visit(id * 100) != nullptr);
    CHECK(s.find_visit(id * 100)->episode_id == id * 10);
    REQUIRE(s.plan_for_episode(id * 10) != nullptr);
    CHECK(s.plan_for_episode(id * 10)->id == id * 1000);
  }
  CHECK(s.find_person(2) == nullptr);
  CHECK(s.find_person(0) == nullptr);
  CHECK(s.find_person(13) == nullptr);
  CHECK(s.find_episode(11) == nullptr);
  CHECK(s.find_visit(101) == nullptr);
  CHECK(s.plan_for_episode(40) == nullptr);
}

TEST_CASE("snapshot: an episode's reviews come oldest first, equal times in the order they were read") {
  Snapshot s;
  auto review = [&](Id id, Id episode, int hour) {
    Review r;
    r.id = id;
    r.episode_id = episode;
    r.held_at = at(hour);
    s.reviews.push_back(r);
  };
  review(1, 20, 5);
  review(2, 10, 9);
  review(3, 20, 1);
  review(4, 10, 9);
  review(5, 10, 2);
  review(6, 20, 3);
  s.reindex();
  auto ids = [](const std::vector<const Review*>& rs) {
    std::vector<Id> out;
    for (const auto* r : rs) out.push_back(r->id);
    return out;
  };
  CHECK(ids(s.reviews_of(10)) == std::vector<Id>{5, 2, 4});
  CHECK(ids(s.reviews_of(20)) == std::vector<Id>{3, 6, 1});
  CHECK(s.reviews_of(30).empty());
  review(7, 10, 0);  // added after reindex(): still found, in time order
  CHECK(ids(s.reviews_of(10)) == std::vector<Id>{7, 5, 2, 4});
}
