// The out-of-hours windows of a whole range of dates (core/ooh_windows_range, the compliance board's
// path) are ooh_shift_windows' of each date: every date of two years holding the clock changes
// (29 Mar / 25 Oct 2026, 28 Mar / 31 Oct 2027) and the bank holidays, whichever date a range starts on.
#include "core/demo_team.hpp"
#include "core/ooh_allocation.hpp"
#include "core/ooh_windows_range.hpp"

#include <doctest/doctest.h>

using namespace vb;

namespace {

LocalDate add(LocalDate d, long n) { return LocalDate{date::sys_days{d} + date::days{n}}; }

void same_as_each_date(const Snapshot& s, LocalDate first, LocalDate last) {
  const auto range = ooh_shift_windows_range(s, first, last);
  REQUIRE(range.size() == static_cast<size_t>((date::sys_days{last} - date::sys_days{first}).count() + 1));
  for (size_t k = 0; k < range.size(); ++k) {
    const LocalDate d = add(first, static_cast<long>(k));
    CAPTURE(format_day_label(d));
    const OohShiftWindows one = ooh_shift_windows(s, d);
    for (size_t i = 0; i < 4; ++i) {
      CHECK(range[k].windows[i].first == one.windows[i].first);
      CHECK(range[k].windows[i].second == one.windows[i].second);
    }
  }
}

}  // namespace

TEST_CASE("ooh: a range's shift windows are each date's, across clock changes and bank holidays") {
  DemoOptions o;
  o.seed = 5;
  o.now = *parse_instant("2026-11-23T10:30", find_zone("Europe/London"));
  o.history_days = 30;
  const Snapshot s = generate_demo_team(o);
  REQUIRE(!s.rota_rules.shifts.empty());
  same_as_each_date(s, *parse_date("2025-12-20"), *parse_date("2028-01-05"));
  // Ranges starting on and either side of each clock change and a bank holiday (the first date's night
  // before is worked out on its own).
  for (const char* d : {"2026-03-28", "2026-03-29", "2026-03-30", "2026-10-24", "2026-10-25", "2026-10-26", "2027-03-28",
                        "2027-10-31", "2026-12-25", "2026-12-26"}) {
    CAPTURE(d);
    same_as_each_date(s, *parse_date(d), *parse_date(d));
    same_as_each_date(s, *parse_date(d), add(*parse_date(d), 91));
  }
  CHECK(ooh_shift_windows_range(s, *parse_date("2026-03-29"), *parse_date("2026-03-28")).empty());
}
