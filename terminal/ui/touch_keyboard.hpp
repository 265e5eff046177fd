#pragma once
// The on-screen keyboard (session 7): a finger taps a text box and a keyboard opens over the half of
// the screen the box is not in, with the box's label and the text typed so far above the keys, Done
// and Cancel. The box shows the text as it is typed. A desk keyboard types into the same edit (Enter is
// Done, Escape Cancel), and into the box directly when it has the keyboard focus without a tap. A tap
// outside the keyboard is Done (what was typed is kept) and still reaches what it tapped.
// Targets: the box's own name, "kb:<key>" (kb:q, kb:shift, kb:space, kb:backspace, kb:123, kb:abc,
// kb:àé), "kb:done", "kb:cancel", and "kb:text" (the preview).
#include "ui/screen.hpp"

#include <string>

namespace vb::ui {

struct TextBox {
  const char* id;         // ImGui id, "##key_person_name"
  const char* hint;       // grey words in the empty box
  const char* label;      // above the keys: what is being typed ("Name")
  std::string target;     // hit-target name of the box
  FieldKind kind = FieldKind::text;
  std::size_t limit = 480;  // bytes
  float width = -1;        // pixels; <= 0: the rest of the line
};

// Draws the box; returns true when its text changed this frame by a desk keyboard typing into it.
bool keyboard_text_box(const Fonts& f, UiState& state, const TextBox& box, std::string& text);
// Draws the keyboard when a box opened it (call once a frame after the screens, over them).
void draw_touch_keyboard(const Fonts& f, UiState& state);

}  // namespace vb::ui
