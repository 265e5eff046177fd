// A hand-added visit whose window crosses midnight (session 8): a night visit 23:30-00:30 is allowed
// when the request says it ends the next day; an end before the start without that is still refused
// (a typo must not become a night visit); such a window is at most 8 hours; on the clock-change
// nights a skipped time is refused in words and a repeated one is the first, said in words; out of
// hours still comes from the start by the team's one rule.
#include <doctest/doctest.h>

#include "core/add_visit.hpp"
#include "core/commands.hpp"
#include "support/small_team.hpp"

using namespace vb;

namespace {

AddVisit night(const char* d, const char* start, const char* end, int minutes = 45, bool next_day = true) {
  AddVisit c;
  c.episode = 1;
  c.date = *parse_date(d);
  c.start_min = *parse_hm(start);
  c.end_min = *parse_hm(end);
  c.duration_min = minutes;
  c.ends_next_day = next_day;
  c.by = "S01";
  c.at = test::at((std::string(d) + "T10:30").c_str()) - std::chrono::hours{24};
  return c;
}

std::string refusal(const Snapshot& s, const AddVisit& c) {
  auto p = command_problem(s, c);
  return p ? *p : "(accepted)";
}

}  // namespace

TEST_CASE("add visit overnight: 23:30-00:30 the next day is a one-hour night visit dated the evening it starts") {
  const Snapshot s = test::small_team();
  const AddVisit c = night("2026-11-24", "23:30", "00:30", 45);
  REQUIRE(refusal(s, c) == "(accepted)");
  const Visit v = visit_to_add(s, c);
  CHECK(v.date == *parse_date("2026-11-24"));
  CHECK(v.window_start == test::at("2026-11-24T23:30"));
  CHECK(v.window_end == test::at("2026-11-25T00:30"));
  CHECK(v.out_of_hours);  // from its start, a weekday after 17:00
  CHECK(add_visit_window_words(c) == "23:30-00:30 (next day)");
  CHECK(add_visit_end_date(c) == *parse_date("2026-11-25"));
  CHECK(add_visit_clock_words(s, c).empty());
  // A length must still fit the real window: 90 minutes do not fit one hour.
  CHECK(refusal(s, night("2026-11-24", "23:30", "00:30", 90)) ==
        "a planned length of 90 minutes does not fit the window 23:30-00:30 (next day) (60 minutes)");
}

TEST_CASE("add visit overnight: an end before the start is refused unless it says the next day") {
  const Snapshot s = test::small_team();
  CHECK(refusal(s, night("2026-11-24", "23:30", "00:30", 45, false)) ==
        "the window ends (00:30) before it starts (23:30) on Tue 24 Nov: if it ends the next day, say so (ends_next_day)");
  // A typo for 13:00-15:00 typed as 15:00-13:00 and said to end the next day is 22 hours: refused.
  CHECK(refusal(s, night("2026-11-24", "15:00", "13:00")) ==
        "the window 15:00-13:00 (next day) is 22 h 0 min long: a window ending the next day may be at most 8 hours");
  // The same time the next day (24 h) and a later one are refused the same way.
  CHECK(refusal(s, night("2026-11-24", "22:00", "22:00")).find("is 24 h 0 min long") != std::string::npos);
  CHECK(refusal(s, night("2026-11-24", "22:00", "23:00")).find("is 25 h 0 min long") != std::string::npos);
  // Eight hours exactly is a night visit still.
  CHECK(refusal(s, night("2026-11-24", "22:00", "06:00")) == "(accepted)");
  CHECK(refusal(s, night("2026-11-24", "22:00", "06:01")).find("at most 8 hours") != std::string::npos);
}

TEST_CASE("add visit overnight: the clock-change nights, in words and never moved") {
  const Snapshot s = test::small_team();
  // Sat 28 Mar 2026 into Sun 29 Mar: 01:30 does not exist (01:00 GMT becomes 02:00 BST).
  CHECK(refusal(s, night("2026-03-28", "23:30", "01:30")) ==
        "01:30 on Sun 29 Mar does not exist in Europe/London (the clocks go forward that night): choose a time after the change");
  // 23:30-02:30 is two hours of real time that night, not three.
  const AddVisit spring = night("2026-03-28", "23:30", "02:30", 120);
  REQUIRE(refusal(s, spring) == "(accepted)");
  CHECK(visit_to_add(s, spring).window_end == *parse_instant("2026-03-29T01:30:00Z", nullptr));
  CHECK(refusal(s, night("2026-03-28", "23:30", "02:30", 121)).find("(120 minutes)") != std::string::npos);
  CHECK(add_visit_clock_words(s, spring).empty());
  // Sat 24 Oct 2026 into Sun 25 Oct: 01:30 happens twice; the window ends at the first (BST).
  const AddVisit autumn = night("2026-10-24", "23:30", "01:30", 60);
  REQUIRE(refusal(s, autumn) == "(accepted)");
  CHECK(visit_to_add(s, autumn).window_start == *parse_instant("2026-10-24T22:30:00Z", nullptr));
  CHECK(visit_to_add(s, autumn).window_end == *parse_instant("2026-10-25T00:30:00Z", nullptr));  // 2 h of real time
  CHECK(add_visit_clock_words(s, autumn) ==
        "01:30 on Sun 25 Oct happens twice (the clocks go back): this is the first, 01:30 BST");
  // A start on the repeated hour is said the same way.
  const AddVisit repeated = night("2026-10-25", "01:15", "02:00", 30, false);
  REQUIRE(refusal(s, repeated) == "(accepted)");
  CHECK(add_visit_clock_words(s, repeated) ==
        "01:15 on Sun 25 Oct happens twice (the clocks go back): this is the first, 01:15 BST");
}
