// The Today board: one row per person on the caseload, high risk first, today's visits as chips.
#include "ui/today_screen.hpp"

#include "ui/icons.hpp"
#include "ui/today_add_visit.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace vb::ui {

namespace {

void review_cell(const BoardRow& row, const FrameInput& in) {
  if (!row.next_review_due) {
    ImGui::TextDisabled("—");
    return;
  }
  Zone zone = in.snapshot.zone();
  auto due_date = local_date_of(*row.next_review_due, zone);
  std::string when = due_date == in.board.date ? "today " + format_local_hm(*row.next_review_due, zone)
                                               : format_day_label(due_date);
  switch (row.review_status) {
    case ReviewStatus::overdue: {
      // How long, not just since when: "overdue 20 h" reads faster than a date.
      auto hours = std::chrono::duration_cast<std::chrono::hours>(in.now - *row.next_review_due).count();
      std::string by = hours < 48 ? std::to_string(std::max<long>(hours, 1)) + " h" : std::to_string(hours / 24) + " days";
      pill(icon::warning, "Overdue " + by, colour::missed, colour::text, in.fonts.bold);
      break;
    }
    case ReviewStatus::due:
      pill(icon::clock, "Due " + when, colour::warning, colour::text_dark, in.fonts.bold);
      break;
    case ReviewStatus::ok:
      ImGui::PushFont(in.fonts.body);
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour::text_dim), "%s %s", icon::calendar, when.c_str());
      ImGui::PopFont();
      break;
  }
}

}  // namespace

std::optional<Id> draw_today_screen(const FrameInput& in, UiState& state, float height) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  std::optional<Id> tapped;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
  const float row_h = em * 2.75f;
  const bool add_visit = today_add_visit_offered(in, state);
  // Cells a little closer than the theme's (0.3 em, not 0.4, each side): the visits column gains
  // 1.4 em, room for two visits and the compact "+ Visit" on one line at 1280x800 (session 9).
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(em * 0.3f, ImGui::GetStyle().CellPadding.y));
  if (!ImGui::BeginTable("today", 7, flags, ImVec2(0, height))) {
    ImGui::PopStyleVar();
    return tapped;
  }
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Risk", ImGuiTableColumnFlags_WidthFixed, em * 4.5f);
  ImGui::TableSetupColumn("Person", ImGuiTableColumnFlags_WidthFixed, em * 9.2f);
  ImGui::TableSetupColumn("Zone", ImGuiTableColumnFlags_WidthFixed, em * 4.6f);
  ImGui::TableSetupColumn("Stage · phase", ImGuiTableColumnFlags_WidthFixed, em * 10.4f);
  ImGui::TableSetupColumn("Worker", ImGuiTableColumnFlags_WidthFixed, em * 3.0f);  // "Worker" in bold is 2.9 em
  ImGui::TableSetupColumn("Today's visits", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("Senior review", ImGuiTableColumnFlags_WidthFixed, em * 9.0f);
  ImGui::PushFont(f.bold);
  ImGui::TableHeadersRow();
  ImGui::PopFont();

  // A team's caseload is ~30 rows and chips may wrap, so every row is laid out (no clipper).
  {
    for (int i = 0; i < static_cast<int>(in.board.rows.size()); ++i) {
      const BoardRow& row = in.board.rows[static_cast<size_t>(i)];
      const Episode& e = *row.episode;
      ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
      ImGui::PushID(i);

      ImGui::TableNextColumn();
      pill(e.risk == RiskLevel::high ? icon::warning : nullptr, risk_label(e.risk), risk_colour(e.risk),
           e.risk == RiskLevel::medium ? colour::text_dark : colour::text, f.bold, em * 4.0f);

      ImGui::TableNextColumn();
      ImGui::PushFont(f.bold);
      ImGui::TextUnformatted(person_label(row.person, state.privacy).c_str());
      ImGui::PopFont();
      ImGui::PushFont(f.small);
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour::text_dim), "%s", row.person ? row.person->local_id.c_str() : "");
      ImGui::PopFont();

      ImGui::TableNextColumn();
      pill(nullptr, zone_label(e.zone), zone_colour(e.zone), zone_ink(e.zone), f.body, em * 4.0f);

      ImGui::TableNextColumn();
      const ImVec2 phase_cell = ImGui::GetCursorScreenPos();
      ImGui::TextUnformatted(std::string(stage_label(e.stage)).c_str());
      ImGui::PushFont(f.small);
      if (!row.step_down_blocked.empty())  // icon + words + colour; the plans screen says since when
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour::warning), "%s step-down blocked", icon::ban);
      else if (!row.carer_not_informed.empty())
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour::warning), "%s carer not told", icon::users);
      else
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour::text_dim), "%s", row.phase.empty() ? "no plan today" : row.phase.c_str());
      ImGui::PopFont();
      // Tapping the stage · phase cell opens this person's plan.
      const ImVec2 phase_after = ImGui::GetCursorScreenPos();
      ImGui::SetCursorScreenPos(phase_cell);
      if (ImGui::InvisibleButton("phase", ImVec2(em * 10.4f, std::max(row_h - 2, phase_after.y - phase_cell.y)))) {
        state.plan_episode = e.id;
        state.screen = Screen::plans;
      }
      state.targets.add_last_item("phase:" + std::to_string(e.id));

      ImGui::TableNextColumn();
      ImGui::PushFont(f.bold);
      ImGui::TextUnformatted(staff_initials(in.snapshot, e.named_worker).c_str());
      ImGui::PopFont();

      ImGui::TableNextColumn();
      if (row.visits.empty() && row.unresolved_missed.empty()) {
        ImGui::TextDisabled("no visit today");
      }
      const float cell_x = ImGui::GetCursorPosX();
      const float avail = ImGui::GetContentRegionAvail().x;
      const float cw = chip_width(f) + ImGui::GetStyle().ItemSpacing.x;
      const int per_line = std::max(1, static_cast<int>(avail / cw));
      // Earlier missed visits with no follow-up first: they are the oldest open gap.
      int k = 0;
      for (const auto* list : {&row.unresolved_missed, &row.visits}) {
        for (const BoardVisit& bv : *list) {
          if (k > 0 && k % per_line != 0) ImGui::SameLine();
          if (visit_chip(in.snapshot, bv, f, state.targets, false, in.board.date)) tapped = bv.visit->id;
          ++k;
        }
      }
      // "+ Visit" (session 8): the Add visit sheet for this person, on the board's day. At the right
      // end of the cell, so the buttons stand in one column; on a line of its own when the chips fill
      // the last one (narrow screens, rows with several visits).
      // Where two chips and "+ Visit" do not fit on a line (1280x800), the compact button (2.5 em
      // square) does, so a row with two visits stays one line (session 9).
      if (add_visit) {
        const bool compact = today_add_visit_compact(f, avail);
        const float bw = today_add_visit_width(f, compact);
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < bw) ImGui::NewLine();
        ImGui::SetCursorPosX(cell_x + avail - bw);
        today_add_visit_button(in, state, e.id, compact);
      }

      ImGui::TableNextColumn();
      review_cell(row, in);
      if (row.open_escalations > 0) pill(icon::exclamation, "Escalated", colour::missed, colour::text, f.small);
      ImGui::PopID();
    }
  }
  // Touch: drag anywhere on the list to scroll it.
  drag_to_scroll();
  state.rows_below = rows_below_view(row_h + ImGui::GetStyle().CellPadding.y * 2);
  ImGui::EndTable();
  ImGui::PopStyleVar();
  return tapped;
}

}  // namespace vb::ui
