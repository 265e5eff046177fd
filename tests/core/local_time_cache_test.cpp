// Local time conversions keep the last two UTC offset intervals looked up (core/local_time.cpp,
// issue 6: a board's 12 weeks straddle a clock change and its instants go back and forth across it).
// Whatever the order instants come in, every answer is the zone's own, looked up without a cache:
// instants and local times hopping between summer and winter time of several years, a second either
// side of each change, the missing hour (29 Mar 2026) and the repeated one (25 Oct 2026).
// Also: a date's packed key (core/day_number.hpp) orders dates exactly as the calendar does.
#include "core/day_number.hpp"
#include "core/local_time.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

using namespace vb;
using namespace std::chrono_literals;

namespace {

// from_local's documented policy, straight from the zone: the one instant, the first of two in the
// repeated hour, the change itself for a time in the missing hour.
Instant zone_from_local(LocalDateTime local, Zone zone) {
  const auto info = zone->get_info(local);
  switch (info.result) {
    case date::local_info::unique:
    case date::local_info::ambiguous:
      return Instant{local.time_since_epoch() - info.first.offset};
    case date::local_info::nonexistent:
      break;
  }
  return info.second.begin;
}

}  // namespace

TEST_CASE("local time: conversions hopping across clock changes in any order give the zone's answers") {
  const Zone zone = find_zone("Europe/London");
  std::vector<Instant> changes;
  for (const char* c : {"2025-10-26T01:00:00Z", "2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z", "2027-03-28T01:00:00Z",
                        "2027-10-31T01:00:00Z"})
    changes.push_back(*parse_instant(c, zone));
  // Instants near each change and weeks either side, visited in a scrambled but fixed order so that
  // the two remembered intervals are hit, swapped and replaced.
  std::vector<Instant> at;
  for (const Instant c : changes)
    for (const std::chrono::seconds d : {-21 * 86400s, -7 * 86400s, -3601s, -3600s, -1s, 0s, 1s, 3599s, 3600s, 3601s, 7 * 86400s,
                                         21 * 86400s})
      at.push_back(c + d);
  std::uint64_t x = 12345;
  size_t compared = 0;
  for (int round = 0; round < 4000; ++round) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    const Instant t = at[static_cast<size_t>(x >> 33) % at.size()];
    CAPTURE(format_utc(t));
    const auto info = zone->get_info(t);
    const LocalDateTime local{(t + info.offset).time_since_epoch()};
    CHECK(to_local(t, zone) == local);
    CHECK(local_day_number(t, zone) == date::floor<date::days>(local).time_since_epoch().count());
    CHECK(local_date_of(t, zone) == LocalDate{date::floor<date::days>(local)});
    // Local times: this instant's wall clock, the same clock an hour either side (into the missing or
    // repeated hour near a change), and local midnight of its day.
    for (const auto shift : {0s, -3600s, 3600s}) {
      const LocalDateTime wall = local + shift;
      CHECK(from_local(wall, zone) == zone_from_local(wall, zone));
    }
    const LocalDate day{date::floor<date::days>(local)};
    CHECK(start_of_local_day(day, zone) == zone_from_local(LocalDateTime{date::local_days{day}}, zone));
    ++compared;
  }
  CHECK(compared == 4000);
  // The missing and the repeated hour themselves.
  const LocalDateTime missing = LocalDateTime{date::local_days{LocalDate{date::year{2026} / 3 / 29}}} + 90min;
  CHECK(from_local(missing, zone) == *parse_instant("2026-03-29T01:00:00Z", zone));
  const LocalDateTime repeated = LocalDateTime{date::local_days{LocalDate{date::year{2026} / 10 / 25}}} + 90min;
  CHECK(from_local(repeated, zone) == *parse_instant("2026-10-25T00:30:00Z", zone));
}

TEST_CASE("day numbers: a date's packed key orders and matches dates exactly as the calendar does") {
  std::vector<LocalDate> days;
  for (long n = day_number(LocalDate{date::year{2024} / 12 / 20}); n <= day_number(LocalDate{date::year{2027} / 3 / 5}); n += 3)
    days.push_back(date_of_day_number(n));
  days.push_back(LocalDate{date::year{1999} / 12 / 31});
  days.push_back(LocalDate{date::year{2100} / 1 / 1});
  size_t compared = 0;
  for (const LocalDate a : days)
    for (size_t k = 0; k < days.size(); k += 7) {
      const LocalDate b = days[k];
      CHECK((date_key(a) < date_key(b)) == (a < b));
      CHECK((date_key(a) == date_key(b)) == (a == b));
      ++compared;
    }
  CHECK(compared > 10000);
}
