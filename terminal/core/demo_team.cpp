// Builds the demo team around one "now": today's caseload (intensive, step-down, handover), two years
// of closed episodes with re-presentations, then rota, visits and reviews from demo_*.cpp.
#include "core/demo_team.hpp"

#include "core/bank_holidays.hpp"
#include "core/contact_plan.hpp"
#include "core/demo_detail.hpp"

#include <algorithm>
#include <optional>

namespace vb {
namespace demo {

std::int64_t Rng::uniform(std::int64_t lo, std::int64_t hi) {
  if (hi <= lo) return lo;
  auto span = static_cast<std::uint64_t>(hi - lo) + 1;
  return lo + static_cast<std::int64_t>(engine_() % span);
}

Rng stream(std::uint64_t seed, std::uint64_t part) {
  // splitmix64 of (seed, part): well-separated engine seeds for each part of the team.
  std::uint64_t z = seed + 0x9E3779B97F4A7C15ull * (part + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return Rng(z ^ (z >> 31));
}

LocalDate add_days(LocalDate d, long n) { return LocalDate{date::sys_days{d} + date::days{n}}; }
long days_between(LocalDate from, LocalDate to) {
  return static_cast<long>((date::sys_days{to} - date::sys_days{from}).count());
}
bool is_weekend(LocalDate d) {
  auto wd = date::weekday{date::sys_days{d}};
  return wd == date::Saturday || wd == date::Sunday || england_and_wales_bank_holidays().on(d) != nullptr;
}
Instant at_local(LocalDate d, int minutes_since_midnight, Zone zone) {
  return local_day_time(d, std::chrono::minutes{minutes_since_midnight}, zone);
}

}  // namespace demo

namespace {

using namespace demo;
using std::chrono::hours;
using std::chrono::minutes;

enum Part : std::uint64_t { staff_part, people_part, history_part, open_part, rota_part, visit_part, review_part };

struct Draft {
  Episode e;
  size_t person = 0;  // index into Work::people
  ContactPlan plan;
};

struct Work {
  DemoOptions options;
  Zone zone = nullptr;
  LocalDate today{};
  std::vector<Staff> staff;
  std::vector<StaffId> case_holders;
  Rng people_rng{0};
  HomeMap homes;
  std::set<int> nhs_stems;
  std::vector<Person> people;
  std::vector<Draft> drafts;
  std::vector<std::pair<LocalDate, size_t>> returning;  // people due back whose episode is not closed yet

  size_t new_person() {
    people.push_back(make_person(people_rng, homes, today, nhs_stems));
    people.back().id = static_cast<Id>(people.size());
    people.back().local_id = "HT-" + std::to_string(1000 + people.size());
    return people.size() - 1;
  }
};

struct PhaseTemplate {
  const char* label;
  int visits_per_day;
  int every_n_days;
  const char* focus;
};

// The standard taper walks down these five phases; days[i] == 0 leaves a phase out.
ContactPlan taper(LocalDate start, const std::array<int, 5>& days, int twice_weekly_every) {
  const std::array<PhaseTemplate, 5> phases{{{"Twice daily", 2, 0, "safety and stabilisation"},
                                             {"Daily", 1, 0, "treatment and medication"},
                                             {"Alternate days", 0, 2, "coping strategies and early warning signs"},
                                             {"Twice weekly", 0, twice_weekly_every, "self-management"},
                                             {"Handover", 0, 7, "handover to ongoing support"}}};
  ContactPlan plan;
  plan.name = "Standard taper";
  plan.start_date = start;
  for (size_t i = 0; i < phases.size(); ++i) {
    if (days[i] <= 0) continue;
    ContactPhase p;
    p.sequence = static_cast<int>(i) + 1;
    p.label = phases[i].label;
    p.visits_per_day = phases[i].visits_per_day;
    p.every_n_days = phases[i].every_n_days;
    p.length_days = days[i];
    p.focus = phases[i].focus;
    plan.phases.push_back(std::move(p));
  }
  return plan;
}

// A closed episode's taper squeezed or stretched to its length (the standard plan is 3+7+7+14+7 days).
std::array<int, 5> phase_days_for(int length_days) {
  int total = length_days + 1;
  if (total <= 3) return {total, 0, 0, 0, 0};
  if (total >= 38) return {3, 7, 7, 14, total - 31};
  int rest = total - 3;
  int daily = rest * 7 / 35, alternate = rest * 7 / 35, twice_weekly = rest * 14 / 35;
  return {3, daily, alternate, twice_weekly, rest - daily - alternate - twice_weekly};
}

int draw_priority(Rng& rng) {
  auto r = rng.uniform(0, 99);
  return r < 15 ? 1 : r < 55 ? 2 : r < 80 ? 3 : 4;
}

Instant referral_before(Instant accepted, int priority, Rng& rng) {
  switch (priority) {
    case 1:
      return accepted - hours{rng.uniform(1, 4)};
    case 4:
      return accepted - hours{rng.uniform(2, 24)};
    case 2:
      return accepted - hours{rng.uniform(4, 48)};
    default:
      return accepted - hours{rng.uniform(24, 120)};
  }
}

Episode new_episode(Work& w, Instant accepted, Rng& rng) {
  Episode e;
  e.team_id = team_id;
  e.accepted_at = accepted;
  e.referral_priority = draw_priority(rng);
  e.referral_at = referral_before(accepted, e.referral_priority, rng);
  e.named_worker = rng.pick(w.case_holders);
  e.suicide_risk_identified = rng.chance(250);
  return e;
}

// Two years of closed episodes: about 25 a month, most 10-30 days, a tail past 42, 15% admitted,
// and people who come back within 30 or 90 days.
void draw_history(Work& w, Rng& rng) {
  const int n = std::max(0, w.options.history_days);
  const LocalDate first = add_days(w.today, -n);
  std::vector<std::vector<size_t>> returns(static_cast<size_t>(n));
  for (int off = 0; off < n; ++off) {
    const LocalDate d = add_days(first, off);
    std::vector<std::optional<size_t>> arrivals(returns[static_cast<size_t>(off)].begin(),
                                                returns[static_cast<size_t>(off)].end());
    for (int t = 0; t < 3; ++t)
      if (rng.chance(229)) arrivals.emplace_back();
    for (auto who : arrivals) {
      const bool admitted = rng.chance(150);
      const int length = static_cast<int>(admitted         ? rng.uniform(2, 14)
                                          : rng.chance(60) ? rng.uniform(43, 60)
                                                           : rng.uniform(5, 15) + rng.uniform(5, 15));
      const LocalDate close = add_days(d, length);
      const Instant accepted = at_local(d, 9 * 60 + static_cast<int>(rng.uniform(0, 600)), w.zone);
      const Instant closed = at_local(close, 10 * 60 + static_cast<int>(rng.uniform(0, 420)), w.zone);
      if (days_between(close, w.today) <= 0) {  // would still be open: today's caseload is drawn separately
        if (who) w.returning.emplace_back(d, *who);
        continue;
      }
      Draft draft;
      draft.person = who ? *who : w.new_person();
      draft.e = new_episode(w, accepted, rng);
      Episode& e = draft.e;
      e.stage = Stage::closed;
      e.closed_at = closed;
      auto r = rng.uniform(0, 99);
      if (admitted) {
        e.risk = rng.chance(800) ? RiskLevel::high : RiskLevel::medium;
        e.zone = "red";
        e.closure_reason = "admitted";
        e.closure_destination = "inpatient";
        e.suicide_risk_identified = rng.chance(500);
      } else {
        e.risk = r < 20 ? RiskLevel::high : r < 65 ? RiskLevel::medium : RiskLevel::low;
        auto where = rng.uniform(0, 99);
        e.closure_destination = where < 55 ? "cmht" : where < 85 ? "gp" : "voluntary";
        e.closure_reason = e.closure_destination == "gp" ? "resolved" : "transferred";
        e.zone = e.closure_destination == "cmht" && rng.chance(300) ? "blue" : "green";
      }
      const int twice_weekly_every = static_cast<int>(rng.uniform(3, 4));
      draft.plan = taper(d, admitted ? std::array<int, 5>{3, 7, 7, 14, 7} : phase_days_for(length), twice_weekly_every);
      auto back = rng.uniform(0, 999);
      long gap = back < 100 ? rng.uniform(3, 29) : back < 220 ? rng.uniform(31, 89) : -1;
      if (gap > 0) {
        const LocalDate again = add_days(close, gap);
        const long again_off = days_between(first, again);
        if (again_off < n)
          returns[static_cast<size_t>(again_off)].push_back(draft.person);
        else
          w.returning.emplace_back(again, draft.person);
      }
      w.drafts.push_back(std::move(draft));
    }
  }
  std::sort(w.returning.begin(), w.returning.end());
}

// Today's caseload: 25-30 open episodes, intensive (0-7 days in), step-down (7-20), handover (18-35)
// and one past 42 days whose discharge is delayed.
void draw_caseload(Work& w, Instant now, Rng& rng) {
  const int total = static_cast<int>(rng.uniform(25, 30));
  const int intensive = 9;
  const int step_down = static_cast<int>(rng.uniform(7, 9));  // the rest (5-12) are in handover
  const auto first_worker = static_cast<size_t>(rng.uniform(0, static_cast<std::int64_t>(w.case_holders.size()) - 1));
  std::vector<bool> used(w.returning.size(), false);
  int on_board = 0;  // people with a visit today
  for (int i = 0; i < total; ++i) {
    Stage stage = i < intensive ? Stage::intensive : i < intensive + step_down ? Stage::step_down : Stage::handover;
    const bool delayed = i == total - 1;
    long k = 0;
    // Two (sometimes three) on twice-daily visits, the rest on daily visits.
    if (stage == Stage::intensive)
      k = i < 2 ? rng.uniform(1, 2) : (i == 2 && rng.chance(500)) ? 0 : rng.uniform(3, 7);
    else if (stage == Stage::step_down)
      k = i < intensive + 4 ? rng.uniform(7, 15) : rng.uniform(7, 20);
    else
      k = delayed ? rng.uniform(43, 50) : rng.uniform(18, 35);
    const Instant accepted =
        k == 0 ? now - minutes{rng.uniform(40, 180)}
               : at_local(add_days(w.today, -k), 9 * 60 + static_cast<int>(rng.uniform(0, 600)), w.zone);
    const LocalDate start = local_date_of(accepted, w.zone);
    const int in_days = static_cast<int>(days_between(start, w.today));

    Draft draft;
    draft.e = new_episode(w, accepted, rng);
    Episode& e = draft.e;
    e.stage = stage;
    e.named_worker = w.case_holders[(first_worker + static_cast<size_t>(i)) % w.case_holders.size()];
    auto r = rng.uniform(0, 99);
    if (stage == Stage::intensive)
      e.risk = i < 3 || r < 30 ? RiskLevel::high : r < 90 ? RiskLevel::medium : RiskLevel::low;
    else if (stage == Stage::step_down)
      e.risk = r < 10 ? RiskLevel::high : r < 70 ? RiskLevel::medium : RiskLevel::low;
    else
      e.risk = r < 40 ? RiskLevel::medium : RiskLevel::low;
    // Step-down has left daily contact by today; handover sits in twice-weekly or handover contact.
    const int daily = stage == Stage::step_down ? std::min(7, in_days - 3) : 7;
    const int handover_days = std::max(14, in_days - 31 + 10);
    const int every = static_cast<int>(rng.uniform(3, 4));
    draft.plan = taper(start, {3, daily, 7, 14, handover_days}, every);
    // At least 10 people (11, for a margin) on today's board: intensive ones are seen daily, and the
    // first step-downs (still on alternate days) have their alternate day moved onto today when needed.
    if (stage == Stage::step_down && on_board < 11 && planned_visits(draft.plan, w.today) == 0) {
      auto moved = taper(start, {3, daily - 1, 7, 14, handover_days}, every);
      if (planned_visits(moved, w.today) > 0) draft.plan = std::move(moved);
    }
    if (planned_visits(draft.plan, w.today) > 0 && (start != w.today || accepted <= at_local(start, 17 * 60, w.zone)))
      ++on_board;
    auto pos = plan_position(draft.plan, w.today);
    int sequence = pos ? pos->phase->sequence : 5;
    e.zone = sequence <= 2 ? "red" : sequence == 3 ? "amber" : "green";
    if (stage == Stage::handover && i == intensive + step_down + 1) e.zone = "blue";  // jointly worked
    if (delayed) e.zone = "black";

    draft.person = w.people.size();
    for (size_t j = 0; j < w.returning.size(); ++j) {
      if (used[j] || days_between(w.returning[j].first, start) < 0) continue;
      used[j] = true;
      draft.person = w.returning[j].second;
      break;
    }
    if (draft.person == w.people.size()) w.new_person();
    w.drafts.push_back(std::move(draft));
  }
}

std::vector<ZoneRule> default_zones() {
  return {{"red", 0, "acute: at least daily face-to-face contact (about 2.5 hours of input a day)"},
          {"amber", 1, "still acute: face-to-face on alternate days (about 1 hour a day)"},
          {"green", 2, "crisis resolving: less than alternate days; provisional discharge date within 5 days"},
          {"blue", 3, "jointly worked with another team"},
          {"black", 4, "ready for discharge but delayed"}};
}

}  // namespace

Snapshot generate_demo_team(const DemoOptions& options) {
  Work w;
  w.options = options;
  w.zone = find_zone(options.time_zone);
  w.today = local_date_of(options.now, w.zone);
  Rng staff_rng = stream(options.seed, staff_part);
  w.staff = make_staff(staff_rng);
  for (const auto& s : w.staff)
    if (is_case_holder(s)) w.case_holders.push_back(s.id);
  w.people_rng = stream(options.seed, people_part);
  w.homes = make_home_map(w.people_rng);

  Rng history_rng = stream(options.seed, history_part);
  draw_history(w, history_rng);
  Rng open_rng = stream(options.seed, open_part);
  draw_caseload(w, options.now, open_rng);

  // Ids follow acceptance order; each episode has one plan with the same id.
  std::stable_sort(w.drafts.begin(), w.drafts.end(),
                   [](const Draft& a, const Draft& b) { return a.e.accepted_at < b.e.accepted_at; });
  Snapshot s;
  s.team = Team{team_id, "Demo Crisis & Home Treatment Team", options.time_zone};
  s.zones = default_zones();
  s.is_demo = true;
  Id phase_id = 0;
  LocalDate first_day = add_days(w.today, -1);
  for (size_t i = 0; i < w.drafts.size(); ++i) {
    Draft& d = w.drafts[i];
    d.e.id = static_cast<Id>(i) + 1;
    d.e.person_id = w.people[d.person].id;
    d.plan.id = d.e.id;
    d.plan.episode_id = d.e.id;
    for (auto& p : d.plan.phases) {
      p.id = ++phase_id;
      p.plan_id = d.plan.id;
    }
    if (days_between(d.plan.start_date, first_day) > 0) first_day = d.plan.start_date;
    s.episodes.push_back(d.e);
    s.plans.push_back(d.plan);
  }
  s.people = std::move(w.people);
  s.staff = std::move(w.staff);

  ScheduleContext ctx{w.zone, options.now, w.today, first_day, add_days(w.today, std::max(0, options.days_ahead))};
  Rng rota_rng = stream(options.seed, rota_part);
  s.shifts = make_rota(s.staff, ctx.first_day, ctx.last_day, w.zone, rota_rng);
  for (size_t i = 0; i < s.shifts.size(); ++i) s.shifts[i].id = static_cast<Id>(i) + 1;

  Rng visit_rng = stream(options.seed, visit_part);
  s.visits = make_visits(ctx, s.staff, s.shifts, s.episodes, s.plans, visit_rng);
  ensure_unallocated_tonight(s.visits, s.episodes, ctx);
  ensure_missed_without_follow_up(s.visits, s.episodes, ctx);
  // Out-of-hours visits from today to people at high risk need a trained worker (allocation checks it).
  for (auto& v : s.visits) {
    const Episode& e = s.episodes[static_cast<size_t>(v.episode_id - 1)];
    if (v.out_of_hours && e.risk == RiskLevel::high && days_between(ctx.today, v.date) >= 0) v.required_skills = {"trained"};
  }

  Rng review_rng = stream(options.seed, review_part);
  s.reviews = make_reviews(ctx, s.staff, s.episodes, s.plans, review_rng);
  s.slot_patterns = make_slot_patterns(ctx, s.staff);
  s.leave = make_leave(ctx, s.staff);
  s.decisions = make_decisions(ctx, s.episodes, s.reviews);
  ensure_review_due_and_overdue(s, ctx);  // reindexes
  add_bookings_and_escalations(s, ctx);   // reindexes
  add_step_down_detail(s, ctx);           // step-down (issue 3)
  add_transition_history(s, ctx);         // step-down compliance history (issue 6)
  add_allocation_times(s, ctx);           // allocation times for the out-of-hours measure (issue 6)
  return s;
}

}  // namespace vb
