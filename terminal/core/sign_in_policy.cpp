// The growing delay and the lock after repeated wrong PINs.
#include "core/sign_in_policy.hpp"

#include <algorithm>

namespace vb {

SignInGate sign_in_gate(const std::vector<Instant>& failures, Instant now, const SignInPolicy& policy) {
  SignInGate gate;
  std::optional<Instant> last;
  for (Instant f : failures) {
    if (f > now || now - f > policy.window) continue;
    ++gate.recent_failures;
    if (!last || f > *last) last = f;
  }
  gate.should_lock = gate.recent_failures >= policy.lock_after;
  if (last && gate.recent_failures >= policy.free_failures) {
    const int doublings = std::min(gate.recent_failures - policy.free_failures, 16);
    auto delay = policy.first_delay * (std::int64_t{1} << doublings);
    gate.not_before = *last + std::min<std::chrono::seconds>(delay, policy.max_delay);
  }
  return gate;
}

std::optional<std::string> pin_form_problem(std::string_view pin) {
  if (pin.size() < 4 || pin.size() > 8) return "a PIN is 4 to 8 digits";
  if (pin.find_first_not_of("0123456789") != std::string_view::npos) return "a PIN is digits only";
  return std::nullopt;
}

}  // namespace vb
