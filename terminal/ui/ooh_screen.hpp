#pragma once
// Out of hours: one shift window (tonight by default), its staff with load and a timeline, its
// visits with who goes, every gap in words, the readiness line, tap-to-allocate and a proposal.
#include "core/ooh_gaps.hpp"
#include "ui/screen.hpp"

namespace vb::ui {

// The window the screen shows: the one chosen with the window bar, else the one planned now.
OohWindow shown_ooh_window(const Snapshot& s, const UiState& state, Instant now);
// Returns an allocation command when a person allocated, unallocated or accepted a proposal.
std::optional<Command> draw_ooh_screen(const FrameInput& in, UiState& state, float height);

}  // namespace vb::ui
