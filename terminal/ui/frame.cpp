// One frame of the terminal: header (team, date, clock, freshness, screen tabs), any banner,
// the current screen, and a footer legend. Returns the command a person asked for.
#include "ui/bank_holiday_words.hpp"
#include "ui/icons.hpp"
#include "ui/screen.hpp"
#include "ui/admin_screen.hpp"
#include "ui/compliance_screen.hpp"
#include "ui/outcomes_screen.hpp"
#include "ui/lock_screen.hpp"
#include "ui/locked_sign_ins.hpp"
#include "ui/today_add_visit.hpp"
#include "ui/ooh_screen.hpp"
#include "ui/plans_screen.hpp"
#include "ui/reviews_screen.hpp"
#include "ui/review_sheets.hpp"
#include "ui/staff_screen.hpp"
#include "ui/still_loading.hpp"
#include "ui/theme.hpp"
#include "ui/today_screen.hpp"
#include "ui/touch_keyboard.hpp"
#include "ui/visit_sheet.hpp"
#include "ui/widgets.hpp"

#include <vector>

namespace vb::ui {

std::optional<Screen> parse_screen(std::string_view name) {
  if (name == "today") return Screen::today;
  if (name == "staff") return Screen::staff;
  if (name == "reviews") return Screen::reviews;
  if (name == "admin") return Screen::admin;
  if (name == "compliance") return Screen::compliance;
  if (name == "outcomes") return Screen::outcomes;
  if (name == "lock") return Screen::lock;
  if (name == "ooh") return Screen::ooh;
  if (name == "plans") return Screen::plans;
  return std::nullopt;
}

std::string_view screen_name(Screen s) {
  switch (s) {
    case Screen::today: return "today";
    case Screen::staff: return "staff";
    case Screen::reviews: return "reviews";
    case Screen::admin: return "admin";
    case Screen::compliance: return "compliance";
    case Screen::outcomes: return "outcomes";
    case Screen::lock: return "lock";
    case Screen::ooh: return "ooh";
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

// The header's tabs, in the order a shift walks through them.
constexpr std::pair<const char*, Screen> header_tabs[] = {
    {"Today", Screen::today},         {"By staff", Screen::staff},         {"Plans", Screen::plans},
    {"Reviews", Screen::reviews},     {"Out of hours", Screen::ooh},       {"Compliance", Screen::compliance},
    {"Outcomes", Screen::outcomes},   {"Admin", Screen::admin},
};

// Width of the tabs plus the Names/Initials and Privacy now buttons, as drawn (bold font pushed).
float tabs_width(float em) {
  const ImGuiStyle& style = ImGui::GetStyle();
  float w = 0;
  for (const auto& [label, screen] : header_tabs)
    w += ImGui::CalcTextSize(label).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
  return w + em * (6.2f + 8.6f) + style.ItemSpacing.x * 2;
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
  std::string day = format_day_label(in.board.date);
  // Out of hours all day, said in words on every screen (data/bank_holidays.json).
  if (const BankHoliday* h = in.snapshot.rota_rules.bank_holidays.on(in.board.date)) day += "  ·  " + bank_holiday_words(*h);
  ImGui::Text("%s  ·  %s", day.c_str(), in.snapshot.team.name.c_str());
  ImGui::PopFont();
  const DayBoard& b = in.board;
  ImGui::PushFont(f.small);
  const Staff* who = in.snapshot.find_staff(state.signed_in);
  std::string signed_in = state.locked ? "  ·  locked" : who ? "  ·  signed in: " + who->name : "";
  if (in.night) signed_in += std::string("  ·  ") + icon::moon + (in.dimmed ? " night view, dimmed" : " night view");
  ImGui::TextColored(v4(colour::text_dim), "%d people · %d visits · %d done · %s%s", static_cast<int>(b.rows.size()),
                     b.visit_count, b.done_count, freshness(in.loaded_at, in.now, zone).c_str(), signed_in.c_str());
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
  // Locked: one Sign in button instead of the tabs; unlocked: tabs, names/initials, Privacy now.
  ImGui::PushFont(f.bold);
  const float right_w = state.locked ? em * 9.0f : tabs_width(em);
  ImGui::PopFont();
  const float max_x = ImGui::GetWindowContentRegionMax().x;
  ImGui::SameLine(0, em * 1.2f);
  // On a narrow screen (desk, 1280 wide) the tabs take a row of their own under the title rather
  // than running off the edge.
  const bool tabs_inline = ImGui::GetCursorPosX() + right_w <= max_x;
  const float tabs_x = max_x - right_w;
  const bool alerts_inline = ImGui::GetCursorPosX() + alerts_w < (tabs_inline ? tabs_x : max_x);
  if (alerts_inline) {
    for (const auto& a : alerts) {
      pill(a.icon, a.text, a.fill, a.ink, f.bold);
      ImGui::SameLine();
    }
  }

  // Tabs and privacy: right-aligned beside the title, or on their own row.
  if (tabs_inline) ImGui::SameLine(std::max(ImGui::GetCursorPosX(), tabs_x));
  else ImGui::NewLine();
  ImGui::PushFont(f.bold);
  if (state.locked) {
    std::string label = std::string(icon::lock) + "  Sign in";
    ImGui::PushStyleColor(ImGuiCol_Button, v4(colour::accent));
    ImGui::PushStyleColor(ImGuiCol_Text, v4(colour::text_dark));
    if (ImGui::Button(label.c_str(), ImVec2(em * 8.6f, em * 2.2f))) {
      state.lock_pad_open = true;
      state.pin_digits.clear();
    }
    ImGui::PopStyleColor(2);
    state.targets.add_last_item("sign_in");
    ImGui::PopFont();
    if (!alerts_inline && !alerts.empty()) {
      for (size_t i = 0; i < alerts.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        pill(alerts[i].icon, alerts[i].text, alerts[i].fill, alerts[i].ink, f.bold);
      }
    }
    return;
  }
  for (const auto& [label, screen] : header_tabs) {
    tab(label, screen, state, em);
    ImGui::SameLine();
  }
  std::string privacy = state.privacy ? std::string(icon::eye) + " Names" : std::string(icon::eye_slash) + " Initials";
  if (ImGui::Button(privacy.c_str(), ImVec2(em * 6.2f, em * 2.2f))) state.privacy = !state.privacy;
  state.targets.add_last_item("privacy");
  ImGui::SameLine();
  std::string lock_label = std::string(icon::lock) + " Privacy now";
  if (ImGui::Button(lock_label.c_str(), ImVec2(em * 8.6f, em * 2.2f))) lock_now(state);
  state.targets.add_last_item("privacy_now");
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
  if (state.screen == Screen::lock) {  // `screenshot --screen lock`: the PIN pad over the board
    lock_now(state);
    state.lock_pad_open = true;
  }
  if (state.locked) {
    state.privacy = true;  // the wall view: initials, local id, named worker
    if (state.screen != Screen::today) state.screen = Screen::today;
  }
  const ImGuiIO& io = ImGui::GetIO();
  if (state.lock_pad_open && state.locked && in.privacy_blur && in.privacy_blur_ready) {
    // The pad over this opening's blurred picture: the board under it would be drawn only to be
    // covered (on a CPU renderer that costs as much as the rest of the frame). Nothing else changes.
    draw_lock_pad(in, state);
    if (in.dimmed) ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0, 0), io.DisplaySize, IM_COL32(0, 0, 0, 80));
    return std::nullopt;  // nothing is changed from a locked screen
  }
  if (in.shift.x != 0 || in.shift.y != 0) {
    // Burn-in care: the whole picture sits a few pixels off centre, a different way each minute.
    const float m = static_cast<float>(burn_in_max_px);
    ImGui::SetNextWindowPos(ImVec2(m + static_cast<float>(in.shift.x), m + static_cast<float>(in.shift.y)));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x - 2 * m, io.DisplaySize.y - 2 * m));
  } else {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
  }
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
  std::optional<Command> screen_command;
  std::optional<Command> ooh_command;
  // The footer's "N more below" is the screen on view's: a screen with a long list sets it again.
  state.rows_below = 0;
  if (in.still_loading && !state.locked) draw_still_loading(in, body_h);  // only the locked Today is whole
  else switch (state.screen) {
    case Screen::today: tapped = draw_today_screen(in, state, body_h); break;
    case Screen::staff: tapped = draw_staff_screen(in, state, body_h); break;
    case Screen::reviews: draw_reviews_screen(in, state, body_h); break;
    case Screen::admin: screen_command = draw_admin(in, state, body_h); break;  // sections: staff access, backups
    case Screen::compliance: draw_compliance_screen(in, state, body_h); break;
    case Screen::outcomes: draw_outcomes_screen(in, state, body_h); break;
    case Screen::lock: break;
    case Screen::ooh: ooh_command = draw_ooh_screen(in, state, body_h); break;
    case Screen::plans: screen_command = draw_plans_screen(in, state, body_h); break;
  }
  footer(in, state);
  if (tapped && state.locked) state.lock_pad_open = true;  // sign in first, then record
  else if (tapped) open_visit_sheet(in, state, *tapped);
  std::optional<Command> command = draw_visit_sheet(in, state);
  if (!command) command = draw_review_sheets(in, state);
  if (!command) command = screen_command;
  if (!command) command = ooh_command;
  if (state.screen == Screen::today && !in.still_loading)  // "+ Visit" on a Today row (session 8)
    if (auto added = draw_today_add_visit(in, state)) command = added;
  ImGui::End();
  draw_touch_keyboard(in.fonts, state);  // over the field it types into (session 7)
  draw_lock_pad(in, state);
  if (in.dimmed) ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0, 0), io.DisplaySize, IM_COL32(0, 0, 0, 80));
  if (state.locked) command.reset();  // nothing is changed from a locked screen
  return command;
}

}  // namespace vb::ui
