#pragma once
// The compliance screen: a tile per measure with today's figure (last 28 days), its target, a state
// in icon + word, and a 12-week sparkline. Tapping a tile opens the list of people, visits or
// nights behind the figure; "What this counts" shows the definition and source.
#include "ui/screen.hpp"

namespace vb::ui {

void draw_compliance_screen(const FrameInput& in, UiState& state, float height);
// "87%", "3", "3.1": a figure as the tile shows it.
std::string measure_value_text(const MeasureRule& rule, const MeasureFigure& f);
std::string measure_target_text(const MeasureRule& rule);

}  // namespace vb::ui
