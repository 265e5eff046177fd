// `apply` and add_visit (session 7): every field read strictly, times as local "HH:MM".
#include <doctest/doctest.h>

#include "app/apply_line.hpp"

using namespace vb;

namespace {

const Instant at = test::apply_now;
constexpr auto parse = test::parse_apply_line;

std::string refusal(const std::string& line) {
  auto r = parse(line);
  return std::holds_alternative<std::string>(r) ? std::get<std::string>(r) : "(parsed)";
}

}  // namespace

TEST_CASE("apply add visit: a line reads into the command with every field") {
  auto r = parse(R"({"command":"add_visit","episode":604,"date":"2026-11-24","start":"17:30","end":"19:00",)"
                 R"("type":"phone","duration_min":30,"double_up":true,"skills":["driver","prescriber"],)"
                 R"("note":"Carer called","by":"S07","at":"2026-11-23T09:40"})");
  REQUIRE(std::holds_alternative<Command>(r));
  const auto& c = std::get<AddVisit>(std::get<Command>(r));
  CHECK(c.episode == 604);
  CHECK(c.date == *parse_date("2026-11-24"));
  CHECK(c.start_min == 17 * 60 + 30);
  CHECK(c.end_min == 19 * 60);
  CHECK(c.type == VisitType::phone);
  CHECK(c.duration_min == 30);
  CHECK(c.double_up);
  CHECK(c.required_skills == std::vector<std::string>{"driver", "prescriber"});
  CHECK(c.note == "Carer called");
  CHECK(c.by == "S07");
  CHECK(c.at == *parse_instant("2026-11-23T09:40:00Z", nullptr));
  CHECK(command_name(std::get<Command>(r)) == "add_visit");
}

TEST_CASE("apply add visit: type, length, double-up, skills, note and at have defaults") {
  auto r = parse(R"({"command":"add_visit","episode":1,"date":"2026-11-24","start":"09:00","end":"10:00","by":"S07"})");
  REQUIRE(std::holds_alternative<Command>(r));
  const auto& c = std::get<AddVisit>(std::get<Command>(r));
  CHECK(c.type == VisitType::home);
  CHECK(c.duration_min == 45);
  CHECK_FALSE(c.double_up);
  CHECK(c.required_skills.empty());
  CHECK(c.note.empty());
  CHECK(c.at == at);
}

TEST_CASE("apply add visit: bad fields are refused by name") {
  const std::string head = R"({"command":"add_visit","episode":1,)";
  CHECK(refusal(head + R"("date":"2026-11-31","start":"09:00","end":"10:00","by":"S07"})") ==
        "field 'date': '2026-11-31' is not a date (YYYY-MM-DD)");
  CHECK(refusal(head + R"("date":"2026-11-24","start":"9:00","end":"10:00","by":"S07"})") ==
        "field 'start': '9:00' is not a local time (HH:MM)");
  CHECK(refusal(head + R"("date":"2026-11-24","start":"09:00","end":"24:00","by":"S07"})") ==
        "field 'end': '24:00' is not a local time (HH:MM)");
  CHECK(refusal(head + R"("date":"2026-11-24","start":"09:00","end":"10:00","type":"boat","by":"S07"})") ==
        "field 'type': 'boat' is not one of home, phone, video, clinic");
  CHECK(refusal(head + R"("date":"2026-11-24","start":"09:00","end":"10:00","duration_min":-5,"by":"S07"})").find(
            "field 'duration_min'") == 0);
  CHECK(refusal(head + R"("date":"2026-11-24","start":"09:00","end":"10:00","room":"3","by":"S07"})") ==
        "unknown field 'room'");
  CHECK(refusal(head + R"("start":"09:00","end":"10:00","by":"S07"})") == "missing field 'date'");
}

TEST_CASE("apply add visit: a night visit says it ends the next day; left out, it does not") {
  auto r = parse(R"({"command":"add_visit","episode":604,"date":"2026-11-24","start":"23:30","end":"00:30",)"
                 R"("ends_next_day":true,"by":"S07"})");
  REQUIRE(std::holds_alternative<Command>(r));
  CHECK(std::get<AddVisit>(std::get<Command>(r)).ends_next_day);
  auto plain = parse(R"({"command":"add_visit","episode":604,"date":"2026-11-24","start":"23:30","end":"00:30","by":"S07"})");
  REQUIRE(std::holds_alternative<Command>(plain));
  CHECK_FALSE(std::get<AddVisit>(std::get<Command>(plain)).ends_next_day);
  CHECK(refusal(R"({"command":"add_visit","episode":604,"date":"2026-11-24","start":"23:30","end":"00:30",)"
                R"("ends_next_day":"yes","by":"S07"})")
            .find("ends_next_day") != std::string::npos);
}
