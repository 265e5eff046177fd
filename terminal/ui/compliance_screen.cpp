// Tiles of compliance figures, and the list and definition behind one.
#include "ui/compliance_screen.hpp"

#include "ui/charts.hpp"
#include "ui/icons.hpp"
#include "ui/solid_layer.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <cmath>
#include <cstdio>

namespace vb::ui {

namespace {

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

struct StateStyle {
  const char* icon;
  ImU32 fill, ink;
};
StateStyle state_style(RagState s) {
  switch (s) {
    case RagState::green:
      return {icon::check, colour::done, colour::text};
    case RagState::amber:
      return {icon::warning, colour::warning, colour::text_dark};
    case RagState::red:
      return {icon::times, colour::missed, colour::text};
    case RagState::no_data:
      break;
  }
  return {icon::question, colour::cancelled, colour::text};
}

std::string share_text(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%d%%", static_cast<int>(std::lround(100 * v)));
  return buf;
}

const MeasureResult* find_result(const ComplianceBoard& b, std::string_view id) {
  for (const auto& m : b.measures)
    if (m.rule->id == id) return &m;
  return nullptr;
}

// True once the current press has moved far enough to be a drag (a scroll), not a tap.
bool dragging() { return ImGui::GetIO().MouseDragMaxDistanceSqr[0] > 0.6f * ImGui::GetFontSize() * 0.6f * ImGui::GetFontSize(); }

// The shortest height a tile needs at this width: group and counts, a label of up to two lines, the
// figure with its trend beside it, the target, the state pill.
float tile_min_height(const Fonts& f) {
  const float em = f.em;
  return em * 0.45f + f.small->FontSize * 1.15f + em * 1.25f * 2 + em * 0.2f + f.big->FontSize * 1.1f + em * 1.2f +
         em * 1.6f + em * 0.45f;
}

// Text cut to `width` with an ellipsis (at most `lines` wrapped lines are drawn by the caller).
void wrapped_label(ImDrawList* dl, ImFont* font, float size, ImVec2 at, ImU32 ink, const std::string& text, float wrap,
                   int lines) {
  const float line_h = size * 1.25f;
  const char* p = text.c_str();
  const char* end = p + text.size();
  for (int line = 0; line < lines && p < end; ++line) {
    const char* stop = font->CalcWordWrapPositionA(size / font->FontSize, p, end, wrap);
    if (stop == p) stop = p + 1;
    std::string part(p, stop);
    p = stop;
    while (p < end && *p == ' ') ++p;
    if (line + 1 == lines && p < end) {
      // The last allowed line: shorten it until it fits with an ellipsis.
      std::string rest = part + " " + std::string(p, end);
      while (!rest.empty() && font->CalcTextSizeA(size, 1e6f, 0, (rest + "...").c_str()).x > wrap) rest.pop_back();
      part = rest + "...";
    }
    dl->AddText(font, size, ImVec2(at.x, at.y + line_h * static_cast<float>(line)), ink, part.c_str());
  }
}

int wrapped_lines(ImFont* font, float size, const std::string& text, float wrap) {
  const float h = font->CalcTextSizeA(size, 1e6f, wrap, text.c_str()).y;
  return std::max(1, static_cast<int>(std::lround(h / font->FontSize)));
}

// The panel, its state stripe and the state pill go in `layers`' fills, the rest on top.
void tile(const FrameInput& in, UiState& state, const MeasureResult& m, ImVec2 size, SolidLayer& layers) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  const MeasureRule& rule = *m.rule;
  const MeasureFigure& fig = m.current;
  ImGui::PushID(rule.id.c_str());
  const ImVec2 p = ImGui::GetCursorScreenPos();
  if (ImGui::InvisibleButton("tile", size) && !dragging()) {
    state.compliance_measure = state.compliance_measure == rule.id ? "" : rule.id;
    state.compliance_definition = false;
  }
  state.targets.add_last_item("measure:" + rule.id);
  ImGui::PopID();
  ImDrawList* dl = layers.draw_list();
  const ImVec2 q(p.x + size.x, p.y + size.y);
  const StateStyle st = state_style(fig.state);
  const bool selected = state.compliance_measure == rule.id;
  layers.fills();
  dl->AddRectFilled(p, q, colour::panel, em * 0.3f);
  dl->AddRectFilled(p, ImVec2(p.x + em * 0.35f, q.y), st.fill, em * 0.3f, ImDrawFlags_RoundCornersLeft);
  layers.rest();
  if (selected) dl->AddRect(p, q, colour::accent, em * 0.3f, 0, em * 0.18f);

  const float pad = em * 0.8f;
  const float right = q.x - em * 0.6f;
  const float wrap = right - (p.x + pad);
  dl->PushClipRect(p, q, true);
  float y = p.y + em * 0.45f;
  // Top line: the group, and the counts behind the figure on the right.
  char counts[64];
  if (rule.unit == MeasureUnit::count)
    std::snprintf(counts, sizeof counts, "%g of %g open", fig.numerator, fig.denominator);
  else if (rule.unit == MeasureUnit::average)
    std::snprintf(counts, sizeof counts, "%g person-weeks", fig.denominator);
  else
    std::snprintf(counts, sizeof counts, "%g of %g", fig.numerator, fig.denominator);
  const float counts_w = f.small->CalcTextSizeA(f.small->FontSize, 1e6f, 0, counts).x;
  dl->AddText(f.small, f.small->FontSize, ImVec2(p.x + pad, y), colour::text_dim, rule.group.c_str());
  if (p.x + pad + f.small->CalcTextSizeA(f.small->FontSize, 1e6f, 0, rule.group.c_str()).x + em < right - counts_w)
    dl->AddText(f.small, f.small->FontSize, ImVec2(right - counts_w, y), colour::text_dim, counts);
  y += f.small->FontSize * 1.15f;
  // The label: at most two lines, in body size, or a little smaller rather than cut.
  const int lines = wrapped_lines(f.bold, em, rule.label, wrap);
  const float label_size = lines <= 2 ? em : std::max(f.small->FontSize, em * 0.9f);
  wrapped_label(dl, f.bold, label_size, ImVec2(p.x + pad, y), colour::text, rule.label, wrap, 2);
  y += label_size * 1.25f * static_cast<float>(std::min(2, wrapped_lines(f.bold, label_size, rule.label, wrap))) + em * 0.2f;
  // Leave the same room under a one-line label, so figures line up across a row.
  y = std::max(y, p.y + em * 0.45f + f.small->FontSize * 1.15f + em * 1.25f * 2 + em * 0.2f);

  // The figure, and the trend beside it (dashes = target).
  const std::string value = measure_value_text(rule, fig);
  const float value_w = f.big->CalcTextSizeA(f.big->FontSize, 1e6f, 0, value.c_str()).x;
  dl->AddText(f.big, f.big->FontSize, ImVec2(p.x + pad, y), colour::text, value.c_str());
  std::vector<double> values;
  std::vector<bool> has;
  for (const auto& w : m.weeks) {
    values.push_back(w.value);
    has.push_back(w.state != RagState::no_data);
  }
  const ImVec2 s_min(p.x + pad + std::max(value_w, em * 3.2f) + em * 0.6f, y + em * 0.1f);
  const ImVec2 s_max(right, y + f.big->FontSize * 1.05f);
  if (s_max.x - s_min.x > em * 2.5f)
    sparkline(dl, s_min, s_max, values, has, rule.target, rule.unit == MeasureUnit::share ? 1.0 : 0.0, colour::accent,
              colour::text_dim);
  y += f.big->FontSize * 1.1f;
  // The target; under the trend, its span.
  const std::string target = measure_target_text(rule);
  ImFont* target_font = f.body->CalcTextSizeA(em, 1e6f, 0, target.c_str()).x <= wrap ? f.body : f.small;
  const float target_size = target_font == f.body ? em : f.small->FontSize;
  dl->AddText(target_font, target_size, ImVec2(p.x + pad, y), colour::text_dim, target.c_str());
  y += em * 1.2f;

  const std::string word = std::string(st.icon) + " " + std::string(rag_label(fig.state));
  const ImVec2 word_size = f.bold->CalcTextSizeA(em, 1e6f, 0, word.c_str());
  const ImVec2 pill_min(p.x + pad, y);
  const ImVec2 pill_max(pill_min.x + word_size.x + em * 0.9f, y + em * 1.6f);
  layers.fills();
  dl->AddRectFilled(pill_min, pill_max, st.fill, em * 0.8f);
  layers.rest();
  dl->AddText(f.bold, em, ImVec2(pill_min.x + em * 0.45f, y + em * 0.3f), st.ink, word.c_str());
  const std::string span = std::to_string(m.weeks.size()) + " wk";
  const float span_w = f.small->CalcTextSizeA(f.small->FontSize, 1e6f, 0, span.c_str()).x;
  if (pill_max.x + em * 0.5f + span_w < right)
    dl->AddText(f.small, f.small->FontSize, ImVec2(right - span_w, y + em * 0.4f), colour::text_dim, span.c_str());
  dl->PopClipRect();
}

std::string item_who(const FrameInput& in, const MeasureItem& item, bool privacy) {
  const Episode* e = item.episode ? in.snapshot.find_episode(item.episode) : nullptr;
  const Person* person = e ? in.snapshot.find_person(e->person_id) : nullptr;
  if (person) return person_label(person, privacy) + " (" + person->local_id + ")";
  if (item.shift) return "Night shift";
  return "Team";
}

void detail_panel(const FrameInput& in, UiState& state, const MeasureResult& m, float height) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  const MeasureRule& rule = *m.rule;
  const MeasureFigure& fig = m.current;
  ImGui::BeginChild("measure-detail", ImVec2(0, height), true);
  ImGui::PushFont(f.bold);
  ImGui::TextWrapped("%s", rule.label.c_str());
  ImGui::PopFont();
  const StateStyle st = state_style(fig.state);
  pill(st.icon, std::string(rag_label(fig.state)) + " · " + measure_value_text(rule, fig), st.fill, st.ink, f.bold);
  ImGui::SameLine();
  ImGui::TextColored(v4(colour::text_dim), "%s · %s to %s", measure_target_text(rule).c_str(),
                     format_day_label(fig.from).c_str(), format_day_label(fig.to).c_str());
  ImGui::PushFont(f.bold);
  if (toggle_button(state.compliance_definition ? "Hide definition" : "What this counts", ImVec2(em * 10, em * 2.4f),
                    state.compliance_definition, state.targets, "definition"))
    state.compliance_definition = !state.compliance_definition;
  ImGui::SameLine();
  if (ImGui::Button((std::string(icon::times) + " Close").c_str(), ImVec2(em * 6, em * 2.4f))) {
    state.compliance_measure.clear();
    state.compliance_definition = false;
  }
  state.targets.add_last_item("close-measure");
  ImGui::PopFont();

  if (state.compliance_definition) {
    ImGui::Separator();
    ImGui::TextWrapped("%s", rule.definition.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, v4(colour::text_dim));
    ImGui::TextWrapped("Source: %s", rule.source.c_str());
    ImGui::PopStyleColor();
    state.targets.add_last_item("definition-text");
  }
  ImGui::Separator();
  int not_met = 0;
  for (const auto& i : fig.items) not_met += i.met ? 0 : 1;
  const bool lower_is_worse = rule.unit == MeasureUnit::average;
  ImGui::TextColored(v4(colour::text_dim), lower_is_worse ? "%d above the target, %d at or below it" : "%d not met, %d met", not_met,
                     static_cast<int>(fig.items.size()) - not_met);
  ImGui::BeginChild("items", ImVec2(0, 0), false);
  if (fig.items.empty()) ImGui::TextUnformatted("Nothing to count in this period.");
  int shown = 0;
  for (const auto& item : fig.items) {
    if (++shown > 300) {
      ImGui::TextColored(v4(colour::text_dim), "... and %d more (the report lists them all)", static_cast<int>(fig.items.size()) - 300);
      break;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, v4(item.met ? colour::done : colour::missed));
    ImGui::TextUnformatted(item.met ? icon::check : icon::times);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::PushFont(f.bold);
    ImGui::TextUnformatted((format_day_label(item.day) + "  " + item_who(in, item, state.privacy)).c_str());
    ImGui::PopFont();
    if (item.episode && shown <= 50) state.targets.add_last_item("item:" + std::to_string(item.episode));
    ImGui::Indent(em * 1.5f);
    ImGui::PushStyleColor(ImGuiCol_Text, v4(colour::text_dim));
    const std::string_view text = fig.detail(item);
    ImGui::TextWrapped("%s%.*s", item.visit ? ("visit " + std::to_string(item.visit) + ": ").c_str() : "", static_cast<int>(text.size()),
                       text.data());
    ImGui::PopStyleColor();
    ImGui::Unindent(em * 1.5f);
  }
  ImGui::EndChild();
  ImGui::EndChild();
}

}  // namespace

std::string measure_value_text(const MeasureRule& rule, const MeasureFigure& f) {
  if (f.state == RagState::no_data) return "–";
  char buf[32];
  switch (rule.unit) {
    case MeasureUnit::share:
      return share_text(f.value);
    case MeasureUnit::average:
      std::snprintf(buf, sizeof buf, "%.1f", f.value);
      return buf;
    case MeasureUnit::count:
      break;
  }
  std::snprintf(buf, sizeof buf, "%d", static_cast<int>(std::lround(f.value)));
  return buf;
}

std::string measure_target_text(const MeasureRule& rule) {
  const bool higher = rule.direction == Direction::higher_is_better;
  if (rule.unit == MeasureUnit::share) return std::string("target ") + (higher ? "at least " : "at most ") + share_text(rule.target);
  char buf[48];
  if (rule.unit == MeasureUnit::count && rule.target == 0) return "target 0";
  std::snprintf(buf, sizeof buf, "target %s %g", higher ? "at least" : "at most", rule.target);
  return buf;
}

void draw_compliance_screen(const FrameInput& in, UiState& state, float height) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  if (!in.compliance) {
    ImGui::TextUnformatted("Compliance figures are not available.");
    return;
  }
  const ComplianceBoard& b = *in.compliance;
  const float top = ImGui::GetCursorPosY();
  ImGui::PushFont(f.bold);
  if (!b.measures.empty())
    ImGui::Text("Compliance · last %d days, %s to %s", static_cast<int>((date::sys_days{b.measures.front().current.to} -
                                                                          date::sys_days{b.measures.front().current.from})
                                                                             .count()) + 1,
                format_day_label(b.measures.front().current.from).c_str(), format_day_label(b.today).c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextColored(v4(colour::text_dim), "  Tap a tile for who is behind it");
  const float body_h = height - (ImGui::GetCursorPosY() - top);

  const MeasureResult* open = state.compliance_measure.empty() ? nullptr : find_result(b, state.compliance_measure);
  const float width = ImGui::GetContentRegionAvail().x;
  const float tiles_w = open ? width * 0.55f : width;
  ImGui::BeginChild("tiles", ImVec2(tiles_w, body_h), false);
  const float spacing = em * 0.6f;
  const float min_h = tile_min_height(f);
  const float min_w = em * 10.0f;
  const int n = static_cast<int>(b.measures.size());
  // The fewest columns (widest tiles) with which every tile shows without scrolling; when none
  // does (a narrow area, many measures), tiles of a comfortable width that scroll by drag.
  int columns = 0;
  float tile_w = 0, tile_h = 0;
  for (int c = 1; c <= n; ++c) {
    const int rows = (n + c - 1) / c;
    const float w = (tiles_w - spacing * static_cast<float>(c - 1)) / static_cast<float>(c) - 1;
    const float h = (body_h - spacing * static_cast<float>(rows - 1)) / static_cast<float>(rows) - 1;
    if (w < min_w) break;
    if (h >= min_h) {
      columns = c;
      tile_w = w;
      tile_h = std::min(h, em * 13.0f);
      break;
    }
  }
  if (columns == 0) {
    const float usable_w = tiles_w - ImGui::GetStyle().ScrollbarSize;
    columns = std::max(1, static_cast<int>((usable_w + spacing) / (em * 13.0f + spacing)));
    tile_w = (usable_w - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns) - 1;
    tile_h = min_h;
  }
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, spacing));
  // The tiles' panels cover over half of the screen: drawn first, all together, as solid fills.
  SolidLayer layers(ImGui::GetWindowDrawList(), in);
  for (int i = 0; i < n; ++i) {
    if (i % columns != 0) ImGui::SameLine();
    tile(in, state, b.measures[static_cast<size_t>(i)], ImVec2(tile_w, tile_h), layers);
  }
  layers.end();
  ImGui::PopStyleVar();
  // Touch: a drag anywhere on the tiles scrolls them.
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && ImGui::IsMouseDragging(0, 0.0f) && dragging())
    ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
  ImGui::EndChild();
  if (open) {
    ImGui::SameLine();
    detail_panel(in, state, *open, body_h);
  }
}

}  // namespace vb::ui
