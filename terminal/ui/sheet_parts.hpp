#pragma once
// Pieces the Plans screen's sheets share (ui/closure_sheet.cpp defines them): a bold heading, lists of
// big choice buttons with "Other (type it)", who records, and a Save row that shows command_problem's
// refusal in words above a disabled button.
#include "ui/closure_sheet.hpp"
#include "ui/screen.hpp"

#include <optional>
#include <span>
#include <string>

namespace vb::ui {

void sheet_heading(const Fonts& f, const char* text);
std::string sheet_staff_name(const Snapshot& s, const StaffId& id);
// "Fri 20 Nov 11:00"
std::string sheet_when(Instant at, Zone zone);

// One tappable 3-em row of a sheet (a bundle item, a care flag): a big icon, the title in bold and one
// small line under it (cut with "..." to fit). Accent when chosen; `on_fill` framed in `on_frame` when on.
// Target `target`; drawn but not tappable when read_only. Returns true when tapped.
struct SheetRow {
  std::string target;
  std::string title;
  std::string line;
  const char* icon = "";
  bool on = false;
  bool chosen = false;
  unsigned int on_fill = 0;   // ImU32
  unsigned int on_frame = 0;  // ImU32
};
bool sheet_row(const Fonts& f, const SheetRow& row, bool read_only, float width, HitTargets& targets);
std::string_view sheet_label_of(std::span<const SheetChoice> list, std::string_view value);
// A list of choices as big buttons, `per_row` a row, then "Other (type it)" when `other`; `chosen`
// is the index (list size = Other). Targets "<prefix>:<i>" and "<prefix>:other".
void sheet_choice_buttons(const Fonts& f, HitTargets& targets, std::span<const SheetChoice> list, int& chosen,
                          std::string& other_text, const std::string& prefix, bool other, int per_row = 3);
// The same, with the "Other" box typed on the on-screen keyboard (ui/touch_keyboard.hpp, session 7).
void sheet_choice_buttons(const Fonts& f, UiState& state, std::span<const SheetChoice> list, int& chosen,
                          std::string& other_text, const std::string& prefix, bool other, int per_row = 3,
                          std::size_t other_limit = 480);
std::optional<std::string> sheet_chosen_value(std::span<const SheetChoice> list, int chosen, const std::string& other);
// Who records: the signed-in person, or (no sign-in) a choice among those on shift.
const StaffId& sheet_author(const FrameInput& in, UiState& state);
// The refusal in words (the same as `apply` gives) and a Save button; true when saved.
bool sheet_save_row(const FrameInput& in, UiState& state, const std::optional<Command>& candidate, const char* label,
                    const std::string& target, const char* still_needed);

// A modal sheet hung from a fixed top edge (Bundle and closure, Add visit): it grows downwards as
// choices open, so nothing already on it moves under a finger (a centred sheet would shift up each
// time it grows). At most `width_em` wide; as tall as its content was last frame (`content_height`,
// kept by the caller from one frame to the next) up to the bottom of the screen, then it scrolls by
// dragging. begin_hung_sheet opens the popup and returns true when its contents are to be drawn;
// then end_hung_sheet records the height, closes the popup unless `keep_open`, and ends it.
// `top_em`: the top edge, in em from the top of the screen (at most a tenth of its height).
bool begin_hung_sheet(const char* popup, float em, float width_em, float& content_height, float top_em = 4.2f);
void end_hung_sheet(float& content_height, bool keep_open);

}  // namespace vb::ui
