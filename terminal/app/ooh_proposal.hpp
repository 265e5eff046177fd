#pragma once
// Runs the allocator (core/allocation + solve/) for one out-of-hours window and turns its proposal
// into what the out-of-hours screen shows: rows to accept with a line of why, and blocked visits in
// words. Called from the app loop when a coordinator taps Propose, never inside a frame.
#include "core/ooh_gaps.hpp"
#include "ui/ooh_proposal_view.hpp"

namespace vb::app {

ui::OohProposalView propose_for_window(const Snapshot& s, const OohWindow& w, Instant now);

}  // namespace vb::app
