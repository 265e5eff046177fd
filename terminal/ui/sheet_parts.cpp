// Pieces the Plans screen's sheets share (ui/sheet_parts.hpp).
#include "ui/sheet_parts.hpp"
#include "ui/touch_keyboard.hpp"

#include "ui/icons.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>

namespace vb::ui {

namespace {

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

}  // namespace

void sheet_heading(const Fonts& f, const char* text) {
  ImGui::Spacing();
  ImGui::PushFont(f.bold);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
}

std::string sheet_staff_name(const Snapshot& s, const StaffId& id) {
  const Staff* m = s.find_staff(id);
  return m ? m->name : id.str();
}

// "Fri 20 Nov 11:00"
std::string sheet_when(Instant at, Zone zone) { return format_day_label(local_date_of(at, zone)) + " " + format_local_hm(at, zone); }

bool sheet_row(const Fonts& f, const SheetRow& row, bool read_only, float width, HitTargets& targets) {
  const float em = f.em;
  const ImVec2 size(width, em * 3.0f);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  bool pressed = false;
  if (read_only) ImGui::Dummy(size);
  else pressed = ImGui::InvisibleButton(row.target.c_str(), size);
  targets.add_last_item(row.target);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 q(p.x + size.x, p.y + size.y);
  const ImU32 fill = row.chosen ? colour::accent : row.on ? row.on_fill : colour::planned;
  const ImU32 ink = row.chosen ? colour::text_dark : colour::text;
  dl->AddRectFilled(p, q, fill, em * 0.25f);
  if (row.on && !row.chosen) dl->AddRect(p, q, row.on_frame, em * 0.25f, 0, 2.0f);
  dl->PushClipRect(p, q, true);
  dl->AddText(f.big, f.big->FontSize, ImVec2(p.x + em * 0.4f, p.y + (size.y - f.big->FontSize) / 2), ink, row.icon);
  const float x = p.x + em * 0.4f + f.big->FontSize * 1.4f;
  dl->AddText(f.bold, f.bold->FontSize, ImVec2(x, p.y + em * 0.25f), ink, row.title.c_str());
  const std::string line = cut_to(f.small, row.line, q.x - x - em * 0.4f);
  dl->AddText(f.small, f.small->FontSize, ImVec2(x, p.y + em * 0.35f + f.bold->FontSize), row.chosen ? ink : colour::text_dim,
              line.c_str());
  dl->PopClipRect();
  return pressed;
}

std::string_view sheet_label_of(std::span<const SheetChoice> list, std::string_view value) {
  for (const auto& c : list)
    if (c.value == value) return c.label;
  return value;
}

// A list of choices as big buttons, `per_row` a row, then "Other (type it)" when `other`; `chosen`
// is the index (list size = Other). Targets "<prefix>:<i>" and "<prefix>:other".
namespace {
void choice_buttons(const Fonts& f, HitTargets& targets, UiState* state, std::span<const SheetChoice> list, int& chosen,
                    std::string& other_text, const std::string& prefix, bool other, int per_row, std::size_t limit) {
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float width = (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
  const ImVec2 size(width, f.em * 2.6f);
  const size_t n = list.size() + (other ? 1 : 0);
  for (size_t i = 0; i < n; ++i) {
    if (i % static_cast<size_t>(per_row) != 0) ImGui::SameLine();
    std::string label = i < list.size() ? std::string(list[i].label) : "Other (type it)";
    std::string name = prefix + ":" + (i < list.size() ? std::to_string(i) : "other");
    if (toggle_button((label + "##" + name).c_str(), size, chosen == static_cast<int>(i), targets, name))
      chosen = static_cast<int>(i);
  }
  if (other && chosen == static_cast<int>(list.size())) {
    const float width = std::min(ImGui::GetContentRegionAvail().x, f.em * 40.0f);
    const std::string id = "##" + prefix + "_other";
    if (state) {
      keyboard_text_box(f, *state, TextBox{id.c_str(), "Tap to type it", "Other", prefix + "_other", FieldKind::text, limit, width},
                        other_text);
    } else {
      ImGui::SetNextItemWidth(width);
      ImGui::InputTextWithHint(id.c_str(), "Type it", &other_text);
    }
  }
}
}  // namespace

void sheet_choice_buttons(const Fonts& f, HitTargets& targets, std::span<const SheetChoice> list, int& chosen,
                          std::string& other_text, const std::string& prefix, bool other, int per_row) {
  choice_buttons(f, targets, nullptr, list, chosen, other_text, prefix, other, per_row, 480);
}

void sheet_choice_buttons(const Fonts& f, UiState& state, std::span<const SheetChoice> list, int& chosen,
                          std::string& other_text, const std::string& prefix, bool other, int per_row, std::size_t other_limit) {
  choice_buttons(f, state.targets, &state, list, chosen, other_text, prefix, other, per_row, other_limit);
}

std::optional<std::string> sheet_chosen_value(std::span<const SheetChoice> list, int chosen, const std::string& other) {
  if (chosen >= 0 && static_cast<size_t>(chosen) < list.size()) return std::string(list[static_cast<size_t>(chosen)].value);
  if (chosen == static_cast<int>(list.size()) && !other.empty()) return other;
  return std::nullopt;
}

// Who records: the signed-in person, or (no sign-in) a choice among those on shift.
const StaffId& sheet_author(const FrameInput& in, UiState& state) {
  if (!state.signed_in.empty()) {
    ImGui::Text("%s %s (signed in)", icon::user, sheet_staff_name(in.snapshot, state.signed_in).c_str());
    return state.signed_in;
  }
  sheet_heading(in.fonts, "Recorded by");
  std::vector<const Staff*> people;
  for (const auto& row : in.staff_day.rows) people.push_back(row.staff);
  staff_choice(people, state.acting, in.fonts, state.targets, "closure_by");
  return state.acting;
}

// The refusal in words (the same as `apply` gives) and a Save button; true when saved.
bool sheet_save_row(const FrameInput& in, UiState& state, const std::optional<Command>& candidate, const char* label,
              const std::string& target, const char* still_needed) {
  const Fonts& f = in.fonts;
  std::optional<std::string> problem;
  if (candidate) problem = command_problem(in.snapshot, *candidate);
  if (!candidate) ImGui::TextColored(v4(colour::text_dim), "%s", still_needed);
  if (problem) {
    ImGui::PushStyleColor(ImGuiCol_Text, v4(colour::warning));
    ImGui::TextWrapped("%s %s", icon::exclamation, problem->c_str());
    ImGui::PopStyleColor();
  }
  const bool can_save = candidate && !problem;
  ImGui::PushFont(f.bold);
  if (!can_save) ImGui::BeginDisabled();
  const bool saved = toggle_button((std::string(icon::check) + "  " + label).c_str(), ImVec2(f.em * 16.0f, f.em * 2.8f),
                                   can_save, state.targets, target);
  if (!can_save) ImGui::EndDisabled();
  ImGui::PopFont();
  return saved;
}

bool begin_hung_sheet(const char* popup, float em, float width_em, float& content_height, float top_em) {
  if (!ImGui::IsPopupOpen(popup)) ImGui::OpenPopup(popup);
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float top = std::min(em * top_em, display.y * 0.1f);
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, top), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
  // A size constraint on an auto-fitting popup shows a scrollbar even when all fits, hence by hand.
  const float max_height = display.y - top - em * 0.5f;
  ImGui::SetNextWindowSize(ImVec2(std::min(display.x * 0.96f, em * width_em), content_height > 0 ? std::min(content_height, max_height) : 0),
                           ImGuiCond_Always);
  return ImGui::BeginPopupModal(popup, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                                    ImGuiWindowFlags_NoSavedSettings);
}

void end_hung_sheet(float& content_height, bool keep_open) {
  content_height = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
  // A sheet taller than the screen (no sign-in: the names of those on shift) scrolls by dragging.
  drag_to_scroll();
  if (!keep_open) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace vb::ui
