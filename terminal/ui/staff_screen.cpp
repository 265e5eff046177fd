// By staff: one row per worker on shift (shift times, booked load), their visits as chips.
#include "ui/staff_screen.hpp"

#include "ui/icons.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace vb::ui {

namespace {

std::string shift_text(const Shift& sh, Zone zone) {
  std::string kind(to_string(sh.kind));
  kind[0] = static_cast<char>(kind[0] - 'a' + 'A');
  return kind + " " + format_local_hm(sh.start, zone) + "–" + format_local_hm(sh.end, zone);
}

bool chips(const FrameInput& in, UiState& state, const std::vector<BoardVisit>& visits, Id& tapped) {
  const Fonts& f = in.fonts;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float cw = chip_width(f) + ImGui::GetStyle().ItemSpacing.x;
  const int per_line = std::max(1, static_cast<int>(avail / cw));
  bool any = false;
  for (size_t k = 0; k < visits.size(); ++k) {
    if (k > 0 && static_cast<int>(k) % per_line != 0) ImGui::SameLine();
    if (visit_chip(in.snapshot, visits[k], f, state.targets, true, in.staff_day.date)) {
      tapped = visits[k].visit->id;
      any = true;
    }
  }
  return any;
}

}  // namespace

std::optional<Id> draw_staff_screen(const FrameInput& in, UiState& state, float height) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  Zone zone = in.snapshot.zone();
  Id tapped = 0;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
  if (!ImGui::BeginTable("staff", 3, flags, ImVec2(0, height))) return std::nullopt;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Staff", ImGuiTableColumnFlags_WidthFixed, em * 11.0f);
  ImGui::TableSetupColumn("Shift · booked", ImGuiTableColumnFlags_WidthFixed, em * 11.0f);
  ImGui::TableSetupColumn("Visits in time order", ImGuiTableColumnFlags_WidthStretch);
  ImGui::PushFont(f.bold);
  ImGui::TableHeadersRow();
  ImGui::PopFont();

  if (!in.staff_day.unallocated.empty()) {
    ImGui::TableNextRow(ImGuiTableRowFlags_None, em * 2.75f);
    ImGui::TableNextColumn();
    pill(icon::user_times, "Nobody yet", colour::warning, colour::text_dark, f.bold);
    ImGui::TableNextColumn();
    ImGui::PushFont(f.bold);
    ImGui::Text("%d to allocate", static_cast<int>(in.staff_day.unallocated.size()));
    ImGui::PopFont();
    ImGui::TableNextColumn();
    chips(in, state, in.staff_day.unallocated, tapped);
  }

  for (size_t i = 0; i < in.staff_day.rows.size(); ++i) {
    const StaffDayRow& row = in.staff_day.rows[i];
    ImGui::TableNextRow(ImGuiTableRowFlags_None, em * 2.75f);
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextColumn();
    ImGui::PushFont(f.bold);
    ImGui::TextUnformatted(row.staff->name.c_str());
    ImGui::PopFont();
    ImGui::PushFont(f.small);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour::text_dim), "%s · %s", row.staff->initials.c_str(),
                       words(row.staff->discipline).c_str());
    ImGui::PopFont();

    ImGui::TableNextColumn();
    if (row.shifts.empty()) {
      pill(icon::warning, "Not on shift", colour::missed, colour::text, f.body);
    } else {
      for (const Shift* sh : row.shifts) ImGui::TextUnformatted(shift_text(*sh, zone).c_str());
    }
    ImGui::PushFont(f.small);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour::text_dim), "%d visit%s · %d h %02d booked",
                       static_cast<int>(row.visits.size()), row.visits.size() == 1 ? "" : "s", row.booked_minutes / 60,
                       row.booked_minutes % 60);
    ImGui::PopFont();

    ImGui::TableNextColumn();
    if (row.visits.empty()) ImGui::TextDisabled("no visits");
    chips(in, state, row.visits, tapped);
    ImGui::PopID();
  }
  drag_to_scroll();
  state.rows_below = rows_below_view(em * 3.2f);
  ImGui::EndTable();
  if (tapped) return tapped;
  return std::nullopt;
}

}  // namespace vb::ui
