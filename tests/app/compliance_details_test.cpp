// The compliance board is derived without the text of its lists (most are never opened); opening a
// tile's list writes that one list's text between frames, once per derived board.
#include <doctest/doctest.h>

#include "app/board_needs.hpp"
#include "support/small_team.hpp"
#include "ui/lock_screen.hpp"

using namespace vb;

TEST_CASE("compliance lists: the text behind a tile is written when its list is opened, once per board") {
  app::TerminalModel m;
  m.snapshot = test::small_team();
  ui::UiState state;
  ui::signed_in(state, "S01");
  state.screen = ui::Screen::compliance;
  const Instant t = test::at("2026-11-23T10:30:00");
  m.ensure(app::boards_needed(state), t);
  REQUIRE(m.compliance_if_fresh(t) != nullptr);
  CHECK_FALSE(m.compliance_details("", t));  // no list open: nothing written
  // A measure with items to list on the small team.
  const MeasureResult* open = nullptr;
  for (const auto& r : m.compliance.measures)
    if (!open && !r.current.items.empty()) open = &r;
  REQUIRE(open != nullptr);
  for (const auto& r : m.compliance.measures) {
    CHECK_FALSE(r.details_written);
    CHECK(r.current.texts.empty());
    for (const auto& item : r.current.items) CHECK(r.current.detail(item).empty());
  }
  const MeasureFigure before = open->current;
  state.compliance_measure = open->rule->id;  // the tile, tapped inside a frame
  CHECK(m.compliance_details(state.compliance_measure, t));
  CHECK_FALSE(m.compliance_details(state.compliance_measure, t));  // once
  REQUIRE(open->current.items.size() == before.items.size());
  for (size_t i = 0; i < before.items.size(); ++i) {
    CHECK(open->current.items[i].episode == before.items[i].episode);
    CHECK(open->current.items[i].met == before.items[i].met);
    CHECK_FALSE(open->current.detail(open->current.items[i]).empty());
  }
  CHECK(open->current.numerator == before.numerator);
  // Only the open list.
  for (const auto& r : m.compliance.measures)
    if (&r != open) CHECK_FALSE(r.details_written);
  // The next minute's board is derived afresh, without text; the open list's is written again.
  m.ensure(app::boards_needed(state), t + std::chrono::minutes(1));
  CHECK(m.compliance_details(state.compliance_measure, t + std::chrono::minutes(1)));
}
