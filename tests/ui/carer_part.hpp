#pragma once
// Shared by the tests of the closure sheet's carer tab (ui/key_person_edit_test.cpp,
// ui/key_person_history_test.cpp): a key person of an open episode with a plan, and the kiosk on the
// Plans screen with that episode's closure sheet open at its carer tab.
#include "core/snapshot.hpp"
#include "ui/headless.hpp"
#include "ui/sheet_fixtures.hpp"

namespace vb::test {

// An open episode whose person has a key person: that key person, and the episode's id in `episode`.
inline const KeyPerson* key_person_of_open_episode(const Snapshot& s, Id& episode) {
  for (const auto& e : s.episodes)
    if (e.is_open() && s.plan_for_episode(e.id))
      if (auto people = s.key_people_of(e.person_id); !people.empty()) {
        episode = e.id;
        return people.front();
      }
  return nullptr;
}

// Where every carer-tab test starts: the demo at sheet_now(), a key person of one of its open
// episodes (`key_person` null if none), that episode and a clinician. Not copyable: `key_person`
// points into `s`. Read it as `const auto& [s, episode, k, me] = start;`.
struct KeyPersonStart {
  Snapshot s = sheet_demo();
  Id episode = 0;
  const KeyPerson* key_person = key_person_of_open_episode(s, episode);
  StaffId clinician = member_with_role(s, Role::clinician, true);
  KeyPersonStart() = default;
  KeyPersonStart(const KeyPersonStart&) = delete;
  KeyPersonStart& operator=(const KeyPersonStart&) = delete;
};

// The kiosk at sheet_now(), 1920x1080, `me` signed in, on `episode`'s closure sheet, carer tab.
struct CarerPart {
  HeadlessUi ui;
  CarerPart(const Snapshot& s, Id episode, const StaffId& me) : ui(s, sheet_now(), 1920, 1080) {
    ui.state.signed_in = me;
    ui.tap("tab:plans");
    ui.state.plan_episode = episode;
    ui.frame();
    ui.tap("plan_action:closure");
    ui.tap("closure_tab:carer");
  }
};

}  // namespace vb::test
