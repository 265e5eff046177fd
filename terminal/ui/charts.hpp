#pragma once
// Small charts drawn with ImGui draw lists: a sparkline with a target line, and labelled bars.
// Sizes come from the caller (in ems); values carry their words next to them, never colour alone.
#include "ui/fonts.hpp"

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace vb::ui {

// Points where has[i]; gaps where not. `top` is the value at the top edge (at least 1 for shares).
void sparkline(ImDrawList* dl, ImVec2 min, ImVec2 max, const std::vector<double>& values, const std::vector<bool>& has,
               std::optional<double> target, double top, ImU32 line, ImU32 target_colour);

struct Bar {
  std::string label;
  double value = 0;
  std::string value_text;  // shown at the end of the bar
};
// Horizontal bars one under another, each `row_h` high: label column, bar, value text.
void horizontal_bars(const std::vector<Bar>& bars, float label_w, float row_h, ImU32 fill, const Fonts& f);
// Vertical bars in pairs per column (a, b), with column labels under them; legend drawn by the caller.
void paired_columns(const std::vector<std::pair<double, double>>& values, const std::vector<std::string>& labels,
                    ImVec2 size, ImU32 a, ImU32 b, const Fonts& f);

}  // namespace vb::ui
