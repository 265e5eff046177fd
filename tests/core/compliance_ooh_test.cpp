// Out-of-hours visits allocated before their shift started, on hand-built fixtures: exactly at the
// shift's start counts; the shift is the one the visit falls in, in local time across the October
// clock change. Each expected figure is counted by hand in the comments.
#include "core/compliance.hpp"
#include "support/compliance_fixture.hpp"
#include "support/small_team.hpp"

#include <doctest/doctest.h>

using namespace vb;
using vb::test::at;
using vb::test::Fixture;

namespace {

constexpr const char* id = "ooh-allocated-before-shift";

MeasureFigure figure(const Snapshot& s, const char* from, const char* to, const char* now) {
  const auto rules = default_compliance_rules();
  const MeasureRule* rule = rules.find(id);
  REQUIRE(rule != nullptr);
  return compute_measure(s, *rule, *parse_date(from), *parse_date(to), at(now));
}

// An out-of-hours visit allocated at `allocated` (local; nullptr: no time known; staff "" : nobody).
void ooh(Fixture& fx, Id v, const char* start, const char* allocated, const char* staff = "S01") {
  const std::string end = std::string(start).substr(0, 11) + "23:59";
  Visit& x = fx.visit(v, 1, start, end.c_str(), VisitStatus::planned, nullptr, staff);
  x.out_of_hours = true;
  if (allocated) {
    x.allocated_at = at(allocated);
    x.allocated_by = "S02";
  }
}

bool lists(const MeasureFigure& f, Id visit, bool met) {
  for (const auto& i : f.items)
    if (i.visit == visit && i.met == met) return true;
  return false;
}

}  // namespace

TEST_CASE("compliance: an out-of-hours visit counts as allocated before its shift when allocated by the shift's start") {
  Fixture fx;
  fx.episode(1, "2026-11-01T10:00");
  // Mon 23 Nov (GMT): the evening runs 17:00-21:00, the night from 21:00.
  ooh(fx, 1, "2026-11-23T18:00", "2026-11-23T17:00");  // exactly at the evening's start: met
  ooh(fx, 2, "2026-11-23T18:30", "2026-11-23T17:01");  // a minute after: not met
  ooh(fx, 3, "2026-11-23T22:00", "2026-11-23T18:00");  // a night visit allocated during the evening: met
  ooh(fx, 4, "2026-11-23T19:00", nullptr, "");         // nobody allocated: not met
  ooh(fx, 5, "2026-11-23T19:30", "2026-11-23T19:00");
  fx.s.visits.back().status = VisitStatus::cancelled_by_person;  // called off: not counted
  ooh(fx, 6, "2026-11-23T20:00", "2026-11-23T19:55");
  fx.s.visits.back().follow_up_of = 2;  // a follow-up arranged in the shift: not counted
  ooh(fx, 7, "2026-11-23T20:30", nullptr);  // allocated before times were recorded: not counted
  fx.visit(8, 1, "2026-11-23T11:00", "2026-11-23T12:00", VisitStatus::planned).allocated_at = at("2026-11-23T10:59");
  // 8 is a daytime visit: not out of hours, not counted.
  auto f = figure(fx.done(), "2026-11-23", "2026-11-23", "2026-11-24T08:30");
  CHECK(f.denominator == 4);
  CHECK(f.numerator == 2);
  CHECK(lists(f, 1, true));
  CHECK(lists(f, 2, false));
  CHECK(lists(f, 3, true));
  CHECK(lists(f, 4, false));
  // At 20:00 the night has not started: visit 3 is not counted yet.
  CHECK(figure(fx.s, "2026-11-23", "2026-11-23", "2026-11-23T20:00").denominator == 3);
  // Before the evening nothing has fallen due.
  CHECK(figure(fx.s, "2026-11-23", "2026-11-23", "2026-11-23T16:59").denominator == 0);
}

TEST_CASE("compliance: out-of-hours shift starts are local times across the October clock change") {
  Fixture fx;
  fx.episode(1, "2026-10-01T10:00");
  // Sat 24 Oct: the night starts 21:00 BST (20:00 UTC) and lasts until 07:30 GMT on Sunday.
  ooh(fx, 1, "2026-10-24T23:30", "2026-10-24T21:00");  // exactly at the start (BST): met
  ooh(fx, 2, "2026-10-24T23:45", "2026-10-24T21:30");  // half an hour into the night: not met
  ooh(fx, 3, "2026-10-25T03:00", "2026-10-24T20:59");  // Sunday 03:00 GMT, in Saturday's night: met
  ooh(fx, 4, "2026-10-25T04:00", "2026-10-24T22:00");  // in Saturday's night, allocated during it: not met
  // Sun 25 Oct (GMT): the weekend day from 08:30 (weekend early), the evening from 17:00 GMT (17:00 UTC).
  ooh(fx, 5, "2026-10-25T18:00", "2026-10-25T17:00");  // exactly at the evening's start (GMT): met
  ooh(fx, 6, "2026-10-25T18:30", "2026-10-25T17:30");  // after it: not met
  auto f = figure(fx.done(), "2026-10-24", "2026-10-25", "2026-10-26T08:30");
  CHECK(f.denominator == 6);
  CHECK(f.numerator == 3);
  CHECK(lists(f, 1, true));
  CHECK(lists(f, 2, false));
  CHECK(lists(f, 3, true));
  CHECK(lists(f, 4, false));
  CHECK(lists(f, 5, true));
  CHECK(lists(f, 6, false));
  // The Sunday visits after midnight are dated 25 Oct: a period of Sunday alone holds 3, 4, 5 and 6.
  CHECK(figure(fx.s, "2026-10-25", "2026-10-25", "2026-10-26T08:30").denominator == 4);
}
