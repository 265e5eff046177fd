// The plans screen: reached from the Today board's phase cell with that person shown large; a blocked
// step-down is said in words; tapping a row shows that person.
#include <doctest/doctest.h>

#include "core/demo_team.hpp"
#include "core/plan_view.hpp"
#include "ui/headless.hpp"

using namespace vb;

namespace {
Snapshot demo() {
  DemoOptions o;
  o.seed = 7;
  o.now = *parse_instant("2026-11-23T08:30:00Z", nullptr);
  o.history_days = 30;
  return generate_demo_team(o);
}
}  // namespace

TEST_CASE("ui plans: tapping a person's phase on the Today board opens their plan") {
  Snapshot s = demo();
  const Instant now = *parse_instant("2026-11-23T08:30:00Z", nullptr);
  test::HeadlessUi ui(s, now, 1920, 1080);
  const Episode* target = nullptr;
  for (const auto& e : s.episodes)
    if (e.is_open() && s.plan_for_episode(e.id) && ui.shows("phase:" + std::to_string(e.id))) target = &e;
  REQUIRE(target);
  ui.tap("phase:" + std::to_string(target->id));
  CHECK(ui.state.screen == ui::Screen::plans);
  REQUIRE(ui.state.plan_episode);
  CHECK(*ui.state.plan_episode == target->id);
  CHECK(ui.shows("plan:" + std::to_string(target->id)));
  CHECK(ui::parse_screen("plans") == ui::Screen::plans);
  CHECK(ui::screen_name(ui::Screen::plans) == "plans");
}

TEST_CASE("ui plans: the demo shows a blocked step-down first, and a row tap changes the person shown") {
  Snapshot s = demo();
  const Instant now = *parse_instant("2026-11-23T08:30:00Z", nullptr);
  auto views = build_plan_views(s, now);
  REQUIRE_FALSE(views.empty());
  CHECK(views.front().blocked.rfind("step-down blocked: no risk reassessment since", 0) == 0);
  test::HeadlessUi ui(s, now, 1280, 800);
  ui.tap("tab:plans");
  CHECK(ui.state.screen == ui::Screen::plans);
  const Id second = views[1].episode->id;
  REQUIRE(ui.shows("plan:" + std::to_string(second)));
  ui.tap("plan:" + std::to_string(second));
  REQUIRE(ui.state.plan_episode);
  CHECK(*ui.state.plan_episode == second);
}
