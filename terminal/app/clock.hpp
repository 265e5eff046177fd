#pragma once
// The only place the program reads the wall clock. With --now the clock is pinned to that moment
// (and, in the kiosk, advances from it), so every run can be reproduced.
#include "core/local_time.hpp"

#include <optional>
#include <string>

namespace vb::app {

class Clock {
 public:
  // `pinned` is the --now text; parsed in the team's zone. Throws UsageError when malformed.
  Clock(const std::optional<std::string>& pinned, Zone zone, bool advance);
  Instant now() const;

 private:
  std::optional<Instant> pinned_;
  std::chrono::steady_clock::time_point started_;
  bool advance_;
};

}  // namespace vb::app
