// The Add visit sheet's starts through the whole day (session 9): a start late in the evening ends the
// next day as the night-window rules say (ends_next_day), one after midnight is chosen on the next
// day's chip, a start already past is said in words before Save, and on the clock-change nights a
// time the clocks skip cannot be chosen while a window across the change keeps its real length.
#include <doctest/doctest.h>

#include "core/add_visit.hpp"
#include "core/day_board.hpp"
#include "ui/add_visit_sheet.hpp"
#include "ui/headless.hpp"
#include "ui/sheet_fixtures.hpp"
#include "ui/today_add_visit.hpp"

#include <algorithm>

using namespace vb;

namespace {

Instant local(const char* iso) {
  return *parse_instant(iso, date::locate_zone("Europe/London"));
}

std::string start_target(int minutes) {
  const auto slots = ui::add_visit_start_slots();
  const auto it = std::find(slots.begin(), slots.end(), minutes);
  REQUIRE(it != slots.end());
  return "add_visit_start:" + std::to_string(it - slots.begin());
}

Id open_episode(const Snapshot& s) {
  for (const auto& e : s.episodes)
    if (e.is_open()) return e.id;
  return 0;
}

// The sheet as after tapping a row's "+ Visit" on Today at `now` (today chosen), signed in as a coordinator.
struct Sheet {
  test::HeadlessUi ui;
  Sheet(const Snapshot& s, Id episode, Instant now) : ui(s, now, 1920, 1080) {
    ui.state.signed_in = test::member_with_role(s, Role::coordinator, true);
    const LocalDate today = local_date_of(now, s.zone());
    ui::open_today_add_visit(ui.state, episode, today, today);
    ui.frame();
    ui.frame();
  }
  AddVisit save() {
    auto saved = ui.tap("add_visit_save");
    REQUIRE(saved);
    return std::get<AddVisit>(*saved);
  }
};

std::chrono::minutes real_length(const Visit& v) {
  return std::chrono::duration_cast<std::chrono::minutes>(v.window_end - v.window_start);
}

const Visit* added_visit(const Snapshot& s, Id episode) {
  for (const auto& v : s.visits)
    if (v.episode_id == episode && added_by_hand(v)) return &v;
  return nullptr;
}

}  // namespace

TEST_CASE("add visit sheet: a start late in the evening ends the next day, chosen by taps alone") {
  const Snapshot s = test::sheet_demo();
  const Id episode = open_episode(s);
  Sheet sheet(s, episode, test::sheet_now());  // Mon 23 Nov 2026 08:30
  REQUIRE(sheet.ui.shows(start_target(23 * 60 + 30)));
  sheet.ui.tap(start_target(23 * 60 + 30));
  CHECK(sheet.ui.shows("add_visit_ooh:yes"));
  CHECK_FALSE(sheet.ui.shows("add_visit_past"));
  const AddVisit c = sheet.save();
  CHECK(c.date == *parse_date("2026-11-23"));
  CHECK(c.start_min == 23 * 60 + 30);
  CHECK(c.end_min == 1 * 60 + 30);  // the default two hours, into Tuesday
  CHECK(c.ends_next_day);

  const auto stored = test::apply_through_store(s, {c}, "add_visit_late");
  const Visit* v = added_visit(stored.snapshot, episode);
  REQUIRE(v != nullptr);
  CHECK(v->window_start == local("2026-11-23T23:30"));
  CHECK(v->window_end == local("2026-11-24T01:30"));
  CHECK(v->out_of_hours);
  const DayBoard monday = build_day_board(stored.snapshot, *parse_date("2026-11-23"), test::sheet_now());
  bool on_monday = false;
  for (const auto& row : monday.rows)
    for (const auto& bv : row.visits) on_monday = on_monday || bv.visit->id == v->id;
  CHECK(on_monday);  // dated the evening it starts
}

TEST_CASE("add visit sheet: a start after midnight is on the next day's chip and is that night's visit") {
  const Snapshot s = test::sheet_demo();
  const Id episode = open_episode(s);
  Sheet sheet(s, episode, local("2026-11-23T22:30"));  // a night shift, Monday evening
  // Today at 01:00 has passed: the sheet says so and where tonight's 01:00 is.
  sheet.ui.tap(start_target(60));
  CHECK(sheet.ui.shows("add_visit_past"));
  sheet.ui.tap("add_visit_day:1");  // Tomorrow
  CHECK_FALSE(sheet.ui.shows("add_visit_past"));
  CHECK(sheet.ui.shows("add_visit_ooh:yes"));  // a weekday before 09:00
  const AddVisit c = sheet.save();
  CHECK(c.date == *parse_date("2026-11-24"));
  CHECK(c.start_min == 60);
  CHECK(c.end_min == 3 * 60);
  CHECK_FALSE(c.ends_next_day);
  const auto stored = test::apply_through_store(s, {c}, "add_visit_after_midnight");
  const Visit* v = added_visit(stored.snapshot, episode);
  REQUIRE(v != nullptr);
  CHECK(v->window_start == local("2026-11-24T01:00"));
  CHECK(v->out_of_hours);
}

TEST_CASE(
    "add visit sheet: on the spring-forward night the skipped times cannot be chosen and a window keeps its length") {
  const Snapshot s = test::sheet_demo();
  const Id episode = open_episode(s);
  {                                                      // (one headless ImGui at a time)
    Sheet sheet(s, episode, local("2027-03-27T20:00"));  // Sat; the clocks go forward early on Sunday
    CHECK_FALSE(sheet.ui.shows("add_visit_clock_skip"));
    sheet.ui.tap("add_visit_day:1");  // Sun 28 Mar 2027
    CHECK(sheet.ui.shows("add_visit_clock_skip"));
    CHECK_FALSE(sheet.ui.shows(start_target(60)));  // 01:00 and 01:30 do not exist that night
    CHECK_FALSE(sheet.ui.shows(start_target(90)));
    CHECK(sheet.ui.shows(start_target(120)));
    sheet.ui.tap(start_target(30));
    const AddVisit sunday = sheet.save();
    CHECK(sunday.start_min == 30);
    CHECK(sunday.end_min == 3 * 60 + 30);  // two real hours: 00:30 GMT to 03:30 BST
    const auto stored = test::apply_through_store(s, {sunday}, "add_visit_spring");
    const Visit* v = added_visit(stored.snapshot, episode);
    REQUIRE(v != nullptr);
    CHECK(real_length(*v) == std::chrono::minutes{120});
  }

  // Saturday 23:30 across the change: two real hours, ending 02:30 BST.
  Sheet evening(s, episode, local("2027-03-27T20:00"));
  evening.ui.tap(start_target(23 * 60 + 30));
  const AddVisit saturday = evening.save();
  CHECK(saturday.ends_next_day);
  CHECK(saturday.end_min == 2 * 60 + 30);
}

TEST_CASE("add visit sheet: on the autumn night a repeated time is chosen and said in words") {
  const Snapshot s = test::sheet_demo();
  Sheet sheet(s, open_episode(s), local("2027-10-30T20:00"));  // Sat; the clocks go back early on Sunday
  sheet.ui.tap("add_visit_day:1");                             // Sun 31 Oct 2027
  CHECK_FALSE(sheet.ui.shows("add_visit_clock_skip"));
  sheet.ui.tap(start_target(90));
  CHECK(sheet.ui.shows("add_visit_clock"));  // "01:30 on Sun 31 Oct happens twice ...: this is the first, 01:30 BST"
  const AddVisit c = sheet.save();
  CHECK(c.start_min == 90);
  CHECK(c.end_min == 3 * 60 + 30);
  CHECK_FALSE(c.ends_next_day);
}
