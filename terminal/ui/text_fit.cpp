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

std::string cut_to_width(std::string text, float width, const MeasureText& width_of) {
  if (width_of(text) <= width) return text;
  while (!text.empty() && width_of(text + "...") > width) {
    text.pop_back();
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
    if (!text.empty() && (static_cast<unsigned char>(text.back()) & 0x80)) text.pop_back();
  }
  return text + "...";
}

int label_lines(std::string_view label) { return 1 + static_cast<int>(std::count(label.begin(), label.end(), '\n')); }

}  // namespace vb::ui
