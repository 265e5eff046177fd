#pragma once
// Small drawing pieces shared by the screens: visit chips, pills, icon+word labels.
#include "core/day_board.hpp"
#include "ui/fonts.hpp"
#include "ui/hit_targets.hpp"

#include <imgui.h>

#include <string>
#include <vector>

namespace vb::ui {

// Width of a visit chip in pixels for the current font.
float chip_width(const Fonts& f);
// A tappable visit chip: icon + status word, time window, staff (or the person, on the staff
// screen). Returns true when tapped. Registers "visit:<id>" in targets.
// A visit from another day than `day` (a carried-over missed visit) shows its day instead of its window.
bool visit_chip(const Snapshot& s, const BoardVisit& bv, const Fonts& f, HitTargets& targets, bool show_person,
                LocalDate day);
// A filled rounded label sized to its text.
void pill(const char* icon, std::string_view text, ImU32 fill, ImU32 ink, ImFont* font, float min_width = 0);
// A touch-sized button that shows whether it is the current choice; registers `name` in targets.
bool toggle_button(const char* label, ImVec2 size, bool selected, HitTargets& targets, std::string name);
// Buttons in a wrapping row, one per person; the chosen one highlighted. Targets "<prefix>:<id>".
void staff_choice(const std::vector<const Staff*>& people, StaffId& chosen, const Fonts& f, HitTargets& targets,
                  const std::string& prefix);
float pill_width(const char* icon, std::string_view text, ImFont* font);
// "Sam Ashford" or, in the privacy view, "SA"; staff names are not private.
std::string person_label(const Person* p, bool privacy);
std::string staff_initials(const Snapshot& s, const StaffId& id);
// "red" -> "Red"; "senior_practitioner" -> "Senior practitioner".
std::string zone_label(std::string_view zone);
std::string words(std::string_view snake_case);
// `text` cut to `width` pixels in `font` with "..." when it does not fit (ui/text_fit cut_to_width).
std::string cut_to(ImFont* font, std::string text, float width);
// Touch: dragging on the current window (by default also over its child windows) scrolls it, so no
// list needs a scrollbar or hover. Call before the window's End/EndChild.
void drag_to_scroll(ImGuiHoveredFlags over = ImGuiHoveredFlags_ChildWindows);
// How many rows of `row_pitch` pixels lie below the visible part of the current window (0 at the
// bottom): the "N more below" hint of the long lists.
int rows_below_view(float row_pitch);

}  // namespace vb::ui
