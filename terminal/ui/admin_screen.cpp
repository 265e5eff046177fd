// Admin: the state of backups in words a manager can check at a glance.
#include "ui/admin_screen.hpp"

#include "ui/access_panel.hpp"
#include "ui/icons.hpp"
#include "ui/locked_sign_ins.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace vb::ui {

namespace {

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

std::string when(Instant t, Zone zone) {
  return format_day_label(local_date_of(t, zone)) + " " + format_local_hm(t, zone);
}

}  // namespace

void draw_admin_screen(const FrameInput& in, UiState& state, float height) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  const Zone zone = in.snapshot.zone();
  const BackupStatus& b = in.backups;
  ImGui::BeginChild("admin", ImVec2(0, height), false);
  ImGui::PushFont(f.bold);
  ImGui::TextColored(v4(colour::accent), "%s  Backups", icon::database);
  ImGui::PopFont();
  if (!b.enabled) {
    ImGui::TextWrapped("Backups are not scheduled by this terminal. Take them with `visitboard backup FILE`, "
                       "or run the kiosk without --no-backups.");
    ImGui::EndChild();
    return;
  }
  if (!b.last_good) {
    pill(icon::warning, "No backup yet", colour::missed, colour::text, f.bold);
  } else if (b.overdue) {
    pill(icon::warning, "Last good backup " + when(*b.last_good, zone) + ": overdue", colour::missed, colour::text, f.bold);
  } else {
    pill(icon::check, "Last good backup " + when(*b.last_good, zone), colour::done, colour::text, f.bold);
  }
  ImGui::Spacing();
  if (b.last_good)
    ImGui::Text("%s  (%.1f MB)", b.last_good_file.c_str(), static_cast<double>(b.last_good_bytes) / 1e6);
  ImGui::TextColored(v4(colour::text_dim), "Folder: %s", b.folder.c_str());
  if (b.running) {
    ImGui::TextColored(v4(colour::accent), "%s Backing up now…", icon::refresh);
  } else if (b.next_due) {
    ImGui::TextColored(v4(colour::text_dim), "Next scheduled: %s", when(*b.next_due, zone).c_str());
  }
  if (!b.last_error.empty()) {
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(v4(colour::missed), "%s Last attempt failed%s: %s", icon::exclamation,
                       b.last_error_at ? (" at " + when(*b.last_error_at, zone)).c_str() : "", b.last_error.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::Spacing();
  if (b.running) ImGui::BeginDisabled();
  if (toggle_button((std::string(icon::database) + "  Back up now").c_str(), ImVec2(em * 11, em * 2.6f), false,
                    state.targets, "backup_now"))
    state.backup_requested = true;
  if (b.running) ImGui::EndDisabled();
  ImGui::Spacing();
  ImGui::PushFont(f.bold);
  ImGui::Text("Kept archives (%d, newest first)", static_cast<int>(b.kept.size()));
  ImGui::PopFont();
  ImGui::PushFont(f.small);
  for (const auto& name : b.kept) ImGui::TextUnformatted(name.c_str());
  ImGui::PopFont();
  ImGui::EndChild();
}

std::optional<Command> draw_admin(const FrameInput& in, UiState& state, float height) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  const Staff* me = in.snapshot.find_staff(state.signed_in);
  const bool admin = me && me->active && me->has_role(Role::admin) && !state.locked;
  const bool staff_section = state.admin_section == "staff" || (state.admin_section.empty() && admin);
  const float start_y = ImGui::GetCursorPosY();
  const ImVec2 section(std::min(em * 17, ImGui::GetContentRegionAvail().x / 2 - em), em * 2.6f);
  if (toggle_button((std::string(icon::key) + "  Staff and access").c_str(), section, staff_section, state.targets,
                    "admin_section:staff")) {
    state.admin_section = "staff";
  }
  ImGui::SameLine(0, em * 0.5f);
  if (toggle_button((std::string(icon::database) + "  Backups and locked sign-ins").c_str(),
                    ImVec2(section.x + em * 3, section.y), !staff_section, state.targets, "admin_section:backups")) {
    state.admin_section = "backups";
    close_access_pin_pad(state);
  }
  ImGui::Spacing();
  const float rest = height - (ImGui::GetCursorPosY() - start_y);
  if (state.admin_section == "staff" || (state.admin_section.empty() && admin)) return draw_access_panel(in, state, rest);
  const float locks_h = std::min(locked_sign_ins_height(in), rest / 2);
  draw_admin_screen(in, state, rest - locks_h);
  return draw_locked_sign_ins(in, state, locks_h);
}

}  // namespace vb::ui
