#pragma once
// "Add visit" from the Today board (session 8): a small "+ Visit" button at the end of each row's
// visits opens the same Add visit sheet as Plans (ui/add_visit_sheet.hpp, the AddVisit command) for
// that person, with the day preset to the board's day. Shown only on the unlocked board and, when
// someone is signed in, only to those who may add a visit (clinician or coordinator): the wall view
// and other roles see the board as before. No hover: one tap opens the sheet, Cancel closes it.
// Target "today_add_visit:<episode id>".
#include "ui/screen.hpp"

#include <optional>

namespace vb::ui {

// Whether the board shows the "+ Visit" buttons to whoever uses it now.
bool today_add_visit_offered(const FrameInput& in, const UiState& state);
// The width of the button (the Today row lays it out with the visit chips): "+ Visit" in words, or
// the compact one (session 9), 2.5 em square, a drawn plus over a small "Visit".
float today_add_visit_width(const Fonts& f, bool compact = false);
// Whether the board uses the compact button: when a visits cell `cell_width` wide cannot hold two
// visit chips and "+ Visit" on one line (the 1280x800 desk screen), so rows with two visits keep
// to one line. One choice for the whole board, so the buttons stand in one column.
bool today_add_visit_compact(const Fonts& f, float cell_width);
// Draws the button for `episode` at the cursor; a tap opens the sheet (returns true).
bool today_add_visit_button(const FrameInput& in, UiState& state, Id episode, bool compact = false);
// Opens the sheet for `episode`, the day preset to `day` when it is one the sheet offers.
void open_today_add_visit(UiState& state, Id episode, LocalDate today, LocalDate day);
// The sheet while open from Today; returns the AddVisit a person saved.
std::optional<Command> draw_today_add_visit(const FrameInput& in, UiState& state);

}  // namespace vb::ui
