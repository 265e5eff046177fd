// Auto-lock: an unlocked kiosk locks itself after the configured idle time; a touch restarts it.
#include <doctest/doctest.h>

#include "app/auto_lock.hpp"

using namespace vb::app;
using namespace std::chrono_literals;

TEST_CASE("auto-lock: five idle minutes lock a signed-in screen, not a second earlier") {
  const auto t0 = AutoLock::Clock::time_point{} + 1000h;  // an injected clock
  AutoLock lock(AutoLock::default_after, t0);
  CHECK_FALSE(lock.due(t0 + 4min + 59s, false));
  CHECK(lock.due(t0 + 5min, false));
  CHECK_FALSE(lock.due(t0 + 5min, true));  // already locked: nothing to do
}

TEST_CASE("auto-lock: every touch starts the idle time again") {
  const auto t0 = AutoLock::Clock::time_point{} + 1000h;
  AutoLock lock(AutoLock::default_after, t0);
  lock.input(t0 + 4min);
  CHECK_FALSE(lock.due(t0 + 8min, false));
  CHECK(lock.due(t0 + 9min, false));
  CHECK(lock.due_at() == t0 + 9min);
}

TEST_CASE("auto-lock: the idle time is configurable in whole minutes from 1 to 240") {
  const auto t0 = AutoLock::Clock::time_point{} + 1000h;
  auto two = parse_lock_after("2");
  REQUIRE(two);
  AutoLock lock(*two, t0);
  CHECK(lock.due(t0 + 2min, false));
  CHECK_FALSE(parse_lock_after("0"));
  CHECK_FALSE(parse_lock_after("241"));
  CHECK_FALSE(parse_lock_after("5m"));
  CHECK_FALSE(parse_lock_after(""));
}
