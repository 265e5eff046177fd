// The out-of-hours screen: tapping a visit then a worker (two for a double-up) emits exactly the
// allocation meant, by the coordinator; a proposal is accepted whole in one command, by row, or
// ignored.
#include <doctest/doctest.h>

#include "support/small_team.hpp"
#include "ui/headless.hpp"

using namespace vb;
using vb::test::at;
using vb::test::shift;

namespace {

// Monday 23 Nov 2026, 16:30. Jo (S02) and Kim (S03) on lates; Sam (S01) only on the early.
// Evening visits: Ada's double-up 102 (17:00-19:00, nobody), Ben's 501 (18:00-19:00, nobody),
// Cat's 502 (19:00-20:00, Jo).
Snapshot evening() {
  Snapshot s = test::small_team();
  s.shifts.push_back(shift(3, "S02", ShiftKind::late, "2026-11-23T13:30", "2026-11-23T21:30"));
  s.shifts.push_back(shift(4, "S03", ShiftKind::late, "2026-11-23T13:30", "2026-11-23T21:30"));
  auto add = [&](Id id, Id episode, const char* start, const char* end, const char* staff1) {
    Visit v;
    v.id = id;
    v.episode_id = episode;
    v.window_start = at(start);
    v.window_end = at(end);
    v.date = local_date_of(v.window_start, find_zone("Europe/London"));
    v.duration_min = 45;
    v.out_of_hours = true;
    v.staff1 = staff1;
    s.visits.push_back(v);
  };
  add(501, 2, "2026-11-23T18:00", "2026-11-23T19:00", "");
  add(502, 3, "2026-11-23T19:00", "2026-11-23T20:00", "S02");
  s.reindex();
  return s;
}

const Instant now = at("2026-11-23T16:30");

}  // namespace

TEST_CASE("ui ooh: tapping a visit, then a worker, allocates it by the coordinator") {
  auto s = evening();
  test::HeadlessUi ui(s, now, 1920, 1080);
  ui.tap("tab:ooh");
  REQUIRE(ui.shows("ooh_visit:501"));
  CHECK(ui.shows("ooh_visit:102"));
  CHECK(ui.shows("ooh_visit:502"));
  CHECK_FALSE(ui.shows("ooh_visit:301"));  // tomorrow
  CHECK_FALSE(ui.shows("coordinator:S02"));  // asked only when someone starts to allocate
  CHECK_FALSE(ui.tap("ooh_visit:501"));
  REQUIRE(ui.shows("coordinator:S02"));
  CHECK_FALSE(ui.tap("coordinator:S02"));
  auto command = ui.tap("ooh_staff:S03");
  REQUIRE(command);
  const auto& a = std::get<AllocateVisit>(*command);
  CHECK(a.visit == 501);
  CHECK(a.staff1 == "S03");
  CHECK(a.staff2.empty());
  CHECK(a.by == "S02");
  CHECK(a.at == now);
  CHECK_FALSE(ui.state.ooh_visit.has_value());  // ready for the next one
}

TEST_CASE("ui ooh: a double-up takes two workers before anything is emitted") {
  auto s = evening();
  test::HeadlessUi ui(s, now, 1280, 800);
  ui.state.acting = "S02";
  ui.tap("tab:ooh");
  ui.tap("ooh_visit:102");
  CHECK_FALSE(ui.tap("ooh_staff:S02"));
  CHECK(ui.state.ooh_first == "S02");
  auto command = ui.tap("ooh_staff:S03");
  REQUIRE(command);
  const auto& a = std::get<AllocateVisit>(*command);
  CHECK(a.visit == 102);
  CHECK(a.staff1 == "S02");
  CHECK(a.staff2 == "S03");
  CHECK(a.by == "S02");
}

TEST_CASE("ui ooh: an allocated visit can be unallocated, and a tapped visit can be let go") {
  auto s = evening();
  test::HeadlessUi ui(s, now, 1920, 1080);
  ui.state.acting = "S03";
  ui.tap("tab:ooh");
  ui.tap("ooh_visit:501");
  CHECK_FALSE(ui.shows("ooh_unallocate"));  // nobody on it
  ui.tap("ooh_cancel");
  CHECK_FALSE(ui.state.ooh_visit.has_value());
  ui.tap("ooh_visit:502");
  auto command = ui.tap("ooh_unallocate");
  REQUIRE(command);
  const auto& u = std::get<UnallocateVisit>(*command);
  CHECK(u.visit == 502);
  CHECK(u.by == "S03");
}

TEST_CASE("ui ooh: accepting a proposal whole emits one batch; a row alone emits one allocation") {
  auto s = evening();
  ui::OohProposalView proposal;
  proposal.summary = "Evening Mon 23 Nov: 2 of 3 visits covered";
  proposal.rows = {{102, "S02", "S03", "Jo: on shift 13:30–21:30 · Kim: on shift 13:30–21:30"},
                   {501, "S03", "", "Kim: saw Ben in the last 7 days · on shift 13:30–21:30"}};
  proposal.blocked = {{999, "Blocked: needs a prescriber; none on the evening shift"}};
  test::HeadlessUi ui(s, now, 1920, 1080);
  ui.proposal = &proposal;
  ui.tap("tab:ooh");
  REQUIRE(ui.shows("coordinator:S03"));  // a proposal on screen asks who is coordinating
  ui.tap("coordinator:S03");
  auto one = ui.tap("accept:501");
  REQUIRE(one);
  CHECK(std::get<AllocateVisit>(*one).staff1 == "S03");
  CHECK(std::get<AllocateVisit>(*one).by == "S03");
  auto all = ui.tap("accept_all");
  REQUIRE(all);
  const auto& batch = std::get<AllocateVisits>(*all);
  CHECK(batch.by == "S03");
  CHECK(batch.at == now);
  REQUIRE(batch.allocations.size() == 2);
  CHECK(batch.allocations[0].visit == 102);
  CHECK(batch.allocations[0].staff1 == "S02");
  CHECK(batch.allocations[0].staff2 == "S03");
  CHECK(batch.allocations[1].visit == 501);
  CHECK_FALSE(ui.shows("accept_all"));  // accepted: the panel goes
}

TEST_CASE("ui ooh: a proposal can be ignored, and Propose asks the app for one") {
  auto s = evening();
  ui::OohProposalView proposal;
  proposal.rows = {{501, "S03", "", "Kim: on shift"}};
  test::HeadlessUi ui(s, now, 1280, 800);
  ui.proposal = &proposal;
  ui.tap("tab:ooh");
  REQUIRE(ui.shows("accept_all"));
  CHECK_FALSE(ui.tap("ignore_proposal"));
  CHECK_FALSE(ui.shows("accept_all"));
  ui.tap("propose");
  CHECK(ui.state.propose_requested);
  CHECK(ui.shows("accept_all"));  // a new proposal is shown again
}

TEST_CASE("ui ooh: the night and other days can be chosen") {
  auto s = evening();
  test::HeadlessUi ui(s, now, 1920, 1080);
  ui.tap("tab:ooh");
  ui.tap("ooh_night");
  REQUIRE(ui.state.ooh_part);
  CHECK(*ui.state.ooh_part == OohPart::night);
  CHECK_FALSE(ui.shows("ooh_visit:102"));  // the evening's visits are not the night's
  ui.tap("ooh_next");
  CHECK(*ui.state.ooh_date == *parse_date("2026-11-24"));
  ui.tap("ooh_prev");
  ui.tap("ooh_evening");
  CHECK(ui.shows("ooh_visit:102"));
  CHECK_FALSE(ui.shows("ooh_day"));  // a Monday has no weekend day
}

TEST_CASE("ui ooh: the coordinator edits the rota of the shown window") {
  auto s = evening();
  test::HeadlessUi ui(s, now, 1920, 1080);
  ui.state.acting = "S02";
  ui.tap("tab:ooh");
  ui.tap("ooh_night");
  ui.tap("edit_rota");
  REQUIRE(ui.shows("add_shift:S01"));
  auto add = ui.tap("add_shift:S01");
  REQUIRE(add);
  const auto& a = std::get<AddShift>(*add);
  CHECK(a.staff == "S01");
  CHECK(a.kind == ShiftKind::night);
  CHECK(a.date == *parse_date("2026-11-23"));
  CHECK(a.by == "S02");
  ui.tap("ooh_evening");
  REQUIRE(ui.shows("remove_shift:3"));  // Jo's late
  auto remove = ui.tap("remove_shift:3");
  REQUIRE(remove);
  CHECK(std::get<RemoveShift>(*remove).shift == 3);
}
