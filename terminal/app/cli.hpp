#pragma once
// The command line contract (see shared/design.md, "Names other tools rely on"): global --db and
// --now before or after the command, then the command and its own options.
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace vb::app {

// Exit codes scripts rely on.
inline constexpr int exit_ok = 0;
inline constexpr int exit_refused = 1;  // input refused, nothing written
inline constexpr int exit_usage = 2;    // usage error or unknown screen

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// Input refused (bad file, bad value, failed write): exit 1.
struct Refused : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct CommandLine {
  std::string command = "run";
  std::optional<std::string> db;
  std::optional<std::string> now;
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  // --name value, or --flag -> ""

  bool flag(const std::string& name) const { return options.count(name) > 0; }
  std::optional<std::string> option(const std::string& name) const;
  // The database path: --db, else $VISITBOARD_DB; a usage error when neither is given.
  std::string db_path() const;
};

// Throws UsageError for an unknown command or option, or a missing value.
CommandLine parse_command_line(int argc, char** argv);

std::string usage_text();

}  // namespace vb::app
