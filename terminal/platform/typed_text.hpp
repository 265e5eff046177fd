#pragma once
// Keyboard and clipboard text never carries control characters into a text field: the icons are drawn
// from those code points (ui/icons.hpp). ImGui itself drops C0 controls from typing and paste, but not
// C1 (U+0080..U+009F).
#include <imgui.h>

namespace vb::platform {

// Removes the characters core/printable_text hides (C0 but tab/LF/CR, DEL, C1) from ImGui's queue of
// typed characters. Called before ImGui::NewFrame.
void drop_hidden_controls(ImVector<ImWchar>& typed);

// Wraps io.GetClipboardTextFn so pasted text has those characters replaced (U+FFFD). Call once after
// the platform backend has set the clipboard functions.
void clean_clipboard_text(ImGuiIO& io);

}  // namespace vb::platform
