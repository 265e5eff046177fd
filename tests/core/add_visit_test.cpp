// Adding a visit by hand (session 7): refused in words, out of hours by the team's one rule (weekday
// 17:00-09:00, weekends, bank holidays), local times by the zone's clock-change policy, kept by plan
// regeneration as an extra visit, and given only by a clinician or a coordinator.
#include <doctest/doctest.h>

#include "core/add_visit.hpp"
#include "core/commands.hpp"
#include "core/plan_generation.hpp"
#include "support/small_team.hpp"

using namespace vb;

namespace {

LocalDate day(const char* d) { return *parse_date(d); }
int hm(const char* t) { return *parse_hm(t); }

// small_team(): now is Mon 23 Nov 2026 10:30; S01 is a nurse with the clinician role.
AddVisit add(const char* d, const char* start, const char* end, int minutes = 45) {
  AddVisit c;
  c.episode = 1;
  c.date = day(d);
  c.start_min = hm(start);
  c.end_min = hm(end);
  c.duration_min = minutes;
  c.by = "S01";
  // Recorded the day before the visit, so every date in these tests may be chosen.
  c.at = test::at((std::string(d) + "T10:30").c_str()) - std::chrono::hours{24};
  return c;
}

std::string refusal(const Snapshot& s, const AddVisit& c) {
  auto p = command_problem(s, c);
  return p ? *p : "(accepted)";
}

bool ooh(const Snapshot& s, const char* d, const char* start) {
  AddVisit c = add(d, start, "23:59", 15);
  REQUIRE_MESSAGE(!command_problem(s, c), refusal(s, c));
  return visit_to_add(s, c).out_of_hours;
}

}  // namespace

TEST_CASE("add visit: a window in the team's zone becomes a planned visit with no plan slot, added by hand") {
  const Snapshot s = test::small_team();
  AddVisit c = add("2026-11-24", "14:00", "15:30", 60);
  c.type = VisitType::phone;
  c.double_up = true;
  c.required_skills = {"trained", "trained"};
  c.note = "Carer called";
  REQUIRE(refusal(s, c) == "(accepted)");
  const Visit v = visit_to_add(s, c);
  CHECK(v.episode_id == 1);
  CHECK(v.date == day("2026-11-24"));
  CHECK(v.window_start == test::at("2026-11-24T14:00"));
  CHECK(v.window_end == test::at("2026-11-24T15:30"));
  CHECK(v.type == VisitType::phone);
  CHECK(v.status == VisitStatus::planned);
  CHECK(v.duration_min == 60);
  CHECK(v.double_up);
  CHECK(v.required_skills == std::vector<std::string>{"trained"});
  CHECK(v.reason == "Carer called");
  CHECK_FALSE(v.plan_slot.has_value());
  CHECK(added_by_hand(v));
  CHECK_FALSE(v.out_of_hours);
}

TEST_CASE("add visit: each refusal says what is wrong and where") {
  Snapshot s = test::small_team();
  s.episodes[2].closed_at = test::at("2026-11-22T12:00");
  s.episodes[2].stage = Stage::closed;
  s.reindex();

  AddVisit unknown = add("2026-11-24", "14:00", "15:00");
  unknown.episode = 99;
  CHECK(refusal(s, unknown) == "episode 99 does not exist");

  AddVisit closed = add("2026-11-24", "14:00", "15:00");
  closed.episode = 3;
  CHECK(refusal(s, closed) == "episode 3 is closed (Sun 22 Nov): a visit cannot be added");

  CHECK(refusal(s, add("2026-11-24", "15:00", "14:00")) ==
        "the window ends (14:00) before it starts (15:00) on Tue 24 Nov: if it ends the next day, say so (ends_next_day)");
  CHECK(refusal(s, add("2026-11-24", "15:00", "15:00")) == "the window ends (15:00) before it starts (15:00) on Tue 24 Nov");

  AddVisit past = add("2026-11-20", "14:00", "15:00");
  past.at = test::at("2026-11-23T10:30");
  CHECK(refusal(s, past) == "date 2026-11-20 is in the past: a visit can be added from yesterday (Sun 22 Nov) on");
  AddVisit yesterday = add("2026-11-22", "20:00", "21:00");
  yesterday.at = test::at("2026-11-23T00:30");  // the night shift adds last evening's visit
  CHECK(refusal(s, yesterday) == "(accepted)");
  AddVisit far = add("2027-03-01", "14:00", "15:00");
  far.at = test::at("2026-11-23T10:30");
  CHECK(refusal(s, far).find("date 2027-03-01 is more than 56 days ahead") == 0);

  AddVisit skill = add("2026-11-24", "14:00", "15:00");
  skill.required_skills = {"trained", "flying"};
  CHECK(refusal(s, skill) == "unknown skill 'flying': nobody on the team has it (the team's skills: trained)");

  CHECK(refusal(s, add("2026-11-24", "14:00", "14:30", 45)) ==
        "a planned length of 45 minutes does not fit the window 14:00-14:30 (30 minutes)");
  CHECK(refusal(s, add("2026-11-24", "14:00", "15:00", 0)) == "a planned length of 0 minutes: it must be 5-480 minutes");

  AddVisit nobody = add("2026-11-24", "14:00", "15:00");
  nobody.by = "S99";
  CHECK(refusal(s, nobody) == "staff 'S99' does not exist");
}

TEST_CASE("add visit: out of hours comes from the team's rule, weekdays 17:00-09:00 by default") {
  const Snapshot s = test::small_team();
  CHECK_FALSE(ooh(s, "2026-11-24", "16:59"));  // Tuesday
  CHECK(ooh(s, "2026-11-24", "17:00"));
  CHECK(ooh(s, "2026-11-24", "08:59"));
  CHECK_FALSE(ooh(s, "2026-11-24", "09:00"));
  CHECK(ooh(s, "2026-11-28", "12:00"));  // Saturday
  CHECK(ooh(s, "2026-11-29", "12:00"));  // Sunday
}

TEST_CASE("add visit: bank holidays are out of hours all day, substitute days included") {
  const Snapshot s = test::small_team();
  CHECK(ooh(s, "2026-12-25", "12:00"));        // Christmas Day, a Friday
  CHECK(ooh(s, "2026-12-28", "12:00"));        // Boxing Day falls on Saturday: Monday 28 Dec instead
  CHECK_FALSE(ooh(s, "2026-12-29", "12:00"));  // an ordinary Tuesday
}

TEST_CASE("add visit: the team's own hours move the boundary") {
  Snapshot s = test::small_team();
  s.rota_rules.in_hours_until_min = 18 * 60;
  CHECK_FALSE(ooh(s, "2026-11-24", "17:30"));
  CHECK(ooh(s, "2026-11-24", "18:00"));
}

TEST_CASE("add visit: clock-change nights: a skipped time is refused, an repeated one is its first occurrence") {
  const Snapshot s = test::small_team();
  // Sun 29 Mar 2026: 01:00 GMT becomes 02:00 BST; 01:30 never shows on the wall clock.
  CHECK(refusal(s, add("2026-03-29", "01:30", "03:00", 30)) ==
        "01:30 on Sun 29 Mar does not exist in Europe/London (the clocks go forward that night): choose a time after the change");
  CHECK(refusal(s, add("2026-03-29", "00:30", "01:15", 30)).find("01:15 on Sun 29 Mar does not exist") == 0);
  // 00:30-03:00 is one and a half hours of real time that night: two hours do not fit.
  CHECK(refusal(s, add("2026-03-29", "00:30", "03:00", 120)) ==
        "a planned length of 120 minutes does not fit the window 00:30-03:00 (90 minutes)");
  AddVisit spring = add("2026-03-29", "00:30", "03:00", 60);
  REQUIRE(refusal(s, spring) == "(accepted)");
  CHECK(visit_to_add(s, spring).window_end == *parse_instant("2026-03-29T02:00:00Z", nullptr));
  CHECK(visit_to_add(s, spring).out_of_hours);  // a Sunday
  // Sun 25 Oct 2026: 01:30 happens twice; the visit takes the first (BST, 00:30 UTC).
  AddVisit autumn = add("2026-10-25", "01:30", "02:30", 60);
  REQUIRE(refusal(s, autumn) == "(accepted)");
  CHECK(visit_to_add(s, autumn).window_start == *parse_instant("2026-10-25T00:30:00Z", nullptr));
  CHECK(visit_to_add(s, autumn).window_end == *parse_instant("2026-10-25T02:30:00Z", nullptr));  // 2 h of real time
  // The Monday after the spring change: 17:00 BST is 16:00 UTC and out of hours; 16:59 is not.
  CHECK(ooh(s, "2026-03-30", "17:00"));
  CHECK_FALSE(ooh(s, "2026-03-30", "16:59"));
}

TEST_CASE("add visit: plan regeneration keeps a hand-added visit and still plans the plan's own visits") {
  Snapshot s = test::small_team();
  ContactPlan plan;
  plan.id = 1;
  plan.episode_id = 1;
  plan.start_date = day("2026-11-23");
  ContactPhase daily;
  daily.visits_per_day = 1;
  daily.length_days = 14;
  daily.windows = {DayPart::morning};
  daily.sequence = 1;
  plan.phases = {daily};
  const Zone zone = s.zone();
  const Instant now = test::at("2026-11-23T10:30");
  std::vector<Visit> visits;
  Id next = 1000;
  apply_regeneration(visits, regenerate_visits(plan, 1, visits, now, zone, s.rota_rules), next);
  const size_t planned = visits.size();
  REQUIRE(planned > 0);

  AddVisit c = add("2026-11-25", "10:00", "11:00");
  c.at = now;
  REQUIRE(refusal(s, c) == "(accepted)");
  Visit extra = visit_to_add(s, c);
  extra.id = next++;
  visits.push_back(extra);

  // Regenerating (as step-down, step-up and closure do) neither removes it nor lets it stand in for
  // the plan's morning visit that day.
  const Regeneration again = regenerate_visits(plan, 1, visits, now, zone, s.rota_rules);
  CHECK(again.empty());
  ContactPlan fewer = plan;
  fewer.phases[0].visits_per_day = 0;
  fewer.phases[0].every_n_days = 2;
  const Regeneration stepped = regenerate_visits(fewer, 1, visits, now, zone, s.rota_rules);
  CHECK(std::find(stepped.remove.begin(), stepped.remove.end(), extra.id) == stepped.remove.end());
  CHECK_FALSE(stepped.remove.empty());
  // Closing the episode: the plan's future visits go through regeneration, the hand-added one here.
  CHECK(hand_added_to_remove_at_closure(visits, 1, now) == std::vector<Id>{extra.id});
  CHECK(hand_added_to_remove_at_closure(visits, 1, extra.window_start).empty());
}

TEST_CASE("add visit: a clinician or a coordinator may add a visit; others are told who can") {
  Snapshot s = test::small_team();
  Staff coordinator;
  coordinator.id = "S20";
  coordinator.team_id = 1;
  coordinator.name = "Cor Dinator";
  coordinator.discipline = "nurse";
  coordinator.roles = {Role::viewer, Role::coordinator};
  Staff viewer = coordinator;
  viewer.id = "S21";
  viewer.discipline = "support_worker";
  viewer.roles = {Role::viewer};
  s.staff.push_back(coordinator);
  s.staff.push_back(viewer);
  s.reindex();
  AddVisit c = add("2026-11-24", "14:00", "15:00");
  CHECK(refusal(s, c) == "(accepted)");  // S01: clinician
  c.by = "S20";
  CHECK(refusal(s, c) == "(accepted)");
  c.by = "S21";
  CHECK(refusal(s, c) == "S21 is a support worker without the clinician or shift coordinator role: cannot add a visit");
}

// Session 8: a window crossing midnight (a night visit 23:30-00:30) is allowed when the request says
// it ends the next day; an end before the start without that is still refused (a typo must not become
// a night visit); such a window is at most 8 hours; on the clock-change nights a skipped time is
// refused in words and a repeated one is the first, said in words; out of hours still comes from the
// start by the team's one rule.
namespace {

AddVisit night(const char* d, const char* start, const char* end, int minutes = 45, bool next_day = true) {
  AddVisit c = add(d, start, end, minutes);
  c.ends_next_day = next_day;
  return c;
}

}  // namespace

TEST_CASE("add visit overnight: 23:30-00:30 the next day is a one-hour night visit dated the evening it starts") {
  const Snapshot s = test::small_team();
  const AddVisit c = night("2026-11-24", "23:30", "00:30", 45);
  REQUIRE(refusal(s, c) == "(accepted)");
  const Visit v = visit_to_add(s, c);
  CHECK(v.date == *parse_date("2026-11-24"));
  CHECK(v.window_start == test::at("2026-11-24T23:30"));
  CHECK(v.window_end == test::at("2026-11-25T00:30"));
  CHECK(v.out_of_hours);  // from its start, a weekday after 17:00
  CHECK(add_visit_window_words(c) == "23:30-00:30 (next day)");
  CHECK(add_visit_end_date(c) == *parse_date("2026-11-25"));
  CHECK(add_visit_clock_words(s, c).empty());
  // A length must still fit the real window: 90 minutes do not fit one hour.
  CHECK(refusal(s, night("2026-11-24", "23:30", "00:30", 90)) ==
        "a planned length of 90 minutes does not fit the window 23:30-00:30 (next day) (60 minutes)");
}

TEST_CASE("add visit overnight: an end before the start is refused unless it says the next day") {
  const Snapshot s = test::small_team();
  CHECK(refusal(s, night("2026-11-24", "23:30", "00:30", 45, false)) ==
        "the window ends (00:30) before it starts (23:30) on Tue 24 Nov: if it ends the next day, say so (ends_next_day)");
  // A typo for 13:00-15:00 typed as 15:00-13:00 and said to end the next day is 22 hours: refused.
  CHECK(refusal(s, night("2026-11-24", "15:00", "13:00")) ==
        "the window 15:00-13:00 (next day) is 22 h 0 min long: a window ending the next day may be at most 8 hours");
  // The same time the next day (24 h) and a later one are refused the same way.
  CHECK(refusal(s, night("2026-11-24", "22:00", "22:00")).find("is 24 h 0 min long") != std::string::npos);
  CHECK(refusal(s, night("2026-11-24", "22:00", "23:00")).find("is 25 h 0 min long") != std::string::npos);
  // Eight hours exactly is a night visit still.
  CHECK(refusal(s, night("2026-11-24", "22:00", "06:00")) == "(accepted)");
  CHECK(refusal(s, night("2026-11-24", "22:00", "06:01")).find("at most 8 hours") != std::string::npos);
}

TEST_CASE("add visit overnight: the clock-change nights, in words and never moved") {
  const Snapshot s = test::small_team();
  // Sat 28 Mar 2026 into Sun 29 Mar: 01:30 does not exist (01:00 GMT becomes 02:00 BST).
  CHECK(refusal(s, night("2026-03-28", "23:30", "01:30")) ==
        "01:30 on Sun 29 Mar does not exist in Europe/London (the clocks go forward that night): choose a time after the change");
  // 23:30-02:30 is two hours of real time that night, not three.
  const AddVisit spring = night("2026-03-28", "23:30", "02:30", 120);
  REQUIRE(refusal(s, spring) == "(accepted)");
  CHECK(visit_to_add(s, spring).window_end == *parse_instant("2026-03-29T01:30:00Z", nullptr));
  CHECK(refusal(s, night("2026-03-28", "23:30", "02:30", 121)).find("(120 minutes)") != std::string::npos);
  CHECK(add_visit_clock_words(s, spring).empty());
  // Sat 24 Oct 2026 into Sun 25 Oct: 01:30 happens twice; the window ends at the first (BST).
  const AddVisit autumn = night("2026-10-24", "23:30", "01:30", 60);
  REQUIRE(refusal(s, autumn) == "(accepted)");
  CHECK(visit_to_add(s, autumn).window_start == *parse_instant("2026-10-24T22:30:00Z", nullptr));
  CHECK(visit_to_add(s, autumn).window_end == *parse_instant("2026-10-25T00:30:00Z", nullptr));  // 2 h of real time
  CHECK(add_visit_clock_words(s, autumn) ==
        "01:30 on Sun 25 Oct happens twice (the clocks go back): this is the first, 01:30 BST");
  // A start on the repeated hour is said the same way.
  const AddVisit repeated = night("2026-10-25", "01:15", "02:00", 30, false);
  REQUIRE(refusal(s, repeated) == "(accepted)");
  CHECK(add_visit_clock_words(s, repeated) ==
        "01:15 on Sun 25 Oct happens twice (the clocks go back): this is the first, 01:15 BST");
}

TEST_CASE("add visit sheet windows: from a start, ending the next day past midnight, never shorter on a clock-change night") {
  const Snapshot s = test::small_team();
  auto end = [&](const char* d, const char* start, int minutes) {
    const AddVisitEnd e = add_visit_end_after(s, day(d), hm(start), minutes);
    return format_minutes_hm(e.end_min) + (e.ends_next_day ? " next day" : "");
  };
  CHECK(end("2026-11-24", "17:30", 120) == "19:30");
  CHECK(end("2026-11-24", "23:30", 120) == "01:30 next day");
  CHECK(end("2026-11-24", "22:00", 120) == "00:00 next day");
  CHECK(end("2026-11-25", "01:00", 120) == "03:00");  // after midnight: that day's own early hours
  // Sun 28 Mar 2027: 01:00 GMT becomes 02:00 BST. Two hours from 00:30 end at 03:30 BST, not 02:30
  // (one real hour); an end the clocks skip moves past the change, the window still an hour.
  CHECK(end("2027-03-28", "00:30", 120) == "03:30");
  CHECK(end("2027-03-28", "00:00", 60) == "02:00");
  CHECK(end("2027-03-27", "23:30", 120) == "02:30 next day");
  // Sun 31 Oct 2027: 01:00-01:59 happens twice. From 00:30, two hours end at 02:30 GMT (the wall
  // clock's end, three real hours), never at the repeated 01:30.
  CHECK(end("2027-10-31", "00:30", 120) == "02:30");
  // Whatever the night, the sheet's window passes the command's checks with the longest length.
  for (const char* d : {"2027-03-27", "2027-03-28", "2027-10-30", "2027-10-31", "2026-11-24"})
    for (int start = 0; start < 24 * 60; start += 30) {
      if (!add_visit_time_exists(s, day(d), start)) continue;
      for (int minutes : {60, 90, 240}) {
        const AddVisitEnd e = add_visit_end_after(s, day(d), start, minutes);
        AddVisit c = add(d, "00:00", "00:00", std::min(minutes, 90));
        c.start_min = start;
        c.end_min = e.end_min;
        c.ends_next_day = e.ends_next_day;
        CAPTURE(d);
        CAPTURE(start);
        CAPTURE(minutes);
        CHECK(refusal(s, c) == "(accepted)");
      }
    }
}

TEST_CASE("add visit sheet windows: only the times the clocks skip do not exist") {
  const Snapshot s = test::small_team();
  CHECK_FALSE(add_visit_time_exists(s, day("2027-03-28"), hm("01:00")));
  CHECK_FALSE(add_visit_time_exists(s, day("2027-03-28"), hm("01:30")));
  CHECK(add_visit_time_exists(s, day("2027-03-28"), hm("00:30")));
  CHECK(add_visit_time_exists(s, day("2027-03-28"), hm("02:00")));
  CHECK(add_visit_time_exists(s, day("2027-10-31"), hm("01:30")));  // twice, but it exists
  CHECK(add_visit_time_exists(s, day("2026-11-24"), hm("01:30")));
}

TEST_CASE("add visit: a start already past is said in words (a late record), nothing when it is ahead") {
  const Snapshot s = test::small_team();
  AddVisit c = add("2026-11-23", "01:00", "03:00");
  c.at = test::at("2026-11-23T22:30");
  CHECK(add_visit_past_words(s, c) == "Mon 23 Nov 01:00 was 21 h 30 min ago");
  c.start_min = hm("22:00");
  CHECK(add_visit_past_words(s, c) == "Mon 23 Nov 22:00 was 30 min ago");
  c.start_min = hm("22:30");
  CHECK(add_visit_past_words(s, c).empty());
  c.date = day("2026-11-24");
  c.start_min = hm("01:00");
  CHECK(add_visit_past_words(s, c).empty());
}
