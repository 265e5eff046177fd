// Temp folders, the full synthetic snapshot and raw connections for the store suites.
#include "store/store_test_support.hpp"

#include <doctest/doctest.h>

#include "core/nhs_number.hpp"
#include "support/phase_fixture.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace vb::store::test {

namespace fs = std::filesystem;

AuditRow audit_row(Database& db, Id id) {
  auto st = db.prepare(
      "SELECT at, by_staff, command, entity, entity_id, before_json, after_json FROM audit_log WHERE id = ?1");
  st.bind_int(1, id);
  REQUIRE(st.step());
  return AuditRow{st.column_text(0), st.column_text(1), st.column_text(2), st.column_text(3), st.column_text(4),
                  nlohmann::json::parse(st.column_text(5)), nlohmann::json::parse(st.column_text(6))};
}

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "vb-store-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temp folder from " + pattern);
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string synthetic_nhs_number(int n) {
  for (int stem = n;; ++stem) {
    std::string nine = "999" + std::string(6 - std::to_string(stem).size(), '0') + std::to_string(stem);
    int check = nhs_check_digit(nine);
    if (check >= 0) return nine + std::to_string(check);
  }
}

Instant utc(const char* text) { return parse_stored_utc(text); }

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

RawConnection::RawConnection(const std::string& path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    throw std::runtime_error("raw open failed: " + std::string(sqlite3_errmsg(db_)));
  }
  sqlite3_busy_timeout(db_, 5000);
  sqlite3_exec(db_, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
}

RawConnection::~RawConnection() { sqlite3_close_v2(db_); }

int RawConnection::exec(const std::string& sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
  error_ = message ? message : "";
  sqlite3_free(message);
  return rc;
}

long long RawConnection::query_int(const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    throw std::runtime_error("raw prepare failed: " + std::string(sqlite3_errmsg(db_)));
  }
  long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
  sqlite3_finalize(st);
  return v;
}

std::string rows_of(RawConnection& raw, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(raw.handle(), sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    throw std::runtime_error("raw prepare failed: " + std::string(sqlite3_errmsg(raw.handle())));
  }
  std::string out;
  while (sqlite3_step(st) == SQLITE_ROW) {
    for (int i = 0; i < sqlite3_column_count(st); ++i) {
      const auto* t = sqlite3_column_text(st, i);
      out += (i ? "|" : "") + (t ? std::string(reinterpret_cast<const char*>(t)) : std::string("NULL"));
    }
    out += "\n";
  }
  sqlite3_finalize(st);
  return out;
}

namespace {

// A phase by its first fields in their old declaration order (ContactPhase is reordered, issue 7).
ContactPhase phase(Id id, Id plan_id, int sequence, const char* label, int visits_per_day, int every_n_days,
                   int length_days, const char* focus) {
  return phase_of(id, plan_id, sequence, label, visits_per_day, every_n_days, length_days, focus);
}

LocalDate day(const char* text) { return *parse_date(text); }

void add_staff(Snapshot& s) {
  Staff a;
  a.id = "S01";
  a.team_id = 7;
  a.name = "Aoife Brennan";
  a.initials = "AB";
  a.discipline = "nurse";
  a.skills = {"trained", "driver", "prescriber"};  // not alphabetical: order must survive
  a.part_time = true;
  a.active = true;
  Staff b;
  b.id = "S02";
  b.team_id = 7;
  b.name = "Dr Kwame Mensah";
  b.initials = "KM";
  b.discipline = "consultant";
  b.skills = {"senior_reviewer"};
  b.part_time = false;
  b.active = false;
  Staff c;
  c.id = "S03";
  c.team_id = 7;
  c.name = "Jo Lee";
  c.initials = "JL";
  c.discipline = "support_worker";
  a.roles = {Role::viewer, Role::clinician};
  b.roles = {Role::viewer, Role::senior_reviewer, Role::manager};
  c.roles = {Role::viewer, Role::clinician, Role::coordinator};
  s.staff = {a, b, c};
}

void add_people_and_episodes(Snapshot& s) {
  Person p1{1, 7, "HT-1042", synthetic_nhs_number(101), "Zoë", "O'Brien-Łukasz", day("1984-02-29"), -3.25, 12.5};
  Person p2{2, 7, "HT-1043", "", "Sam", "Smith", day("2001-12-31"), 0.125, -0.5};  // NHS number not yet known
  s.people = {p1, p2};

  Episode e1;
  e1.id = 10;
  e1.person_id = 1;
  e1.team_id = 7;
  e1.referral_at = utc("2026-11-01T22:15:00Z");
  e1.accepted_at = utc("2026-11-02T01:05:30Z");
  e1.referral_priority = 4;
  e1.stage = Stage::step_down;
  e1.zone = "amber";
  e1.risk = RiskLevel::high;
  e1.named_worker = "S01";
  e1.suicide_risk_identified = true;
  Episode e2;
  e2.id = 11;
  e2.person_id = 2;
  e2.team_id = 7;
  e2.referral_at = utc("2026-03-29T00:59:59Z");
  e2.accepted_at = utc("2026-03-29T01:00:00Z");
  e2.referral_priority = 1;
  e2.stage = Stage::closed;
  e2.zone = "";  // no zone set
  e2.risk = RiskLevel::low;
  e2.named_worker = "";
  e2.closed_at = utc("2026-04-20T16:00:00Z");
  e2.closure_reason = "admitted";
  e2.closure_destination = "inpatient";
  Episode e3 = e1;
  e3.id = 12;
  e3.stage = Stage::handover;
  e3.risk = RiskLevel::medium;
  e3.zone = "purple";
  e3.suicide_risk_identified = false;
  Episode e4 = e1;
  e4.id = 13;
  e4.stage = Stage::intensive;
  e4.zone = "red";
  s.episodes = {e1, e2, e3, e4};

  ContactPlan plan{20, 10, "4-week taper", day("2026-11-02"), {}};
  plan.phases.push_back(phase(201, 20, 1, "Twice daily", 2, 0, 3, "stabilise"));
  plan.phases.push_back(phase(202, 20, 2, "Alternate days", 0, 2, 14, "self-management"));
  ContactPlan empty{21, 11, "no phases yet", day("2026-04-01"), {}};
  s.plans = {plan, empty};
}

Visit visit(Id id, VisitStatus status, VisitType type) {
  Visit v;
  v.id = id;
  v.episode_id = 10;
  v.date = day("2026-11-23");
  v.window_start = utc("2026-11-23T09:00:00Z");
  v.window_end = utc("2026-11-23T10:00:00Z");
  v.type = type;
  v.status = status;
  v.duration_min = 45;
  return v;
}

void add_visits_and_shifts(Snapshot& s) {
  Visit done = visit(100, VisitStatus::done, VisitType::home);
  done.staff1 = "S01";
  done.staff2 = "S03";
  done.double_up = true;
  done.outcome_at = utc("2026-11-23T09:50:00Z");
  done.allocated_at = utc("2026-11-22T16:40:00Z");  // migration 007
  done.allocated_by = "S02";
  Visit no_access = visit(101, VisitStatus::no_access, VisitType::phone);
  no_access.staff1 = "S01";
  no_access.out_of_hours = true;
  no_access.outcome_at = utc("2026-11-23T10:10:00Z");
  no_access.reason = "no answer — left a card";
  Visit follow_up = visit(102, VisitStatus::planned, VisitType::video);
  follow_up.date = day("2026-11-24");
  follow_up.window_start = utc("2026-11-23T23:30:00Z");
  follow_up.window_end = utc("2026-11-24T00:30:00Z");
  follow_up.follow_up_of = 101;
  follow_up.required_skills = {"trained", "prescriber"};  // not alphabetical: order must survive
  Visit forward = visit(103, VisitStatus::cancelled_by_team, VisitType::clinic);
  forward.follow_up_of = 104;  // points at a later row
  forward.reason = "staff sickness";
  forward.outcome_at = utc("2026-11-23T07:00:00Z");
  Visit moved = visit(104, VisitStatus::rescheduled, VisitType::home);
  moved.reason = "moved to the afternoon";
  moved.outcome_at = utc("2026-11-23T08:00:00Z");
  moved.duration_min = 0;
  Visit cancelled = visit(105, VisitStatus::cancelled_by_person, VisitType::home);
  cancelled.reason = "at a friend's";
  cancelled.outcome_at = utc("2026-11-23T08:15:00Z");
  cancelled.episode_id = 13;
  s.visits = {done, no_access, follow_up, forward, moved, cancelled};

  s.shifts = {
      Shift{300, "S01", utc("2026-11-23T07:00:00Z"), utc("2026-11-23T15:00:00Z"), day("2026-11-23"), 7, ShiftKind::early},
      Shift{301, "S03", utc("2026-11-23T14:00:00Z"), utc("2026-11-23T22:00:00Z"), day("2026-11-23"), 7, ShiftKind::late},
      Shift{302, "S03", utc("2026-11-24T16:00:00Z"), utc("2026-11-25T00:00:00Z"), day("2026-11-24"), 7, ShiftKind::twilight},
      // The October change night: 20:00 BST to 08:00 GMT is 13 hours.
      Shift{303, "S01", utc("2026-10-24T19:00:00Z"), utc("2026-10-25T08:00:00Z"), day("2026-10-24"), 7, ShiftKind::night},
  };
}

void add_reviews(Snapshot& s) {
  s.review_slots = {ReviewSlot{400, "S02", utc("2026-11-23T13:00:00Z"), 45, 2},
                    ReviewSlot{401, "S02", utc("2026-11-24T13:00:00Z"), 30, 0}};
  Review r1;
  r1.id = 500;
  r1.episode_id = 10;
  r1.slot_id = 400;
  r1.reviewer = "S02";
  r1.held_at = utc("2026-11-23T13:10:00Z");
  r1.risk = RiskLevel::high;
  r1.decision = "step_down";
  r1.rationale = "settling; family present \"most evenings\"";
  r1.person_told = true;
  r1.family_told = false;
  r1.next_review_due = utc("2026-11-30T13:00:00Z");
  r1.risk_domains = {"safeguarding", "self_harm_suicide"};  // not alphabetical: order must survive
  Review r2;
  r2.id = 501;
  r2.episode_id = 11;
  r2.reviewer = "S02";
  r2.held_at = utc("2026-04-10T09:00:00Z");
  r2.risk = RiskLevel::medium;
  r2.decision = "admit";
  r2.person_told = false;
  r2.family_told = true;
  s.reviews = {r1, r2};

  DecisionLogEntry d1{600, 10, utc("2026-11-23T13:20:00Z"), "S02", "step down", "continue; step down",
                      "two settled days", "person, mother", std::nullopt};
  DecisionLogEntry d2{601, 10, utc("2026-11-23T13:40:00Z"), "S01", "step down from tomorrow", "", "date was wrong", "",
                      Id{600}};
  s.decisions = {d1, d2};
}

void add_senior_review(Snapshot& s) {
  s.slot_patterns = {SlotPattern{700, "S02", 2, 9 * 60, 45, 2, day("2026-11-03"), day("2027-03-30")},
                     SlotPattern{701, "S02", 7, 23 * 60 + 59, 30, 0, day("2026-10-01"), std::nullopt}};
  s.leave = {ReviewerLeave{710, "S02", day("2026-12-24"), day("2027-01-02"), "annual leave — Christmas"},
             ReviewerLeave{711, "S02", day("2026-11-30"), day("2026-11-30"), ""}};
  s.bookings = {ReviewBooking{720, 10, "S02", utc("2026-11-24T13:00:00Z"), "S01", utc("2026-11-22T09:00:00Z"),
                              std::nullopt},
                ReviewBooking{721, 13, "S02", utc("2026-11-23T13:00:00Z"), "S03", utc("2026-11-20T16:45:10Z"),
                              utc("2026-11-21T08:00:00Z")}};
  s.risk_changes = {RiskChange{730, 10, utc("2026-11-21T14:00:00Z"), RiskLevel::medium, RiskLevel::high, "S01",
                               "disclosed a plan"},
                    RiskChange{731, 11, utc("2026-04-10T09:00:00Z"), RiskLevel::high, RiskLevel::low, "S02", ""}};
  s.concerns = {Concern{740, 10, utc("2026-11-22T19:30:00Z"), "carer", "mother rang: \"not eating\"", "S03"},
                Concern{741, 13, utc("2026-11-23T02:10:00Z"), "police", "", "S01"}};
  s.thresholds = {RiskThresholds{10, "admit if she cannot keep herself safe overnight", true, false, true},
                  RiskThresholds{13, "", false, true, false}};
  s.escalation_acks = {EscalationAck{750, 10, "high_risk_over_24h", utc("2026-11-22T14:00:00Z"), "S02",
                                     utc("2026-11-22T14:20:00Z"), "discussed with the consultant"},
                       EscalationAck{751, 10, "carer_concern", utc("2026-11-22T19:30:00Z"), "S01",
                                     utc("2026-11-22T23:05:00Z"), ""}};
}

}  // namespace

// Step-down (migration 006): weekly phases with windows, plan slots, hand edits, reassessments, plan changes.
void add_step_down(Snapshot& s) {
  ContactPhase weekly = phase(203, 20, 3, "Twice weekly", 0, 0, 14, "handover planning");
  weekly.per_week = 2;
  weekly.weekdays = {1, 4};
  weekly.windows = {DayPart::afternoon};
  weekly.min_visit_min = 30;
  s.plans[0].phases[0].windows = {DayPart::morning, DayPart::evening};
  s.plans[0].phases.push_back(weekly);
  s.visits[0].plan_slot = 1;
  s.visits[1].hand_edited = true;
  s.visits[1].plan_slot = 0;
  s.reassessments = {RiskReassessment{900, 10, utc("2026-11-22T10:00:00Z"), "S02", RiskLevel::low, "settled; safety plan updated"}};
  s.plan_changes = {PlanChange{950, 10, utc("2026-11-22T10:30:00Z"), "S02", "step_down", "Twice daily", "Alternate days",
                               "risk reassessed by S02"}};
  s.transition_records = {TransitionRecord{960, 10, "safety_plan_updated", utc("2026-11-22T11:00:00Z"), "S02", "v2 — crisis line added"},
                          TransitionRecord{961, 10, "lives_alone", utc("2026-11-02T02:00:00Z"), "S01", ""}};
  s.key_people = {KeyPerson{970, 1, "Mária Ó Súilleabháin", "mother", "07700 900123", true},
                  KeyPerson{971, 1, "Sam", "friend", "", false},
                  // Removed (session 7): a soft end with when, who and why.
                  KeyPerson{972, 1, "Zoë O'Brien-Núñez", "sister", "07700 900456", true, utc("2026-11-22T09:00:00Z"), "S02",
                            "other", "moved abroad"}};
  // Versioned details (session 9): 970 had no consent when added and gave it later; 972's first
  // version was carried over from before versioning (no instant, nobody named); 971 has none.
  s.key_people[0].versions = {
      KeyPersonVersion{990, utc("2026-11-01T10:00:00Z"), "S01", "Mária Ó Súilleabháin", "mother", "", false},
      KeyPersonVersion{991, utc("2026-11-20T09:15:00Z"), "S02", "Mária Ó Súilleabháin", "mother", "07700 900123", true}};
  s.key_people[2].versions = {KeyPersonVersion{992, std::nullopt, {}, "Zoë O'Brien-Núñez", "sister", "07700 900456", true}};
  s.carer_contacts = {CarerContact{980, 970, 10, utc("2026-11-21T18:00:00Z"), "S01", "reached",
                                   {"rationale", "step_down"}, "explained the change"},
                      CarerContact{981, 971, 10, utc("2026-11-21T18:10:00Z"), "S02", "no_answer", {}, ""}};
}

Snapshot full_snapshot() {
  Snapshot s;
  s.team = Team{7, "Northside Home Treatment", "Europe/London"};
  // Replaces the seeded defaults; ordered by rank as the loader returns them.
  s.zones = {ZoneRule{"red", 0, "acute: daily contact"}, ZoneRule{"amber", 1, "alternate days"},
             ZoneRule{"green", 2, "resolving"}, ZoneRule{"purple", 3, "jointly worked (renamed blue)"}};
  add_staff(s);
  add_people_and_episodes(s);
  add_visits_and_shifts(s);
  add_reviews(s);
  add_senior_review(s);
  add_step_down(s);
  s.reindex();
  return s;
}

const char* const record_tables[8] = {"decision_log", "audit_log", "risk_change", "concern",
                                     "escalation_ack", "risk_reassessment", "transition_record", "carer_contact"};

void drop_migration_012_triggers(RawConnection& raw) {
  for (const char* table : record_tables) {
    const std::string sql = std::string("DROP TRIGGER ") + table + "_is_never_deleted";
    if (raw.exec(sql) != SQLITE_OK) throw StoreError(sql + ": " + raw.error());
  }
}

}  // namespace vb::store::test
