#pragma once
// The admin screen: backups (last good one, next scheduled, failures, kept archives, back up now),
// and staff access (issue 7).
#include "ui/screen.hpp"

namespace vb::ui {

void draw_admin_screen(const FrameInput& in, UiState& state, float height);

// The whole Admin tab (issue 7): two large section buttons, "Staff and access" (ui/access_panel.hpp)
// and "Backups and locked sign-ins" (the backups above and ui/locked_sign_ins.hpp). A signed-in
// admin starts on Staff and access, anyone else on Backups. Targets "admin_section:staff",
// "admin_section:backups".
std::optional<Command> draw_admin(const FrameInput& in, UiState& state, float height);

}  // namespace vb::ui
