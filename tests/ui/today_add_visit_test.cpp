// "+ Visit" on the Today board (session 8): a coordinator or a clinician reaches the same Add visit
// sheet as on Plans for a person on the board, with the day already set to the board's day; the
// visit saved is AddVisit for that person's episode, and the stored visit is on the board. The wall
// view (locked) and staff who may not add a visit see no button.
#include <doctest/doctest.h>

#include "core/add_visit.hpp"
#include "core/day_board.hpp"
#include "ui/add_visit_sheet.hpp"
#include "ui/headless.hpp"
#include "ui/lock_screen.hpp"
#include "ui/sheet_fixtures.hpp"
#include "ui/theme.hpp"
#include "ui/today_add_visit.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

using namespace vb;

namespace {

Instant now() { return test::sheet_now(); }  // Mon 23 Nov 2026 08:30

std::string start_target(int minutes) {
  const auto slots = ui::add_visit_start_slots();
  const auto it = std::find(slots.begin(), slots.end(), minutes);
  REQUIRE(it != slots.end());
  return "add_visit_start:" + std::to_string(it - slots.begin());
}

// The first person on the board that day.
Id first_row_episode(const Snapshot& s) {
  const DayBoard board = build_day_board(s, local_date_of(now(), s.zone()), now());
  REQUIRE_FALSE(board.rows.empty());
  return board.rows.front().episode->id;
}

}  // namespace

TEST_CASE("today board: a coordinator adds a visit for a person on the board, the day already set to the board's") {
  const Snapshot s = test::sheet_demo();
  const Id episode = first_row_episode(s);
  const StaffId me = test::member_with_role(s, Role::coordinator, true);
  REQUIRE_FALSE(me.empty());
  test::HeadlessUi ui(s, now(), 1920, 1080);
  ui.state.signed_in = me;
  ui.frame();
  const std::string button = "today_add_visit:" + std::to_string(episode);
  REQUIRE(ui.shows(button));
  CHECK_FALSE(ui.tap(button));
  ui.frame();
  // The same sheet as on Plans, for that person, today chosen already: only the start is left.
  CHECK(ui.shows("add_visit_day:0"));
  CHECK(ui.state.add_visit_day == 0);
  CHECK(ui.shows("add_visit_save"));
  CHECK_FALSE(ui.tap(start_target(19 * 60)));
  CHECK(ui.shows("add_visit_ooh:yes"));  // a weekday evening, by the team's one rule
  CHECK_FALSE(ui.tap("add_visit_note:0"));
  auto saved = ui.tap("add_visit_save");
  REQUIRE(saved);
  const auto& c = std::get<AddVisit>(*saved);
  CHECK(c.episode == episode);
  CHECK(c.date == *parse_date("2026-11-23"));
  CHECK(c.start_min == 19 * 60);
  CHECK(c.by == me);
  CHECK(ui.state.plan_action.empty());  // the sheet closed; the board is back
  ui.frame();
  CHECK(ui.shows(button));

  const auto stored = test::apply_through_store(s, {*saved}, "today_add_visit");
  CHECK(stored.audits == 1);
  const DayBoard board = build_day_board(stored.snapshot, *parse_date("2026-11-23"), now());
  bool on_row = false;
  for (const auto& row : board.rows)
    if (row.episode->id == episode)
      for (const auto& bv : row.visits) on_row = on_row || (added_by_hand(*bv.visit) && bv.visit->reason == "Risk rose");
  CHECK(on_row);
}

TEST_CASE("today board: Cancel closes the sheet and nothing is saved") {
  const Snapshot s = test::sheet_demo();
  const Id episode = first_row_episode(s);
  test::HeadlessUi ui(s, now(), 1920, 1080);
  ui.state.signed_in = test::member_with_role(s, Role::clinician, true);
  ui.frame();
  ui.tap("today_add_visit:" + std::to_string(episode));
  ui.frame();
  ui.tap(start_target(10 * 60));
  CHECK_FALSE(ui.tap("add_visit_cancel"));
  ui.frame();
  CHECK(ui.state.plan_action.empty());
  CHECK_FALSE(ui.shows("add_visit_save"));
}

TEST_CASE("today board: no + Visit on the locked wall view nor for staff who may not add a visit") {
  Snapshot s = test::sheet_demo();
  const Id episode = first_row_episode(s);
  const std::string button = "today_add_visit:" + std::to_string(episode);
  {
    test::HeadlessUi ui(s, now(), 1920, 1080);
    ui::lock_now(ui.state);
    ui.frame();
    ui.frame();
    CHECK_FALSE(ui.shows(button));
  }
  StaffId viewer;
  for (const auto& m : s.staff)
    if (m.active && !m.has_role(Role::clinician) && !m.has_role(Role::coordinator)) viewer = m.id;
  if (viewer.empty()) {  // every active member can: make one a viewer only
    s.staff.front().roles = {Role::viewer};
    s.reindex();
    viewer = s.staff.front().id;
  }
  test::HeadlessUi ui(s, now(), 1920, 1080);
  ui.state.signed_in = viewer;
  ui.frame();
  CHECK_FALSE(ui.shows(button));
}

TEST_CASE("today board: the day preset is the board's day when the sheet offers it, none otherwise") {
  ui::UiState state;
  const LocalDate today = *parse_date("2026-11-23");
  ui::open_today_add_visit(state, 7, today, today);
  CHECK(state.plan_action == "add_visit");
  CHECK(state.plan_action_episode == Id{7});
  CHECK(state.add_visit_day == 0);
  ui::open_today_add_visit(state, 7, today, *parse_date("2026-11-25"));
  CHECK(state.add_visit_day == 2);
  ui::open_today_add_visit(state, 7, today, *parse_date("2026-11-22"));  // yesterday: not a chip
  CHECK(state.add_visit_day == -1);
}

namespace {

// A board laid out as on a real screen of w x h pixels: the kiosk's em there (platform/font_loader's
// em_for_screen: the smaller of h/42 and w/66) becomes the test font's em, with the kiosk's style.
struct ScreenBoard {
  test::HeadlessUi ui;
  float em;
  ScreenBoard(const Snapshot& s, float w, float h)
      : ui(s, now(), w * em_of(w, h), h * em_of(w, h)), em(ImGui::GetIO().Fonts->Fonts[0]->FontSize) {
    ui::apply_style(em);
    ui.state.signed_in = test::member_with_role(s, Role::coordinator, true);
    ui.frame();
    ui.frame();
  }
  // Test pixels per screen pixel.
  static float em_of(float w, float h) { return 13.0f / std::min(h / 42.0f, w / 66.0f); }
};

// The first row of the board with exactly two visits today (and no earlier missed one).
const BoardRow& row_with_two_visits(const DayBoard& board) {
  for (const auto& row : board.rows)
    if (row.visits.size() == 2 && row.unresolved_missed.empty()) return row;
  FAIL("no row with two visits");
  return board.rows.front();
}

}  // namespace

TEST_CASE("today board: on the 1280x800 desk screen a row with two visits keeps its + Visit on the same line") {
  const Snapshot s = test::sheet_demo();
  const DayBoard board = build_day_board(s, local_date_of(now(), s.zone()), now());
  const BoardRow& row = row_with_two_visits(board);
  for (auto [w, h] : {std::pair{1280.0f, 800.0f}, std::pair{1920.0f, 1080.0f}}) {
    CAPTURE(w);
    ScreenBoard screen(s, w, h);
    const float em = screen.em;
    const auto& targets = screen.ui.state.targets;
    const std::string button = "today_add_visit:" + std::to_string(row.episode->id);
    const auto b = targets.centre(button);
    const auto first = targets.centre("visit:" + std::to_string(row.visits[0].visit->id));
    const auto second = targets.centre("visit:" + std::to_string(row.visits[1].visit->id));
    REQUIRE(b);
    REQUIRE(first);
    REQUIRE(second);
    // One line: the button beside the two chips (chips are 2.3 em tall, the button 2.5 em: their
    // centres within a quarter em), not under them (a line lower is 2.7 em or more).
    CHECK(std::abs(second->y - first->y) < 1.0f);
    CHECK(std::abs(b->y - first->y) < 0.25f * em);
    // After the second chip (8 em wide), not over it: centres apart by half a chip, the gap and at
    // least half the button.
    const bool compact = w < 1900;
    const float half_button = ui::today_add_visit_width(ui::default_fonts(), compact) / 2;
    CHECK(b->x - second->x >= 4.0f * em + half_button - 0.5f);
    // Still a finger's target: at least 2.5 em wide ("+ Visit" in words, 5.5 em, on the wall screen).
    CHECK(half_button * 2 >= 2.5f * em);
    if (!compact) CHECK(half_button * 2 >= 5.5f * em);
    // And it opens the sheet for that person, today chosen.
    CHECK_FALSE(screen.ui.tap(button));
    CHECK(screen.ui.state.plan_action == "add_visit");
    CHECK(screen.ui.state.plan_action_episode == row.episode->id);
    CHECK(screen.ui.state.add_visit_day == 0);
  }
}
