#pragma once
// The plans screen's "Add visit" sheet (session 7): an extra visit for the person shown large, with
// no typing on the common path. The day from chips (today, tomorrow, the next days), the start from a
// list of half-hour slots (each out-of-hours slot marked with a moon, by the team's one rule), the
// planned length and the window from lists, the type, double-up yes/no, skills from the team's list,
// and why from a list with "Other". Before saving, one line says when it is and whether it will be
// out of hours. Emits AddVisit through command_problem like `apply`; a signed-in person without the
// clinician or coordinator role sees a sentence saying who can, and no buttons.
#include "core/plan_view.hpp"
#include "ui/closure_sheet.hpp"
#include "ui/screen.hpp"

#include <optional>
#include <span>

namespace vb::ui {

// Days offered, from today (0) on.
inline constexpr int add_visit_days_offered = 7;
// Start slots offered: every half hour of the day, 00:00 to 23:30, local (a start after midnight is
// on the next day's chip; one late in the evening may end the next day, ends_next_day).
std::span<const int> add_visit_start_slots();
std::span<const int> add_visit_lengths();  // planned length, minutes
std::span<const int> add_visit_windows();  // minutes from the start
std::span<const SheetChoice> add_visit_notes();

// Forgets the sheet's choices.
void reset_add_visit_sheet(UiState& state);
// The command the sheet's choices make (nullopt until day and start are chosen), authored by `by`.
std::optional<Command> add_visit_candidate(const FrameInput& in, Id episode, const UiState& state, const StaffId& by);
// "Out of hours: weekday after 17:00" / "In hours" for a visit starting then, by the team's rule.
std::string add_visit_hours_words(const Snapshot& s, LocalDate d, int start_min);
// Draws the sheet for v's episode; returns the command a person saved, if any.
std::optional<Command> draw_add_visit_sheet(const FrameInput& in, const PlanView& v, UiState& state);

}  // namespace vb::ui
