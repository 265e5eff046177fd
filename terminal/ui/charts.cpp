// Sparklines and bars for the compliance and outcomes screens.
#include "ui/charts.hpp"

#include "ui/theme.hpp"

#include <algorithm>

namespace vb::ui {

void sparkline(ImDrawList* dl, ImVec2 min, ImVec2 max, const std::vector<double>& values, const std::vector<bool>& has,
               std::optional<double> target, double top, ImU32 line, ImU32 target_colour) {
  const size_t n = values.size();
  if (n < 2) return;
  for (size_t i = 0; i < n; ++i)
    if (has[i]) top = std::max(top, values[i]);
  if (target) top = std::max(top, *target);
  if (top <= 0) top = 1;
  const float h_full = max.y - min.y;
  const float thick = std::clamp(h_full * 0.05f, 1.5f, 3.0f);
  // Inset by the dot size so the first, last, highest and lowest points stay inside.
  min = ImVec2(min.x + thick * 2, min.y + thick * 2);
  max = ImVec2(max.x - thick * 2, max.y - thick * 2);
  const float w = max.x - min.x, h = max.y - min.y;
  auto px = [&](size_t i) { return min.x + w * static_cast<float>(i) / static_cast<float>(n - 1); };
  auto py = [&](double v) { return max.y - h * static_cast<float>(v / top); };
  if (target) {
    // Dashed target line.
    const float y = py(*target);
    for (float x = min.x; x < max.x; x += h * 0.3f) dl->AddLine(ImVec2(x, y), ImVec2(std::min(max.x, x + h * 0.15f), y), target_colour, 1.5f);
  }
  for (size_t i = 0; i + 1 < n; ++i)
    if (has[i] && has[i + 1]) dl->AddLine(ImVec2(px(i), py(values[i])), ImVec2(px(i + 1), py(values[i + 1])), line, thick);
  for (size_t i = 0; i < n; ++i)
    if (has[i]) dl->AddCircleFilled(ImVec2(px(i), py(values[i])), thick * (i + 1 == n ? 2.0f : 1.2f), line);
}

void horizontal_bars(const std::vector<Bar>& bars, float label_w, float row_h, ImU32 fill, const Fonts& f) {
  double top = 0;
  for (const auto& b : bars) top = std::max(top, b.value);
  if (top <= 0) top = 1;
  const float width = ImGui::GetContentRegionAvail().x;
  const float value_w = f.em * 6.5f;
  const float bar_w = std::max(f.em, width - label_w - value_w);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (const auto& b : bars) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddText(f.body, f.em, ImVec2(p.x, p.y + (row_h - f.em) * 0.5f), colour::text, b.label.c_str());
    const float len = std::max(2.0f, bar_w * static_cast<float>(b.value / top));
    dl->AddRectFilled(ImVec2(p.x + label_w, p.y + row_h * 0.15f), ImVec2(p.x + label_w + len, p.y + row_h * 0.85f), fill,
                      f.em * 0.15f);
    dl->AddText(f.bold, f.em, ImVec2(p.x + label_w + len + f.em * 0.4f, p.y + (row_h - f.em) * 0.5f), colour::text,
                b.value_text.c_str());
    ImGui::Dummy(ImVec2(width, row_h));
  }
}

void paired_columns(const std::vector<std::pair<double, double>>& values, const std::vector<std::string>& labels,
                    ImVec2 size, ImU32 a, ImU32 b, const Fonts& f) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  double top = 1;
  for (const auto& [x, y] : values) top = std::max({top, x, y});
  const float label_h = f.small->FontSize * 1.3f;
  const float chart_h = size.y - label_h - f.small->FontSize * 1.2f;
  const float col_w = size.x / static_cast<float>(std::max<size_t>(1, values.size()));
  const float base = p.y + f.small->FontSize * 1.2f + chart_h;
  dl->AddLine(ImVec2(p.x, base), ImVec2(p.x + size.x, base), colour::text_dim, 1.0f);
  for (size_t i = 0; i < values.size(); ++i) {
    const float x = p.x + col_w * static_cast<float>(i);
    const float bw = col_w * 0.36f;
    const float ha = chart_h * static_cast<float>(values[i].first / top);
    const float hb = chart_h * static_cast<float>(values[i].second / top);
    dl->AddRectFilled(ImVec2(x + col_w * 0.1f, base - ha), ImVec2(x + col_w * 0.1f + bw, base), a);
    dl->AddRectFilled(ImVec2(x + col_w * 0.1f + bw, base - hb), ImVec2(x + col_w * 0.1f + 2 * bw, base), b);
    // Counts above the bars so the figure is readable without judging heights.
    const std::string ta = std::to_string(static_cast<int>(values[i].first));
    const std::string tb = std::to_string(static_cast<int>(values[i].second));
    dl->AddText(f.small, f.small->FontSize, ImVec2(x + col_w * 0.1f, base - ha - f.small->FontSize * 1.1f), colour::text_dim, ta.c_str());
    dl->AddText(f.small, f.small->FontSize, ImVec2(x + col_w * 0.1f + bw, base - hb - f.small->FontSize * 1.1f), colour::text_dim,
                tb.c_str());
    if (i < labels.size())
      dl->AddText(f.small, f.small->FontSize, ImVec2(x + col_w * 0.1f, base + f.small->FontSize * 0.2f), colour::text_dim,
                  labels[i].c_str());
  }
  ImGui::Dummy(size);
}

}  // namespace vb::ui
