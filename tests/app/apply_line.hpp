#pragma once
// One `apply` line read as `visitboard apply` reads it, for the tests of its strict parsing: the
// team's zone Europe/London, and `at` defaulting to apply_now (the --now of these tests).
#include "app/command_json.hpp"

#include <string>
#include <variant>

namespace vb::test {

inline const Instant apply_now = *parse_instant("2026-11-23T10:00:00Z", nullptr);

inline std::variant<Command, std::string> parse_apply_line(const std::string& line) {
  return app::parse_command_json(line, find_zone("Europe/London"), apply_now);
}

}  // namespace vb::test
