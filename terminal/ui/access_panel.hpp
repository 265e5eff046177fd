#pragma once
// Admin screen, "Staff and access" (issue 7): for a signed-in admin, the staff list (name, roles,
// PIN state) and, for the person tapped, each role as a large toggle chip, the PIN state in words,
// and Set PIN (on-screen keypad, entered twice), Clear PIN and Clear lockout. Anyone else is told
// why not, in words. The panel only emits commands (SetPin, ClearPin, GrantRole, RevokeRole,
// ClearLockout); the store checks them again.
#include "ui/screen.hpp"

namespace vb::ui {

// Targets: "access_staff:<id>", "role:<id>:<role>", "access:set_pin", "access:clear_pin",
// "access:clear_lockout", "access_pin:0".."access_pin:9", "access_pin:back", "access_pin:ok",
// "access_pin:cancel"; "access_refused" (the words shown instead, when nobody admin is signed in).
std::optional<Command> draw_access_panel(const FrameInput& in, UiState& state, float height);

// The PIN state of one person in words: "PIN set", "No PIN: cannot sign in", "Locked since Mon 23
// Nov 07:55 after 10 wrong PINs, until cleared", "3 wrong PINs; next try from 09:14".
struct PinStateWords {
  const char* icon = nullptr;
  std::string headline;
  std::string detail;  // empty, or the failures and the wait
  ImU32 fill = 0;
  ImU32 ink = 0;
};
PinStateWords pin_state_words(const Staff& m, Instant now, Zone zone);

// Forgets the keypad and anything typed into it (on closing, saving, locking, or losing the admin).
void close_access_pin_pad(UiState& state);

}  // namespace vb::ui
