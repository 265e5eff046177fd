#pragma once
// The senior-review screen: this week's slots by reviewer, reviews due and overdue with a one-tap
// booking of the suggested slot, and escalations to medical staff.
#include "ui/screen.hpp"

namespace vb::ui {

void draw_reviews_screen(const FrameInput& in, UiState& state, float height);

}  // namespace vb::ui
