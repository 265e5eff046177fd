#pragma once
// The same day by staff member: each on-shift worker's visits in time order, and who has nobody.
#include "ui/screen.hpp"

namespace vb::ui {

std::optional<Id> draw_staff_screen(const FrameInput& in, UiState& state, float height);

}  // namespace vb::ui
