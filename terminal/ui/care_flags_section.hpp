#pragma once
// The Bundle and closure sheet's "Care flags" section: each care flag of the episode (core/care_flags.hpp)
// as a large row, standing (flag icon, "Noted <when> · <who>") or not ("Not noted", or "Cleared <when> ·
// <who>: <reason>"). Tapping a row that is not noted offers "Note flag" (RecordTransitionItem with the
// flag, as `apply` spells it); tapping a noted one asks why it no longer stands, from a list with
// "Other (type it)", then "Clear flag" (ClearCareFlag). Both go through command_problem and are audited.
// Targets: "care_flag:<flag>", "care_flag_reason:<i>|other", "care_flag_save", "care_flag_cancel".
#include "core/plan_view.hpp"
#include "ui/closure_sheet.hpp"

#include <optional>
#include <span>

namespace vb::ui {

std::span<const SheetChoice> care_flag_clear_reasons();

void reset_care_flag_choice(UiState& state);
std::optional<Command> care_flags_section(const FrameInput& in, const PlanView& v, UiState& state, bool read_only);

}  // namespace vb::ui
