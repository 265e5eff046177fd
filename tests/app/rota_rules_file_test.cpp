// The team's rota rules file: the shipped one says what the code assumes, and a bad edit is refused
// naming the file and the field.
#include <doctest/doctest.h>

#include "app/rota_rules_file.hpp"

#include "app/rules_file_fixtures.hpp"

using namespace vb;

namespace {

std::string shipped() { return test::shipped_data("rota_rules.json"); }
using test::with;

std::string refusal(const std::string& text) {
  return test::refusal_of([](const std::string& t) { app::parse_rota_rules(t, "rota_rules.json"); }, text);
}

}  // namespace

TEST_CASE("rota rules file: the shipped data/rota_rules.json matches the built-in defaults") {
  RotaRules file = app::parse_rota_rules(shipped(), "rota_rules.json");
  RotaRules defaults;
  REQUIRE(file.shifts.size() == defaults.shifts.size());
  for (const auto& d : defaults.shifts) {
    CAPTURE(to_string(d.kind));
    CAPTURE(d.weekend);
    bool found = false;
    for (const auto& f : file.shifts)
      if (f.kind == d.kind && f.weekend == d.weekend && f.start_min == d.start_min && f.end_min == d.end_min) found = true;
    CHECK(found);
  }
  REQUIRE(file.minimum.size() == 1);
  CHECK(file.minimum[0].kind == ShiftKind::night);
  CHECK(file.minimum[0].skill == "trained");
  CHECK(file.minimum[0].count == 2);
  CHECK(file.max_booked_percent == defaults.max_booked_percent);
  CHECK(file.high_risk_needs_two == defaults.high_risk_needs_two);
  CHECK(file.in_hours_from_min == 9 * 60);  // domain.md: out of hours is weekdays 17:00-09:00
  CHECK(file.in_hours_until_min == 17 * 60);
  CHECK(file.in_hours_from_min == defaults.in_hours_from_min);
  CHECK(file.in_hours_until_min == defaults.in_hours_until_min);
  CHECK_FALSE(file.out_of_hours.source.empty());
  CHECK_FALSE(file.minimum[0].rule.source.empty());
  CHECK_FALSE(file.capacity.source.empty());
}

TEST_CASE("rota rules file: a bad edit is refused naming the field") {
  CHECK(refusal(with(shipped(), "\"start\": \"21:00\"", "\"start\": \"9pm\"")) ==
        "rota_rules.json: field 'shift_times.weekday.night.start': '9pm' is not a time HH:MM");
  CHECK(refusal(with(shipped(), "\"shift\": \"night\"", "\"shift\": \"nights\"")) ==
        "rota_rules.json: field 'minimum_staffing[0].shift': 'nights' is not a shift kind (early, late, twilight, night)");
  CHECK(refusal(with(shipped(), "\"count\": 2", "\"count\": 0")) ==
        "rota_rules.json: field 'minimum_staffing[0].count': must be between 1 and 50");
  CHECK(refusal(with(shipped(), "\"twilight\": {\"start\"", "\"dusk\": {\"start\"")) ==
        "rota_rules.json: field 'shift_times.weekday.dusk': is not a shift kind (early, late, twilight, night)");
  CHECK(refusal("[]") == "rota_rules.json: expected a JSON object");
  CHECK(refusal(with(shipped(), "\"weekday_until\": \"09:00\"", "\"weekday_until\": \"9am\"")) ==
        "rota_rules.json: field 'out_of_hours.weekday_until': '9am' is not a time HH:MM");
  CHECK(refusal(with(shipped(), "\"weekday_until\": \"09:00\"", "\"weekday_until\": \"18:00\"")) ==
        "rota_rules.json: field 'out_of_hours.weekday_until': must be before weekday_from (out of hours runs from the "
        "evening to the next morning)");
}

TEST_CASE("rota rules file: a team file without out_of_hours keeps the 17:00-09:00 default; an edit moves it") {
  const std::string shipped_text = shipped();
  const auto start = shipped_text.find("  \"out_of_hours\"");
  const auto end = shipped_text.find("  \"high_risk_out_of_hours\"");
  REQUIRE(start != std::string::npos);
  REQUIRE(end != std::string::npos);
  const std::string older = shipped_text.substr(0, start) + shipped_text.substr(end);
  const RotaRules old_file = app::parse_rota_rules(older, "rota_rules.json");
  CHECK(old_file.in_hours_from_min == 9 * 60);
  CHECK(old_file.in_hours_until_min == 17 * 60);
  const RotaRules edited = app::parse_rota_rules(with(shipped_text, "\"weekday_from\": \"17:00\"", "\"weekday_from\": \"18:30\""),
                                                 "rota_rules.json");
  CHECK(edited.in_hours_until_min == 18 * 60 + 30);
}
