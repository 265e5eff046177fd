// Tapping a visit and recording its outcome emits exactly the command a person meant.
#include <doctest/doctest.h>

#include "support/small_team.hpp"
#include "ui/headless.hpp"

using namespace vb;
using vb::test::at;

TEST_CASE("ui: tapping a visit chip, no access, a reason and save emits mark_visit for that visit") {
  auto s = test::small_team();
  test::HeadlessUi ui(s, at("2026-11-23T10:30"));
  REQUIRE(ui.shows("visit:201"));
  CHECK_FALSE(ui.tap("visit:201"));
  REQUIRE(ui.shows("status:no_access"));
  CHECK_FALSE(ui.tap("status:no_access"));
  CHECK_FALSE(ui.tap("reason:0"));
  auto command = ui.tap("save");
  REQUIRE(command);
  const auto* mark = std::get_if<MarkVisit>(&*command);
  REQUIRE(mark);
  CHECK(mark->visit == 201);
  CHECK(mark->status == VisitStatus::no_access);
  CHECK(mark->reason == "No answer at the door");
  CHECK(mark->by == "S02");  // the allocated worker, until someone else is chosen
  CHECK(mark->at == at("2026-11-23T10:30"));
  CHECK_FALSE(ui.shows("save"));  // the sheet closed
}

TEST_CASE("ui: no access cannot be saved without a reason") {
  auto s = test::small_team();
  test::HeadlessUi ui(s, at("2026-11-23T10:30"));
  ui.tap("visit:201");
  ui.tap("status:no_access");
  CHECK_FALSE(ui.tap("save"));
  CHECK(ui.shows("save"));  // still open, waiting for a reason
}

TEST_CASE("ui: cancel closes the sheet and emits nothing") {
  auto s = test::small_team();
  test::HeadlessUi ui(s, at("2026-11-23T10:30"));
  ui.tap("visit:101");
  ui.tap("status:cancelled_by_team");
  CHECK_FALSE(ui.tap("cancel"));
  CHECK_FALSE(ui.shows("cancel"));
}

TEST_CASE("ui: marking done needs no reason and offers no 'done' for a visit already done") {
  auto s = test::small_team();
  test::HeadlessUi ui(s, at("2026-11-23T10:30"));
  ui.tap("visit:101");  // already done
  CHECK_FALSE(ui.shows("status:done"));
  CHECK(ui.shows("status:planned"));
  ui.tap("cancel");
  ui.tap("visit:201");
  ui.tap("status:done");
  auto command = ui.tap("save");
  REQUIRE(command);
  CHECK(std::get<MarkVisit>(*command).status == VisitStatus::done);
  CHECK(std::get<MarkVisit>(*command).reason.empty());
}

TEST_CASE("ui: an unallocated visit asks who is recording before it can be saved") {
  auto s = test::small_team();
  test::HeadlessUi ui(s, at("2026-11-23T17:30"));
  ui.tap("visit:102");
  ui.tap("status:cancelled_by_person");
  ui.tap("reason:1");
  CHECK_FALSE(ui.tap("save"));  // nobody chosen as the recorder
  ui.state.recorded_by = "S03";
  ui.frame();
  auto command = ui.tap("save");
  REQUIRE(command);
  CHECK(std::get<MarkVisit>(*command).by == "S03");
  CHECK(std::get<MarkVisit>(*command).reason == "Away from home");
}

TEST_CASE("ui: the By staff tab shows the same visits under their workers, tappable there too") {
  auto s = test::small_team();
  test::HeadlessUi ui(s, at("2026-11-23T10:30"));
  ui.tap("tab:staff");
  CHECK(ui.state.screen == ui::Screen::staff);
  CHECK(ui.shows("visit:101"));
  CHECK(ui.shows("visit:102"));  // in the "Nobody yet" row
  CHECK(ui.shows("visit:201"));
  CHECK_FALSE(ui.shows("visit:301"));  // tomorrow
  ui.tap("visit:101");
  CHECK(ui.shows("status:no_access"));
}

TEST_CASE("ui: the privacy button switches to initials and back") {
  auto s = test::small_team();
  test::HeadlessUi ui(s, at("2026-11-23T10:30"));
  CHECK_FALSE(ui.state.privacy);
  ui.tap("privacy");
  CHECK(ui.state.privacy);
}
