#pragma once
// The screenshot command's session 7 sheet states: the on-screen keyboard open over the Add key person
// form (names, accents, the phone keypad), and changing or removing a key person.
#include "core/snapshot.hpp"
#include "ui/screen.hpp"

#include <string>

namespace vb::app {

// keyboard-name, keyboard-accents, keyboard-phone, key-person-edit, key-person-remove, key-person-remove-confirm.
bool is_key_person_section(const std::string& section);
// Sets the carer tab and the state of `section` for the episode shown (state.plan_episode).
void screenshot_key_person_extra(const Snapshot& s, Instant now, const std::string& section, ui::UiState& state);

}  // namespace vb::app
