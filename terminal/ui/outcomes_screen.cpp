// Outcome figures and charts.
#include "ui/outcomes_screen.hpp"

#include "ui/charts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <cmath>
#include <cstdio>

namespace vb::ui {

namespace {

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

std::string row_value(const OutcomeRow& r) {
  char buf[48];
  if (r.share) {
    if (r.denominator <= 0) return "–";
    std::snprintf(buf, sizeof buf, "%d%%", static_cast<int>(std::lround(100 * r.value)));
  } else if (r.unit == "days") {
    if (r.denominator <= 0) return "–";
    std::snprintf(buf, sizeof buf, "%.0f days", r.value);
  } else {
    std::snprintf(buf, sizeof buf, "%d", static_cast<int>(std::lround(r.value)));
  }
  return buf;
}

void chart_title(const Fonts& f, const char* title) {
  ImGui::PushFont(f.bold);
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
}

}  // namespace

void draw_outcomes_screen(const FrameInput& in, UiState&, float height) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  if (!in.outcomes) {
    ImGui::TextUnformatted("Outcome figures are not available.");
    return;
  }
  const OutcomesBoard& b = *in.outcomes;
  const Outcomes& o = b.period;
  const float top = ImGui::GetCursorPosY();
  ImGui::PushFont(f.bold);
  ImGui::Text("Outcomes · last %d weeks, %s to %s",
              static_cast<int>(((date::sys_days{o.to} - date::sys_days{o.from}).count() + 1) / 7),
              format_day_label(o.from).c_str(), format_day_label(o.to).c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextColored(v4(colour::text_dim), "  The same figures and definitions as the report");
  const float body_h = height - (ImGui::GetCursorPosY() - top);
  const float width = ImGui::GetContentRegionAvail().x;

  // Left: the figures.
  ImGui::BeginChild("outcome-figures", ImVec2(width * 0.42f, body_h), true);
  const auto rows = outcome_rows(o);
  if (ImGui::BeginTable("figures", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("figure", ImGuiTableColumnFlags_WidthStretch, 3.8f);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("of", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    for (const auto& r : rows) {
      if (r.id.rfind("closure-destination-", 0) == 0) continue;  // charted on the right
      ImGui::TableNextRow(0, em * 1.75f);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.label.c_str());
      ImGui::TableNextColumn();
      ImGui::PushFont(f.bold);
      ImGui::TextUnformatted(row_value(r).c_str());
      ImGui::PopFont();
      ImGui::TableNextColumn();
      if (r.share) ImGui::TextColored(v4(colour::text_dim), "%g of %g", r.numerator, r.denominator);
    }
    ImGui::EndTable();
  }
  if (o.re_presentation_30d.pending || o.re_presentation_90d.pending) {
    ImGui::PushFont(f.small);
    ImGui::PushStyleColor(ImGuiCol_Text, v4(colour::text_dim));
    ImGui::TextWrapped("Pending (window not ended): %d closures for 30 days, %d for 90 days.", o.re_presentation_30d.pending,
                       o.re_presentation_90d.pending);
    ImGui::PopStyleColor();
    ImGui::PopFont();
  }
  ImGui::EndChild();
  ImGui::SameLine();

  // Right: charts.
  ImGui::BeginChild("outcome-charts", ImVec2(0, body_h), true, ImGuiWindowFlags_NoScrollbar);
  const float chart_w = ImGui::GetContentRegionAvail().x;
  chart_title(f, "Episodes opened and closed, week by week");
  ImGui::SameLine();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  {
    // Legend in words with swatches.
    ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(ImVec2(p.x + em, p.y + em * 0.2f), ImVec2(p.x + em * 1.8f, p.y + em), colour::accent);
    dl->AddText(f.body, em, ImVec2(p.x + em * 2.1f, p.y), colour::text, "opened");
    dl->AddRectFilled(ImVec2(p.x + em * 6.5f, p.y + em * 0.2f), ImVec2(p.x + em * 7.3f, p.y + em), colour::risk_medium);
    dl->AddText(f.body, em, ImVec2(p.x + em * 7.6f, p.y), colour::text, "closed");
    ImGui::Dummy(ImVec2(em * 11, em));
  }
  std::vector<std::pair<double, double>> weekly;
  std::vector<std::string> labels;
  for (const auto& w : b.weeks) {
    weekly.emplace_back(static_cast<double>(w.opened.size()), static_cast<double>(w.closed.size()));
    labels.push_back(date::format("%d %b", w.from));
  }
  // The weekly chart takes what the two bar charts below leave (their rows are fixed in ems).
  const float below = em * (1.45f * static_cast<float>(std::max<size_t>(1, o.destinations.size())) + 1.3f * 7 + 9.5f);
  const float weekly_h = std::max(em * 6.0f, body_h - em * 2.2f - below);
  paired_columns(weekly, labels, ImVec2(chart_w, weekly_h), colour::accent, colour::risk_medium, f);
  ImGui::Spacing();

  chart_title(f, "Where people went at closure");
  std::vector<Bar> bars;
  for (const auto& d : o.destinations) {
    const double share = o.closed.empty() ? 0 : 100.0 * static_cast<double>(d.episodes.size()) / static_cast<double>(o.closed.size());
    char text[48];
    std::snprintf(text, sizeof text, "%zu (%d%%)", d.episodes.size(), static_cast<int>(std::lround(share)));
    bars.push_back({d.name.empty() ? "not recorded" : words(d.name == "cmht" ? "CMHT" : d.name == "gp" ? "GP" : d.name),
                    static_cast<double>(d.episodes.size()), text});
  }
  if (bars.empty()) ImGui::TextUnformatted("No episodes closed in the period.");
  horizontal_bars(bars, em * 8, em * 1.45f, colour::accent, f);
  ImGui::Spacing();

  chart_title(f, "How long episodes lasted (closed in the period)");
  std::vector<Bar> lengths(7);
  for (int i = 0; i < 6; ++i) lengths[static_cast<size_t>(i)].label = std::to_string(7 * i) + "–" + std::to_string(7 * i + 6) + " days";
  lengths[6].label = "42+ days";
  for (int d : o.length.days) lengths[static_cast<size_t>(std::min(6, std::max(0, d / 7)))].value += 1;
  for (auto& l : lengths) l.value_text = std::to_string(static_cast<int>(l.value));
  horizontal_bars(lengths, em * 8, em * 1.3f, colour::rescheduled, f);
  ImGui::EndChild();
}

}  // namespace vb::ui
