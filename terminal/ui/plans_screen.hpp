#pragma once
// The plans screen: per person a six-week timeline of planned contact falling phase by phase, today's
// position on the taper, visits done and missed, the next change, a blocked step-down and fidelity flags.
#include "ui/screen.hpp"

namespace vb::ui {

void draw_plans_screen(const FrameInput& in, UiState& state, float height);

}  // namespace vb::ui
