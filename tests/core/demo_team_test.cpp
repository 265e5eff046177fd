// The demo team: deterministic, internally consistent, and on any date it shows what the demo promises
// (a full board today, gaps to act on, every stage and several zones), with two years of history.
#include <doctest/doctest.h>

#include "core/contact_plan.hpp"
#include "core/demo_team.hpp"
#include "core/missed_visit.hpp"
#include "core/nhs_number.hpp"
#include "core/review_due.hpp"

#include <algorithm>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>

using namespace vb;
using namespace std::chrono_literals;

namespace {

Zone london() { return find_zone("Europe/London"); }

Instant local(const std::string& text) {
  auto t = parse_instant(text, london());
  REQUIRE(t);
  return *t;
}

// Weekdays, both clock-change Sundays, a Saturday, a late evening and just after midnight.
const std::vector<std::string> nows{"2026-11-23T08:30", "2026-03-29T08:30", "2026-10-25T08:30",
                                    "2026-06-13T11:05", "2026-02-04T21:45", "2027-01-01T00:20"};

const Snapshot& team_at(const std::string& now, std::uint64_t seed = 7) {
  static std::map<std::pair<std::string, std::uint64_t>, Snapshot> cache;
  auto key = std::pair{now, seed};
  auto it = cache.find(key);
  if (it == cache.end()) {
    DemoOptions o;
    o.seed = seed;
    o.now = local(now);
    it = cache.emplace(key, generate_demo_team(o)).first;
  }
  return it->second;
}

template <typename T>
std::string opt(const std::optional<T>& v) {
  if (!v) return "-";
  std::ostringstream out;
  if constexpr (std::is_same_v<T, Instant>)
    out << format_utc(*v);
  else
    out << *v;
  return out.str();
}
template <typename T>
std::string opt(const PackedOptional<T>& v) {
  return opt(std::optional<T>(v));
}

// Every field of every row, so "identical" means byte for byte.
std::string dump(const Snapshot& s) {
  std::ostringstream o;
  o << std::setprecision(17) << s.team.id << s.team.name << s.team.time_zone << s.is_demo << '\n';
  for (const auto& z : s.zones) o << z.name << z.rank << z.meaning << '\n';
  for (const auto& x : s.staff) {
    o << x.id << x.team_id << x.name << x.initials << x.discipline << x.part_time << x.active;
    for (const auto& k : x.skills) o << ',' << k;
    o << '\n';
  }
  for (const auto& p : s.people)
    o << p.id << p.team_id << p.local_id << p.nhs_number << p.given_name << p.family_name
      << format_date(p.date_of_birth) << ' ' << p.home_x_km << ' ' << p.home_y_km << '\n';
  for (const auto& e : s.episodes)
    o << e.id << e.person_id << e.team_id << format_utc(e.referral_at) << format_utc(e.accepted_at)
      << e.referral_priority << to_string(e.stage) << e.zone << to_string(e.risk) << e.named_worker
      << e.suicide_risk_identified << opt(e.closed_at) << e.closure_reason << e.closure_destination << '\n';
  for (const auto& p : s.plans) {
    o << p.id << p.episode_id << p.name << format_date(p.start_date) << '\n';
    for (const auto& f : p.phases)
      o << f.id << f.plan_id << f.sequence << f.label << f.visits_per_day << f.every_n_days << f.length_days << f.focus
        << '\n';
  }
  for (const auto& v : s.visits)
    o << v.id << v.episode_id << format_date(v.date) << format_utc(v.window_start) << format_utc(v.window_end)
      << to_string(v.type) << to_string(v.status) << v.staff1 << '/' << v.staff2 << v.out_of_hours << v.double_up
      << opt(v.outcome_at) << v.reason << v.duration_min << opt(v.follow_up_of) << '\n';
  for (const auto& x : s.shifts)
    o << x.id << x.staff_id << x.team_id << to_string(x.kind) << format_date(x.date) << format_utc(x.start)
      << format_utc(x.end) << '\n';
  for (const auto& x : s.review_slots)
    o << x.id << x.reviewer << format_utc(x.start) << x.length_min << x.capacity << '\n';
  for (const auto& r : s.reviews)
    o << r.id << r.episode_id << opt(r.slot_id) << r.reviewer << format_utc(r.held_at) << to_string(r.risk)
      << r.decision << r.rationale << r.person_told << r.family_told << opt(r.next_review_due) << '\n';
  for (const auto& d : s.decisions)
    o << d.id << d.episode_id << format_utc(d.at) << d.decided_by << d.decision << d.options_considered << d.rationale
      << d.informed << opt(d.corrects) << '\n';
  return o.str();
}

LocalDate today_of(const Snapshot& s, const std::string& now) { return local_date_of(local(now), s.zone()); }

std::vector<const Episode*> open_episodes(const Snapshot& s) {
  std::vector<const Episode*> out;
  for (const auto& e : s.episodes)
    if (e.is_open()) out.push_back(&e);
  return out;
}

}  // namespace

TEST_CASE("demo: the same seed and now give the same team, field for field") {
  DemoOptions o;
  o.seed = 11;
  o.now = local("2026-11-23T08:30");
  auto a = dump(generate_demo_team(o));
  auto b = dump(generate_demo_team(o));
  CHECK(a.size() > 100000);
  CHECK(a == b);
}

TEST_CASE("demo: a different seed gives a different team") {
  CHECK(dump(team_at("2026-11-23T08:30", 7)) != dump(team_at("2026-11-23T08:30", 8)));
}

TEST_CASE("demo: the team is marked as demo data with staff in the published mix") {
  const auto& s = team_at(nows[0]);
  CHECK(s.is_demo);
  CHECK(s.team.id == 1);
  CHECK(s.zones.size() == 5);
  CHECK((s.staff.size() >= 18 && s.staff.size() <= 24));
  std::map<std::string, int> disciplines;
  std::set<std::string> initials;
  int part_time = 0;
  for (const auto& x : s.staff) {
    ++disciplines[x.discipline];
    initials.insert(x.initials);
    part_time += x.part_time;
    CHECK(x.name.find("Demo") != std::string::npos);
  }
  CHECK(initials.size() == s.staff.size());
  CHECK(disciplines["nurse"] == 9);
  CHECK(disciplines["support_worker"] == 4);
  CHECK(disciplines["senior_practitioner"] == 2);
  CHECK(disciplines["consultant"] == 1);
  CHECK((part_time * 100 >= 25 * static_cast<int>(s.staff.size()) &&
         part_time * 100 <= 40 * static_cast<int>(s.staff.size())));
}

TEST_CASE("demo: on any date at least 10 people have visits that local day") {
  for (const auto& now : nows) {
    CAPTURE(now);
    const auto& s = team_at(now);
    auto today = today_of(s, now);
    std::set<Id> people;
    for (const auto& v : s.visits)
      if (v.date == today) people.insert(s.find_episode(v.episode_id)->person_id);
    CHECK(people.size() >= 10);
  }
}

TEST_CASE("demo: the caseload is 25 to 30 open episodes in every stage, several zones, some high risk") {
  for (const auto& now : nows) {
    CAPTURE(now);
    const auto& s = team_at(now);
    auto open = open_episodes(s);
    CHECK((open.size() >= 25 && open.size() <= 30));
    std::map<Stage, int> stages;
    std::set<std::string> zones;
    int high = 0;
    std::set<Id> people;
    for (const auto* e : open) {
      ++stages[e->stage];
      zones.insert(e->zone);
      high += e->risk == RiskLevel::high;
      people.insert(e->person_id);
      CHECK((e->referral_priority >= 1 && e->referral_priority <= 4));
      CHECK(s.find_zone_rule(e->zone) != nullptr);
    }
    CHECK(people.size() == open.size());  // nobody has two open episodes
    CHECK(stages[Stage::intensive] >= 3);
    CHECK(stages[Stage::step_down] >= 3);
    CHECK(stages[Stage::handover] >= 3);
    CHECK(zones.size() >= 3);
    CHECK(high >= 3);
  }
}

TEST_CASE("demo: every open episode has an active clinical named worker and a plan whose phase fits its stage") {
  for (const auto& now : nows) {
    CAPTURE(now);
    const auto& s = team_at(now);
    auto today = today_of(s, now);
    bool past_42_days = false;
    for (const auto* e : open_episodes(s)) {
      const Staff* worker = s.find_staff(e->named_worker);
      REQUIRE(worker != nullptr);
      CHECK(worker->active);
      CHECK(worker->has_skill("trained"));
      const ContactPlan* plan = s.plan_for_episode(e->id);
      REQUIRE(plan != nullptr);
      CHECK(plan->start_date == local_date_of(e->accepted_at, s.zone()));
      auto pos = plan_position(*plan, today);
      REQUIRE(pos);
      CAPTURE(pos->phase->label);
      if (e->stage == Stage::intensive) CHECK(pos->phase->sequence <= 2);
      if (e->stage == Stage::step_down) CHECK((pos->phase->sequence == 3 || pos->phase->sequence == 4));
      if (e->stage == Stage::handover) CHECK(pos->phase->sequence >= 4);
      past_42_days = past_42_days || local(now) - e->accepted_at > 42 * 24h;
    }
    CHECK(past_42_days);
  }
}

TEST_CASE("demo: no staff member is double-booked and every allocated visit is covered by the staff's shift") {
  for (const auto& now : nows) {
    CAPTURE(now);
    const auto& s = team_at(now);
    std::map<std::pair<std::string, LocalDate>, std::vector<const Visit*>> booked;
    std::map<std::string, std::vector<const Shift*>> shifts;
    for (const auto& x : s.shifts) shifts[x.staff_id].push_back(&x);
    auto covered = [&](const std::string& who, const Visit& v) {
      for (const Shift* x : shifts[who])
        if (x->start <= v.window_start && v.window_end <= x->end) return true;
      return false;
    };
    int allocated = 0, uncovered = 0;
    for (const auto& v : s.visits) {
      for (const auto* who : {&v.staff1, &v.staff2}) {
        if (who->empty()) continue;
        booked[{*who, v.date}].push_back(&v);
        uncovered += !covered(*who, v);
      }
      allocated += v.allocated();
      if (v.double_up == false) CHECK(v.staff2.empty());
    }
    CHECK(uncovered == 0);
    CHECK(allocated * 10 >= static_cast<int>(s.visits.size()) * 9);
    int clashes = 0;
    for (const auto& [key, list] : booked)
      for (size_t i = 0; i < list.size(); ++i)
        for (size_t j = i + 1; j < list.size(); ++j)
          clashes += list[i]->window_start < list[j]->window_end && list[j]->window_start < list[i]->window_end;
    CHECK(clashes == 0);
  }
}

TEST_CASE("demo: the rota gives one shift a day per person, never overlapping, nights true to the clock change") {
  for (const auto& now : nows) {
    CAPTURE(now);
    const auto& s = team_at(now);
    std::map<std::string, std::vector<const Shift*>> by_staff;
    std::set<std::pair<std::string, LocalDate>> starts;
    for (const auto& x : s.shifts) {
      CHECK(starts.insert({x.staff_id, x.date}).second);
      by_staff[x.staff_id].push_back(&x);
      if (x.kind == ShiftKind::night) CHECK(s.find_staff(x.staff_id)->has_skill("trained"));
    }
    for (auto& [who, list] : by_staff)
      for (size_t i = 1; i < list.size(); ++i) CHECK(list[i - 1]->end <= list[i]->start);
    auto today = today_of(s, now);
    for (int ahead = -1; ahead <= 14; ++ahead) {
      LocalDate d{date::sys_days{today} + date::days{ahead}};
      int early = 0, late = 0, night = 0;
      for (const auto& x : s.shifts) {
        if (x.date != d) continue;
        early += x.kind == ShiftKind::early;
        late += x.kind == ShiftKind::late;
        night += x.kind == ShiftKind::night;
      }
      CHECK((early >= 4 && early <= 8));
      CHECK((late >= 3 && late <= 7));
      CHECK(night == 2);
    }
  }
  auto night_hours = [](const Snapshot& s, const char* day) {
    for (const auto& x : s.shifts)
      if (x.kind == ShiftKind::night && format_date(x.date) == day) return x.end - x.start;
    return std::chrono::seconds{0};
  };
  CHECK(night_hours(team_at("2026-03-29T08:30"), "2026-03-28") == 9h + 30min);
  CHECK(night_hours(team_at("2026-10-25T08:30"), "2026-10-24") == 11h + 30min);
  CHECK(night_hours(team_at("2026-10-25T08:30"), "2026-10-25") == 10h + 30min);
}

TEST_CASE("demo: NHS numbers are valid, synthetic (999) and unique, and so are local ids") {
  const auto& s = team_at(nows[0]);
  std::set<std::string> numbers, local_ids;
  for (const auto& p : s.people) {
    CHECK(is_valid_nhs_number(p.nhs_number));
    CHECK(p.nhs_number.rfind("999", 0) == 0);
    CHECK(numbers.insert(p.nhs_number).second);
    CHECK(local_ids.insert(p.local_id).second);
    CHECK(p.home_x_km * p.home_x_km + p.home_y_km * p.home_y_km <= 15.0 * 15.0);
  }
}

TEST_CASE("demo: one senior review is due later today and one is overdue") {
  for (const auto& now : nows) {
    CAPTURE(now);
    const auto& s = team_at(now);
    std::map<ReviewStatus, int> statuses;
    for (const auto* e : open_episodes(s)) {
      auto due = next_review_due(s, *e, local(now));
      REQUIRE(due);
      ++statuses[review_status(*due, local(now), s.zone())];
    }
    CHECK(statuses[ReviewStatus::due] >= 1);
    CHECK(statuses[ReviewStatus::overdue] == 1);
    CHECK(statuses[ReviewStatus::ok] >= 15);
  }
}

TEST_CASE("demo: tonight's out-of-hours visits include an unallocated one") {
  for (const auto& now : nows) {
    CAPTURE(now);
    const auto& s = team_at(now);
    auto today = today_of(s, now);
    auto evening = local_day_time(today, 17h, s.zone());
    int tonight = 0, unallocated = 0;
    for (const auto& v : s.visits) {
      if (v.date != today || !v.out_of_hours || v.window_start < evening) continue;
      ++tonight;
      unallocated += !v.allocated();
    }
    CHECK(tonight >= 1);
    CHECK(unallocated >= 1);
  }
}

TEST_CASE("demo: a missed visit of an open episode has no follow-up yet") {
  for (const auto& now : nows) {
    CAPTURE(now);
    const auto& s = team_at(now);
    int waiting = 0;
    for (const auto& v : s.visits)
      if (s.find_episode(v.episode_id)->is_open() && needs_follow_up(s, v, local(now))) ++waiting;
    CHECK(waiting >= 1);
    CHECK(waiting <= 2);  // the demo's gap, and at most tonight's unallocated visit once its window has passed
  }
}

TEST_CASE("demo: outcomes are recorded up to now and visits after now are planned") {
  for (const auto& now : nows) {
    CAPTURE(now);
    const auto& s = team_at(now);
    auto t = local(now);
    int past_planned = 0;
    for (const auto& v : s.visits) {
      CHECK(v.date == local_date_of(v.window_start, s.zone()));
      CHECK((v.duration_min == 30 || v.duration_min == 45 || v.duration_min == 60));
      if (v.window_start > t) {
        CHECK(v.status == VisitStatus::planned);
        CHECK_FALSE(v.outcome_at);
      } else if (v.window_end <= t) {
        past_planned += v.status == VisitStatus::planned;
      }
      if (v.outcome_at) CHECK(*v.outcome_at <= t);
      if (v.status == VisitStatus::done) CHECK((*v.outcome_at >= v.window_start && *v.outcome_at <= v.window_end));
    }
    CHECK(past_planned <= 1);
  }
}

TEST_CASE("demo: every referenced id exists and ids run from 1 in each table") {
  for (const auto& now : nows) {
    CAPTURE(now);
    const auto& s = team_at(now);
    auto sequential = [](const auto& rows) {
      for (size_t i = 0; i < rows.size(); ++i)
        if (rows[i].id != static_cast<Id>(i) + 1) return false;
      return true;
    };
    CHECK(sequential(s.people));
    CHECK(sequential(s.episodes));
    CHECK(sequential(s.plans));
    CHECK(sequential(s.visits));
    CHECK(sequential(s.shifts));
    CHECK(sequential(s.review_slots));
    CHECK(sequential(s.reviews));
    CHECK(sequential(s.decisions));
    std::set<Id> slot_ids;
    for (const auto& x : s.review_slots) {
      slot_ids.insert(x.id);
      CHECK(s.find_staff(x.reviewer)->has_skill("senior_reviewer"));
    }
    int missing = 0;
    for (const auto& e : s.episodes) missing += !s.find_person(e.person_id) + !s.find_staff(e.named_worker);
    for (const auto& p : s.plans) missing += !s.find_episode(p.episode_id);
    for (const auto& v : s.visits) {
      missing += !s.find_episode(v.episode_id);
      missing += (!v.staff1.empty() && !s.find_staff(v.staff1)) + (!v.staff2.empty() && !s.find_staff(v.staff2));
      missing += v.follow_up_of && !s.find_visit(*v.follow_up_of);
    }
    for (const auto& x : s.shifts) missing += !s.find_staff(x.staff_id);
    for (const auto& r : s.reviews) {
      missing += !s.find_episode(r.episode_id) + (r.slot_id && !slot_ids.count(*r.slot_id));
      CHECK(s.find_staff(r.reviewer)->has_skill("senior_reviewer"));
    }
    for (const auto& d : s.decisions) {
      missing += !s.find_episode(d.episode_id) + !s.find_staff(d.decided_by);
      missing += d.corrects && (*d.corrects < 1 || *d.corrects > static_cast<Id>(s.decisions.size()));
    }
    CHECK(missing == 0);
    CHECK(s.plans.size() == s.episodes.size());
    for (const auto& e : s.episodes) CHECK(s.plan_for_episode(e.id) != nullptr);
  }
}

TEST_CASE("demo: each open episode had a senior review within 24 hours of acceptance") {
  const auto& s = team_at(nows[0]);
  auto t = local(nows[0]);
  for (const auto* e : open_episodes(s)) {
    auto reviews = s.reviews_of(e->id);
    if (t - e->accepted_at < 24h && reviews.empty()) continue;
    REQUIRE_FALSE(reviews.empty());
    CHECK(reviews.front()->held_at - e->accepted_at <= 24h);
  }
}

TEST_CASE("demo: two years of closed episodes with realistic lengths, endings and re-presentations") {
  const auto& s = team_at(nows[0]);
  std::vector<long> days;
  std::map<std::string, int> destinations;
  std::map<Id, std::vector<const Episode*>> by_person;
  for (const auto& e : s.episodes) {
    by_person[e.person_id].push_back(&e);
    if (e.is_open()) continue;
    CHECK(e.stage == Stage::closed);
    CHECK(*e.closed_at < local(nows[0]));
    days.push_back(std::chrono::duration_cast<std::chrono::hours>(*e.closed_at - e.accepted_at).count() / 24);
    ++destinations[e.closure_destination];
  }
  REQUIRE(days.size() >= 400);
  std::sort(days.begin(), days.end());
  long median = days[days.size() / 2];
  CHECK((median >= 14 && median <= 25));
  CHECK(std::count_if(days.begin(), days.end(), [](long d) { return d > 42; }) >= 5);
  const double closed = static_cast<double>(days.size());
  CHECK((destinations["inpatient"] / closed >= 0.10 && destinations["inpatient"] / closed <= 0.20));
  const double rest = closed - destinations["inpatient"];
  CHECK((destinations["cmht"] / rest >= 0.45 && destinations["cmht"] / rest <= 0.65));
  CHECK((destinations["gp"] / rest >= 0.20 && destinations["gp"] / rest <= 0.40));
  int within_30 = 0, within_90 = 0;
  for (const auto& [person, list] : by_person) {
    for (size_t i = 0; i + 1 < list.size(); ++i) {
      auto gap = list[i + 1]->accepted_at - *list[i]->closed_at;
      CHECK(gap > 0h);  // episodes of one person never overlap
      within_30 += gap <= 30 * 24h;
      within_90 += gap <= 90 * 24h;
    }
  }
  CHECK((within_30 / closed >= 0.06 && within_30 / closed <= 0.14));
  CHECK((within_90 / closed >= 0.14 && within_90 / closed <= 0.28));
  CHECK(s.visits.size() < 25000);
}

TEST_CASE("demo: Christmas Day is out of hours all day, and planned visits to high-risk people are allocated to trained staff only") {
  const Snapshot& s = team_at("2026-12-25T18:00");
  const LocalDate christmas = *parse_date("2026-12-25");
  int daytime = 0;
  for (const Visit& v : s.visits) {
    if (v.date == christmas && v.status != VisitStatus::cancelled_by_team) {
      CHECK(v.out_of_hours);  // a bank holiday: every visit out of hours, like a weekend
      ++daytime;
    }
    // What the allocator's proposal would check ("needs trained"): planned visits from today on.
    const Episode* e = s.find_episode(v.episode_id);
    if (!e || e->risk != RiskLevel::high || v.status != VisitStatus::planned || date::sys_days{v.date} < date::sys_days{christmas})
      continue;
    for (const StaffId* id : {&v.staff1, &v.staff2}) {
      if (id->empty()) continue;
      const Staff* st = s.find_staff(*id);
      REQUIRE(st);
      CHECK_MESSAGE(st->has_skill("trained"), "visit " << v.id << " to a high-risk person with " << *id);
    }
  }
  CHECK(daytime > 0);
}
