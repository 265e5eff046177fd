#pragma once
// What the two PIN pads share: the sign-in pad (ui/lock_screen.cpp) and the Admin screen's Set PIN
// keypad (ui/access_panel.cpp). Their key colours, how many digits they take, and a desk keyboard
// as a second way to type a PIN (touch stays the first).
#include <imgui.h>

#include <cstddef>
#include <string>

namespace vb::ui::pin_pad {

// The most digits a pad takes: a PIN is 4 to 8 digits (core/sign_in_policy.hpp, pin_form_problem).
inline constexpr std::size_t max_digits = 8;
// A key (and a chip on the Admin screen) at rest and while a finger holds it, on the dark panel.
inline constexpr ImU32 key_fill = IM_COL32(44, 58, 74, 255);
inline constexpr ImU32 key_fill_pressed = IM_COL32(66, 86, 108, 255);

// What a keyboard asked of an open pad this frame, besides typing.
struct KeyboardAsks {
  bool typed = false;   // a digit was added or taken off
  bool submit = false;  // Enter (main or number pad): as the pad's OK key
  bool cancel = false;  // Escape: as the pad's Cancel
};

// This frame's keyboard, for a pad that is open and drawn now (never call it otherwise: keys then do
// nothing). Digits 0-9 from the main row or the number pad (with Num Lock, which types digits) go to
// the end of `digits`, up to max_digits; Backspace takes the last one off. The typed characters are
// taken out of ImGui's input queue and overwritten there, so the PIN is held in `digits` only.
KeyboardAsks read_keyboard(std::string& digits);

}  // namespace vb::ui::pin_pad
