// Tiles of compliance figures, and the list and definition behind one.
#include "ui/compliance_screen.hpp"

#include "ui/charts.hpp"
#include "ui/icons.hpp"
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

void tile(const FrameInput& in, UiState& state, const MeasureResult& m, ImVec2 size) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  const MeasureRule& rule = *m.rule;
  const MeasureFigure& fig = m.current;
  ImGui::PushID(rule.id.c_str());
  const ImVec2 p = ImGui::GetCursorScreenPos();
  if (ImGui::InvisibleButton("tile", size)) {
    state.compliance_measure = state.compliance_measure == rule.id ? "" : rule.id;
    state.compliance_definition = false;
  }
  state.targets.add_last_item("measure:" + rule.id);
  ImGui::PopID();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 q(p.x + size.x, p.y + size.y);
  const StateStyle st = state_style(fig.state);
  const bool selected = state.compliance_measure == rule.id;
  dl->AddRectFilled(p, q, colour::panel, em * 0.3f);
  dl->AddRectFilled(p, ImVec2(p.x + em * 0.35f, q.y), st.fill, em * 0.3f, ImDrawFlags_RoundCornersLeft);
  if (selected) dl->AddRect(p, q, colour::accent, em * 0.3f, 0, em * 0.18f);

  const float pad = em * 0.8f;
  dl->PushClipRect(p, q, true);
  float y = p.y + em * 0.5f;
  dl->AddText(f.small, f.small->FontSize, ImVec2(p.x + pad, y), colour::text_dim, rule.group.c_str());
  y += f.small->FontSize * 1.15f;
  // The label wraps on narrow tiles rather than being cut off.
  const float wrap = size.x - 2 * pad;
  dl->AddText(f.bold, em, ImVec2(p.x + pad, y), colour::text, rule.label.c_str(), nullptr, wrap);
  y += f.bold->CalcTextSizeA(em, 1e6f, wrap, rule.label.c_str()).y + em * 0.3f;

  // Left: big figure, target, counts, state pill. Right: the 12-week trend over the same rows.
  const float figure_y = y;
  const std::string value = measure_value_text(rule, fig);
  dl->AddText(f.big, f.big->FontSize, ImVec2(p.x + pad, y), colour::text, value.c_str());
  y += f.big->FontSize * 1.1f;
  dl->AddText(f.body, em, ImVec2(p.x + pad, y), colour::text_dim, measure_target_text(rule).c_str());
  y += em * 1.25f;
  char counts[64];
  if (rule.unit == MeasureUnit::count)
    std::snprintf(counts, sizeof counts, "%g of %g open", fig.numerator, fig.denominator);
  else if (rule.unit == MeasureUnit::average)
    std::snprintf(counts, sizeof counts, "%g over %g person-weeks", fig.numerator, fig.denominator);
  else
    std::snprintf(counts, sizeof counts, "%g of %g", fig.numerator, fig.denominator);
  dl->AddText(f.small, f.small->FontSize, ImVec2(p.x + pad, y), colour::text_dim, counts);
  y += f.small->FontSize * 1.4f;

  const std::string word = std::string(st.icon) + " " + std::string(rag_label(fig.state));
  const ImVec2 word_size = f.bold->CalcTextSizeA(em, 1e6f, 0, word.c_str());
  const ImVec2 pill_min(p.x + pad, y);
  const ImVec2 pill_max(pill_min.x + word_size.x + em * 0.9f, y + em * 1.6f);
  dl->AddRectFilled(pill_min, pill_max, st.fill, em * 0.8f);
  dl->AddText(f.bold, em, ImVec2(pill_min.x + em * 0.45f, y + em * 0.3f), st.ink, word.c_str());

  std::vector<double> values;
  std::vector<bool> has;
  for (const auto& w : m.weeks) {
    values.push_back(w.value);
    has.push_back(w.state != RagState::no_data);
  }
  const float left_w = std::max({pill_max.x - p.x, f.big->CalcTextSizeA(f.big->FontSize, 1e6f, 0, value.c_str()).x + pad,
                                 f.body->CalcTextSizeA(em, 1e6f, 0, measure_target_text(rule).c_str()).x + pad});
  ImVec2 s_min(std::max(p.x + left_w + em, p.x + size.x * 0.5f), figure_y + em * 0.4f);
  ImVec2 s_max(q.x - pad, pill_max.y - f.small->FontSize * 1.4f);
  if (s_max.x - s_min.x <= em * 3) {
    // A narrow tile: the trend goes beside the big figure, its caption beside the pill.
    const float value_w = f.big->CalcTextSizeA(f.big->FontSize, 1e6f, 0, value.c_str()).x;
    s_min = ImVec2(std::max(p.x + pad + value_w + em, p.x + size.x * 0.45f), figure_y + em * 0.3f);
    s_max = ImVec2(q.x - pad, figure_y + f.big->FontSize * 0.95f);
    const float caption_w = f.small->CalcTextSizeA(f.small->FontSize, 1e6f, 0, "12 weeks").x;
    if (s_max.x - s_min.x > em * 3 && s_max.y - s_min.y > em * 0.8f) {
      sparkline(dl, s_min, s_max, values, has, rule.target, rule.unit == MeasureUnit::share ? 1.0 : 0.0, colour::accent,
                colour::text_dim);
      if (pill_max.x + em + caption_w < q.x - pad)
        dl->AddText(f.small, f.small->FontSize, ImVec2(q.x - pad - caption_w, pill_min.y + em * 0.35f), colour::text_dim,
                    (std::to_string(m.weeks.size()) + " weeks").c_str());
    }
  } else if (s_max.x - s_min.x > em * 3 && s_max.y - s_min.y > em) {
    sparkline(dl, s_min, s_max, values, has, rule.target, rule.unit == MeasureUnit::share ? 1.0 : 0.0, colour::accent,
              colour::text_dim);
    dl->AddText(f.small, f.small->FontSize, ImVec2(s_min.x, s_max.y + f.small->FontSize * 0.3f), colour::text_dim,
                (std::to_string(m.weeks.size()) + " weeks").c_str());
  }
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
    ImGui::TextWrapped("%s%s", item.visit ? ("visit " + std::to_string(item.visit) + ": ").c_str() : "", item.detail.c_str());
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
  const float min_h = em * 9.6f;
  int columns = std::max(1, static_cast<int>((tiles_w + spacing) / (em * 15.5f)));
  // More, narrower tiles (down to 12.5 em) when that lets every tile show without scrolling.
  const int fit_rows = std::max(1, static_cast<int>((body_h + spacing) / (min_h + spacing)));
  const int want = (static_cast<int>(b.measures.size()) + fit_rows - 1) / fit_rows;
  if (want > columns && (tiles_w + spacing) / static_cast<float>(want) - spacing >= em * 12.5f) columns = want;
  const int rows = (static_cast<int>(b.measures.size()) + columns - 1) / columns;
  // Fill the height when the tiles fit; scroll (leaving room for the bar) when they do not.
  const float fit_h = (body_h - spacing * static_cast<float>(rows - 1)) / static_cast<float>(std::max(1, rows)) - 1;
  const bool scrolls = fit_h < min_h;
  const float tile_h = scrolls ? min_h : std::min(fit_h, em * 13.0f);
  const float usable_w = tiles_w - (scrolls ? ImGui::GetStyle().ScrollbarSize : 0.0f);
  const float tile_w = (usable_w - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns) - 1;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(spacing, spacing));
  for (size_t i = 0; i < b.measures.size(); ++i) {
    if (i % static_cast<size_t>(columns) != 0) ImGui::SameLine();
    tile(in, state, b.measures[i], ImVec2(tile_w, tile_h));
  }
  ImGui::PopStyleVar();
  ImGui::EndChild();
  if (open) {
    ImGui::SameLine();
    detail_panel(in, state, *open, body_h);
  }
}

}  // namespace vb::ui
