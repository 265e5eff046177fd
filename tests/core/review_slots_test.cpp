// Senior-review slots: weekly clinics in local time, leave, capacity and the booking suggestion.
#include <doctest/doctest.h>

#include "core/commands.hpp"
#include "core/review_slots.hpp"
#include "support/small_team.hpp"

using namespace vb;
using vb::test::at;

namespace {

Snapshot with_clinic() {
  Snapshot s = test::small_team();
  s.staff[2].skills.push_back("senior_reviewer");  // Kim Carter, S03
  SlotPattern tuesday;
  tuesday.id = 1;
  tuesday.reviewer = "S03";
  tuesday.weekday = 2;  // Tuesday
  tuesday.start_minute = 10 * 60;
  tuesday.capacity = 1;
  tuesday.from = *parse_date("2026-03-01");
  s.slot_patterns = {tuesday};
  s.reindex();
  return s;
}

BookReview book(Id episode, const char* slot, const char* now = "2026-11-23T10:30") {
  return BookReview{episode, "S03", at(slot), "S01", at(now)};
}

}  // namespace

TEST_CASE("slots: a weekly 10:00 clinic stays at 10:00 local on both sides of a clock change") {
  auto s = with_clinic();
  auto march = slots_between(s, at("2026-03-23T00:00"), at("2026-04-07T00:00"));
  REQUIRE(march.size() == 2);
  CHECK(format_local_datetime(march[0].start, s.zone()) == "2026-03-24T10:00");
  CHECK(format_utc(march[0].start) == "2026-03-24T10:00:00Z");  // GMT
  CHECK(format_utc(march[1].start) == "2026-03-31T09:00:00Z");  // BST
}

TEST_CASE("slots: a reviewer's leave removes their slots on those days only") {
  auto s = with_clinic();
  s.leave = {ReviewerLeave{1, "S03", *parse_date("2026-11-24"), *parse_date("2026-11-24"), "study day"}};
  s.reindex();
  auto slots = slots_between(s, at("2026-11-23T00:00"), at("2026-12-03T00:00"));
  REQUIRE(slots.size() == 1);
  CHECK(format_local_datetime(slots[0].start, s.zone()) == "2026-12-01T10:00");
}

TEST_CASE("slots: a full slot refuses another booking; the capacity is never exceeded") {
  auto s = with_clinic();
  CHECK_FALSE(command_problem(s, book(2, "2026-11-24T10:00")));
  s.bookings = {ReviewBooking{1, 2, "S03", at("2026-11-24T10:00"), "S01", at("2026-11-23T09:00"), std::nullopt}};
  s.reindex();
  CHECK(command_problem(s, book(3, "2026-11-24T10:00"))->find("full") != std::string::npos);
  // Cancelling the booking frees the place again.
  s.bookings[0].cancelled_at = at("2026-11-23T10:00");
  s.reindex();
  CHECK_FALSE(command_problem(s, book(3, "2026-11-24T10:00")));
}

TEST_CASE("slots: booking needs a real slot of a senior reviewer, not yet started, one per episode") {
  auto s = with_clinic();
  CHECK(command_problem(s, book(2, "2026-11-24T11:00"))->find("has no slot") != std::string::npos);
  CHECK(command_problem(s, book(2, "2026-11-24T10:00", "2026-11-24T10:05"))->find("already started") != std::string::npos);
  BookReview by_nurse{2, "S01", at("2026-11-24T10:00"), "S01", at("2026-11-23T10:30")};
  CHECK(command_problem(s, by_nurse)->find("not a senior reviewer") != std::string::npos);
  s.bookings = {ReviewBooking{1, 2, "S03", at("2026-11-24T10:00"), "S01", at("2026-11-23T09:00"), std::nullopt}};
  s.reindex();
  CHECK(command_problem(s, book(2, "2026-12-01T10:00"))->find("already booked") != std::string::npos);
}

TEST_CASE("slots: the suggestion is the earliest free slot before the review is due, or says there is none") {
  auto s = with_clinic();
  auto before_friday = suggest_slot(s, at("2026-11-23T10:30"), at("2026-11-27T12:00"));
  REQUIRE(before_friday.slot);
  CHECK(before_friday.slot->start == at("2026-11-24T10:00"));
  s.bookings = {ReviewBooking{1, 2, "S03", at("2026-11-24T10:00"), "S01", at("2026-11-23T09:00"), std::nullopt}};
  s.reindex();
  auto none = suggest_slot(s, at("2026-11-23T10:30"), at("2026-11-27T12:00"));
  CHECK_FALSE(none.slot);
  CHECK(none.why.find("no free slot before it is due (2026-11-27T12:00)") != std::string::npos);
  auto later = suggest_slot(s, at("2026-11-23T10:30"), at("2026-12-02T12:00"));
  REQUIRE(later.slot);
  CHECK(later.slot->start == at("2026-12-01T10:00"));
}
