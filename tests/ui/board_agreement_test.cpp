// The screen and the printable sheet show the same visits: every visit row of
// `board --format csv` has a tappable chip on the Today board, and no chip is extra.
#include <doctest/doctest.h>

#include "core/demo_team.hpp"
#include "report/board_sheet.hpp"
#include "ui/headless.hpp"

#include <set>
#include <sstream>

using namespace vb;

namespace {

std::set<std::string> csv_visit_ids(const std::string& csv) {
  std::set<std::string> ids;
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    // visit_id is the 10th column; the demo's fields before it hold no quoted commas.
    std::istringstream fields(line);
    std::string field;
    for (int i = 0; i < 10 && std::getline(fields, field, ','); ++i) {
    }
    ids.insert(field);
  }
  return ids;
}

}  // namespace

TEST_CASE("ui: the Today board and board --format csv list the same visits") {
  for (const char* when : {"2026-11-23T08:30", "2026-11-28T19:00", "2026-03-29T12:00"}) {
    CAPTURE(when);
    DemoOptions options;
    options.seed = 7;
    options.now = *parse_instant(when, find_zone("Europe/London"));
    options.history_days = 30;
    Snapshot s = generate_demo_team(options);
    DayBoard board = build_day_board(s, local_date_of(options.now, s.zone()), options.now);
    auto ids = csv_visit_ids(report::board_sheet(s, board, {report::SheetFormat::csv, false}));
    REQUIRE(ids.size() >= 10);

    // Tall enough that every row is laid out on screen.
    test::HeadlessUi ui(s, options.now, 1920, 12000);
    ui.frame();
    for (const auto& id : ids) CHECK_MESSAGE(ui.shows("visit:" + id), "visit " << id << " is in the csv but not on screen");
    size_t chips = 0;
    for (const auto& row : board.rows) chips += row.visits.size();
    CHECK(chips == ids.size());
  }
}
