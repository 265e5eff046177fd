#pragma once
// The sheet that opens when a visit chip is tapped: choose an outcome, a reason from a list (or
// "other" with words), who is recording, and save. Saving emits a MarkVisit command.
#include "ui/screen.hpp"

#include <span>
#include <string_view>

namespace vb::ui {

// The reasons offered for an outcome, most common first; empty for done and planned.
std::span<const std::string_view> reasons_for(VisitStatus status);

void open_visit_sheet(const FrameInput& in, UiState& state, Id visit);
std::optional<Command> draw_visit_sheet(const FrameInput& in, UiState& state);

}  // namespace vb::ui
