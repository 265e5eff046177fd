// `apply` and care flags (session 6): clear_care_flag is read strictly, and `other` among what was
// shared with a carer is a known topic.
#include <doctest/doctest.h>

#include "app/apply_line.hpp"

using namespace vb;

namespace {

const Instant at = test::apply_now;
constexpr auto parse = test::parse_apply_line;

}  // namespace

TEST_CASE("apply care flags: clear_care_flag reads episode, flag, reason, by and at") {
  auto r = parse(R"({"command":"clear_care_flag","episode":604,"flag":"lives_alone","reason":"no longer applies","by":"S07"})");
  REQUIRE(std::holds_alternative<Command>(r));
  const auto& c = std::get<ClearCareFlag>(std::get<Command>(r));
  CHECK(c.episode == 604);
  CHECK(c.flag == "lives_alone");
  CHECK(c.reason == "no longer applies");
  CHECK(c.by == "S07");
  CHECK(c.at == at);
  CHECK(command_name(std::get<Command>(r)) == "clear_care_flag");
}

TEST_CASE("apply care flags: a missing reason or an unknown field is refused by name") {
  auto missing = parse(R"({"command":"clear_care_flag","episode":604,"flag":"lives_alone","by":"S07"})");
  REQUIRE(std::holds_alternative<std::string>(missing));
  CHECK(std::get<std::string>(missing).find("reason") != std::string::npos);
  auto extra = parse(R"({"command":"clear_care_flag","episode":604,"flag":"lives_alone","reason":"x","detail":"y","by":"S07"})");
  REQUIRE(std::holds_alternative<std::string>(extra));
  CHECK(std::get<std::string>(extra).find("detail") != std::string::npos);
}

TEST_CASE("apply carer contact: 'other' is read among what was shared, its words in the note") {
  auto r = parse(R"({"command":"log_carer_contact","episode":604,"key_person":3,"outcome":"reached","shared":["other"],"note":"gave the crisis card","by":"S07"})");
  REQUIRE(std::holds_alternative<Command>(r));
  const auto& c = std::get<LogCarerContact>(std::get<Command>(r));
  CHECK(c.shared == std::vector<std::string>{"other"});
  CHECK(c.note == "gave the crisis card");
}
