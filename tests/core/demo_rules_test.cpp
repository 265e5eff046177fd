// The demo keeps the team's own rules, so the board it shows flags only the gaps it means to show
// (unallocated visits to fill, one missed visit): nobody who may not lone-work goes alone, every
// visit's out-of-hours flag follows the one rule in core/out_of_hours, and the out-of-hours board
// finds no broken allocation. On bank holidays (Christmas Day 2026, the 28 Dec substitute, Easter
// Monday 2027 after the clock change, 30 Aug 2027) and an ordinary Monday. Synthetic data only.
#include <doctest/doctest.h>

#include "core/demo_team.hpp"
#include "core/ooh_gaps.hpp"
#include "core/out_of_hours.hpp"

#include <map>

using namespace vb;

namespace {

const char* const nows[] = {"2026-12-25T09:00", "2026-12-28T18:00", "2027-03-29T08:30", "2027-08-30T10:00",
                            "2026-11-23T08:30"};

const Snapshot& team_at(const std::string& now) {
  static std::map<std::string, Snapshot> cache;
  auto it = cache.find(now);
  if (it == cache.end()) {
    DemoOptions o;
    o.seed = 7;
    o.now = *parse_instant(now, find_zone("Europe/London"));
    it = cache.emplace(now, generate_demo_team(o)).first;
  }
  return it->second;
}

}  // namespace

TEST_CASE("demo: nobody who may not lone-work is on a single-handed visit, past or planned") {
  for (const char* now : nows) {
    const Snapshot& s = team_at(now);
    int single = 0;
    for (const Visit& v : s.visits) {
      if (v.double_up || v.staff1.empty()) continue;
      ++single;
      const Staff* st = s.find_staff(v.staff1);
      REQUIRE(st);
      CHECK_MESSAGE(st->has_skill("lone_working"), now << ": visit " << v.id << " alone with " << v.staff1);
    }
    CHECK(single > 1000);
  }
}

TEST_CASE("demo: every visit's out-of-hours flag is the one rule's (weekends, bank holidays, outside 08:00-17:00 on weekdays)") {
  for (const char* now : nows) {
    const Snapshot& s = team_at(now);
    for (const Visit& v : s.visits)
      CHECK_MESSAGE(v.out_of_hours == starts_out_of_hours(s.rota_rules, v.window_start, s.zone()),
                    now << ": visit " << v.id << " at " << format_local_datetime(v.window_start, s.zone()));
  }
}

TEST_CASE("demo: the out-of-hours board on a bank holiday finds unallocated visits to fill but no broken allocation") {
  for (const char* now : nows) {
    const Snapshot& s = team_at(now);
    const Instant at = *parse_instant(now, s.zone());
    for (const OohWindow& w : {current_ooh_window(s, at), ooh_window(s, local_date_of(at, s.zone()), OohPart::evening),
                               ooh_window(s, local_date_of(at, s.zone()), OohPart::night)}) {
      for (const OohGap& g : build_ooh_board(s, w).gaps)
        CHECK_MESSAGE((g.kind == GapKind::unallocated || g.kind == GapKind::under_minimum), now << " " << w.label << ": "
                                                                                                 << g.text);
    }
  }
}
