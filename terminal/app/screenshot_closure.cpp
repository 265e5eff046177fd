// Extra sheet states for `screenshot --closure` (app/screenshot_closure.hpp).
#include "app/screenshot_closure.hpp"

#include "core/care_flags.hpp"

namespace vb::app {

void screenshot_closure_extra(const Snapshot& s, const std::string& section, ui::UiState& state) {
  const Episode* e = state.plan_episode ? s.find_episode(*state.plan_episode) : nullptr;
  if (section == "key-person") {
    state.closure_section = "carer";
    state.key_person_open = true;
    state.key_person_checked = true;  // Save pressed on an empty form: every field says what it needs
  } else if (section == "carer-other") {
    state.closure_section = "carer";
    if (e)
      for (const KeyPerson* k : s.key_people_of(e->person_id))
        if (k->consent_to_share) {
          state.carer_person = k->id;
          break;
        }
    state.carer_outcome = "reached";
    state.carer_shared = {"escalation_routes", "other"};
    state.carer_other = "Gave the crisis line card and the out-of-hours number";
  } else if (section == "carer-history") {
    state.closure_section = "carer";
    if (e)
      for (const KeyPerson* k : s.key_people_of(e->person_id))
        if (!state.key_person_history || k->versions.size() > 1) {
          state.key_person_history = k->id;
          if (k->versions.size() > 1) break;
        }
  } else if (section == "flags" || section == "flags-clear") {
    state.closure_section = "flags";
    if (section == "flags-clear" && e)
      for (const auto& f : care_flag_states(s, e->id))
        if (f.on) {
          state.care_flag = std::string(f.flag);
          state.care_flag_reason = 0;
          break;
        }
  }
}

}  // namespace vb::app
