#pragma once
// The senior-review sheets: book a slot, record a review, acknowledge an escalation. Each builds
// its command, shows what core says is wrong with it, and emits it on Save.
#include "ui/screen.hpp"

#include <span>
#include <string_view>

namespace vb::ui {

void open_book_sheet(UiState& state, Id episode, const StaffId& reviewer, Instant slot);
void open_record_sheet(const FrameInput& in, UiState& state, Id episode);
void open_ack_sheet(UiState& state, Id episode, const std::string& trigger, Instant fired_at);
std::optional<Command> draw_review_sheets(const FrameInput& in, UiState& state);

std::span<const std::string_view> review_rationales();
std::span<const std::string_view> acknowledgement_notes();

}  // namespace vb::ui
