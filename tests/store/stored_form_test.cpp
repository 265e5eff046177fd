// The store's fast writers of instants and dates agree with core's formatters character for character.
#include <doctest/doctest.h>

#include "store/stored_form.hpp"

using namespace vb;
using namespace vb::store;
using namespace std::chrono_literals;

TEST_CASE("store: stored instants and dates are exactly what core's format_utc and format_date write") {
  CHECK(stored_instant(parse_stored_utc("2026-11-23T08:30:00Z")) == "2026-11-23T08:30:00Z");
  CHECK(stored_instant(Instant{}) == "1970-01-01T00:00:00Z");
  CHECK(stored_date(*parse_date("2028-02-29")) == "2028-02-29");
  // A walk over seventy years in uneven steps: leap days, year ends, times before 1970.
  Instant t = parse_stored_utc("1955-12-31T23:59:59Z");
  for (int i = 0; i < 20000; ++i, t += 111'111s + std::chrono::seconds(i % 61)) {
    REQUIRE(stored_instant(t) == format_utc(t));
    LocalDate d{date::floor<date::days>(t)};
    REQUIRE(stored_date(d) == format_date(d));
  }
  CHECK(stored_instant(parse_stored_utc("9999-12-31T23:59:59Z")) == "9999-12-31T23:59:59Z");
}
