// Senior reviews on bank holidays: weekly clinics do not run on the team's holidays (a one-off
// slot does, and a clinic someone is already booked into stays in sight); a review due on a holiday
// keeps its due time and the screen says why there is nothing to book that day. The night view
// goes by the wall clock, the same on a holiday as any day. Real dates: Christmas 2026 and the
// 28 Dec substitute, Easter Monday 29 Mar 2027 (the day after the clocks go forward), 30 Aug 2027.
// Synthetic data only.
#include <doctest/doctest.h>

#include "core/night_view.hpp"
#include "core/review_board.hpp"
#include "core/review_slots.hpp"
#include "support/small_team.hpp"

#include <set>

using namespace vb;
using vb::test::at;

namespace {

LocalDate day(const char* d) { return *parse_date(d); }

// Every weekday a 10:00 clinic for reviewer R1, from November 2026.
Snapshot with_clinics() {
  Snapshot s = test::small_team();
  for (int wd = 1; wd <= 5; ++wd) {
    SlotPattern p;
    p.id = wd;
    p.reviewer = "R1";
    p.weekday = wd;
    p.start_minute = 10 * 60;
    p.from = day("2026-11-01");
    s.slot_patterns.push_back(p);
  }
  return s;
}

std::set<std::string> clinic_days(const Snapshot& s, const char* from, const char* to) {
  std::set<std::string> out;
  for (const auto& slot : slots_between(s, at(from), at(to))) out.insert(format_date(local_date_of(slot.start, s.zone())));
  return out;
}

}  // namespace

TEST_CASE("review slots: weekly clinics do not run on Christmas Day or the 28 Dec substitute; the weekdays around them do") {
  const Snapshot s = with_clinics();
  CHECK(clinic_days(s, "2026-12-21T00:00", "2027-01-02T00:00") ==
        std::set<std::string>{"2026-12-21", "2026-12-22", "2026-12-23", "2026-12-24", "2026-12-29", "2026-12-30",
                              "2026-12-31"});  // not 25 or 28 Dec, nor New Year's Day
}

TEST_CASE("review slots: no clinic on Easter Monday 29 Mar 2027 (clocks went forward the day before) nor 30 Aug 2027") {
  const Snapshot s = with_clinics();
  const auto easter = slots_between(s, at("2027-03-29T00:00"), at("2027-03-31T00:00"));
  REQUIRE(easter.size() == 1);
  CHECK(format_utc(easter[0].start) == "2027-03-30T09:00:00Z");  // Tuesday 10:00 BST
  CHECK(clinic_days(s, "2027-08-30T00:00", "2027-09-01T00:00") == std::set<std::string>{"2027-08-31"});
}

TEST_CASE("review slots: a one-off slot on a holiday runs, and a holiday clinic already booked stays in sight") {
  Snapshot s = with_clinics();
  s.review_slots.push_back(ReviewSlot{1, "R1", at("2026-12-28T14:00"), 30, 1});
  ReviewBooking b;
  b.id = 1;
  b.episode_id = 1;
  b.reviewer = "R1";
  b.slot_start = at("2026-12-25T10:00");  // booked before the team's list had Christmas, say
  b.booked_by = "S01";
  s.bookings.push_back(b);
  s.reindex();
  const auto slots = slots_between(s, at("2026-12-25T00:00"), at("2026-12-29T00:00"));
  REQUIRE(slots.size() == 2);
  CHECK(slots[0].start == at("2026-12-25T10:00"));
  CHECK(slots[0].bookings.size() == 1);
  CHECK(slots[1].start == at("2026-12-28T14:00"));
  CHECK(slots[1].bookings.empty());
  // The booking is found; a new booking into a holiday clinic that does not run is not offered.
  CHECK(find_slot(s, "R1", at("2026-12-25T10:00")).has_value());
  CHECK_FALSE(find_slot(s, "R1", at("2026-12-28T10:00")).has_value());
}

TEST_CASE("review due on a bank holiday: the due time stands; the suggestion is the last clinic before it, or says the holiday has none") {
  const Snapshot s = with_clinics();
  // Due Christmas Day 16:00, asked on Christmas Eve at 09:00: Christmas Eve's 10:00 clinic.
  SlotSuggestion before = suggest_slot(s, at("2026-12-24T09:00"), at("2026-12-25T16:00"));
  REQUIRE(before.slot.has_value());
  CHECK(before.slot->start == at("2026-12-24T10:00"));
  // Asked on Christmas Day: nothing runs before it is due, and the words say why.
  SlotSuggestion on_the_day = suggest_slot(s, at("2026-12-25T09:00"), at("2026-12-25T16:00"));
  CHECK_FALSE(on_the_day.slot.has_value());
  CHECK(on_the_day.why == "no free slot before it is due: Christmas Day, no clinic");
  // The board gives the same words (it suggests for every due review at once).
  CHECK(no_slot_before_due(s, at("2027-03-29T16:00")) == "no free slot before it is due: Easter Monday, no clinic");
  CHECK(no_slot_before_due(s, at("2026-12-29T16:00")).rfind("no free slot before it is due (", 0) == 0);
  // Overdue on a holiday: the earliest free slot at all is after it (Tue 29 Dec), not on 28 Dec.
  SlotSuggestion overdue = suggest_slot(s, at("2026-12-25T17:00"), at("2026-12-25T16:00"));
  REQUIRE(overdue.slot.has_value());
  CHECK(overdue.slot->start == at("2026-12-29T10:00"));
}

TEST_CASE("night view: a bank holiday goes by the wall clock like any day (day view on Christmas morning, night view from 20:00)") {
  const Zone z = find_zone("Europe/London");
  for (const char* t : {"2026-12-25T09:00", "2026-12-28T12:00", "2027-03-29T08:30", "2027-08-30T19:59"})
    CHECK_MESSAGE(!display_mode(at(t), z).night, t);
  for (const char* t : {"2026-12-25T20:00", "2026-12-28T07:59", "2027-03-29T07:30", "2027-08-30T23:30"})
    CHECK_MESSAGE(display_mode(at(t), z).night, t);
}
