// Position on a taper by local days.
#include <doctest/doctest.h>

#include "core/contact_plan.hpp"

#include "support/phase_fixture.hpp"

using namespace vb;

namespace {
ContactPlan taper() {
  ContactPlan p;
  p.start_date = *parse_date("2026-03-27");
  p.phases = {phase_of(1, 1, 1, "Twice daily", 2, 0, 3, ""), phase_of(2, 1, 2, "Daily", 1, 0, 7, ""),
              phase_of(3, 1, 3, "Alternate days", 0, 2, 7, "")};
  return p;
}
}  // namespace

TEST_CASE("plan: the phase and day follow local calendar days, across the March clock change") {
  auto p = taper();
  CHECK_FALSE(plan_position(p, *parse_date("2026-03-26")));
  auto first = plan_position(p, *parse_date("2026-03-27"));
  REQUIRE(first);
  CHECK(first->phase->label == "Twice daily");
  CHECK(first->day_in_phase == 1);
  auto change_day = plan_position(p, *parse_date("2026-03-29"));  // 23-hour day
  CHECK(change_day->phase->label == "Twice daily");
  CHECK(change_day->day_in_phase == 3);
  auto daily = plan_position(p, *parse_date("2026-03-30"));
  CHECK(daily->phase->label == "Daily");
  CHECK(daily->day_in_plan == 4);
  CHECK(phase_summary(&p, *parse_date("2026-03-30")) == "Daily · day 1 of 7");
  CHECK_FALSE(plan_position(p, *parse_date("2026-04-13")));  // after 17 days
}
