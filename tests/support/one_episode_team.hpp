#pragma once
// The smallest team a per-episode rule needs: nurse S01, person 1 ("HT-1") and their episode 1, in
// Europe/London. Not reindexed: callers add their plan, reviews or records first, then reindex().
#include "core/snapshot.hpp"

namespace vb::test {

inline Snapshot one_episode_team(Instant accepted_at, Stage stage) {
  Snapshot s;
  s.team = Team{1, "Test team", "Europe/London"};
  Staff nurse;
  nurse.id = "S01";
  nurse.name = "Nurse";
  s.staff = {nurse};
  Person p;
  p.id = 1;
  p.local_id = "HT-1";
  s.people = {p};
  Episode e;
  e.id = 1;
  e.person_id = 1;
  e.accepted_at = accepted_at;
  e.stage = stage;
  s.episodes = {e};
  return s;
}

}  // namespace vb::test
