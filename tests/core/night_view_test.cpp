// The night view follows the team's wall clock; the burn-in shift is small and slow.
#include <doctest/doctest.h>

#include "core/night_view.hpp"
#include "support/small_team.hpp"

#include <cstdlib>

using namespace vb;

namespace {
Zone london() { return find_zone("Europe/London"); }
}  // namespace

TEST_CASE("night view: out of hours from 20:00 to 08:00 local, dimmed from 23:00 to 06:00") {
  CHECK_FALSE(display_mode(test::at("2026-11-23T19:59"), london()).night);
  CHECK(display_mode(test::at("2026-11-23T20:00"), london()).night);
  CHECK_FALSE(display_mode(test::at("2026-11-23T22:59"), london()).dimmed);
  CHECK(display_mode(test::at("2026-11-24T03:00"), london()).dimmed);
  CHECK(display_mode(test::at("2026-11-24T07:59"), london()).night);
  CHECK_FALSE(display_mode(test::at("2026-11-24T07:59"), london()).dimmed);
  CHECK_FALSE(display_mode(test::at("2026-11-24T08:00"), london()).night);
}

TEST_CASE("night view: the clock-change nights follow local time, not UTC") {
  // 24 Oct 2026 is still BST: 20:00 local is 19:00 UTC.
  CHECK(display_mode(parse_stored_utc("2026-10-24T19:00:00Z"), london()).night);
  // 29 Mar 2026: 07:30 UTC is 08:30 BST, already day.
  CHECK_FALSE(display_mode(parse_stored_utc("2026-03-29T07:30:00Z"), london()).night);
  CHECK(display_mode(parse_stored_utc("2026-03-28T07:30:00Z"), london()).night);  // 07:30 GMT
}

TEST_CASE("burn-in: everything moves at most 3 px, once a minute at most, and keeps moving") {
  const Instant t = test::at("2026-11-23T10:00");
  for (int m = 0; m < 24; ++m) {
    auto s = burn_in_shift(t + std::chrono::minutes{m});
    CHECK(std::abs(s.x) <= burn_in_max_px);
    CHECK(std::abs(s.y) <= burn_in_max_px);
    auto later = burn_in_shift(t + std::chrono::minutes{m} + std::chrono::seconds{59});
    CHECK(later.x == s.x);  // the same all minute
    CHECK(later.y == s.y);
    auto next = burn_in_shift(t + std::chrono::minutes{m + 1});
    CHECK((next.x != s.x || next.y != s.y));
  }
}
