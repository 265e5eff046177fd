// Wall clock, or a pinned moment.
#include "app/clock.hpp"

#include "app/cli.hpp"

namespace vb::app {

Clock::Clock(const std::optional<std::string>& pinned, Zone zone, bool advance)
    : started_(std::chrono::steady_clock::now()), advance_(advance) {
  if (pinned) {
    pinned_ = parse_instant(*pinned, zone);
    if (!pinned_) throw UsageError("--now '" + *pinned + "' is not an ISO-8601 time (e.g. 2026-11-23T08:30)");
  }
}

Instant Clock::now() const {
  if (!pinned_) return date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  if (!advance_) return *pinned_;
  return *pinned_ + date::floor<std::chrono::seconds>(std::chrono::steady_clock::now() - started_);
}

}  // namespace vb::app
