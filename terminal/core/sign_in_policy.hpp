#pragma once
// Throttling of PIN sign-in. A 4-6 digit PIN cannot be protected by hashing alone, so wrong tries
// are counted (in the database, so a restart does not reset them): after a few, each next try
// waits longer; ten within the window lock the account until a coordinator or admin clears it.
#include "core/local_time.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vb {

struct SignInPolicy {
  int free_failures = 3;                       // wrong tries allowed without waiting
  std::chrono::seconds first_delay{5};         // wait after the first counted failure; doubles each time
  std::chrono::seconds max_delay{300};         // never more than five minutes between tries
  int lock_after = 10;                         // this many failures within `window` lock the account
  std::chrono::minutes window{30};
};

// What the failures since the last successful sign-in (or the last clear) mean at `now`.
struct SignInGate {
  int recent_failures = 0;            // within the window
  std::optional<Instant> not_before;  // set: a try before this instant is refused unchecked
  bool should_lock = false;           // the failures already reach the lock threshold
};

// `failures` in any order; pure.
SignInGate sign_in_gate(const std::vector<Instant>& failures, Instant now, const SignInPolicy& policy = {});

// A PIN is 4 to 8 digits. The reason it is not, in words, or nullopt.
std::optional<std::string> pin_form_problem(std::string_view pin);

}  // namespace vb
