// Bank holidays are out of hours all day, like a weekend: the weekend shift times, a daytime
// out-of-hours window named after the day, generated visits flagged out of hours, and the
// compliance measure counting them against the holiday's shift start. Synthetic data only.
#include <doctest/doctest.h>

#include "core/compliance.hpp"
#include "core/ooh_allocation.hpp"
#include "core/ooh_gaps.hpp"
#include "core/plan_generation.hpp"
#include "core/rota_rules.hpp"
#include "support/compliance_fixture.hpp"
#include "support/small_team.hpp"

using namespace vb;
using vb::test::at;

namespace {

LocalDate day(const char* d) { return *parse_date(d); }
Zone london() { return find_zone("Europe/London"); }

// One episode on a daily plan of one morning visit from 20 Dec 2026 to 5 Apr 2027.
ContactPlan daily_mornings() {
  ContactPlan p;
  p.episode_id = 1;
  p.start_date = day("2026-12-20");
  ContactPhase ph;
  ph.length_days = 120;
  ph.visits_per_day = 1;
  ph.windows = {DayPart::morning};
  p.phases = {ph};
  return p;
}

bool morning_out_of_hours(const std::vector<VisitSlot>& slots, const char* d) {
  for (const auto& s : slots)
    if (s.date == day(d)) return s.out_of_hours;
  FAIL("no slot on " << d);
  return false;
}

}  // namespace

TEST_CASE("bank holidays: Christmas 2026 is out of hours all day on Fri 25 and the substitute Mon 28 Dec, not on Thu 24") {
  Snapshot s = test::small_team();
  const RotaRules& rules = s.rota_rules;
  CHECK(is_out_of_hours_day(rules, day("2026-12-25")));
  CHECK(is_out_of_hours_day(rules, day("2026-12-28")));
  CHECK_FALSE(is_out_of_hours_day(rules, day("2026-12-24")));
  // Weekend shift times: the early starts at 08:30 on the holidays, 08:00 on Christmas Eve.
  CHECK(shift_pattern(rules, ShiftKind::early, day("2026-12-25"))->start_min == 8 * 60 + 30);
  CHECK(shift_pattern(rules, ShiftKind::early, day("2026-12-28"))->start_min == 8 * 60 + 30);
  CHECK(shift_pattern(rules, ShiftKind::early, day("2026-12-24"))->start_min == 8 * 60);

  // The board at 10:00 plans the holiday's daytime window, named after the day.
  OohWindow christmas = current_ooh_window(s, at("2026-12-25T10:00"));
  CHECK(christmas.part == OohPart::day);
  CHECK(christmas.label == "Christmas Day");
  CHECK(format_utc(christmas.start) == "2026-12-25T08:30:00Z");
  CHECK(format_utc(christmas.end) == "2026-12-25T17:00:00Z");
  CHECK(build_ooh_board(s, christmas).readiness.rfind("Christmas Day ready", 0) == 0);
  OohWindow boxing = current_ooh_window(s, at("2026-12-28T10:00"));
  CHECK(boxing.part == OohPart::day);
  CHECK(boxing.label == "Boxing Day (substitute day)");
  // Christmas Eve at 10:00 is office hours: the next window planned is the evening.
  CHECK(current_ooh_window(s, at("2026-12-24T10:00")).part == OohPart::evening);

  // A daily plan's morning visit is generated out of hours on the holidays only.
  const auto slots = plan_slots(daily_mornings(), london(), day("2026-12-24"), day("2026-12-28"), rules.bank_holidays);
  CHECK_FALSE(morning_out_of_hours(slots, "2026-12-24"));
  CHECK(morning_out_of_hours(slots, "2026-12-25"));
  CHECK(morning_out_of_hours(slots, "2026-12-26"));  // a Saturday
  CHECK(morning_out_of_hours(slots, "2026-12-28"));
  // Without a holiday list only the weekend is.
  const auto plain = plan_slots(daily_mornings(), london(), day("2026-12-24"), day("2026-12-28"));
  CHECK_FALSE(morning_out_of_hours(plain, "2026-12-25"));
  // Regeneration flags the holiday's visits the same way.
  const auto regen = regenerate_visits(daily_mornings(), 1, {}, at("2026-12-23T12:00"), london(), rules.bank_holidays, 7);
  for (const Visit& v : regen.add) CHECK(v.out_of_hours == (v.date == day("2026-12-25") || v.date == day("2026-12-26") ||
                                                             v.date == day("2026-12-27") || v.date == day("2026-12-28")));
}

TEST_CASE("bank holidays: Easter Monday 29 Mar 2027, the day after the clocks go forward, has its windows in BST") {
  Snapshot s = test::small_team();
  const LocalDate easter_monday = day("2027-03-29");
  REQUIRE(is_out_of_hours_day(s.rota_rules, easter_monday));
  const OohWindow d = ooh_window(s, easter_monday, OohPart::day);
  CHECK(d.label == "Easter Monday");
  CHECK(format_utc(d.start) == "2027-03-29T07:30:00Z");  // 08:30 BST
  CHECK(format_utc(d.end) == "2027-03-29T16:00:00Z");    // 17:00 BST
  // The night before began on Sunday 28 Mar (clocks forward at 01:00): 21:00 BST to 07:30 BST.
  const OohWindow n = ooh_window(s, day("2027-03-28"), OohPart::night);
  CHECK(format_utc(n.start) == "2027-03-28T20:00:00Z");
  CHECK(format_utc(n.end) == "2027-03-29T06:30:00Z");
  // The compliance measure's windows around Easter Monday agree.
  const OohShiftWindows w = ooh_shift_windows(s, easter_monday);
  CHECK(w.windows[0].first == n.start);
  CHECK(w.windows[1].first == d.start);
  CHECK(ooh_shift_start(w, at("2027-03-29T10:00")) == d.start);
  CHECK(current_ooh_window(s, at("2027-03-29T09:00")).part == OohPart::day);
}

TEST_CASE("bank holidays: a holiday the team removed is an ordinary weekday again, and a day it added is out of hours") {
  Snapshot s = test::small_team();
  BankHolidays edited = s.rota_rules.bank_holidays;
  std::erase_if(edited.days, [](const BankHoliday& h) { return h.date == day("2026-12-25"); });
  edited.days.insert(edited.days.begin(), BankHoliday{day("2024-12-24"), "Team day off"});
  s.rota_rules.bank_holidays = edited;
  CHECK_FALSE(is_out_of_hours_day(s.rota_rules, day("2026-12-25")));
  CHECK(shift_pattern(s.rota_rules, ShiftKind::early, day("2026-12-25"))->start_min == 8 * 60);
  CHECK(current_ooh_window(s, at("2026-12-25T10:00")).part == OohPart::evening);
  CHECK(ooh_window(s, day("2026-12-25"), OohPart::day).label == "Day");
  CHECK(is_out_of_hours_day(s.rota_rules, day("2024-12-24")));
  CHECK(day_window_label(s.rota_rules, day("2024-12-24")) == "Team day off");
  CHECK(is_out_of_hours_day(s.rota_rules, day("2026-12-28")));  // the others stay
}

TEST_CASE("bank holidays: the compliance measure counts a bank-holiday daytime visit against the holiday's 08:30 start") {
  test::Fixture fx;
  fx.episode(1, "2026-12-01T10:00");
  // Fri 25 Dec 2026: the daytime window starts 08:30 (weekend early), not 08:00.
  Visit& v = fx.visit(1, 1, "2026-12-25T10:00", "2026-12-25T12:00", VisitStatus::planned, nullptr, "S01");
  v.out_of_hours = true;
  v.allocated_at = at("2026-12-25T08:15");  // before the holiday's shift, after a weekday's
  v.allocated_by = "S02";
  Visit& late = fx.visit(2, 1, "2026-12-25T11:00", "2026-12-25T12:00", VisitStatus::planned, nullptr, "S01");
  late.out_of_hours = true;
  late.allocated_at = at("2026-12-25T08:45");  // during the holiday's day shift: not before it
  late.allocated_by = "S02";
  const auto rules = default_compliance_rules();
  const MeasureRule* rule = rules.find("ooh-allocated-before-shift");
  REQUIRE(rule != nullptr);
  auto f = compute_measure(fx.done(), *rule, day("2026-12-25"), day("2026-12-25"), at("2026-12-26T08:30"));
  CHECK(f.denominator == 2);
  CHECK(f.numerator == 1);
}
