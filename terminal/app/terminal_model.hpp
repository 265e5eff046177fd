#pragma once
// What the screens read: the snapshot and the day's derived board, rebuilt when the data or the
// minute changes (never inside a frame).
#include "core/compliance.hpp"
#include "core/day_board.hpp"
#include "core/ooh_board_cache.hpp"
#include "core/outcomes.hpp"
#include "core/plan_view.hpp"
#include "core/review_board.hpp"
#include "core/snapshot.hpp"

namespace vb::app {

struct TerminalModel {
  Snapshot snapshot;
  DayBoard board;
  StaffDay staff_day;
  ReviewBoard reviews;
  // The team's compliance rules (data/compliance_rules.json) and the figures derived from them.
  ComplianceRules compliance_rules = default_compliance_rules();
  ComplianceBoard compliance;
  OutcomesBoard outcomes;
  std::vector<PlanView> plans;  // step-down (issue 3)
  Instant loaded_at{};
  Instant built_for{};
  // The out-of-hours board of the window on screen: derived between frames when the window or the
  // data changes (ooh_board_for), never inside a frame.
  OohBoardCache ooh;

  // Recomputes the board for the local date of `now`. Call after any change to `snapshot`.
  void rebuild(Instant now) {
    LocalDate day = local_date_of(now, snapshot.zone());
    board = build_day_board(snapshot, day, now);
    staff_day = build_staff_day(snapshot, day, now);
    reviews = build_review_board(snapshot, now);
    compliance = build_compliance_board(snapshot, compliance_rules, now);
    outcomes = build_outcomes_board(snapshot, now);
    plans = build_plan_views(snapshot, now);
    ooh.invalidate();
    built_for = now;
  }
};

}  // namespace vb::app
