// The team's review rules file: the shipped one says what the code assumes, and a bad edit is
// refused naming the file and the field.
#include <doctest/doctest.h>

#include "app/review_rules_file.hpp"

#include "app/rules_file_fixtures.hpp"

using namespace vb;

namespace {

std::string shipped() { return test::shipped_data("review_rules.json"); }
using test::with;

}  // namespace

TEST_CASE("review rules file: the shipped data/review_rules.json matches the built-in defaults") {
  ReviewRules file = app::parse_review_rules(shipped(), "review_rules.json");
  ReviewRules defaults;
  CHECK(file.first_review_within == defaults.first_review_within);
  CHECK(file.intensive_interval == defaults.intensive_interval);
  CHECK(file.before_change_window == defaults.before_change_window);
  CHECK(file.after_high_risk_within == defaults.after_high_risk_within);
  CHECK(file.after_high_risk_very_urgent_within == defaults.after_high_risk_very_urgent_within);
  CHECK(file.six_week_day == defaults.six_week_day);
  CHECK(file.six_week_window_days == defaults.six_week_window_days);
  CHECK(file.high_risk_trigger_after == defaults.high_risk_trigger_after);
  REQUIRE(file.cascade.size() == defaults.cascade.size());
  for (size_t i = 0; i < file.cascade.size(); ++i) {
    CHECK(file.cascade[i].role == defaults.cascade[i].role);
    CHECK(file.cascade[i].after == defaults.cascade[i].after);
  }
  CHECK_FALSE(file.six_weeks.source.empty());
}

TEST_CASE("review rules file: an edited value is used") {
  auto rules = app::parse_review_rules(with(shipped(), "\"within_hours\": 24,\n    \"label\": \"Within 24 h of acceptance\"",
                                            "\"within_hours\": 12,\n    \"label\": \"Within 12 h of acceptance\""),
                                       "review_rules.json");
  CHECK(rules.first_review_within == std::chrono::hours{12});
  CHECK(rules.first_review.label == "Within 12 h of acceptance");
}

TEST_CASE("review rules file: bad edits are refused with the file and field named") {
  auto problem = [](const std::string& text) {
    return test::refusal_of([](const std::string& t) { app::parse_review_rules(t, "review_rules.json"); }, text);
  };
  CHECK(problem(with(shipped(), "\"day\": 42", "\"day\": \"six weeks\"")) ==
        "review_rules.json: field 'six_weeks.day': must be a whole number");
  CHECK(problem(with(shipped(), "\"after_minutes\": 60", "\"after_minutes\": 0")) ==
        "review_rules.json: field 'escalation.cascade[1].after_minutes': steps must come later one after another");
  CHECK(problem(with(shipped(), "\"source\": \"Team default: senior sign-off within 72 h before discharge\"", "\"source\": \"\"")) ==
        "review_rules.json: field 'before_closure.source': must be non-empty text");
  CHECK(problem("{ not json").find("review_rules.json: not valid JSON") == 0);
  // A number too large to hold is refused in words naming the file, not thrown past the reader
  // (found by command_json_fuzz in the `apply` parser, which shares nlohmann's parser).
  const std::string overflow = problem(with(shipped(), "\"day\": 42", "\"day\": 1e999"));
  CHECK(overflow.find("review_rules.json: not valid JSON (") == 0);
  CHECK(overflow.find("number overflow parsing '1e999'") != std::string::npos);
}
