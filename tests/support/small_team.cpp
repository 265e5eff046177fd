// The small hand-built team shared by core, report and ui tests.
#include "support/small_team.hpp"

namespace vb::test {

Instant at(const char* local_iso) { return *parse_instant(local_iso, find_zone("Europe/London")); }

void grant_usual_roles(Staff& s) {
  s.roles = {Role::viewer};
  if (s.active) s.roles.push_back(Role::clinician);
  if (s.active && (s.has_skill("senior_reviewer") || s.discipline == "consultant" || s.discipline == "specialty_doctor"))
    s.roles.push_back(Role::senior_reviewer);
}

void grant_usual_roles(Snapshot& s) {
  for (auto& m : s.staff) grant_usual_roles(m);
}

Shift shift(Id id, const char* staff, ShiftKind kind, const char* start, const char* end) {
  Shift s;
  s.id = id;
  s.staff_id = staff;
  s.team_id = 1;
  s.kind = kind;
  s.start = at(start);
  s.end = at(end);
  s.date = local_date_of(s.start, find_zone("Europe/London"));
  return s;
}

namespace {

Staff staff(const char* id, const char* name, const char* initials) {
  Staff s;
  s.id = id;
  s.team_id = 1;
  s.name = name;
  s.initials = initials;
  s.discipline = "nurse";
  s.skills = {"trained"};
  grant_usual_roles(s);
  return s;
}

Person person(Id id, const char* given, const char* family, const char* nhs) {
  Person p;
  p.id = id;
  p.team_id = 1;
  p.local_id = "HT-" + std::to_string(1000 + id);
  p.nhs_number = nhs;
  p.given_name = given;
  p.family_name = family;
  p.date_of_birth = *parse_date("1980-01-01");
  return p;
}

Episode episode(Id id, RiskLevel risk, Stage stage, const char* accepted, const char* worker) {
  Episode e;
  e.id = id;
  e.person_id = id;
  e.team_id = 1;
  e.referral_at = at(accepted) - std::chrono::hours{2};
  e.accepted_at = at(accepted);
  e.stage = stage;
  e.zone = risk == RiskLevel::high ? "red" : "amber";
  e.risk = risk;
  e.named_worker = worker;
  return e;
}

Visit visit(Id id, Id episode, const char* start, const char* end, const char* staff1, VisitStatus status) {
  Visit v;
  v.id = id;
  v.episode_id = episode;
  v.window_start = at(start);
  v.window_end = at(end);
  v.date = local_date_of(v.window_start, find_zone("Europe/London"));
  v.staff1 = staff1;
  v.status = status;
  v.duration_min = 45;
  return v;
}

}  // namespace

Snapshot small_team() {
  Snapshot s;
  s.team = Team{1, "Test Home Treatment Team", "Europe/London"};
  s.zones = {{"red", 0, "acute"}, {"amber", 1, "acute, alternate days"}, {"green", 2, "resolving"}};
  s.staff = {staff("S01", "Sam Ashford", "SA"), staff("S02", "Jo Brook", "JB"), staff("S03", "Kim Carter", "KC")};
  s.people = {person(1, "Ada", "Lovelock", "9990000018"), person(2, "Ben", "Okoro", "9990000026"),
              person(3, "Cat", "Nguyen", "9990000034")};
  s.episodes = {episode(1, RiskLevel::high, Stage::intensive, "2026-11-20T10:00", "S01"),
                episode(2, RiskLevel::medium, Stage::intensive, "2026-11-22T11:00", "S02"),
                episode(3, RiskLevel::low, Stage::step_down, "2026-11-05T09:00", "S01")};
  Visit done = visit(101, 1, "2026-11-23T09:00", "2026-11-23T10:00", "S01", VisitStatus::done);
  done.outcome_at = at("2026-11-23T09:50");
  Visit evening = visit(102, 1, "2026-11-23T17:00", "2026-11-23T19:00", "", VisitStatus::planned);
  evening.out_of_hours = true;
  evening.double_up = true;
  s.visits = {done, evening, visit(201, 2, "2026-11-23T08:00", "2026-11-23T09:00", "S02", VisitStatus::planned),
              visit(301, 3, "2026-11-24T13:00", "2026-11-24T14:00", "S01", VisitStatus::planned)};
  s.shifts = {shift(1, "S01", ShiftKind::early, "2026-11-23T08:00", "2026-11-23T16:00"),
              shift(2, "S02", ShiftKind::early, "2026-11-23T08:00", "2026-11-23T16:00")};
  // Episode 1 was reviewed on acceptance with the next review set for today 15:00;
  // episode 3 was last reviewed 8 days ago and the reviewer set the next for a week later
  // (2026-11-22 10:00: overdue); episode 2 has none yet (first review due 24 h after
  // acceptance: 2026-11-23 11:00, later today).
  Review r1;
  r1.id = 1;
  r1.episode_id = 1;
  r1.reviewer = "S03";
  r1.held_at = at("2026-11-20T15:00");
  r1.next_review_due = at("2026-11-23T15:00");
  Review r3 = r1;
  r3.id = 2;
  r3.episode_id = 3;
  r3.held_at = at("2026-11-15T10:00");
  r3.next_review_due = at("2026-11-22T10:00");
  s.reviews = {r1, r3};
  s.reindex();
  return s;
}

}  // namespace vb::test
