// The team's bank holiday file: the shipped one is GOV.UK's England and Wales list (the same as the
// built-in default), a team's edit is taken as written, and a bad edit is refused with the file,
// line and column and what is wrong, nothing half-applied.
#include <doctest/doctest.h>

#include "app/bank_holidays_file.hpp"

#include "app/rules_file_fixtures.hpp"

using namespace vb;

namespace {

std::string shipped() { return test::shipped_data("bank_holidays.json"); }
using test::with;

std::string refusal(const std::string& text) {
  return test::refusal_of([](const std::string& t) { app::parse_bank_holidays(t, "bank_holidays.json"); }, text);
}

LocalDate day(const char* d) { return *parse_date(d); }

}  // namespace

TEST_CASE("bank holidays file: the shipped list is England and Wales 2025-2028, the same as the built-in default") {
  const BankHolidays file = app::load_bank_holidays(std::string(VB_SOURCE_DIR) + "/data/bank_holidays.json");
  const BankHolidays& built_in = england_and_wales_bank_holidays();
  REQUIRE(file.days.size() == built_in.days.size());
  CHECK(file.days.size() == 32);
  for (size_t i = 0; i < file.days.size(); ++i) {
    CHECK(file.days[i].date == built_in.days[i].date);
    CHECK(file.days[i].name == built_in.days[i].name);
  }
  CHECK(file.source.find("gov.uk/bank-holidays") != std::string::npos);
  CHECK(file.on(day("2026-12-25"))->name == "Christmas Day");
  CHECK(file.on(day("2026-12-28"))->name == "Boxing Day (substitute day)");
  CHECK(file.on(day("2027-12-27"))->name == "Christmas Day (substitute day)");
  CHECK(file.on(day("2028-01-03"))->name == "New Year's Day (substitute day)");
  CHECK(file.on(day("2026-12-24")) == nullptr);
  CHECK(file.on(day("2026-12-26")) == nullptr);  // Boxing Day 2026 is a Saturday: the substitute is the 28th
}

TEST_CASE("bank holidays file: a team removes a holiday or adds a local day, in any order") {
  std::string text = with(shipped(), "    {\"date\": \"2026-12-25\", \"name\": \"Christmas Day\"},\n", "");
  text = with(text, "\"holidays\": [\n", "\"holidays\": [\n    {\"date\": \"2026-11-23\", \"name\": \"Team away day\"},\n");
  const BankHolidays b = app::parse_bank_holidays(text, "bank_holidays.json");
  CHECK(b.on(day("2026-12-25")) == nullptr);
  REQUIRE(b.on(day("2026-11-23")) != nullptr);
  CHECK(b.on(day("2026-11-23"))->name == "Team away day");
  CHECK(b.on(day("2025-01-01")) != nullptr);  // sorted by date whatever the order written
  CHECK(app::parse_bank_holidays(R"({"source": "none kept", "holidays": []})", "b.json").days.empty());
}

TEST_CASE("bank holidays file: a bad edit is refused with line and column and what is wrong") {
  const std::string text = R"({
  "source": "GOV.UK",
  "holidays": [
    {"date": "2026-12-25", "name": "Christmas Day"},
    {"date": "2026-12-32", "name": "Boxing Day"}
  ]
})";
  CHECK(refusal(text) == "bank_holidays.json:5:14: field 'holidays[1].date': '2026-12-32' is not a date YYYY-MM-DD");
  CHECK(refusal(with(text, "2026-12-32", "2026-12-25")) ==
        "bank_holidays.json:5:14: field 'holidays[1].date': '2026-12-25' appears twice (also holidays[0])");
  const std::string dated = with(text, "2026-12-32", "2026-12-28");
  CHECK(refusal(with(dated, ", \"name\": \"Boxing Day\"", "")) ==
        "bank_holidays.json:5:5: field 'holidays[1].name': missing name (what the screens call the day)");
  CHECK(refusal(with(dated, "\"Boxing Day\"", "\"\"")) ==
        "bank_holidays.json:5:36: field 'holidays[1].name': must be non-empty text");
  CHECK(refusal(with(text, "\"2026-12-32\"", "20261232")) ==
        "bank_holidays.json:5:14: field 'holidays[1].date': must be a date in quotes, \"YYYY-MM-DD\"");
  CHECK(refusal(with(dated, "\"source\": \"GOV.UK\",", "")) == "bank_holidays.json:1:1: field 'source': missing");
  CHECK_NOTHROW(app::parse_bank_holidays(dated, "bank_holidays.json"));
  CHECK(refusal(with(text, "},\n    {\"date\": \"2026-12-32\"", "}\n    {\"date\": \"2026-12-32\"")).rfind(
            "bank_holidays.json:5:5: not valid JSON", 0) == 0);
  CHECK(refusal("[]") == "bank_holidays.json:1:1: expected a JSON object");
}
