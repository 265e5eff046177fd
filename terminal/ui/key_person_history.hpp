#pragma once
// The carer tab's consent line and, on tap, the history of a key person's consent and details
// (session 9: versioned, core/key_person_versions.hpp). Reading only: it emits no command.
#include "ui/screen.hpp"

#include <string>

namespace vb::ui {

// The current consent as a touch-sized button ("Consent to share since …" or "No consent to share");
// a tap opens or closes the history below it (UiState::key_person_history). Registers
// "carer_history:<id>". `now` decides which version is current.
void draw_consent_button(const FrameInput& in, const KeyPerson& k, UiState& state);
// The history, newest first, when open for `k`: each version's consent, from when, who recorded it,
// and what changed (names and numbers hidden in the privacy view).
void draw_key_person_history(const FrameInput& in, const KeyPerson& k, UiState& state);

// "from Mon 23 Nov 10:30, recorded by Sam Ashford" / "from the start (recorded before versioning)".
std::string key_person_version_when(const Snapshot& s, const KeyPersonVersion& v);

}  // namespace vb::ui
