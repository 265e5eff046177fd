#pragma once
// The Today board screen: draws the day's rows and returns the visit a person tapped.
#include "ui/screen.hpp"

namespace vb::ui {

std::optional<Id> draw_today_screen(const FrameInput& in, UiState& state, float height);

}  // namespace vb::ui
