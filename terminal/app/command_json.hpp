#pragma once
// One `apply` line (a JSON object) to a Command. Field names are the contract in the README:
// {"command":"mark_visit","visit":812,"status":"no_access","reason":"no answer","by":"S07","at":"2026-11-23T09:40"}
#include "core/commands.hpp"

#include <string>
#include <string_view>
#include <variant>

namespace vb::app {

// A Command, or what is wrong with the line in words (the caller adds "line N: ").
// `at` defaults to `default_at`; a time without offset is local to `zone`.
std::variant<Command, std::string> parse_command_json(std::string_view line, Zone zone, Instant default_at);

}  // namespace vb::app
