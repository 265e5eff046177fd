// The plans screen's actions: a tap sequence emits exactly the command it says, authored by the
// signed-in person; Step down is disabled with the gate's words while no reassessment counts.
#include <doctest/doctest.h>

#include "core/demo_team.hpp"
#include "core/plan_view.hpp"
#include "core/step_down.hpp"
#include "ui/headless.hpp"
#include "ui/plan_actions.hpp"

using namespace vb;

namespace {

const char* now_text = "2026-11-23T08:30:00Z";
Instant now() { return *parse_instant(now_text, nullptr); }

Snapshot demo() {
  DemoOptions o;
  o.seed = 7;
  o.now = now();
  o.history_days = 30;
  return generate_demo_team(o);
}

StaffId clinician(const Snapshot& s) {
  for (const auto& m : s.staff)
    if (m.active && m.role_set().any_of(Roles{Role::clinician})) return m.id;
  return "";
}

// An open episode with a plan whose step-down today is refused for want of a reassessment.
Id blocked_episode(const Snapshot& s) {
  for (const auto& e : s.episodes) {
    const ContactPlan* plan = e.is_open() ? s.plan_for_episode(e.id) : nullptr;
    if (plan && check_step_down_now(s, *plan, now()).blocked) return e.id;
  }
  return 0;
}

}  // namespace

TEST_CASE("ui plan actions: Step down is disabled with the gate's words while no reassessment counts") {
  Snapshot s = demo();
  const Id episode = blocked_episode(s);
  REQUIRE(episode != 0);
  const auto gate = check_step_down_now(s, *s.plan_for_episode(episode), now());
  CHECK(gate.problem.rfind("step-down blocked: no risk reassessment since", 0) == 0);
  test::HeadlessUi ui(s, now(), 1920, 1080);
  ui.state.signed_in = clinician(s);
  ui.tap("tab:plans");
  ui.state.plan_episode = episode;
  ui.frame();
  REQUIRE(ui.shows("plan_action:step_down"));
  CHECK(ui.shows("step_down_refused"));  // the words beside the disabled button
  CHECK_FALSE(ui.tap("plan_action:step_down"));
  CHECK(ui.state.plan_action.empty());
  CHECK_FALSE(ui.shows("plan_save"));
}

TEST_CASE("ui plan actions: record reassessment, then step down, each emits exactly its command by the signed-in person") {
  Snapshot s = demo();
  const Id episode = blocked_episode(s);
  REQUIRE(episode != 0);
  const StaffId me = clinician(s);
  REQUIRE_FALSE(me.empty());
  {
    test::HeadlessUi ui(s, now(), 1920, 1080);
    ui.state.signed_in = me;
    ui.tap("tab:plans");
    ui.state.plan_episode = episode;
    ui.frame();
    CHECK_FALSE(ui.tap("plan_action:reassess"));
    CHECK_FALSE(ui.tap("plan_save"));  // nothing chosen yet: Save does nothing
    CHECK_FALSE(ui.tap("plan_risk:low"));
    CHECK_FALSE(ui.tap("plan_save"));  // still no reason
    auto tapped = ui.tap("plan_reason:0");
    CHECK_FALSE(tapped);
    auto c = ui.tap("plan_save");
    REQUIRE(c);
    auto* r = std::get_if<RecordReassessment>(&*c);
    REQUIRE(r);
    CHECK(r->episode == episode);
    CHECK(r->risk == RiskLevel::low);
    CHECK(r->note == std::string(ui::reassessment_reasons()[0]));
    CHECK(r->by == me);
    CHECK(r->at == now());
    CHECK(ui.state.plan_action.empty());  // the panel closes after saving
  }
  // Once the reassessment is recorded the gate opens: Step down, confirm, one StepDown.
  Snapshot after = s;
  after.reassessments.push_back(RiskReassessment{9001, episode, now(), me, RiskLevel::low, "settled"});
  test::HeadlessUi ui(after, now(), 1920, 1080);
  ui.state.signed_in = me;
  ui.tap("tab:plans");
  ui.state.plan_episode = episode;
  ui.frame();
  CHECK_FALSE(ui.shows("step_down_refused"));
  CHECK_FALSE(ui.tap("plan_action:step_down"));
  CHECK(ui.state.plan_action == "step_down");
  auto c = ui.tap("plan_save");
  REQUIRE(c);
  auto* d = std::get_if<StepDown>(&*c);
  REQUIRE(d);
  CHECK(d->episode == episode);
  CHECK(d->by == me);
  CHECK_FALSE(command_problem(after, *c));
}

TEST_CASE("ui plan actions: step up takes a reason from the list and emits StepUp for 7 days") {
  Snapshot s = demo();
  const StaffId me = clinician(s);
  const LocalDate today = local_date_of(now(), s.zone());
  Id episode = 0;
  for (const auto& e : s.episodes) {
    const ContactPlan* plan = e.is_open() ? s.plan_for_episode(e.id) : nullptr;
    if (plan && !step_up_problem(*plan, today)) episode = e.id;
  }
  REQUIRE(episode != 0);
  test::HeadlessUi ui(s, now(), 1920, 1080);
  ui.state.signed_in = me;
  ui.tap("tab:plans");
  ui.state.plan_episode = episode;
  ui.frame();
  ui.tap("plan_action:step_up");
  ui.tap("plan_reason:1");
  auto c = ui.tap("plan_save");
  REQUIRE(c);
  auto* u = std::get_if<StepUp>(&*c);
  REQUIRE(u);
  CHECK(u->episode == episode);
  CHECK(u->reason == std::string(ui::step_up_reasons()[1]));
  CHECK(u->days == default_step_up_days);
  CHECK(u->by == me);
  CHECK_FALSE(command_problem(s, *c));
}

TEST_CASE("ui plan actions: Cancel closes the panel without a command") {
  Snapshot s = demo();
  test::HeadlessUi ui(s, now(), 1920, 1080);
  ui.state.signed_in = clinician(s);
  ui.tap("tab:plans");
  ui.tap("plan_action:step_up");
  CHECK(ui.state.plan_action == "step_up");
  CHECK_FALSE(ui.tap("plan_cancel"));
  CHECK(ui.state.plan_action.empty());
}
