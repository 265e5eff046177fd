// `apply` and staff access (issue 7): grant_role, revoke_role and clear_pin are read strictly;
// set_pin is refused outright, and the refusal never repeats the PIN.
#include <doctest/doctest.h>

#include "app/apply_line.hpp"

using namespace vb;

namespace {

const Instant at = test::apply_now;

std::string refusal(const std::string& line) {
  auto r = test::parse_apply_line(line);
  REQUIRE(std::holds_alternative<std::string>(r));
  return std::get<std::string>(r);
}

}  // namespace

TEST_CASE("apply access: set_pin is not accepted, and the words never contain the PIN") {
  const std::string why = refusal(R"({"command":"set_pin","staff":"S07","pin":"48265","by":"S01"})");
  CHECK(why.find("set_pin is not accepted by apply") == 0);
  CHECK(why.find("visitboard pin set") != std::string::npos);
  CHECK(why.find("48265") == std::string::npos);
}

TEST_CASE("apply access: grant_role, revoke_role and clear_pin read their fields strictly") {
  auto g = app::parse_command_json(R"({"command":"grant_role","staff":"S07","role":"coordinator","by":"S01"})",
                                   find_zone("Europe/London"), at);
  REQUIRE(std::holds_alternative<Command>(g));
  const auto& grant = std::get<GrantRole>(std::get<Command>(g));
  CHECK(grant.staff == "S07");
  CHECK(grant.role == Role::coordinator);
  CHECK(grant.by == "S01");
  CHECK(grant.at == at);
  auto r = app::parse_command_json(R"({"command":"revoke_role","staff":"S07","role":"admin","by":"S01"})",
                                   find_zone("Europe/London"), at);
  CHECK(std::get<RevokeRole>(std::get<Command>(r)).role == Role::admin);
  auto c = app::parse_command_json(R"({"command":"clear_pin","staff":"S07","by":"S01"})", find_zone("Europe/London"), at);
  CHECK(std::get<ClearPin>(std::get<Command>(c)).staff == "S07");
  CHECK(refusal(R"({"command":"grant_role","staff":"S07","role":"nurse","by":"S01"})")
            .find("field 'role': 'nurse' is not a role") == 0);
  CHECK(refusal(R"({"command":"clear_pin","staff":"S07","pin":"1234","by":"S01"})") == "unknown field 'pin'");
}
