#pragma once
// Admin screen, lower part: whose sign-in is locked after repeated wrong PINs, and a "Clear lock"
// button for a signed-in shift coordinator or admin (emits ClearLockout, audited by the store).
#include "ui/screen.hpp"

namespace vb::ui {

// Height the panel wants for this snapshot (a title line and one row per locked person).
float locked_sign_ins_height(const FrameInput& in);
// Targets: "clear_lock:<staff id>".
std::optional<Command> draw_locked_sign_ins(const FrameInput& in, UiState& state, float height);

}  // namespace vb::ui
