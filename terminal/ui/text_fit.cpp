#include "ui/text_fit.hpp"

#include <algorithm>

namespace vb::ui {

bool any_too_wide(const std::vector<std::string>& labels, float avail, const MeasureText& width_of) {
  return std::any_of(labels.begin(), labels.end(), [&](const std::string& l) { return width_of(l) > avail; });
}

std::string join_label(const std::string& first, const std::string& second, bool stacked) {
  if (second.empty()) return first;
  return first + (stacked ? "\n" : " ") + second;
}

int label_lines(std::string_view label) { return 1 + static_cast<int>(std::count(label.begin(), label.end(), '\n')); }

}  // namespace vb::ui
