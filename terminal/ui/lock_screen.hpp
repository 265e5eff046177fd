#pragma once
// Sign-in on a shared screen: while locked the board shows the wall (privacy) view and a "Sign in"
// button; the PIN pad (staff list, dots, on-screen keypad with big keys) is drawn over the board,
// which is blurred behind it. The frame only asks: the app checks the PIN (store) after the frame.
#include "ui/screen.hpp"

namespace vb::ui {

// Draws the PIN pad over everything when state.lock_pad_open. Sets state.sign_in_request when a
// person chose themselves and pressed Sign in with 4 or more digits. Targets: "lock:staff:<id>",
// "pin:0".."pin:9", "pin:back", "pin:ok", "lock:cancel".
void draw_lock_pad(const FrameInput& in, UiState& state);

// Locks now ("privacy now" or the idle timer): wall view, nobody signed in, sheets closed.
void lock_now(UiState& state);
// After the store accepted a PIN.
void signed_in(UiState& state, const StaffId& who);

}  // namespace vb::ui
