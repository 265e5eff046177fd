// The kiosk derives only what is on screen (issue 7): each board is derived between frames for the
// data and the minute it is drawn at, and only when the screen on view reads it.
#include <doctest/doctest.h>

#include "app/board_needs.hpp"
#include "core/demo_team.hpp"
#include "support/small_team.hpp"
#include "ui/lock_screen.hpp"

using namespace vb;
using app::BoardSet;
namespace boards = app::boards;

namespace {

app::TerminalModel model_of_small_team() {
  app::TerminalModel m;
  m.snapshot = test::small_team();
  return m;
}

int derivations(const app::TerminalModel& m, BoardSet one) {
  int i = 0;
  while (!(one & (1u << i))) ++i;
  return m.derivations[static_cast<size_t>(i)];
}

// The kiosk loop's step before a frame: ensure what the screen reads. Returns what was derived.
BoardSet before_frame(app::TerminalModel& m, const ui::UiState& state, Instant now) {
  return m.ensure(app::boards_needed(state), now);
}

// The compliance screen's step before a frame.
BoardSet before_frame_compliance(app::TerminalModel& m, Instant now) {
  ui::UiState state;
  ui::signed_in(state, "S01");
  state.screen = ui::Screen::compliance;
  return m.ensure(app::boards_needed(state), now) & boards::compliance;
}

// Every figure of two compliance boards, items and their text included.
void same_figures(const ComplianceBoard& a, const ComplianceBoard& b) {
  REQUIRE(a.measures.size() == b.measures.size());
  for (size_t i = 0; i < a.measures.size(); ++i) {
    CAPTURE(b.measures[i].rule->id);
    auto same = [](const MeasureFigure& x, const MeasureFigure& y) {
      CHECK(x.numerator == y.numerator);
      CHECK(x.denominator == y.denominator);
      CHECK(x.state == y.state);
      REQUIRE(x.items.size() == y.items.size());
      for (size_t k = 0; k < x.items.size(); ++k) {
        CHECK(x.items[k].episode == y.items[k].episode);
        CHECK(x.items[k].day == y.items[k].day);
        CHECK(x.items[k].met == y.items[k].met);
        CHECK(x.detail(x.items[k]) == y.detail(y.items[k]));
      }
    };
    same(a.measures[i].current, b.measures[i].current);
    REQUIRE(a.measures[i].weeks.size() == b.measures[i].weeks.size());
    for (size_t w = 0; w < a.measures[i].weeks.size(); ++w) same(a.measures[i].weeks[w], b.measures[i].weeks[w]);
  }
}

}  // namespace

TEST_CASE("lazy boards: a minute tick on the wall's Today board derives the day board only") {
  app::TerminalModel m = model_of_small_team();
  ui::UiState wall;
  ui::lock_now(wall);
  const Instant t = test::at("2026-11-23T10:30:00");
  CHECK(before_frame(m, wall, t) == boards::day);
  CHECK(before_frame(m, wall, t + std::chrono::seconds(20)) == 0);  // same minute: nothing
  CHECK(before_frame(m, wall, t + std::chrono::minutes(1)) == boards::day);
  CHECK(derivations(m, boards::day) == 2);
  for (BoardSet other : {boards::staff, boards::reviews, boards::compliance, boards::outcomes, boards::plans})
    CHECK(derivations(m, other) == 0);

  ui::UiState today;  // signed in, on Today, nothing open: still the day board only
  ui::signed_in(today, "S01");
  CHECK(app::boards_needed(today) == boards::day);
  CHECK(before_frame(m, today, t + std::chrono::minutes(2)) == boards::day);
}

TEST_CASE("lazy boards: a data change then a tab switch to Compliance derives compliance once") {
  app::TerminalModel m = model_of_small_team();
  ui::UiState state;
  ui::signed_in(state, "S01");
  const Instant t = test::at("2026-11-23T10:30:00");
  before_frame(m, state, t);
  m.changed();  // a command was saved
  CHECK(before_frame(m, state, t) == boards::day);
  CHECK(derivations(m, boards::compliance) == 0);
  CHECK(m.compliance_if_fresh(t) == nullptr);  // a frame drawing it now would say "not available"

  state.screen = ui::Screen::compliance;  // the tab, tapped inside a frame
  CHECK_FALSE(m.all_fresh(app::boards_needed(state), t));  // so that frame is not shown
  CHECK(before_frame(m, state, t) == boards::compliance);
  CHECK(before_frame(m, state, t) == 0);
  CHECK(before_frame(m, state, t + std::chrono::seconds(30)) == 0);
  CHECK(derivations(m, boards::compliance) == 1);
  CHECK(m.compliance_if_fresh(t) == &m.compliance);
  CHECK(derivations(m, boards::outcomes) == 0);
  CHECK(derivations(m, boards::plans) == 0);
}

TEST_CASE("lazy boards: a frame after a change shows the new data, never the old board") {
  app::TerminalModel m = model_of_small_team();
  ui::UiState state;
  ui::signed_in(state, "S01");
  state.screen = ui::Screen::plans;
  const Instant t = test::at("2026-11-23T10:30:00");
  before_frame(m, state, t);
  const int done_before = m.board.done_count;
  CHECK(m.plans_if_fresh(t) != nullptr);

  // Another writer marked Ben's missed 08:00 visit done: the reload marks every board stale.
  for (auto& v : m.snapshot.visits)
    if (v.id == 201) v.status = VisitStatus::done;
  m.changed();
  CHECK_FALSE(m.fresh(boards::day, t));
  CHECK(m.plans_if_fresh(t) == nullptr);
  CHECK(before_frame(m, state, t) == (boards::day | boards::staff | boards::plans));
  CHECK(m.board.done_count == done_before + 1);
  CHECK(m.all_fresh(app::boards_needed(state), t));

  // A board left behind on another screen is stale, not drawn, and derived when its tab is chosen.
  CHECK_FALSE(m.fresh(boards::reviews, t));
  state.screen = ui::Screen::reviews;
  CHECK(before_frame(m, state, t) == boards::reviews);
}

TEST_CASE("lazy boards: an open sheet derives who is on shift; the locked wall never does") {
  ui::UiState state;
  ui::signed_in(state, "S01");
  state.visit_sheet = 101;
  CHECK((app::boards_needed(state) & boards::staff) != 0);
  state.visit_sheet.reset();
  state.ack_episode = 2;
  CHECK((app::boards_needed(state) & (boards::reviews | boards::staff)) == (boards::reviews | boards::staff));
  ui::lock_now(state);
  state.screen = ui::Screen::compliance;  // a locked wall draws Today whatever was on view
  CHECK(app::boards_needed(state) == boards::day);
  CHECK_FALSE(app::ooh_needed(state));
}

TEST_CASE("lazy boards: the compliance screen's minute recompute uses the snapshot's index, built once per data change") {
  app::TerminalModel m = model_of_small_team();
  const Instant t = test::at("2026-11-23T10:30:00");
  CHECK(before_frame_compliance(m, t) == boards::compliance);
  CHECK(m.indexings == 1);
  CHECK(m.compliance_index_fresh());
  // A minute later the measures are recomputed from the same index, and equal a fresh board.
  for (int minute = 1; minute <= 3; ++minute) {
    const Instant later = t + std::chrono::minutes(minute);
    CHECK(before_frame_compliance(m, later) == boards::compliance);
    CHECK(m.indexings == 1);
    same_figures(m.compliance, build_compliance_board(m.snapshot, m.compliance_rules, later));
  }
  // A command edits the snapshot in place (here: the last review before now moved 20 days earlier;
  // the rows keep their places and counts): the next board indexes it again, and equals a fresh one.
  Review* last = nullptr;
  for (Review& r : m.snapshot.reviews)
    if (r.held_at <= t && (!last || r.held_at > last->held_at)) last = &r;
  REQUIRE(last);
  last->held_at -= std::chrono::days(20);
  m.changed();
  CHECK_FALSE(m.compliance_index_fresh());
  const Instant after = t + std::chrono::minutes(4);
  CHECK(before_frame_compliance(m, after) == boards::compliance);
  CHECK(m.indexings == 2);
  same_figures(m.compliance, build_compliance_board(m.snapshot, m.compliance_rules, after));
  // Opening a list writes its text from the index too: the same text as a fresh board's.
  ComplianceBoard fresh = build_compliance_board(m.snapshot, m.compliance_rules, after);
  CHECK(m.compliance_details("reviews-on-time", after));
  CHECK(write_measure_details(m.snapshot, fresh, "reviews-on-time"));
  same_figures(m.compliance, fresh);
}

TEST_CASE("lazy boards: after a command edits a review in place, the compliance board shows the edit, not the index's old facts") {
  // The demo team: reviews whose place in the history decides figures. One review held in the last
  // 28 days is moved 20 days earlier in place (rows keep their places and counts, as a command's edit
  // does), choosing one whose move changes a fresh board's figures: a board from an index built
  // before the edit would show the old ones.
  DemoOptions options;
  options.seed = 7;
  options.now = test::at("2026-11-23T10:30:00");
  options.history_days = 120;
  app::TerminalModel m;
  m.snapshot = generate_demo_team(options);
  const Instant t = options.now;
  CHECK(before_frame_compliance(m, t) == boards::compliance);
  REQUIRE(m.compliance_index_fresh());
  auto figures = [](const ComplianceBoard& b) {
    std::vector<double> all;
    for (const auto& measure : b.measures) {
      all.push_back(measure.current.numerator);
      all.push_back(measure.current.denominator);
      for (const auto& w : measure.weeks) all.insert(all.end(), {w.numerator, w.denominator});
    }
    return all;
  };
  const auto before = figures(build_compliance_board(m.snapshot, m.compliance_rules, t));
  bool changed_figures = false;
  for (Review& r : m.snapshot.reviews) {
    if (r.held_at >= t || r.held_at < t - std::chrono::days(28)) continue;
    r.held_at -= std::chrono::days(20);
    if (figures(build_compliance_board(m.snapshot, m.compliance_rules, t)) != before) {
      changed_figures = true;
      break;
    }
    r.held_at += std::chrono::days(20);
  }
  REQUIRE(changed_figures);  // the edit matters to the figures
  m.changed();
  const Instant after = t + std::chrono::minutes(1);
  CHECK(before_frame_compliance(m, after) == boards::compliance);
  CHECK(figures(m.compliance) == figures(build_compliance_board(m.snapshot, m.compliance_rules, after)));
  CHECK(figures(m.compliance) != before);
}
