// Fuzzes the parser of `apply` lines (app/command_json): any bytes give either a command or the
// words of what is wrong (never an exception, a crash or an empty message). `apply` reads these
// lines from scripts and other systems.
#include "app/command_json.hpp"
#include "core/local_time.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const vb::Zone zone = vb::find_zone("Europe/London");
  static const vb::Instant at = *vb::parse_instant("2026-11-23T08:30:00", zone);
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  const auto parsed = vb::app::parse_command_json(line, zone, at);
  if (const auto* problem = std::get_if<std::string>(&parsed); problem && problem->empty()) std::abort();
  return 0;
}
