// The footer's "N more below — drag the list up" speaks of the list on view. It was left over from
// the Today board on screens without such a list (Compliance, Outcomes, Out of hours, Admin), so
// Compliance said "17 more below" of a list it does not show.
#include <doctest/doctest.h>

#include "core/demo_team.hpp"
#include "ui/headless.hpp"

using namespace vb;

TEST_CASE("ui: the footer's \"more below\" belongs to the screen on view") {
  DemoOptions options;
  options.seed = 7;
  options.now = *parse_instant("2026-11-23T08:30", find_zone("Europe/London"));
  options.history_days = 30;
  const Snapshot s = generate_demo_team(options);
  test::HeadlessUi ui(s, options.now, 1280, 800);
  ui.state.signed_in = ui.state.acting = ui.state.recorded_by = "S01";
  ui.frame();
  REQUIRE(ui.state.screen == ui::Screen::today);
  const int today_below = ui.state.rows_below;
  REQUIRE(today_below > 0);  // the demo team's Today runs on below a desk screen
  for (const char* tab : {"tab:compliance", "tab:outcomes", "tab:ooh", "tab:admin"}) {
    CAPTURE(tab);
    ui.tap(tab);
    ui.frame();
    CHECK(ui.state.rows_below == 0);
  }
  ui.tap("tab:today");
  ui.frame();
  CHECK(ui.state.rows_below == today_below);
}
