#pragma once
// When the kiosk locks itself: after `after` without a touch while someone is signed in (default
// five minutes; `run --lock-after MINUTES`). Pure: every method takes the time it is asked about.
#include <chrono>
#include <optional>
#include <string>

namespace vb::app {

class AutoLock {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::minutes default_after{5};

  AutoLock(std::chrono::seconds after, Clock::time_point start) : after_(after), last_input_(start) {}

  void input(Clock::time_point at) { last_input_ = at; }
  // True when an unlocked screen should lock now.
  bool due(Clock::time_point now, bool locked) const { return !locked && now - last_input_ >= after_; }
  // When it will be due if nobody touches the screen (for an unlocked screen).
  Clock::time_point due_at() const { return last_input_ + after_; }
  std::chrono::seconds after() const { return after_; }

 private:
  std::chrono::seconds after_;
  Clock::time_point last_input_;
};

// "--lock-after 5" (minutes, 1 to 240), or nullopt when the text is not such a number.
std::optional<std::chrono::minutes> parse_lock_after(const std::string& text);

}  // namespace vb::app
