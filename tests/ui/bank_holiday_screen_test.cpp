// The Out of hours screen on a bank holiday: the daytime window is on offer and shown first, as at
// a weekend; a holiday the team removed is an ordinary weekday again. Synthetic data only.
#include <doctest/doctest.h>

#include "support/small_team.hpp"
#include "ui/headless.hpp"
#include "ui/ooh_screen.hpp"

using namespace vb;
using vb::test::at;

TEST_CASE("ui ooh: on a bank holiday morning the screen plans the holiday's daytime window") {
  Snapshot s = test::small_team();
  // Mon 23 Nov 2026 made a local holiday by the team's file.
  s.rota_rules.bank_holidays.days.insert(s.rota_rules.bank_holidays.days.begin() + 14,
                                         BankHoliday{*parse_date("2026-11-23"), "Team away day"});
  REQUIRE(s.rota_rules.bank_holidays.on(*parse_date("2026-11-23")));
  const Instant now = at("2026-11-23T10:00");
  {
    test::HeadlessUi ui(s, now, 1280, 800);  // one headless UI at a time (one ImGui context)
    ui.tap("tab:ooh");
    CHECK(ui.shows("ooh_day"));
    const OohWindow w = ui::shown_ooh_window(s, ui.state, now);
    CHECK(w.part == OohPart::day);
    CHECK(w.label == "Team away day");
  }
  Snapshot plain = test::small_team();
  test::HeadlessUi weekday(plain, now, 1280, 800);
  weekday.tap("tab:ooh");
  CHECK_FALSE(weekday.shows("ooh_day"));
  CHECK(ui::shown_ooh_window(plain, weekday.state, now).part == OohPart::evening);
}
