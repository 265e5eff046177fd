// The kiosk idles like a good citizen: no frames while nothing happens, one a minute for the
// clock, a few after a touch, one when the data changed; the wall returns to initials when idle.
#include <doctest/doctest.h>

#include "app/redraw_schedule.hpp"

using vb::app::RedrawSchedule;
using namespace std::chrono_literals;

namespace {

// Runs the loop as cmd_run does: it wakes every second and draws only when the schedule says so.
int frames_over(RedrawSchedule& s, RedrawSchedule::Clock::time_point& t, long& minute_of, std::chrono::seconds span) {
  int frames = 0;
  for (auto end = t + span; t < end; t += 1s) {
    s.minute(minute_of + std::chrono::duration_cast<std::chrono::minutes>(t.time_since_epoch()).count());
    while (s.take_frame()) ++frames;
  }
  return frames;
}

}  // namespace

TEST_CASE("kiosk idle: an untouched board draws once a minute, not every second") {
  RedrawSchedule::Clock::time_point t{};
  long base = 0;
  RedrawSchedule s(t);
  int first = frames_over(s, t, base, 1s);
  CHECK(first == 2);  // the first frames after start
  CHECK(frames_over(s, t, base, 3600s) == 60);
}

TEST_CASE("kiosk idle: a touch buys a few frames, then the board sleeps again") {
  RedrawSchedule::Clock::time_point t{};
  long base = 0;
  RedrawSchedule s(t);
  frames_over(s, t, base, 10s);
  s.input(t);
  int frames = 0;
  while (s.take_frame()) ++frames;
  CHECK(frames == RedrawSchedule::frames_after_input);
  CHECK_FALSE(s.busy());
}

TEST_CASE("kiosk idle: a change to the database by another process draws one frame") {
  RedrawSchedule::Clock::time_point t{};
  RedrawSchedule s(t);
  while (s.take_frame()) {
  }
  s.data_changed();
  CHECK(s.take_frame());
  CHECK_FALSE(s.take_frame());
}

TEST_CASE("kiosk privacy: names go back to initials after two idle minutes, once") {
  RedrawSchedule::Clock::time_point t{};
  RedrawSchedule s(t);
  CHECK_FALSE(s.privacy_due(t + 119s));
  CHECK(s.privacy_due(t + 120s));
  CHECK_FALSE(s.privacy_due(t + 200s));  // already done; no repeated redraws
  s.input(t + 300s);
  s.names_shown();
  CHECK_FALSE(s.privacy_due(t + 400s));
  CHECK(s.privacy_due(t + 420s));
}
