// The compliance and outcomes screens: a tile shows the board's figure, one tap lists the people
// behind it, another shows its definition and source; the outcomes screen draws from the same figures.
#include <doctest/doctest.h>

#include "support/compliance_fixture.hpp"
#include "support/small_team.hpp"
#include "ui/headless.hpp"

using namespace vb;
using vb::test::at;

namespace {

// Two missed visits in the last 28 days: one followed up within 4 h (episode 1), one never (episode 2).
Snapshot team_with_misses() {
  test::Fixture fx;
  fx.episode(1, "2026-11-01T10:00");
  fx.episode(2, "2026-11-02T10:00");
  fx.visit(10, 1, "2026-11-10T08:00", "2026-11-10T10:00", VisitStatus::no_access, "2026-11-10T09:00");
  fx.visit(11, 1, "2026-11-10T12:00", "2026-11-10T13:00", VisitStatus::done, "2026-11-10T12:30").follow_up_of = 10;
  fx.visit(20, 2, "2026-11-12T08:00", "2026-11-12T10:00", VisitStatus::no_access, "2026-11-12T09:00");
  return fx.done();
}

}  // namespace

TEST_CASE("ui compliance: tapping a tile lists the people behind the figure, not met first") {
  const Snapshot s = team_with_misses();
  test::HeadlessUi ui(s, at("2026-11-23T10:30"), 1920, 1080);
  ui.tap("tab:compliance");
  REQUIRE(ui.shows("measure:missed-visit-follow-up-4h"));
  CHECK_FALSE(ui.shows("close-measure"));
  ui.tap("measure:missed-visit-follow-up-4h");
  CHECK(ui.state.compliance_measure == "missed-visit-follow-up-4h");
  REQUIRE(ui.shows("close-measure"));
  // Both people behind the 1-of-2 figure are listed.
  CHECK(ui.shows("item:1"));
  CHECK(ui.shows("item:2"));
  // The figure on the tile is the board's.
  for (const auto& m : ui.compliance().measures)
    if (m.rule->id == "missed-visit-follow-up-4h") {
      CHECK(m.current.numerator == 1);
      CHECK(m.current.denominator == 2);
      CHECK_FALSE(m.current.items.front().met);
      CHECK(m.current.items.front().episode == 2);
    }
  CHECK_FALSE(ui.shows("definition-text"));
  ui.tap("definition");
  CHECK(ui.shows("definition-text"));
  ui.tap("close-measure");
  CHECK_FALSE(ui.shows("close-measure"));
  CHECK(ui.state.compliance_measure.empty());
}

TEST_CASE("ui compliance: every measure has a tile at the desk size too, and the outcomes screen draws") {
  const Snapshot s = test::small_team();
  test::HeadlessUi ui(s, at("2026-11-23T10:30"), 1280, 800);
  ui.tap("tab:compliance");
  for (const auto& m : ui.compliance().measures) CHECK(ui.shows("measure:" + m.rule->id));
  ui.tap("tab:outcomes");
  CHECK(ui.state.screen == ui::Screen::outcomes);
  ui.frame();
}
