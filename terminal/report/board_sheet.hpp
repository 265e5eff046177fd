#pragma once
// The day's board as a printable fallback sheet (text), or for scripts (csv, json).
// Built from the same DayBoard the screen draws, so the two always agree.
#include "core/day_board.hpp"

#include <string>

namespace vb::report {

enum class SheetFormat { text, csv, json };

struct SheetOptions {
  SheetFormat format = SheetFormat::text;
  bool names = false;  // full names appear only when asked for
};

std::string board_sheet(const Snapshot& s, const DayBoard& board, const SheetOptions& options);

// The csv header, in the contract's column order.
extern const char* const board_csv_header;

}  // namespace vb::report
