#pragma once
// The plans screen's "Bundle and closure" sheet (issue 3 on the touch screen, no JSON): three sections
// opened from the episode actions.
//  - Transition bundle: every required item as a large row, done (✓, when, by whom, the detail) or not;
//    tapping a row chooses it, a detail comes from a short list where core needs one, Save records it
//    (RecordTransitionItem; recording a done item again is a new version, the latest counts).
//  - Carer contact: a key person of the person (consent to share shown by the name), the outcome and
//    what was shared as toggle chips (sharing only when reached and consented) -> LogCarerContact.
//  - Close episode: a reason and a destination from lists; an incomplete bundle lists what is missing
//    and needs an override reason from a list; a confirmation step says what closing removes -> CloseEpisode.
// Each command is authored by the signed-in person (or, with no sign-in, one chosen from those on shift)
// and goes through command_problem like `apply`; a signed-in person without the role sees the state,
// no buttons, and a sentence saying who can.
#include "core/plan_view.hpp"
#include "ui/screen.hpp"

#include <optional>
#include <span>
#include <string_view>

namespace vb::ui {

// A choice on a list: what is recorded, and its words on the button.
struct SheetChoice {
  std::string_view value;
  std::string_view label;
};

// The details offered for a bundle item (empty: it needs none). The last button is always
// "Other (type it)". For handover_summary_sent / joint_meeting, "today" and "yesterday" stand for
// those local dates (bundle_detail_value spells them).
std::span<const SheetChoice> bundle_detail_choices(std::string_view item);
std::string bundle_detail_value(const SheetChoice& c, LocalDate today);
std::span<const SheetChoice> closure_reasons();
std::span<const SheetChoice> closure_destinations();
std::span<const SheetChoice> override_reasons();

// Forgets the sheet's choices (the plans screen's close_panel calls it).
void reset_closure_sheet(UiState& state);
// Draws the sheet for v's episode; returns the command a person saved, if any.
std::optional<Command> draw_closure_sheet(const FrameInput& in, const PlanView& v, UiState& state);

}  // namespace vb::ui
