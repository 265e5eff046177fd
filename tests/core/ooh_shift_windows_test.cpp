// The out-of-hours windows a visit's shift is found in (core/ooh_allocation) are exactly ooh_window's
// (core/ooh_gaps): last night, the day, the evening and the night, on every date of two years,
// holding the clock changes (29 Mar / 25 Oct 2026, 28 Mar / 31 Oct 2027) and the bank holidays.
#include "core/demo_team.hpp"
#include "core/ooh_allocation.hpp"
#include "core/ooh_gaps.hpp"

#include <doctest/doctest.h>

using namespace vb;

TEST_CASE("ooh: a date's shift windows are ooh_window's, across clock changes and bank holidays") {
  DemoOptions o;
  o.seed = 5;
  o.now = *parse_instant("2026-11-23T10:30", find_zone("Europe/London"));
  o.history_days = 30;
  const Snapshot s = generate_demo_team(o);
  REQUIRE(!s.rota_rules.shifts.empty());
  size_t dates = 0;
  for (LocalDate d = *parse_date("2025-12-20"); d <= *parse_date("2028-01-05"); d = LocalDate{date::sys_days{d} + date::days{1}}) {
    const LocalDate before{date::sys_days{d} - date::days{1}};
    const OohWindow expected[] = {ooh_window(s, before, OohPart::night), ooh_window(s, d, OohPart::day),
                                  ooh_window(s, d, OohPart::evening), ooh_window(s, d, OohPart::night)};
    const OohShiftWindows w = ooh_shift_windows(s, d);
    for (size_t i = 0; i < 4; ++i) {
      CHECK(w.windows[i].first == expected[i].start);
      CHECK(w.windows[i].second == expected[i].end);
    }
    ++dates;
  }
  CHECK(dates > 700);
  // The labels are unchanged: a bank holiday's day window is named after it, the others by kind.
  CHECK(ooh_window(s, *parse_date("2026-12-25"), OohPart::day).label == "Christmas Day");
  CHECK(ooh_window(s, *parse_date("2026-11-21"), OohPart::day).label == "Weekend day");
  CHECK(ooh_window(s, *parse_date("2026-11-23"), OohPart::day).label == "Day");
  CHECK(ooh_window(s, *parse_date("2026-11-23"), OohPart::evening).label == "Evening");
  CHECK(ooh_window(s, *parse_date("2026-11-23"), OohPart::night).label == "Night");
}
