// The out-of-hours proposal a coordinator sees: hand allocations the allocator cannot keep are named
// with the person and the reason, not silently replaced.
#include <doctest/doctest.h>

#include "app/ooh_proposal.hpp"
#include "core/ooh_gaps.hpp"
#include "support/small_team.hpp"

#include <algorithm>

using namespace vb;
using vb::test::at;

namespace {

// Kim (S03) is on the late shift; the evening double-up (visit 102) was given by hand to Sam (S01),
// who is not on shift this evening.
Snapshot evening_with_hand_allocation() {
  Snapshot s = test::small_team();
  Shift late;
  late.id = 9;
  late.staff_id = "S03";
  late.team_id = 1;
  late.kind = ShiftKind::late;
  late.start = at("2026-11-23T13:30");
  late.end = at("2026-11-23T21:30");
  s.shifts.push_back(late);
  s.staff[2].skills.push_back("lone_working");
  s.staff[2].skills.push_back("trained");
  for (auto& v : s.visits)
    if (v.id == 102) v.staff1 = "S01";
  s.reindex();
  return s;
}

}  // namespace

TEST_CASE("ooh proposal: a hand allocation to someone not on shift is listed as not kept, with who and why") {
  const Snapshot s = evening_with_hand_allocation();
  const Instant now = at("2026-11-23T16:00");
  const OohWindow w = ooh_window(s, local_date_of(now, s.zone()), OohPart::evening);
  const ui::OohProposalView view = app::propose_for_window(s, w, now);
  REQUIRE(view.kept_out.size() == 1);
  CHECK(view.kept_out[0].visit == 102);
  CHECK(view.kept_out[0].staff == "S01");
  CHECK(view.kept_out[0].why == "not on this shift");
}

TEST_CASE("ooh proposal: nothing is listed as not kept when every hand allocation fits") {
  Snapshot s = evening_with_hand_allocation();
  for (auto& v : s.visits)
    if (v.id == 102) v.staff1 = "S03";
  s.reindex();
  const Instant now = at("2026-11-23T16:00");
  const OohWindow w = ooh_window(s, local_date_of(now, s.zone()), OohPart::evening);
  CHECK(app::propose_for_window(s, w, now).kept_out.empty());
}
