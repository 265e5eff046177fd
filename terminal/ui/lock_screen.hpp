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

// How a name sits in a PIN pad's name button `width` pixels wide: whole in the body font when it fits,
// else in the small font, wrapped at spaces or hyphens onto a second line when still too wide (a
// locked account keeps one line for the name and a second saying "locked"). Every line fits `width`,
// except a single word longer than it, which is cut with "...".
struct NameLines {
  std::vector<std::string> lines;
  bool small = false;  // the lines are in the small font
};
NameLines fit_name_lines(const std::string& name, bool locked, const Fonts& f, float width);

}  // namespace vb::ui
