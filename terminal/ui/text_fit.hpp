#pragma once
// Fitting short labels into narrow cells without clipping: pure decisions, measured by the caller's font.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace vb::ui {

using MeasureText = std::function<float(std::string_view)>;

// True when any of the one-line labels is wider than `avail` pixels: a grid then stacks all its labels,
// so cells of one grid keep one shape instead of some one-line and some two-line.
bool any_too_wide(const std::vector<std::string>& labels, float avail, const MeasureText& width_of);

// "first second", or the two parts on two lines ("first\nsecond") when stacked; `first` alone when
// `second` is empty.
std::string join_label(const std::string& first, const std::string& second, bool stacked);

// `text` cut to `width` pixels with "..." when it does not fit, at whole UTF-8 characters.
std::string cut_to_width(std::string text, float width, const MeasureText& width_of);

// Lines a label takes (1 + its newlines).
int label_lines(std::string_view label);

}  // namespace vb::ui
