// One frame of the terminal: header (team, date, clock, freshness, screen tabs), any banner,
// the current screen, and a footer legend. Returns the command a person asked for.
#include "ui/icons.hpp"
#include "ui/screen.hpp"
#include "ui/admin_screen.hpp"
#include "ui/plans_screen.hpp"
#include "ui/reviews_screen.hpp"
#include "ui/review_sheets.hpp"
#include "ui/staff_screen.hpp"
#include "ui/theme.hpp"
#include "ui/today_screen.hpp"
#include "ui/visit_sheet.hpp"
#include "ui/widgets.hpp"

#include <vector>

namespace vb::ui {

std::optional<Screen> parse_screen(std::string_view name) {
  if (name == "today") return Screen::today;
  if (name == "staff") return Screen::staff;
  if (name == "reviews") return Screen::reviews;
  if (name == "admin") return Screen::admin;
  if (name == "plans") return Screen::plans;
  return std::nullopt;
}

std::string_view screen_name(Screen s) {
  switch (s) {
    case Screen::today: return "today";
    case Screen::staff: return "staff";
    case Screen::reviews: return "reviews";
    case Screen::admin: return "admin";
    case Screen::plans: return "plans";
  }
  return "today";
}

namespace {

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

std::string freshness(Instant loaded_at, Instant now, Zone zone) {
  auto mins = std::chrono::duration_cast<std::chrono::minutes>(now - loaded_at).count();
  std::string when = "updated " + format_local_hm(loaded_at, zone);
  if (mins >= 2) when += " (" + std::to_string(mins) + " min ago)";
  return when;
}

void tab(const char* label, Screen s, UiState& state, float em) {
  bool current = state.screen == s;
  if (current) {
    ImGui::PushStyleColor(ImGuiCol_Button, v4(colour::accent));
    ImGui::PushStyleColor(ImGuiCol_Text, v4(colour::text_dark));
  }
  if (ImGui::Button(label, ImVec2(0, em * 2.2f))) state.screen = s;
  state.targets.add_last_item("tab:" + std::string(screen_name(s)));
  if (current) ImGui::PopStyleColor(2);
}

void header(const FrameInput& in, UiState& state) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  Zone zone = in.snapshot.zone();
  ImGui::PushFont(f.big);
  ImGui::TextUnformatted(format_local_hm(in.now, zone).c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::PushFont(f.bold);
  ImGui::Text("%s  ·  %s", format_day_label(in.board.date).c_str(), in.snapshot.team.name.c_str());
  ImGui::PopFont();
  const DayBoard& b = in.board;
  ImGui::PushFont(f.small);
  ImGui::TextColored(v4(colour::text_dim), "%d people · %d visits · %d done · %s", static_cast<int>(b.rows.size()),
                     b.visit_count, b.done_count, freshness(in.loaded_at, in.now, zone).c_str());
  ImGui::PopFont();
  ImGui::EndGroup();

  // Alerts the huddle must not miss, each with an icon and words. They sit between the title and
  // the tabs when there is room, else on a line of their own under the header.
  struct Alert {
    const char* icon;
    std::string text;
    ImU32 fill, ink;
  };
  std::vector<Alert> alerts;
  if (b.needs_follow_up_count > 0)
    alerts.push_back({icon::warning, std::to_string(b.needs_follow_up_count) + " missed, no follow-up", colour::missed, colour::text});
  if (b.open_escalations > 0)
    alerts.push_back({icon::exclamation, std::to_string(b.open_escalations) + " escalation" + (b.open_escalations > 1 ? "s" : "") + " open",
                      colour::missed, colour::text});
  if (in.backups.enabled && in.backups.overdue)
    alerts.push_back({icon::database, "backup overdue", colour::warning, colour::text_dark});
  if (b.unallocated_count > 0)
    alerts.push_back({icon::user_times, std::to_string(b.unallocated_count) + " unallocated", colour::warning, colour::text_dark});
  if (b.reviews_overdue > 0)
    alerts.push_back({icon::clock, std::to_string(b.reviews_overdue) + " review" + (b.reviews_overdue > 1 ? "s" : "") + " overdue",
                      colour::missed, colour::text});
  // Step-down (issue 3): blocked step-downs and carers not told, counted from the board's rows.
  int blocked = 0, untold = 0;
  for (const auto& row : b.rows) {
    if (!row.step_down_blocked.empty()) ++blocked;
    if (!row.carer_not_informed.empty()) ++untold;
  }
  if (blocked > 0)
    alerts.push_back({icon::ban, std::to_string(blocked) + " step-down" + (blocked > 1 ? "s" : "") + " blocked",
                      colour::warning, colour::text_dark});
  if (untold > 0)
    alerts.push_back({icon::users, std::to_string(untold) + " carer" + (untold > 1 ? "s" : "") + " not told",
                      colour::warning, colour::text_dark});
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  float alerts_w = 0;
  for (const auto& a : alerts) alerts_w += pill_width(a.icon, a.text, f.bold) + spacing;
  const float right_w = em * 32.6f;
  const float tabs_x = ImGui::GetWindowContentRegionMax().x - right_w;
  ImGui::SameLine(0, em * 1.2f);
  const bool alerts_inline = ImGui::GetCursorPosX() + alerts_w < tabs_x;
  if (alerts_inline) {
    for (const auto& a : alerts) {
      pill(a.icon, a.text, a.fill, a.ink, f.bold);
      ImGui::SameLine();
    }
  }

  // Tabs and privacy, right-aligned.
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), tabs_x));
  ImGui::PushFont(f.bold);
  tab("Today", Screen::today, state, em);
  ImGui::SameLine();
  tab("By staff", Screen::staff, state, em);
  ImGui::SameLine();
  tab("Reviews", Screen::reviews, state, em);
  ImGui::SameLine();
  tab("Plans", Screen::plans, state, em);
  ImGui::SameLine();
  tab("Admin", Screen::admin, state, em);
  ImGui::SameLine();
  std::string privacy = state.privacy ? std::string(icon::eye) + " Names" : std::string(icon::eye_slash) + " Initials";
  if (ImGui::Button(privacy.c_str(), ImVec2(em * 6.2f, em * 2.2f))) state.privacy = !state.privacy;
  state.targets.add_last_item("privacy");
  ImGui::PopFont();
  if (!alerts_inline && !alerts.empty()) {
    for (size_t i = 0; i < alerts.size(); ++i) {
      if (i > 0) ImGui::SameLine();
      pill(alerts[i].icon, alerts[i].text, alerts[i].fill, alerts[i].ink, f.bold);
    }
  }
}

void banner(const char* icon_text, const std::string& text, ImU32 fill, ImU32 ink, const Fonts& f) {
  ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x;
  const float h = f.em * 1.7f;
  ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + w, p.y + h), fill, f.em * 0.2f);
  std::string line = std::string(icon_text) + "  " + text;
  ImGui::GetWindowDrawList()->AddText(f.bold, f.em, ImVec2(p.x + f.em * 0.5f, p.y + f.em * 0.35f), ink, line.c_str());
  ImGui::Dummy(ImVec2(w, h));
}

void footer(const FrameInput& in, const UiState& state) {
  const Fonts& f = in.fonts;
  ImGui::PushFont(f.small);
  if (state.rows_below > 0) {
    ImGui::TextColored(v4(colour::accent), "%s %d more below — drag the list up", icon::arrow_down, state.rows_below);
    ImGui::SameLine(0, f.em * 2);
  }
  ImGui::TextColored(v4(colour::text_dim), "%s done   %s planned   %s missed / no access   %s cancelled   %s moved   %s nobody allocated   %s out of hours   %s two staff",
                     icon::check, icon::clock, icon::warning, icon::ban, icon::redo, icon::user_times, icon::moon, icon::users);
  ImGui::PopFont();
}

}  // namespace

std::optional<Command> draw_frame(const FrameInput& in, UiState& state) {
  state.targets.clear();
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("board", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
  header(in, state);
  if (!in.store_problem.empty()) {
    banner(icon::database,
           "Cannot read the database: " + in.store_problem + ". What is shown was read at " +
               format_local_hm(in.loaded_at, in.snapshot.zone()) + " and may be out of date.",
           colour::error, colour::text, in.fonts);
  } else if (!state.notice.empty() && in.now - state.notice_at <= UiState::notice_lifetime) {
    banner(state.notice_is_error ? icon::exclamation : icon::check, state.notice,
           state.notice_is_error ? colour::error : colour::done, colour::text, in.fonts);
  }
  const float footer_h = in.fonts.small->FontSize + ImGui::GetStyle().ItemSpacing.y * 2 + 2;
  const float body_h = ImGui::GetContentRegionAvail().y - footer_h;
  std::optional<Id> tapped;
  switch (state.screen) {
    case Screen::today: tapped = draw_today_screen(in, state, body_h); break;
    case Screen::staff: tapped = draw_staff_screen(in, state, body_h); break;
    case Screen::reviews: draw_reviews_screen(in, state, body_h); break;
    case Screen::admin: draw_admin_screen(in, state, body_h); break;
    case Screen::plans: draw_plans_screen(in, state, body_h); break;
  }
  footer(in, state);
  if (tapped) open_visit_sheet(in, state, *tapped);
  std::optional<Command> command = draw_visit_sheet(in, state);
  if (!command) command = draw_review_sheets(in, state);
  ImGui::End();
  return command;
}

}  // namespace vb::ui
