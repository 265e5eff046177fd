// Time: instants are UTC, the team's wall clock is Europe/London, and clock-change nights hold.
#include <doctest/doctest.h>

#include "core/local_time.hpp"

using namespace vb;
using namespace std::chrono_literals;

namespace {
Zone london() { return find_zone("Europe/London"); }
Instant utc(const char* s) { return parse_stored_utc(s); }
}  // namespace

TEST_CASE("time: a local time without offset is read in the team's zone, not the machine's") {
  auto winter = parse_instant("2026-11-23T08:30", london());
  REQUIRE(winter);
  CHECK(format_utc(*winter) == "2026-11-23T08:30:00Z");
  auto summer = parse_instant("2026-07-01T08:30:00", london());
  REQUIRE(summer);
  CHECK(format_utc(*summer) == "2026-07-01T07:30:00Z");
  CHECK(format_local_hm(*summer, london()) == "08:30");
}

TEST_CASE("time: explicit offsets and Z are honoured") {
  CHECK(format_utc(*parse_instant("2026-07-01T08:30:00Z", london())) == "2026-07-01T08:30:00Z");
  CHECK(format_utc(*parse_instant("2026-07-01T08:30+02:00", london())) == "2026-07-01T06:30:00Z");
  CHECK(format_utc(*parse_instant("2026-07-01T08:30:00-05:30", london())) == "2026-07-01T14:00:00Z");
}

TEST_CASE("time: malformed dates and times are refused, not guessed") {
  CHECK_FALSE(parse_instant("2026-02-30T08:00", london()));
  CHECK_FALSE(parse_instant("2026-11-23T24:00", london()));
  CHECK_FALSE(parse_instant("23/11/2026 08:00", london()));
  CHECK_FALSE(parse_instant("2026-11-23T08:00+1", london()));
  CHECK_FALSE(parse_instant("2026-11-23", london()));
  CHECK_FALSE(parse_date("2026-13-01"));
  CHECK_FALSE(parse_date("2026-1-01"));
  CHECK(parse_date("2028-02-29"));
  CHECK_FALSE(parse_date("2027-02-29"));
  CHECK_THROWS_WITH_AS(parse_stored_utc("2026-11-23 08:00"), doctest::Contains("2026-11-23 08:00"), std::runtime_error);
}

TEST_CASE("time: the spring-forward gap maps to the first instant after it") {
  // 29 Mar 2026: 01:00 GMT becomes 02:00 BST, so 01:30 local does not exist.
  auto t = parse_instant("2026-03-29T01:30", london());
  REQUIRE(t);
  CHECK(format_utc(*t) == "2026-03-29T01:00:00Z");
  CHECK(format_local_hm(*t, london()) == "02:00");
}

TEST_CASE("time: the autumn overlap takes the first occurrence") {
  // 25 Oct 2026: 02:00 BST becomes 01:00 GMT, so 01:30 local happens twice.
  auto t = parse_instant("2026-10-25T01:30", london());
  REQUIRE(t);
  CHECK(format_utc(*t) == "2026-10-25T00:30:00Z");
}

TEST_CASE("time: a 21:00-07:30 night shift lasts 9h30 in March and 11h30 in October") {
  auto march_start = local_day_time(*parse_date("2026-03-28"), 21h, london());
  auto march_end = local_day_time(*parse_date("2026-03-29"), 7h + 30min, london());
  CHECK(march_end - march_start == 9h + 30min);
  auto oct_start = local_day_time(*parse_date("2026-10-24"), 21h, london());
  auto oct_end = local_day_time(*parse_date("2026-10-25"), 7h + 30min, london());
  CHECK(oct_end - oct_start == 11h + 30min);
}

TEST_CASE("time: the local date of an instant follows the team's zone across midnight") {
  // 23:30 UTC on 30 June is 00:30 BST on 1 July.
  CHECK(format_date(local_date_of(utc("2026-06-30T23:30:00Z"), london())) == "2026-07-01");
  CHECK(format_date(local_date_of(utc("2026-12-31T23:30:00Z"), london())) == "2026-12-31");
  CHECK(start_of_local_day(*parse_date("2026-07-01"), london()) == utc("2026-06-30T23:00:00Z"));
}

TEST_CASE("time: an unknown zone name is an error that names it") {
  CHECK_THROWS_WITH_AS(find_zone("Europe/Atlantis"), doctest::Contains("Europe/Atlantis"), std::invalid_argument);
}

TEST_CASE("local time: day labels and hh:mm read exactly as the date library formats them") {
  const Zone zone = find_zone("Europe/London");
  LocalDate d = *parse_date("2026-01-01");
  for (int i = 0; i < 800; ++i, d = LocalDate{date::sys_days{d} + date::days{1}}) {
    CHECK(format_day_label(d) == date::format("%a %d %b", d));
    const Instant t = local_day_time(d, std::chrono::minutes{(i * 37) % (24 * 60)}, zone);
    CHECK(format_local_hm(t, zone) == date::format("%H:%M", to_local(t, zone)));
  }
}
