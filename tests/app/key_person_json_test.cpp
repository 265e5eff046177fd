// `apply` and key people (session 7): update_key_person reads only the fields given (the rest keep
// their value), remove_key_person reads a reason and a note, both strictly.
#include <doctest/doctest.h>

#include "app/apply_line.hpp"

using namespace vb;

namespace {

const Instant at = test::apply_now;
constexpr auto parse = test::parse_apply_line;

}  // namespace

TEST_CASE("apply key people: update_key_person carries the fields given and leaves out the rest") {
  auto r = parse(R"({"command":"update_key_person","key_person":3,"name":"Zoë O'Brien-Núñez","consent_to_share":false,"by":"S07"})");
  REQUIRE(std::holds_alternative<Command>(r));
  const auto& c = std::get<UpdateKeyPerson>(std::get<Command>(r));
  CHECK(c.key_person == 3);
  CHECK(*c.name == "Zoë O'Brien-Núñez");
  CHECK_FALSE(c.relationship);
  CHECK_FALSE(c.contact);
  REQUIRE(c.consent_to_share);
  CHECK_FALSE(*c.consent_to_share);
  CHECK(c.by == "S07");
  CHECK(c.at == at);
  CHECK(command_name(std::get<Command>(r)) == "update_key_person");
}

TEST_CASE("apply key people: remove_key_person reads reason and note; a wrong type or an unknown field is refused by name") {
  auto r = parse(R"({"command":"remove_key_person","key_person":3,"reason":"other","note":"moved abroad","by":"S07","at":"2026-11-23T09:00"})");
  REQUIRE(std::holds_alternative<Command>(r));
  const auto& c = std::get<RemoveKeyPerson>(std::get<Command>(r));
  CHECK(c.reason == "other");
  CHECK(c.note == "moved abroad");
  CHECK(c.at == *parse_instant("2026-11-23T09:00:00Z", nullptr));
  CHECK(command_name(std::get<Command>(r)) == "remove_key_person");
  auto missing = parse(R"({"command":"remove_key_person","key_person":3,"by":"S07"})");
  REQUIRE(std::holds_alternative<std::string>(missing));
  CHECK(std::get<std::string>(missing).find("reason") != std::string::npos);
  auto extra = parse(R"({"command":"update_key_person","key_person":3,"phone":"07700","by":"S07"})");
  REQUIRE(std::holds_alternative<std::string>(extra));
  CHECK(std::get<std::string>(extra).find("phone") != std::string::npos);
  auto bad = parse(R"({"command":"update_key_person","key_person":3,"consent_to_share":"yes","by":"S07"})");
  REQUIRE(std::holds_alternative<std::string>(bad));
  CHECK(std::get<std::string>(bad).find("consent_to_share") != std::string::npos);
}
