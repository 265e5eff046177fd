#pragma once
// The outcomes screen: the commissioner's figures for the last 13 weeks (the same rows as the
// report), episodes opened and closed a week, where people went at closure and how long episodes
// lasted, drawn with ImGui draw lists.
#include "ui/screen.hpp"

namespace vb::ui {

void draw_outcomes_screen(const FrameInput& in, UiState& state, float height);

}  // namespace vb::ui
