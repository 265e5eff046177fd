// The kiosk's style and the status/risk/zone colour mapping.
#include "ui/theme.hpp"

#include "ui/icons.hpp"

#include <algorithm>

namespace vb::ui {

ChipStyle visit_chip_style(VisitStatus status, bool missed, bool allocated) {
  if (missed) return {colour::missed, colour::text, icon::warning, "Missed"};
  switch (status) {
    case VisitStatus::done: return {colour::done, colour::text, icon::check, "Done"};
    case VisitStatus::no_access: return {colour::missed, colour::text, icon::warning, "No access"};
    case VisitStatus::cancelled_by_person: return {colour::cancelled, colour::text, icon::ban, "Cancelled"};
    case VisitStatus::cancelled_by_team: return {colour::cancelled, colour::text, icon::ban, "Cancelled"};
    case VisitStatus::rescheduled: return {colour::rescheduled, colour::text_dark, icon::redo, "Moved"};
    case VisitStatus::planned: break;
  }
  if (!allocated) return {colour::warning, colour::text_dark, icon::user_times, "Nobody"};
  return {colour::planned, colour::text, icon::clock, "Planned"};
}

ImU32 risk_colour(RiskLevel r) {
  switch (r) {
    case RiskLevel::high: return colour::risk_high;
    case RiskLevel::medium: return colour::risk_medium;
    case RiskLevel::low: return colour::risk_low;
  }
  return colour::risk_low;
}

ImU32 zone_colour(std::string_view z) {
  if (z == "red") return IM_COL32(200, 40, 40, 255);
  if (z == "amber") return IM_COL32(230, 159, 0, 255);
  if (z == "green") return IM_COL32(0, 158, 115, 255);
  if (z == "blue") return IM_COL32(0, 114, 178, 255);
  if (z == "black") return IM_COL32(0, 0, 0, 255);
  return IM_COL32(120, 120, 130, 255);
}

ImU32 zone_ink(std::string_view z) {
  return z == "amber" ? colour::text_dark : colour::text;
}

void apply_style(float font_px) {
  ImGuiStyle style;
  ImGui::StyleColorsDark(&style);
  const float em = font_px;
  style.WindowPadding = ImVec2(em * 0.6f, em * 0.5f);
  style.FramePadding = ImVec2(em * 0.6f, em * 0.45f);
  style.ItemSpacing = ImVec2(em * 0.5f, em * 0.4f);
  style.ItemInnerSpacing = ImVec2(em * 0.4f, em * 0.3f);
  style.CellPadding = ImVec2(em * 0.4f, em * 0.25f);
  style.ScrollbarSize = em * 1.1f;
  style.GrabMinSize = em;
  style.WindowRounding = 0;
  style.FrameRounding = em * 0.25f;
  style.PopupRounding = em * 0.3f;
  style.ChildRounding = 0;
  style.WindowBorderSize = 0;
  style.PopupBorderSize = std::max(2.0f, em * 0.12f);
  ImGui::GetStyle() = style;
  apply_palette(false);
}

ImU32 background_colour(bool night) { return night ? IM_COL32(0, 0, 0, 255) : colour::background; }

namespace {
// Surfaces painted in the background colour are left to the frame's clear (background_colour):
// on llvmpipe every opaque full-screen layer (window, child, table rows) costs as much CPU as the
// rest of the frame, and an idle board's CPU is its once-a-minute frame (issue 7, frugal).
void leave_background_to_clear(ImGuiStyle& style) {
  for (ImGuiCol col : {ImGuiCol_WindowBg, ImGuiCol_ChildBg, ImGuiCol_TableRowBg, ImGuiCol_ScrollbarBg})
    style.Colors[col] = ImVec4(0, 0, 0, 0);
}
}  // namespace

void apply_palette(bool night) {
  ImGuiStyle& style = ImGui::GetStyle();
  auto c = [](ImU32 v) { return ImGui::ColorConvertU32ToFloat4(v); };
  style.Colors[ImGuiCol_WindowBg] = c(colour::background);
  style.Colors[ImGuiCol_ChildBg] = c(colour::background);
  style.Colors[ImGuiCol_PopupBg] = c(IM_COL32(36, 50, 68, 255));
  style.Colors[ImGuiCol_Text] = c(colour::text);
  style.Colors[ImGuiCol_TextDisabled] = c(colour::text_dim);
  style.Colors[ImGuiCol_TableHeaderBg] = c(colour::header);
  style.Colors[ImGuiCol_TableRowBg] = c(colour::background);
  style.Colors[ImGuiCol_TableRowBgAlt] = c(colour::row_alt);
  style.Colors[ImGuiCol_TableBorderLight] = c(IM_COL32(50, 62, 76, 255));
  style.Colors[ImGuiCol_TableBorderStrong] = c(IM_COL32(70, 84, 100, 255));
  style.Colors[ImGuiCol_Button] = c(IM_COL32(52, 70, 92, 255));
  style.Colors[ImGuiCol_ButtonHovered] = c(IM_COL32(66, 90, 118, 255));
  style.Colors[ImGuiCol_ButtonActive] = c(IM_COL32(0, 114, 178, 255));
  style.Colors[ImGuiCol_FrameBg] = c(IM_COL32(40, 54, 70, 255));
  style.Colors[ImGuiCol_ModalWindowDimBg] = c(IM_COL32(0, 0, 0, 190));
  style.Colors[ImGuiCol_Border] = c(IM_COL32(86, 180, 233, 255));
  style.Colors[ImGuiCol_ScrollbarBg] = c(colour::background);
  style.Colors[ImGuiCol_ScrollbarGrab] = c(IM_COL32(80, 96, 116, 255));
  if (!night) return leave_background_to_clear(style);
  // Night: black where the day view is slate, text a touch brighter, rows told apart by a faint grey.
  const ImU32 black = IM_COL32(0, 0, 0, 255);
  for (ImGuiCol col : {ImGuiCol_WindowBg, ImGuiCol_ChildBg, ImGuiCol_TableRowBg, ImGuiCol_ScrollbarBg, ImGuiCol_TableHeaderBg})
    style.Colors[col] = c(black);
  style.Colors[ImGuiCol_TableRowBgAlt] = c(IM_COL32(18, 20, 24, 255));
  style.Colors[ImGuiCol_Text] = c(IM_COL32(255, 255, 255, 255));
  style.Colors[ImGuiCol_TextDisabled] = c(IM_COL32(205, 210, 215, 255));
  style.Colors[ImGuiCol_Button] = c(IM_COL32(38, 46, 56, 255));
  style.Colors[ImGuiCol_FrameBg] = c(IM_COL32(30, 36, 44, 255));
  leave_background_to_clear(style);
}

}  // namespace vb::ui
