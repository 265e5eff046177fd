#pragma once
// Drives the real screens without a window: ImGui with its default font, frames stepped by hand,
// taps written into io.MousePos/MouseDown like a finger (down one frame, up the next).
#include "core/day_board.hpp"
#include "core/compliance.hpp"
#include "core/outcomes.hpp"
#include "core/ooh_board_cache.hpp"
#include "ui/screen.hpp"

#include <imgui.h>

#include <vector>

namespace vb::test {

class HeadlessUi {
 public:
  HeadlessUi(const Snapshot& snapshot, Instant now, float width = 1280, float height = 800);
  ~HeadlessUi();

  // One frame; returns the command the frame emitted, if any.
  std::optional<Command> frame();
  // Taps the named target (frames: move+down, up). Fails the test when the target is not shown.
  std::optional<Command> tap(std::string_view target);
  bool shows(std::string_view target) const { return state.targets.contains(target); }
  // A desk keyboard: characters typed (one frame), and a key pressed (down one frame, up the next).
  std::optional<Command> type_text(std::string_view text);
  std::optional<Command> press(ImGuiKey key);
  const ComplianceBoard& compliance() const { return compliance_; }

  ui::UiState state;

 private:
  const Snapshot& snapshot_;
  Instant now_;
  DayBoard board_;
  StaffDay staff_day_;
  ReviewBoard reviews_;
  ComplianceRules compliance_rules_ = default_compliance_rules();
  ComplianceBoard compliance_;
  OutcomesBoard outcomes_;
  std::vector<PlanView> plans_;
  OohBoardCache ooh_;  // as the app: the shown window's board, derived before each frame

 public:
  BackupStatus backups;
  const ui::OohProposalView* proposal = nullptr;  // the out-of-hours proposal panel's input
  bool still_loading = false;  // FrameInput::still_loading (the kiosk's first frame's rows only)
  ImDrawCallback solid_fill = nullptr;  // FrameInput::solid_fill and its data (the platform's SolidFill)
  void* solid_fill_data = nullptr;

 private:
  ui::Fonts fonts_;
  ImVec2 mouse_{-1, -1};
  bool down_ = false;
};

}  // namespace vb::test
