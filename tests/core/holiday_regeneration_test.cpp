// Bank holidays after session 5: regenerating a plan keeps a generated visit on a holiday (its
// allocation and notes) and only corrects its out-of-hours flag; one rule in core says whether any
// visit is out of hours. Real dates: Christmas 2026 with the Mon 28 Dec substitute, Easter Monday
// 29 Mar 2027 (the day after the clocks go forward), the summer bank holiday Mon 30 Aug 2027.
// Synthetic data only.
#include <doctest/doctest.h>

#include "core/out_of_hours.hpp"
#include "core/plan_generation.hpp"
#include "support/small_team.hpp"

#include <set>

using namespace vb;
using vb::test::at;

namespace {

LocalDate day(const char* d) { return *parse_date(d); }
Zone london() { return find_zone("Europe/London"); }

// One episode on a daily plan of one morning visit from `start` for 120 days.
ContactPlan daily_mornings(const char* start) {
  ContactPlan p;
  p.episode_id = 1;
  p.start_date = day(start);
  ContactPhase ph;
  ph.length_days = 120;
  ph.visits_per_day = 1;
  ph.windows = {DayPart::morning};
  p.phases = {ph};
  return p;
}

// Visits generated as before bank holidays counted (weekends only), then allocated with a note,
// as a coordinator would have done.
std::vector<Visit> generated_before_holidays(const ContactPlan& plan, Instant now) {
  std::vector<Visit> visits;
  Id next = 100;
  apply_regeneration(visits, regenerate_visits(plan, 1, visits, now, london(), BankHolidays{}, 14), next);
  for (Visit& v : visits) {
    v.staff1 = "S07";
    v.allocated_at = now;
    v.allocated_by = "S01";
    v.reason = "key safe 1234 changed; ring first";
    v.required_skills = {"trained"};
  }
  return visits;
}

const Visit* on(const std::vector<Visit>& visits, const char* d) {
  for (const Visit& v : visits)
    if (v.date == day(d)) return &v;
  return nullptr;
}

void check_kept_and_flagged(const char* start, const char* now_text, std::set<std::string> holidays) {
  const ContactPlan plan = daily_mornings(start);
  const Instant now = at(now_text);
  std::vector<Visit> visits = generated_before_holidays(plan, now);
  const std::vector<Visit> before = visits;
  for (const auto& h : holidays) {
    REQUIRE(on(before, h.c_str()) != nullptr);
    CHECK_FALSE(on(before, h.c_str())->out_of_hours);  // how the old code left them
  }

  const Regeneration r = regenerate_visits(plan, 1, visits, now, london(), RotaRules{}, 14);
  CHECK(r.add.empty());     // nothing replaced...
  CHECK(r.remove.empty());  // ...nothing removed
  std::set<std::string> flagged;
  for (const auto& [id, flag] : r.out_of_hours) {
    CHECK(flag);
    for (const Visit& v : before)
      if (v.id == id) flagged.insert(format_date(v.date));
  }
  CHECK(flagged == holidays);  // only the holidays' visits change, and only their flag

  Id next = 1000;
  apply_regeneration(visits, r, next);
  REQUIRE(visits.size() == before.size());
  for (size_t i = 0; i < visits.size(); ++i) {
    CHECK(visits[i].id == before[i].id);
    CHECK(visits[i].staff1 == "S07");
    CHECK(visits[i].allocated_at == now);
    CHECK(visits[i].reason == before[i].reason);
    CHECK(visits[i].required_skills == before[i].required_skills);
    CHECK(visits[i].window_start == before[i].window_start);
    CHECK(visits[i].out_of_hours == (holidays.count(format_date(visits[i].date)) > 0 || is_weekend_day(visits[i].date)));
  }
  // Running it again changes nothing.
  CHECK(regenerate_visits(plan, 1, visits, now, london(), RotaRules{}, 14).empty());
}

}  // namespace

TEST_CASE("plan regeneration: Christmas 2026 visits (25 Dec and the 28 Dec substitute) are kept with their allocation and notes, only flagged out of hours") {
  // Two weeks ahead reach New Year's Day (Fri 1 Jan 2027) too.
  check_kept_and_flagged("2026-12-20", "2026-12-22T12:00", {"2026-12-25", "2026-12-28", "2027-01-01"});
}

TEST_CASE("plan regeneration: an Easter Monday 29 Mar 2027 visit, the day after the clocks go forward, is kept and flagged") {
  // Generated on Fri 26 Mar in GMT; Easter Monday's 09:00 window is 08:00Z (BST). Good Friday
  // (26 Mar) itself has begun by then and is history.
  check_kept_and_flagged("2027-03-20", "2027-03-26T12:00", {"2027-03-29"});
  const Regeneration fresh = regenerate_visits(daily_mornings("2027-03-20"), 1, {}, at("2027-03-26T12:00"), london(),
                                               RotaRules{}, 14);
  bool seen = false;
  for (const Visit& v : fresh.add)
    if (v.date == day("2027-03-29")) {
      seen = true;
      CHECK(format_utc(v.window_start) == "2027-03-29T08:00:00Z");
      CHECK(v.out_of_hours);
    }
  CHECK(seen);
}

TEST_CASE("plan regeneration: the summer bank holiday Mon 30 Aug 2027 visit is kept and flagged") {
  check_kept_and_flagged("2027-08-20", "2027-08-25T12:00", {"2027-08-30"});
}

TEST_CASE("plan regeneration: a flag set out of hours on a day the team no longer keeps as a holiday is cleared in place") {
  const ContactPlan plan = daily_mornings("2026-12-20");
  const Instant now = at("2026-12-22T12:00");
  std::vector<Visit> visits;
  Id next = 1;
  apply_regeneration(visits, regenerate_visits(plan, 1, visits, now, london(), RotaRules{}, 14), next);
  REQUIRE(on(visits, "2026-12-25")->out_of_hours);
  const Id christmas = on(visits, "2026-12-25")->id;
  RotaRules edited;
  std::erase_if(edited.bank_holidays.days, [](const BankHoliday& h) { return h.date == day("2026-12-25"); });
  const Regeneration r = regenerate_visits(plan, 1, visits, now, london(), edited, 14);
  CHECK(r.add.empty());
  CHECK(r.remove.empty());
  REQUIRE(r.out_of_hours.size() == 1);
  CHECK(r.out_of_hours[0] == std::pair<Id, bool>{christmas, false});
}

TEST_CASE("out of hours: one rule for every visit, weekdays 17:00-09:00 (domain.md), weekends and the team's bank holidays") {
  const RotaRules rules;
  const Zone z = london();
  // An ordinary weekday (Thu 24 Dec 2026): 09:00-17:00 is the day, though the early shift starts at 08:00.
  CHECK(starts_out_of_hours(rules, at("2026-12-24T07:59"), z));
  CHECK(starts_out_of_hours(rules, at("2026-12-24T08:30"), z));
  CHECK(starts_out_of_hours(rules, at("2026-12-24T08:59"), z));
  CHECK_FALSE(starts_out_of_hours(rules, at("2026-12-24T09:00"), z));
  CHECK_FALSE(starts_out_of_hours(rules, at("2026-12-24T16:59"), z));
  CHECK(starts_out_of_hours(rules, at("2026-12-24T17:00"), z));
  CHECK(starts_out_of_hours(rules, at("2026-12-24T23:30"), z));
  // Christmas Day, the Saturday and the substitute Monday: all day.
  for (const char* t : {"2026-12-25T10:00", "2026-12-26T10:00", "2026-12-28T10:00", "2026-12-28T08:30"})
    CHECK_MESSAGE(starts_out_of_hours(rules, at(t), z), t);
  CHECK_FALSE(starts_out_of_hours(rules, at("2026-12-29T10:00"), z));
  // Easter Monday after the clock change: 10:00 BST is out of hours; Tue 30 Mar 09:00 BST (08:00Z) is in
  // hours, 08:45 BST (07:45Z) not.
  CHECK(starts_out_of_hours(rules, at("2027-03-29T10:00"), z));
  CHECK_FALSE(starts_out_of_hours(rules, at("2027-03-30T09:00"), z));
  CHECK(starts_out_of_hours(rules, at("2027-03-30T08:45"), z));
  CHECK(out_of_hours_at(rules, day("2027-03-30"), 8 * 60 + 45));
  // Summer bank holiday 2027.
  CHECK(starts_out_of_hours(rules, at("2027-08-30T11:00"), z));
  CHECK_FALSE(starts_out_of_hours(rules, at("2027-08-31T11:00"), z));
  // The team's own times (rota rules' out_of_hours): out of hours from 18:00 moves the end of the day.
  RotaRules late = rules;
  late.in_hours_until_min = 18 * 60;
  CHECK_FALSE(starts_out_of_hours(late, at("2026-12-24T17:30"), z));
  CHECK(starts_out_of_hours(late, at("2026-12-24T18:00"), z));
  // Generated slots use the same rule: with the later twilight the 17:00 evening slot is in hours.
  ContactPlan evenings = daily_mornings("2026-12-20");
  evenings.phases[0].windows = {DayPart::evening};
  for (const VisitSlot& s : plan_slots(evenings, z, day("2026-12-23"), day("2026-12-25"), late))
    CHECK(s.out_of_hours == (s.date == day("2026-12-25")));
  for (const VisitSlot& s : plan_slots(evenings, z, day("2026-12-23"), day("2026-12-25"), rules)) CHECK(s.out_of_hours);
}
