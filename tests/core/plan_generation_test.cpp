// Generation that never destroys history: properties over random plans and random edit sequences,
// and the clock-change nights of 2026 and 2027.
#include <doctest/doctest.h>

#include "core/contact_plan.hpp"
#include "core/plan_generation.hpp"
#include "core/step_down.hpp"

#include <map>
#include <random>
#include <set>

using namespace vb;

namespace {

Zone london() { return find_zone("Europe/London"); }
LocalDate day(const char* s) { return *parse_date(s); }
Instant local(const char* s) { return *parse_instant(s, london()); }
LocalDate plus(LocalDate d, long n) { return LocalDate{date::sys_days{d} + date::days{n}}; }

std::int64_t draw(std::mt19937_64& rng, std::int64_t lo, std::int64_t hi) {
  return lo + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
}

ContactPhase phase(int per_day, int every, int per_week, int days, std::vector<DayPart> windows = {}) {
  ContactPhase p;
  p.visits_per_day = per_day;
  p.every_n_days = every;
  p.per_week = per_week;
  if (per_week == 1) p.weekdays = {3};
  if (per_week == 2) p.weekdays = {1, 4};
  p.length_days = days;
  p.windows = std::move(windows);
  p.label = "p";
  return p;
}

// A random taper: contact never rises from one phase to the next.
ContactPlan random_taper(std::mt19937_64& rng, LocalDate start) {
  const std::vector<ContactPhase> ladder{phase(3, 0, 0, 1), phase(2, 0, 0, 1), phase(1, 0, 0, 1),
                                         phase(0, 2, 0, 1), phase(0, 3, 0, 1), phase(0, 0, 2, 1),
                                         phase(0, 0, 1, 1)};
  ContactPlan plan;
  plan.id = 1;
  plan.episode_id = 7;
  plan.start_date = start;
  size_t i = static_cast<size_t>(draw(rng, 0, 2));
  while (i < ladder.size()) {
    ContactPhase p = ladder[i];
    p.length_days = static_cast<int>(draw(rng, 1, 10));
    if (p.visits_per_day == 1 && draw(rng, 0, 2) == 0) p.windows = {DayPart::evening};
    p.sequence = static_cast<int>(plan.phases.size()) + 1;
    plan.phases.push_back(p);
    i += static_cast<size_t>(draw(rng, 1, 2));
  }
  return plan;
}

// A person's hand on the visits: outcomes recorded, a visit edited, one added by hand.
void touch_some(std::vector<Visit>& visits, std::mt19937_64& rng, Instant now, Id& next_id) {
  for (auto& v : visits) {
    auto r = draw(rng, 0, 9);
    if (v.window_end <= now && v.status == VisitStatus::planned && r < 7) {
      v.status = r < 5 ? VisitStatus::done : VisitStatus::no_access;
      v.outcome_at = v.window_end;
    } else if (v.window_start > now && r == 0) {
      v.status = VisitStatus::cancelled_by_person;
      v.outcome_at = now;
    } else if (v.window_start > now && r == 1) {
      v.hand_edited = true;
      v.window_start += std::chrono::minutes{30};
    }
  }
  if (draw(rng, 0, 3) == 0) {
    Visit extra;
    extra.id = next_id++;
    extra.episode_id = 7;
    extra.date = local_date_of(now, london());
    extra.window_start = now + std::chrono::hours{3};
    extra.window_end = extra.window_start + std::chrono::hours{1};
    visits.push_back(extra);
  }
}

// The visits that must survive every regeneration, by id, with their content.
std::map<Id, Visit> history_of(const std::vector<Visit>& visits, Instant now) {
  std::map<Id, Visit> out;
  for (const auto& v : visits)
    if (visit_is_history(v, now)) out[v.id] = v;
  return out;
}

bool same_visit(const Visit& a, const Visit& b) {
  return a.id == b.id && a.date == b.date && a.window_start == b.window_start && a.status == b.status &&
         a.outcome_at == b.outcome_at && a.hand_edited == b.hand_edited && a.plan_slot == b.plan_slot;
}

void check_no_duplicates(const std::vector<Visit>& visits) {
  std::set<std::pair<long, int>> seen;
  for (const auto& v : visits) {
    if (!v.plan_slot) continue;
    auto key = std::pair{static_cast<long>(date::sys_days{v.date}.time_since_epoch().count()), *v.plan_slot};
    CHECK_MESSAGE(seen.insert(key).second, "two visits for slot ", *v.plan_slot, " on ", format_date(v.date));
  }
}

}  // namespace

TEST_CASE("taper: slots follow each phase's frequency, windows and weekdays") {
  ContactPlan plan;
  plan.start_date = day("2026-11-02");  // a Monday
  plan.phases = {phase(2, 0, 0, 3, {DayPart::morning, DayPart::evening}), phase(1, 0, 0, 7), phase(0, 2, 0, 4),
                 phase(0, 0, 2, 14)};
  auto slots = plan_slots(plan, london(), plan.start_date, plus(plan.start_date, 40));
  std::map<std::string, int> per_day;
  for (const auto& s : slots) ++per_day[format_date(s.date)];
  CHECK(per_day["2026-11-02"] == 2);
  CHECK(per_day["2026-11-05"] == 1);
  CHECK(per_day.count("2026-11-13") == 0);  // alternate days: 12th yes, 13th no
  CHECK(per_day["2026-11-12"] == 1);
  // twice weekly on Mon and Thu from the 16th for 14 days
  CHECK(per_day["2026-11-16"] == 1);
  CHECK(per_day["2026-11-19"] == 1);
  CHECK(per_day.count("2026-11-17") == 0);
  CHECK(per_day.count("2026-12-01") == 0);  // after the plan
  CHECK(format_local_hm(slots[1].start, london()) == "17:00");
  CHECK(slots[1].out_of_hours);
  CHECK_FALSE(slots[0].out_of_hours);
}

TEST_CASE("taper: regeneration keeps outcomed and hand-edited visits, never duplicates, and is idempotent") {
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    CAPTURE(seed);
    std::mt19937_64 rng(seed);
    const LocalDate start = plus(day("2026-10-01"), draw(rng, 0, 60));
    ContactPlan plan = random_taper(rng, start);
    Instant now = local_day_time(start, std::chrono::minutes{8 * 60}, london());
    std::vector<Visit> visits;
    Id next_id = 1;
    apply_regeneration(visits, regenerate_visits(plan, 7, visits, now, london()), next_id);
    check_no_duplicates(visits);

    std::set<LocalDate> step_up_days;
    for (int step = 0; step < 12; ++step) {
      now += std::chrono::hours{draw(rng, 5, 60)};
      touch_some(visits, rng, now, next_id);
      const LocalDate today = local_date_of(now, london());
      switch (draw(rng, 0, 4)) {
        case 0:
          if (span_on(plan, today) && span_on(plan, today)->index + 1 < plan.phases.size())
            plan = plan_stepped_down(plan, today);
          break;
        case 1:
          if (!step_up_problem(plan, today)) {
            plan = plan_stepped_up(plan, today, static_cast<int>(draw(rng, 1, 7)));
            step_up_days.insert(today);
          }
          break;
        case 2:
          plan = plan_paused(plan, today, static_cast<int>(draw(rng, 1, 3)));
          break;
        case 3: {  // a phase edited: a later phase made longer or shorter
          auto& p = plan.phases[static_cast<size_t>(draw(rng, 0, static_cast<std::int64_t>(plan.phases.size()) - 1))];
          if (!span_on(plan, today) || &p - plan.phases.data() > static_cast<long>(span_on(plan, today)->index))
            p.length_days = static_cast<int>(draw(rng, 1, 10));
          break;
        }
        default: break;  // nothing changed, regenerate anyway
      }
      const auto before = history_of(visits, now);
      auto regen = regenerate_visits(plan, 7, visits, now, london());
      for (Id id : regen.remove) CHECK_MESSAGE(before.count(id) == 0, "history visit ", id, " would be removed");
      apply_regeneration(visits, regen, next_id);
      // Every history visit is still there, unchanged.
      std::map<Id, const Visit*> by_id;
      for (const auto& v : visits) by_id[v.id] = &v;
      for (const auto& [id, v] : before) {
        REQUIRE(by_id.count(id));
        CHECK(same_visit(*by_id[id], v));
      }
      check_no_duplicates(visits);
      // Idempotent: a second run changes nothing.
      CHECK(regenerate_visits(plan, 7, visits, now, london()).empty());
      // No generated visit in the past was added.
      for (const auto& v : regen.add) CHECK(v.window_start > now);
    }
  }
}

TEST_CASE("taper: contact never rises during a step-down without a step-up") {
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    CAPTURE(seed);
    std::mt19937_64 rng(seed);
    const LocalDate start = plus(day("2026-03-01"), draw(rng, 0, 300));
    ContactPlan plan = random_taper(rng, start);
    std::set<long> step_ups;  // days (since start) a step-up began
    LocalDate today = start;
    for (int step = 0; step < 10; ++step) {
      today = plus(today, draw(rng, 0, 4));
      auto k = draw(rng, 0, 9);
      if (k < 5) {
        if (span_on(plan, today) && span_on(plan, today)->index + 1 < plan.phases.size())
          plan = plan_stepped_down(plan, today);
      } else if (k < 7) {
        plan = plan_paused(plan, today, static_cast<int>(draw(rng, 1, 3)));
      } else if (k == 7 && !step_up_problem(plan, today)) {
        plan = plan_stepped_up(plan, today, static_cast<int>(draw(rng, 1, 5)));
        step_ups.insert((date::sys_days{today} - date::sys_days{start}).count());
      }
    }
    // Walk the plan day by day: contact a week (pauses aside) rises only on a step-up day.
    int last = -1;
    for (long d = 0; d < 120; ++d) {
      auto pos = plan_position(plan, plus(start, d));
      if (!pos) continue;
      int cpw = contacts_per_week(*pos->phase);
      if (cpw == 0) continue;  // paused
      if (last >= 0 && cpw > last) {
        // A rise is allowed only where a step-up started, or where a pause ended the step-up's run.
        bool explained = false;
        for (long u : step_ups)
          if (u <= d) explained = true;
        CHECK_MESSAGE(explained, "contact rose from ", last, " to ", cpw, " on day ", d, " without a step-up");
      }
      last = cpw;
    }
    if (step_ups.empty()) {
      // With no step-up at all the whole walk is non-increasing.
      int prev = 1000;
      for (long d = 0; d < 120; ++d) {
        auto pos = plan_position(plan, plus(start, d));
        if (!pos || contacts_per_week(*pos->phase) == 0) continue;
        CHECK(contacts_per_week(*pos->phase) <= prev);
        prev = contacts_per_week(*pos->phase);
      }
    }
  }
}

TEST_CASE("taper: across the clock changes an evening visit stays evening, none doubled or dropped") {
  for (const char* change : {"2026-03-29", "2026-10-25", "2027-03-28", "2027-10-31"}) {
    CAPTURE(change);
    ContactPlan plan;
    plan.episode_id = 7;
    plan.start_date = plus(day(change), -3);
    plan.phases = {phase(3, 0, 0, 4), phase(2, 0, 0, 3, {DayPart::morning, DayPart::evening}),
                   phase(1, 0, 0, 3, {DayPart::evening})};
    std::vector<Visit> visits;
    Id next = 1;
    const Instant now = local_day_time(plus(day(change), -4), std::chrono::minutes{12 * 60}, london());
    apply_regeneration(visits, regenerate_visits(plan, 7, visits, now, london()), next);
    std::map<std::string, int> per_day;
    for (const auto& v : visits) {
      ++per_day[format_date(v.date)];
      CHECK(local_date_of(v.window_start, london()) == v.date);
      auto hm = format_local_hm(v.window_start, london());
      CHECK((hm == "09:00" || hm == "13:00" || hm == "17:00"));
      CHECK(v.window_end - v.window_start == std::chrono::hours{3});  // wall-clock windows keep their length
      if (hm == "17:00") CHECK(v.out_of_hours);
    }
    CHECK(per_day[format_date(plus(day(change), -1))] == 3);
    CHECK(per_day[change] == 3);  // the change day itself: still three visits, each once
    CHECK(per_day[format_date(plus(day(change), 1))] == 2);
    CHECK(per_day[format_date(plus(day(change), 3))] == 2);
    CHECK(per_day[format_date(plus(day(change), 4))] == 1);
    CHECK(visits.size() == 4 * 3 + 3 * 2 + 3 * 1);
    // The night of the change: regenerating from just after 01:00 UTC adds and removes nothing.
    const Instant night = local(change) + std::chrono::minutes{90};
    CHECK(regenerate_visits(plan, 7, visits, night, london()).empty());
  }
}
