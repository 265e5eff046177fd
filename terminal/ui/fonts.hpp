#pragma once
// The fonts a screen draws with. The platform loads real faces; headless tests use ImGui's default.
#include <imgui.h>

namespace vb::ui {

struct Fonts {
  ImFont* body = nullptr;   // text with icons merged, 1 em
  ImFont* bold = nullptr;   // semibold text with icons, 1 em
  ImFont* big = nullptr;    // header clock and titles, ~1.6 em
  ImFont* small = nullptr;  // secondary text, ~0.8 em
  float em = 16.0f;         // pixel size of body
};

// Every slot set to ImGui's current default font (for headless tests without font files).
Fonts default_fonts();

}  // namespace vb::ui
