#pragma once
// The admin screen: backups (last good one, next scheduled, failures, kept archives, back up now).
#include "ui/screen.hpp"

namespace vb::ui {

void draw_admin_screen(const FrameInput& in, UiState& state, float height);

}  // namespace vb::ui
