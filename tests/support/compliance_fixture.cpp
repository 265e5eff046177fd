// Builders for hand-counted compliance and outcome fixtures.
#include "support/compliance_fixture.hpp"

#include "support/small_team.hpp"

#include <doctest/doctest.h>

namespace vb::test {

Fixture::Fixture() {
  s.team = Team{1, "Fixture Home Treatment Team", "Europe/London"};
  auto staff = [](const char* id, bool trained) {
    Staff st;
    st.id = id;
    st.team_id = 1;
    st.name = std::string("Staff ") + id;
    st.initials = id;
    st.discipline = trained ? "nurse" : "support_worker";
    if (trained) st.skills = {"trained"};
    return st;
  };
  s.staff = {staff("S01", true), staff("S02", true), staff("S03", false), staff("S04", true)};
}

Episode& Fixture::episode(Id id, const char* accepted, const char* named_worker) {
  Person p;
  p.id = id;
  p.team_id = 1;
  p.local_id = "HT-" + std::to_string(2000 + id);
  p.nhs_number = "9990000018";
  p.given_name = "Person";
  p.family_name = std::to_string(id);
  s.people.push_back(p);
  Episode e;
  e.id = id;
  e.person_id = id;
  e.team_id = 1;
  e.accepted_at = at(accepted);
  e.referral_at = e.accepted_at - std::chrono::hours{2};
  e.named_worker = named_worker;
  e.zone = "red";
  s.episodes.push_back(e);
  return s.episodes.back();
}

Visit& Fixture::visit(Id id, Id episode, const char* start, const char* end, VisitStatus status, const char* outcome_at,
                      const char* staff1) {
  Visit v;
  v.id = id;
  v.episode_id = episode;
  v.window_start = at(start);
  v.window_end = at(end);
  v.date = local_date_of(v.window_start, find_zone("Europe/London"));
  v.status = status;
  if (outcome_at) v.outcome_at = at(outcome_at);
  v.staff1 = staff1;
  v.duration_min = 45;
  s.visits.push_back(v);
  return s.visits.back();
}

Review& Fixture::review(Id id, Id episode, const char* held_at) {
  Review r;
  r.id = id;
  r.episode_id = episode;
  r.reviewer = "S02";
  r.held_at = at(held_at);
  s.reviews.push_back(r);
  return s.reviews.back();
}

Shift& Fixture::night(Id id, const char* staff, const char* day) {
  Shift sh;
  sh.id = id;
  sh.staff_id = staff;
  sh.team_id = 1;
  sh.kind = ShiftKind::night;
  sh.date = *parse_date(day);
  sh.start = local_day_time(sh.date, std::chrono::minutes{21 * 60}, find_zone("Europe/London"));
  sh.end = local_day_time(LocalDate{date::sys_days{sh.date} + date::days{1}}, std::chrono::minutes{7 * 60 + 30},
                          find_zone("Europe/London"));
  s.shifts.push_back(sh);
  return s.shifts.back();
}

void Fixture::close(Id episode, const char* when, const char* destination) {
  for (auto& e : s.episodes)
    if (e.id == episode) {
      e.closed_at = at(when);
      e.stage = Stage::closed;
      e.closure_destination = destination;
      e.closure_reason = std::string(destination) == "inpatient" ? "admitted" : "resolved";
    }
}

Snapshot& Fixture::done() {
  s.reindex();
  return s;
}

MeasureFigure figure(const Snapshot& s, const char* id, const char* from, const char* to, const char* now) {
  const auto rules = default_compliance_rules();
  const MeasureRule* rule = rules.find(id);
  REQUIRE(rule != nullptr);
  return compute_measure(s, *rule, *parse_date(from), *parse_date(to), at(now));
}

}  // namespace vb::test
