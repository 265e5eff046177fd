#pragma once
// The plans screen: per person a six-week timeline of planned contact falling phase by phase, today's
// position on the taper, visits done and missed, the next change, a blocked step-down and fidelity flags.
#include "ui/screen.hpp"

namespace vb::ui {

// Returns the command confirmed with the action buttons (ui/plan_actions.hpp), if any.
std::optional<Command> draw_plans_screen(const FrameInput& in, UiState& state, float height);

}  // namespace vb::ui
