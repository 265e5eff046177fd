// data/compliance_rules.json: read strictly, and the same as core's built-in defaults.
#include "app/compliance_rules_file.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

using namespace vb;

TEST_CASE("compliance rules: the shipped file matches the built-in defaults measure by measure") {
  auto file = app::load_compliance_rules(std::string(VB_SOURCE_DIR) + "/data/compliance_rules.json");
  auto defaults = default_compliance_rules();
  CHECK(file.period_days == defaults.period_days);
  CHECK(file.trend_weeks == defaults.trend_weeks);
  REQUIRE(file.measures.size() == defaults.measures.size());
  for (size_t i = 0; i < file.measures.size(); ++i) {
    const auto& a = file.measures[i];
    const auto& b = defaults.measures[i];
    CAPTURE(a.id);
    CHECK(a.id == b.id);
    CHECK(a.label == b.label);
    CHECK(a.definition == b.definition);
    CHECK(a.source == b.source);
    CHECK(a.unit == b.unit);
    CHECK(a.direction == b.direction);
    CHECK(a.target == doctest::Approx(b.target));
    CHECK(a.amber == doctest::Approx(b.amber));
    CHECK(a.params == b.params);
  }
}

TEST_CASE("compliance rules: an unknown measure or a bad field is refused with the field named") {
  auto refuse = [](const char* text, const char* field) {
    try {
      app::parse_compliance_rules(text, "rules.json");
      FAIL("accepted " << text);
    } catch (const std::runtime_error& e) {
      CHECK(std::string(e.what()).find(field) != std::string::npos);
    }
  };
  const std::string head = R"({"period_days":28,"trend_weeks":12,"measures":[{"id":)";
  refuse((head + R"("made-up","label":"x","group":"g","definition":"d","source":"s","unit":"share","direction":"higher","target":0.9,"amber":0.8}]})").c_str(),
         "measures[0].id");
  refuse((head + R"("reviews-on-time","label":"x","group":"g","definition":"d","source":"s","unit":"share","direction":"higher","target":1.5,"amber":0.8}]})").c_str(),
         "measures[0].target");
  refuse((head + R"("reviews-on-time","label":"x","group":"g","definition":"d","source":"s","unit":"share","direction":"higher","target":0.8,"amber":0.9}]})").c_str(),
         "measures[0].amber");
  refuse((head + R"("reviews-on-time","label":"","group":"g","definition":"d","source":"s","unit":"share","direction":"higher","target":0.9,"amber":0.8}]})").c_str(),
         "measures[0].label");
  refuse(R"({"period_days":28,"trend_weeks":12,"measures":[]})", "measures");
}
