// Sign-in throttling: free tries, a doubling wait, a lock at ten within the window.
#include <doctest/doctest.h>

#include "core/sign_in_policy.hpp"
#include "support/small_team.hpp"

using namespace vb;
using std::chrono::seconds;

namespace {

std::vector<Instant> failures_at(Instant start, int n, seconds apart) {
  std::vector<Instant> out;
  for (int i = 0; i < n; ++i) out.push_back(start + apart * i);
  return out;
}

}  // namespace

TEST_CASE("sign-in policy: three wrong PINs cost nothing, then each try waits twice as long as the last") {
  const Instant t = test::at("2026-11-23T10:00");
  CHECK_FALSE(sign_in_gate(failures_at(t, 2, seconds{1}), t + seconds{2}).not_before);
  auto three = failures_at(t, 3, seconds{1});  // last at t+2s
  CHECK(*sign_in_gate(three, t + seconds{3}).not_before == t + seconds{2 + 5});
  auto four = failures_at(t, 4, seconds{1});
  CHECK(*sign_in_gate(four, t + seconds{4}).not_before == t + seconds{3 + 10});
  auto six = failures_at(t, 6, seconds{1});
  CHECK(*sign_in_gate(six, t + seconds{6}).not_before == t + seconds{5 + 40});
}

TEST_CASE("sign-in policy: the wait never exceeds five minutes") {
  const Instant t = test::at("2026-11-23T10:00");
  auto nine = failures_at(t, 9, seconds{1});
  CHECK(*sign_in_gate(nine, t + seconds{9}).not_before == t + seconds{8 + 300});
}

TEST_CASE("sign-in policy: ten wrong PINs within 30 minutes lock; older ones no longer count") {
  const Instant t = test::at("2026-11-23T10:00");
  auto ten = failures_at(t, 10, seconds{60});
  CHECK(sign_in_gate(ten, t + seconds{600}).should_lock);
  CHECK_FALSE(sign_in_gate(failures_at(t, 9, seconds{60}), t + seconds{600}).should_lock);
  auto spread = failures_at(t, 10, seconds{240});  // 36 minutes from first to last
  CHECK_FALSE(sign_in_gate(spread, t + seconds{240 * 9}).should_lock);
  CHECK(sign_in_gate(spread, t + seconds{240 * 9}).recent_failures == 8);
}

TEST_CASE("sign-in policy: the clock change night does not stretch or shorten the window") {
  // 25 Oct 2026: 01:00-02:00 local happens twice; instants are UTC so the window is 30 real minutes.
  const Instant t = parse_stored_utc("2026-10-25T00:50:00Z");
  auto ten = failures_at(t, 10, seconds{150});
  CHECK(sign_in_gate(ten, t + seconds{150 * 9}).should_lock);
}

TEST_CASE("sign-in policy: a PIN is 4 to 8 digits") {
  CHECK_FALSE(pin_form_problem("0007"));
  CHECK_FALSE(pin_form_problem("12345678"));
  CHECK(pin_form_problem("123"));
  CHECK(pin_form_problem("123456789"));
  CHECK(pin_form_problem("12a4"));
}
