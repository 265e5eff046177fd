// The plans screen's Add visit sheet (session 7): chosen by taps only (day chip, start slot, length,
// type, two staff, why), it says before saving whether the visit will be out of hours, saves
// AddVisit as `apply` spells it, and the stored visit shows on the day's board and the evening's
// out-of-hours board; someone without the clinician or coordinator role sees who can and no buttons.
#include <doctest/doctest.h>

#include "core/add_visit.hpp"
#include "core/day_board.hpp"
#include "core/ooh_gaps.hpp"
#include "ui/add_visit_sheet.hpp"
#include "ui/headless.hpp"
#include "ui/sheet_fixtures.hpp"

#include <algorithm>

using namespace vb;

namespace {

Instant now() { return test::sheet_now(); }  // Mon 23 Nov 2026 08:30

Id open_episode_with_plan(const Snapshot& s) {
  for (const auto& e : s.episodes)
    if (e.is_open() && s.plan_for_episode(e.id)) return e.id;
  return 0;
}

std::string start_target(int minutes) {
  const auto slots = ui::add_visit_start_slots();
  const auto it = std::find(slots.begin(), slots.end(), minutes);
  REQUIRE(it != slots.end());
  return "add_visit_start:" + std::to_string(it - slots.begin());
}

struct Sheet {
  test::HeadlessUi ui;
  Sheet(const Snapshot& s, Id episode, const StaffId& me, float w = 1920, float h = 1080) : ui(s, now(), w, h) {
    ui.state.signed_in = me;
    ui.tap("tab:plans");
    ui.state.plan_episode = episode;
    ui.frame();
    ui.tap("plan_action:add_visit");
  }
};

}  // namespace

TEST_CASE("add visit sheet: taps alone make the visit; out of hours shows before saving; the boards show it") {
  const Snapshot s = test::sheet_demo();
  const Id episode = open_episode_with_plan(s);
  REQUIRE(episode != 0);
  const StaffId me = test::member_with_role(s, Role::clinician, true);
  Sheet sheet(s, episode, me);
  auto& ui = sheet.ui;
  REQUIRE(ui.shows("add_visit_day:0"));
  CHECK_FALSE(ui.shows("add_visit_ooh:yes"));
  CHECK_FALSE(ui.tap("add_visit_day:1"));  // tomorrow, Tue 24 Nov
  CHECK_FALSE(ui.tap(start_target(16 * 60 + 30)));
  CHECK(ui.shows("add_visit_ooh:no"));
  CHECK_FALSE(ui.tap(start_target(17 * 60)));
  CHECK(ui.shows("add_visit_ooh:yes"));
  CHECK_FALSE(ui.tap(start_target(17 * 60 + 30)));
  CHECK_FALSE(ui.tap("add_visit_length:3"));  // 60 min
  CHECK_FALSE(ui.tap("add_visit_type:phone"));
  CHECK_FALSE(ui.tap("add_visit_double:yes"));
  CHECK_FALSE(ui.tap("add_visit_note:1"));  // carer called
  auto saved = ui.tap("add_visit_save");
  REQUIRE(saved);
  const auto& c = std::get<AddVisit>(*saved);
  CHECK(c.episode == episode);
  CHECK(c.date == *parse_date("2026-11-24"));
  CHECK(c.start_min == 17 * 60 + 30);
  CHECK(c.end_min == 19 * 60 + 30);  // within 2 h, the default window
  CHECK(c.duration_min == 60);
  CHECK(c.type == VisitType::phone);
  CHECK(c.double_up);
  CHECK(c.note == "Carer called");
  CHECK(c.by == me);
  CHECK(ui.state.plan_action.empty());  // the sheet closed

  const auto stored = test::apply_through_store(s, {*saved}, "add_visit_sheet");
  CHECK(stored.audits == 1);
  const Visit* added = nullptr;
  for (const auto& v : stored.snapshot.visits)
    if (v.episode_id == episode && added_by_hand(v) && v.reason == "Carer called") added = &v;
  REQUIRE(added != nullptr);
  CHECK(added->out_of_hours);
  const DayBoard board = build_day_board(stored.snapshot, *parse_date("2026-11-24"), now());
  bool on_board = false;
  for (const auto& row : board.rows)
    for (const auto& bv : row.visits) on_board = on_board || bv.visit->id == added->id;
  CHECK(on_board);
  const OohBoard evening = build_ooh_board(stored.snapshot, ooh_window(stored.snapshot, *parse_date("2026-11-24"), OohPart::evening));
  CHECK(std::any_of(evening.visits.begin(), evening.visits.end(), [&](const OohVisit& v) { return v.visit->id == added->id; }));
}

TEST_CASE("add visit sheet: a weekend day and a bank holiday say why they are out of hours") {
  const Snapshot s = test::sheet_demo();
  CHECK(ui::add_visit_hours_words(s, *parse_date("2026-11-28"), 12 * 60) == "Out of hours: weekend");
  CHECK(ui::add_visit_hours_words(s, *parse_date("2026-12-28"), 12 * 60) == "Out of hours: Boxing Day (substitute bank holiday)");
  CHECK(ui::add_visit_hours_words(s, *parse_date("2026-11-24"), 17 * 60) == "Out of hours: weekday from 17:00");
  CHECK(ui::add_visit_hours_words(s, *parse_date("2026-11-24"), 8 * 60 + 59) == "Out of hours: weekday before 09:00");
  CHECK(ui::add_visit_hours_words(s, *parse_date("2026-11-24"), 9 * 60) == "In hours");

  Sheet sheet(s, open_episode_with_plan(s), test::member_with_role(s, Role::clinician, true));
  auto& ui = sheet.ui;
  ui.tap("add_visit_day:5");  // Sat 28 Nov
  ui.tap(start_target(12 * 60));
  CHECK(ui.shows("add_visit_ooh:yes"));
}

TEST_CASE("add visit sheet: Cancel closes it and forgets the choices") {
  const Snapshot s = test::sheet_demo();
  Sheet sheet(s, open_episode_with_plan(s), test::member_with_role(s, Role::clinician, true));
  auto& ui = sheet.ui;
  ui.tap("add_visit_day:2");
  CHECK_FALSE(ui.tap("add_visit_cancel"));
  ui.frame();
  CHECK(ui.state.plan_action.empty());
  CHECK(ui.state.add_visit_day == -1);
  CHECK_FALSE(ui.shows("add_visit_day:0"));
}

TEST_CASE("add visit sheet: without the clinician or coordinator role the sheet says who can, with no buttons") {
  Snapshot s = test::sheet_demo();
  StaffId viewer;
  for (auto& m : s.staff)
    if (m.active && !m.has_role(Role::clinician) && !m.has_role(Role::coordinator)) viewer = m.id;
  if (viewer.empty()) {
    s.staff.front().roles = {Role::viewer};
    viewer = s.staff.front().id;
    s.reindex();
  }
  Sheet sheet(s, open_episode_with_plan(s), viewer);
  auto& ui = sheet.ui;
  CHECK(ui.shows("add_visit_read_only"));
  CHECK_FALSE(ui.shows("add_visit_day:0"));
  CHECK_FALSE(ui.shows("add_visit_save"));
  CHECK(ui.shows("add_visit_cancel"));
}

TEST_CASE("add visit sheet: at 1280x800 (the desk screen) the whole sheet and its Save are on screen") {
  const Snapshot s = test::sheet_demo();
  test::HeadlessUi ui(s, now(), 1280, 800);
  ui.state.signed_in = test::member_with_role(s, Role::clinician, true);
  ui.state.screen = ui::Screen::plans;
  ui.state.plan_episode = open_episode_with_plan(s);
  ui.frame();
  ui.tap("plan_action:add_visit");
  ui.tap("add_visit_day:1");
  ui.tap(start_target(17 * 60 + 30));
  REQUIRE(ui.shows("add_visit_save"));
  const ImVec2 save = *ui.state.targets.centre("add_visit_save");
  CHECK(save.y < 800);
  CHECK(save.x < 1280);
  CHECK(ui.tap("add_visit_save").has_value());
}
