#pragma once
// The plans screen's actions for the person shown large: Step down (disabled, with the gate's words,
// when core/step_down refuses it), Step up (a reason from a list) and Record reassessment (a risk
// level and a reason from a list). Each emits the existing command, authored by the signed-in person.
#include "core/plan_view.hpp"
#include "ui/screen.hpp"

#include <optional>
#include <span>
#include <string_view>

namespace vb::ui {

std::span<const std::string_view> step_up_reasons();
std::span<const std::string_view> reassessment_reasons();

// Draws the action buttons and the open panel; returns the command a person confirmed, if any.
std::optional<Command> draw_plan_actions(const FrameInput& in, const PlanView& v, UiState& state);

}  // namespace vb::ui
