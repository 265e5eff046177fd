#pragma once
// Which derived boards the screen on view reads (ui/*.cpp through FrameInput), so the kiosk derives
// only those between frames (TerminalModel::ensure). The header reads the day board on every screen
// (date, counts, alerts), and the locked wall view is Today with the PIN pad.
#include "app/terminal_model.hpp"
#include "ui/screen.hpp"

namespace vb::app {

inline BoardSet boards_needed(const ui::UiState& state) {
  BoardSet need = boards::day;
  if (state.locked || state.screen == ui::Screen::lock) return need;  // drawn as Today; sheets cannot open
  switch (state.screen) {
    case ui::Screen::staff: need |= boards::staff; break;
    case ui::Screen::reviews: need |= boards::reviews | boards::staff; break;  // the sheets list who is on shift
    case ui::Screen::compliance: need |= boards::compliance; break;
    case ui::Screen::outcomes: need |= boards::outcomes; break;
    case ui::Screen::plans: need |= boards::plans | boards::staff; break;  // plan actions list who is on shift
    default: break;
  }
  if (state.visit_sheet) need |= boards::staff;  // who may record or be allocated
  if (state.record_for || state.book_for || state.ack_episode) need |= boards::reviews | boards::staff;
  return need;
}

// The out-of-hours board (OohBoardCache) is read only by its own screen.
inline bool ooh_needed(const ui::UiState& state) { return !state.locked && state.screen == ui::Screen::ooh; }

}  // namespace vb::app
