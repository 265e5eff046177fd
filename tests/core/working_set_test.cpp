// The kiosk's history horizon: local midnight 17 weeks before today (more when the compliance rules
// look further back), wherever the clocks change.
#include <doctest/doctest.h>

#include "core/working_set.hpp"

using namespace vb;

namespace {

Instant london(const char* text) { return *parse_instant(text, find_zone("Europe/London")); }
Instant utc(const char* text) { return *parse_instant(text, nullptr); }

}  // namespace

TEST_CASE("working set: history starts at local midnight 17 weeks (119 days) before today") {
  const Zone z = find_zone("Europe/London");
  CHECK(working_set_history == date::days{119});
  // 23 Nov 2026 (GMT) -> 27 Jul 2026, a BST midnight: 26 Jul 23:00 UTC.
  CHECK(working_set_from(london("2026-11-23T08:30"), z) == utc("2026-07-26T23:00:00Z"));
  // Any time of the same local day gives the same horizon.
  CHECK(working_set_from(london("2026-11-23T00:00"), z) == working_set_from(london("2026-11-23T23:59"), z));
}

TEST_CASE("working set: the default compliance rules fit in the shortest history, and longer rules get more") {
  // 28-day figure and 12 trend weeks: the oldest window opens 11 weeks + 28 days = 105 days back.
  CHECK(working_set_history_for(28, 12) == working_set_history);
  CHECK(working_set_history_for(7, 2) == working_set_history);
  // A team that asks for 26 trend weeks of 28 days: 25 weeks + 28 days + a week's margin.
  CHECK(working_set_history_for(28, 26) == date::days{175 + 28 + 7});
  const Zone z = find_zone("Europe/London");
  CHECK(working_set_from(london("2026-11-23T08:30"), z, date::days{210}) == utc("2026-04-26T23:00:00Z"));
  // Never shorter than the minimum.
  CHECK(working_set_from(london("2026-11-23T08:30"), z, date::days{30}) == working_set_from(london("2026-11-23T08:30"), z));
  // The episodes' horizon moves back with a longer history, so it always reaches at least as far.
  const Instant longer = working_set_from(london("2026-11-23T08:30"), z, date::days{400});
  CHECK(working_set_episodes_from(longer, z) < longer);
}

TEST_CASE("working set: the horizon is a local midnight across the clock changes") {
  const Zone z = find_zone("Europe/London");
  // Clock-change nights as `now`: 29 Mar 2026 (01:00 GMT -> 02:00 BST) and 25 Oct 2026 (the hour 01:00-02:00 twice).
  CHECK(working_set_from(london("2026-03-29T03:30"), z) == utc("2025-11-30T00:00:00Z"));  // 30 Nov 2025, GMT
  CHECK(working_set_from(utc("2026-10-25T00:30:00Z"), z) == utc("2026-06-27T23:00:00Z"));  // 01:30 BST, first pass
  CHECK(working_set_from(utc("2026-10-25T01:30:00Z"), z) == utc("2026-06-27T23:00:00Z"));  // 01:30 GMT, second pass
  // A horizon that falls on a clock-change day: 26 Jul 2026 - 119 days = 29 Mar 2026.
  CHECK(working_set_from(london("2026-07-26T12:00"), z) == utc("2026-03-29T00:00:00Z"));  // midnight GMT, before the change
  CHECK(working_set_from(london("2027-04-29T12:00"), z) == utc("2026-12-31T00:00:00Z"));  // winter horizon, summer now
  for (const char* when : {"2026-03-29T03:30", "2026-10-25T01:30", "2027-03-28T12:00", "2027-10-31T23:00"}) {
    CAPTURE(when);
    const Instant from = working_set_from(london(when), z);
    CHECK(from == start_of_local_day(local_date_of(from, z), z));  // a local midnight
    CHECK(date::sys_days{local_date_of(london(when), z)} - date::sys_days{local_date_of(from, z)} == working_set_history);
  }
}
