// The plans screen: one large timeline for the chosen person, then a row per person on a plan.
#include "ui/plans_screen.hpp"

#include "ui/icons.hpp"
#include "ui/plan_actions.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace vb::ui {

namespace {

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

constexpr ImU32 phase_band_a = IM_COL32(44, 58, 74, 255);
constexpr ImU32 phase_band_b = IM_COL32(34, 46, 60, 255);

// Day columns: one block per planned contact, filled when done (✓ green), vermillion when missed,
// outlined when still ahead. Phase bands with their names run underneath; today is framed.
void draw_timeline(const PlanView& v, const Fonts& f, float width, float height, LocalDate today, bool labels) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float em = f.em;
  const int n = static_cast<int>(v.days.size());
  if (n == 0) {
    ImGui::Dummy(ImVec2(width, height));
    return;
  }
  const float col = width / static_cast<float>(n);
  const float band_h = labels ? em * 1.5f : em * 0.5f;
  const float date_h = labels ? f.small->FontSize * 1.2f : 0.0f;
  const float bars_h = height - band_h - date_h;
  const float block_h = std::min(bars_h / 3.2f, em * 1.6f);
  const float gap = std::max(1.0f, col * 0.12f);

  // Phase bands.
  int start = 0;
  for (int i = 1; i <= n; ++i) {
    if (i < n && v.days[static_cast<size_t>(i)].phase == v.days[static_cast<size_t>(start)].phase) continue;
    const int phase = v.days[static_cast<size_t>(start)].phase;
    ImVec2 a(p.x + col * static_cast<float>(start), p.y + bars_h);
    ImVec2 b(p.x + col * static_cast<float>(i), p.y + bars_h + band_h);
    if (phase >= 0) {
      dl->AddRectFilled(a, ImVec2(b.x - 1, b.y), phase % 2 == 0 ? phase_band_a : phase_band_b);
      if (labels) {
        const std::string& label = v.plan->phases[static_cast<size_t>(phase)].label;
        dl->PushClipRect(a, b, true);
        dl->AddText(f.small, f.small->FontSize, ImVec2(a.x + em * 0.3f, a.y + (band_h - f.small->FontSize) / 2),
                    colour::text, label.c_str());
        dl->PopClipRect();
      }
    }
    start = i;
  }

  for (int i = 0; i < n; ++i) {
    const PlanDay& d = v.days[static_cast<size_t>(i)];
    const float x0 = p.x + col * static_cast<float>(i) + gap / 2;
    const float x1 = p.x + col * static_cast<float>(i + 1) - gap / 2;
    const bool past = date::sys_days{d.date} < date::sys_days{today};
    const int blocks = std::max(d.planned, d.done + d.missed);
    for (int k = 0; k < blocks && k < 4; ++k) {
      const float y1 = p.y + bars_h - static_cast<float>(k) * block_h - 2;
      const float y0 = y1 - block_h + 2;
      ImVec2 a(x0, y0), b(x1, y1);
      if (k < d.done) {
        dl->AddRectFilled(a, b, colour::done, 2);
      } else if (k < d.done + d.missed) {
        dl->AddRectFilled(a, b, colour::missed, 2);
        dl->AddLine(a, b, colour::text, 2);  // a cross-stroke: missed is not colour alone
      } else if (past) {
        dl->AddRect(a, b, colour::cancelled, 2, 0, 1.5f);  // planned, no contact recorded
      } else {
        dl->AddRectFilled(a, b, colour::planned, 2);
        dl->AddRect(a, b, colour::accent, 2, 0, 1.5f);
      }
    }
    if (d.date == today) {
      dl->AddRect(ImVec2(p.x + col * static_cast<float>(i), p.y), ImVec2(p.x + col * static_cast<float>(i + 1), p.y + bars_h + band_h),
                  colour::warning, 0, 0, std::max(2.0f, em * 0.15f));
    }
    if (labels && date::weekday{date::sys_days{d.date}} == date::Monday) {
      std::string text = date::format("%d %b", d.date);
      dl->AddText(f.small, f.small->FontSize, ImVec2(p.x + col * static_cast<float>(i), p.y + bars_h + band_h + 1),
                  colour::text_dim, text.c_str());
      dl->AddLine(ImVec2(p.x + col * static_cast<float>(i), p.y), ImVec2(p.x + col * static_cast<float>(i), p.y + bars_h),
                  IM_COL32(80, 92, 106, 255), 1);
    }
  }
  ImGui::Dummy(ImVec2(width, height));
}

void flags_line(const PlanView& v, const Fonts& f, bool wrap_each) {
  bool any = false;
  // Each pill goes on the same line when it fits there, otherwise on a line of its own (nothing is cut
  // off at the right edge at 1280 px).
  auto place = [&](const char* icon_text, const std::string& text, ImFont* font) {
    if (any && !wrap_each) {
      const float gap = ImGui::GetStyle().ItemSpacing.x;
      const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
      const float x = ImGui::GetItemRectMax().x + gap;
      if (x + pill_width(icon_text, text, font) <= right) ImGui::SameLine();
    }
    any = true;
  };
  if (!v.blocked.empty()) {
    place(icon::ban, v.blocked, f.bold);
    pill(icon::ban, v.blocked, colour::warning, colour::text_dark, f.bold);
  }
  if (!v.carer_not_informed.empty()) {
    place(icon::users, v.carer_not_informed, f.bold);
    pill(icon::users, v.carer_not_informed, colour::warning, colour::text_dark, f.bold);
  }
  for (const auto& flag : v.fidelity) {
    place(icon::flag, flag, f.body);
    pill(icon::flag, flag, colour::panel, colour::text, f.body);
  }
}

std::optional<Command> detail(const FrameInput& in, const PlanView& v, UiState& state, float width) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  ImGui::PushFont(f.big);
  ImGui::TextUnformatted(person_label(v.person, state.privacy).c_str());
  ImGui::PopFont();
  ImGui::SameLine(0, em);
  ImGui::BeginGroup();
  ImGui::PushFont(f.bold);
  ImGui::Text("%s  ·  %s", std::string(stage_label(v.episode->stage)).c_str(), v.position.c_str());
  ImGui::PopFont();
  ImGui::TextColored(v4(colour::text_dim), "%s · worker %s · zone %s", v.person ? v.person->local_id.c_str() : "",
                     staff_initials(in.snapshot, v.episode->named_worker).c_str(), zone_label(v.episode->zone).c_str());
  ImGui::EndGroup();
  ImGui::SameLine(0, em * 2);
  ImGui::BeginGroup();
  ImGui::PushFont(f.bold);
  ImGui::Text("%s %d done   %s %d missed", icon::check, v.done_so_far, icon::warning, v.missed_so_far);
  ImGui::PopFont();
  if (!v.next_change.empty()) ImGui::Text("%s Next: %s", icon::calendar, v.next_change.c_str());
  ImGui::EndGroup();
  flags_line(v, f, false);
  if (v.shows_bundle) {
    std::string text = "Transition bundle " + std::to_string(v.bundle_done) + " of " + std::to_string(v.bundle_items);
    if (v.bundle_missing.empty()) {
      pill(icon::check, text + ": complete", colour::done, colour::text, f.body);
    } else {
      std::string missing;
      for (const auto& m : v.bundle_missing) missing += (missing.empty() ? "" : ", ") + m;
      pill(icon::list, text + " — missing: " + missing, colour::panel, colour::warning, f.body);
    }
  }
  const LocalDate today = local_date_of(in.now, in.snapshot.zone());
  draw_timeline(v, f, width, em * 6.8f, today, true);
  ImGui::PushFont(f.small);
  ImGui::TextColored(v4(colour::text_dim),
                     "each block one planned contact:  green %s done   vermillion / struck missed   outlined ahead   grey outline no contact recorded   yellow frame today",
                     icon::check);
  ImGui::PopFont();
  ImGui::Spacing();
  return draw_plan_actions(in, v, state);
}

}  // namespace

std::optional<Command> draw_plans_screen(const FrameInput& in, UiState& state, float height) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  if (!in.plans || in.plans->empty()) {
    ImGui::PushFont(f.bold);
    ImGui::TextUnformatted("No open episode has a contact plan.");
    ImGui::PopFont();
    return std::nullopt;
  }
  const auto& views = *in.plans;
  const PlanView* chosen = &views.front();
  if (state.plan_episode)
    for (const auto& v : views)
      if (v.episode->id == *state.plan_episode) chosen = &v;

  const float width = ImGui::GetContentRegionAvail().x;
  const float top = ImGui::GetCursorPosY();
  std::optional<Command> command = detail(in, *chosen, state, width);
  ImGui::Spacing();
  const float used = ImGui::GetCursorPosY() - top;

  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
  const float row_h = em * 3.0f;
  if (!ImGui::BeginTable("plans", 4, flags, ImVec2(0, std::max(em * 6, height - used)))) return command;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Person", ImGuiTableColumnFlags_WidthFixed, em * 9.5f);
  ImGui::TableSetupColumn("Where on the taper", ImGuiTableColumnFlags_WidthFixed, em * 12.5f);
  ImGui::TableSetupColumn("Last week · next five weeks", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("Flags", ImGuiTableColumnFlags_WidthFixed, em * 15.0f);
  ImGui::PushFont(f.bold);
  ImGui::TableHeadersRow();
  ImGui::PopFont();
  const LocalDate today = local_date_of(in.now, in.snapshot.zone());
  // Only the rows in sight are laid out (a trust has hundreds of plans); every row is row_h high.
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(views.size()));
  while (clipper.Step())
  for (size_t i = static_cast<size_t>(clipper.DisplayStart); i < static_cast<size_t>(clipper.DisplayEnd); ++i) {
    const PlanView& v = views[i];
    ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
    if (chosen == &v) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, IM_COL32(40, 70, 96, 255));
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextColumn();
    const ImVec2 row_start = ImGui::GetCursorScreenPos();
    ImGui::PushFont(f.bold);
    ImGui::TextUnformatted(person_label(v.person, state.privacy).c_str());
    ImGui::PopFont();
    ImGui::PushFont(f.small);
    ImGui::TextColored(v4(colour::text_dim), "%s · %s", v.person ? v.person->local_id.c_str() : "",
                       std::string(stage_label(v.episode->stage)).c_str());
    ImGui::PopFont();
    // The person's cell selects them for the large view above.
    ImGui::SetCursorScreenPos(row_start);
    if (ImGui::InvisibleButton("row", ImVec2(em * 9.5f, row_h - 2))) state.plan_episode = v.episode->id;
    state.targets.add_last_item("plan:" + std::to_string(v.episode->id));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(v.phase_label.empty() ? "—" : v.phase_label.c_str());
    ImGui::PushFont(f.small);
    ImGui::TextColored(v4(colour::text_dim), "%s", v.position.c_str());
    ImGui::PopFont();
    ImGui::TableNextColumn();
    draw_timeline(v, f, ImGui::GetContentRegionAvail().x, row_h - em * 0.3f, today, false);
    ImGui::TableNextColumn();
    if (!v.blocked.empty()) pill(icon::ban, "step-down blocked", colour::warning, colour::text_dark, f.bold);
    else if (v.shows_bundle && !v.bundle_missing.empty())
      pill(icon::list, "bundle " + std::to_string(v.bundle_done) + " of " + std::to_string(v.bundle_items), colour::panel,
           colour::warning, f.body);
    else if (!v.fidelity.empty())
      pill(icon::flag, std::to_string(v.fidelity.size()) + " fidelity flag" + (v.fidelity.size() > 1 ? "s" : ""),
           colour::panel, colour::text, f.body);
    else ImGui::TextDisabled("—");
    ImGui::PopID();
  }
  drag_to_scroll();
  state.rows_below = rows_below_view(row_h + ImGui::GetStyle().CellPadding.y * 2);
  ImGui::EndTable();
  return command;
}

}  // namespace vb::ui
