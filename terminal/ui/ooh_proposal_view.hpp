#pragma once
// What the out-of-hours screen shows of an allocation proposal: rows to accept (visit, who, why in
// a line) and the visits nobody can take with the blocking rule in words. Built outside the frame
// from whatever allocator the app runs; the screen only reads it and emits allocation commands.
#include "core/model.hpp"

#include <string>
#include <vector>

namespace vb::ui {

struct OohProposalRow {
  Id visit = 0;
  StaffId staff1;
  StaffId staff2;            // empty unless two go
  std::string explanation;   // "Sam: named worker · on shift 17:00–21:30 · 12 min from previous visit"
};

struct OohBlockedVisit {
  Id visit = 0;
  std::string rule;  // "Blocked: needs a prescriber; none on the evening shift"
};

// An allocation made by a person that the proposal does not keep, and why ("not on this shift").
struct OohKeptOut {
  Id visit = 0;
  StaffId staff;
  std::string why;
};

struct OohProposalView {
  std::string summary;  // "Proposal for Evening Mon 23 Nov: 5 of 6 visits covered"
  std::vector<OohProposalRow> rows;
  std::vector<OohBlockedVisit> blocked;
  std::vector<OohKeptOut> kept_out;  // hand allocations that break a rule, re-planned by the proposal
};

}  // namespace vb::ui
