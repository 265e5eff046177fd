// `apply` lines come from scripts and other systems: whatever a line holds, it is read as a command
// or refused in words (the caller adds "line N: " and applies nothing); nothing escapes as an
// exception. The cases are the kinds command_json_fuzz (tests/fuzz) explores.
#include <doctest/doctest.h>

#include "app/apply_line.hpp"

using namespace vb;

namespace {

std::string refusal(const std::string& line) {
  std::variant<Command, std::string> r;
  REQUIRE_NOTHROW(r = test::parse_apply_line(line));
  REQUIRE(std::holds_alternative<std::string>(r));
  return std::get<std::string>(r);
}

}  // namespace

TEST_CASE("apply: a number too large to hold is refused as not valid JSON, naming the number") {
  const std::string why = refusal(R"({"command":"mark_visit","visit":1E999,"status":"done","by":"S07"})");
  CHECK(why.find("not valid JSON (") == 0);
  CHECK(why.find("number overflow parsing '1E999'") != std::string::npos);
}

TEST_CASE("apply: odd but valid JSON is refused by the field it breaks") {
  // 1e-999 is a valid number (zero), but not a whole number of the kind an id is.
  CHECK(refusal(R"({"command":"mark_visit","visit":1e-999,"status":"done","by":"S07"})") ==
        "field 'visit' must be a whole number");
  // Deeply nested arrays: valid JSON, not an object.
  CHECK(refusal(std::string(20000, '[') + std::string(20000, ']')) == "expected a JSON object");
  // Text that is not UTF-8 inside a string.
  CHECK(refusal("{\"command\":\"mark_visit\",\"reason\":\"\xff\xfe\"}").find("not valid JSON (") == 0);
}
