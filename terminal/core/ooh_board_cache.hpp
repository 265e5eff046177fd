#pragma once
// The out-of-hours board of the window a coordinator is looking at, derived once per window and
// data change, between frames (the screen's window bar changes the window; the frame only draws).
#include "core/ooh_gaps.hpp"

#include <optional>

namespace vb {

class OohBoardCache {
 public:
  // The board for `w` from `s`: derived now if the window or the data changed since the last call.
  const OohBoard& board_for(const Snapshot& s, const OohWindow& w) {
    if (!board_ || !same_window(board_->window, w) || snapshot_ != &s) {
      board_ = build_ooh_board(s, w);
      snapshot_ = &s;
    }
    return *board_;
  }
  // The data changed (a command, a reload): the next board_for derives again.
  void invalidate() { board_.reset(); }

  static bool same_window(const OohWindow& a, const OohWindow& b) {
    return a.date == b.date && a.part == b.part && a.start == b.start && a.end == b.end;
  }

 private:
  std::optional<OohBoard> board_;
  const Snapshot* snapshot_ = nullptr;
};

}  // namespace vb
