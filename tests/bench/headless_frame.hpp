#pragma once
// One headless ImGui frame of a kiosk screen, as kiosk_bench builds them (CPU only: no GL, no
// llvmpipe): the context with the real fonts, the state each screen is measured in, the frame.
#include "core/snapshot.hpp"
#include "ui/screen.hpp"

namespace vb::bench {

// Creates the ImGui context (the caller destroys it) at width x height, as the kiosk's OpenGL 3
// backend declares it (draw lists past 65536 vertices split with a vertex offset: without it ImGui
// asserts at trust scale), loads the real fonts sized for that screen and builds their atlas on the
// CPU (what the kiosk then uploads).
ui::Fonts start_headless_imgui(int width, int height);

// `screen` as its figures are taken: the lock screen as `screenshot --screen lock` shows it (the
// first active clinician chosen, two digits typed); Compliance with its longest list open.
ui::UiState measured_state(const Snapshot& s, ui::Screen screen);

// NewFrame, draw_frame, Render.
void build_frame(const ui::FrameInput& in, ui::UiState& state);

}  // namespace vb::bench
