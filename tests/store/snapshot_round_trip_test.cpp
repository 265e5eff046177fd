// write_snapshot then load_snapshot gives back exactly what was written, field by field.
#include <doctest/doctest.h>

#include <map>

#include "store/database.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "store/store_test_support.hpp"

using namespace vb;
using namespace vb::store;
using namespace vb::store::test;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void same(const Staff& a, const Staff& b) {
  CAPTURE(a.id);
  CHECK(a.id == b.id);
  CHECK(a.team_id == b.team_id);
  CHECK(a.name == b.name);
  CHECK(a.initials == b.initials);
  CHECK(a.discipline == b.discipline);
  CHECK(a.skills == b.skills);
  CHECK(a.part_time == b.part_time);
  CHECK(a.active == b.active);
  CHECK(a.roles == b.roles);
}

void same(const Person& a, const Person& b) {
  CAPTURE(a.id);
  CHECK(a.id == b.id);
  CHECK(a.team_id == b.team_id);
  CHECK(a.local_id == b.local_id);
  CHECK(a.nhs_number == b.nhs_number);
  CHECK(a.given_name == b.given_name);
  CHECK(a.family_name == b.family_name);
  CHECK(a.date_of_birth == b.date_of_birth);
  CHECK(a.home_x_km == b.home_x_km);
  CHECK(a.home_y_km == b.home_y_km);
}

void same(const Episode& a, const Episode& b) {
  CAPTURE(a.id);
  CHECK(a.id == b.id);
  CHECK(a.person_id == b.person_id);
  CHECK(a.team_id == b.team_id);
  CHECK(a.referral_at == b.referral_at);
  CHECK(a.accepted_at == b.accepted_at);
  CHECK(a.referral_priority == b.referral_priority);
  CHECK(a.stage == b.stage);
  CHECK(a.zone == b.zone);
  CHECK(a.risk == b.risk);
  CHECK(a.named_worker == b.named_worker);
  CHECK(a.suicide_risk_identified == b.suicide_risk_identified);
  CHECK(a.closed_at == b.closed_at);
  CHECK(a.closure_reason == b.closure_reason);
  CHECK(a.closure_destination == b.closure_destination);
}

void same(const ContactPlan& a, const ContactPlan& b) {
  CAPTURE(a.id);
  CHECK(a.id == b.id);
  CHECK(a.episode_id == b.episode_id);
  CHECK(a.name == b.name);
  CHECK(a.start_date == b.start_date);
  REQUIRE(a.phases.size() == b.phases.size());
  for (size_t i = 0; i < a.phases.size(); ++i) {
    const auto& p = a.phases[i];
    const auto& q = b.phases[i];
    CAPTURE(p.id);
    CHECK(p.id == q.id);
    CHECK(p.plan_id == q.plan_id);
    CHECK(p.sequence == q.sequence);
    CHECK(p.label == q.label);
    CHECK(p.visits_per_day == q.visits_per_day);
    CHECK(p.every_n_days == q.every_n_days);
    CHECK(p.length_days == q.length_days);
    CHECK(p.focus == q.focus);
    CHECK(p.per_week == q.per_week);
    CHECK(p.weekdays == q.weekdays);
    CHECK(p.windows == q.windows);
    CHECK(p.min_visit_min == q.min_visit_min);
  }
}

void same(const RiskReassessment& a, const RiskReassessment& b) {
  CAPTURE(a.id);
  CHECK(a.id == b.id);
  CHECK(a.episode_id == b.episode_id);
  CHECK(a.at == b.at);
  CHECK(a.by == b.by);
  CHECK(a.risk == b.risk);
  CHECK(a.note == b.note);
}

void same(const TransitionRecord& a, const TransitionRecord& b) {
  CAPTURE(a.id);
  CHECK(a.id == b.id);
  CHECK(a.episode_id == b.episode_id);
  CHECK(a.item == b.item);
  CHECK(a.at == b.at);
  CHECK(a.by == b.by);
  CHECK(a.detail == b.detail);
}

void same(const KeyPerson& a, const KeyPerson& b) {
  CAPTURE(a.id);
  CHECK(a.id == b.id);
  CHECK(a.person_id == b.person_id);
  CHECK(a.name == b.name);
  CHECK(a.relationship == b.relationship);
  CHECK(a.contact == b.contact);
  CHECK(a.consent_to_share == b.consent_to_share);
  CHECK(a.ended_at == b.ended_at);
  CHECK(a.ended_by == b.ended_by);
  CHECK(a.end_reason == b.end_reason);
  CHECK(a.end_note == b.end_note);
  REQUIRE(a.versions.size() == b.versions.size());  // session 9: versioned details
  for (size_t i = 0; i < a.versions.size(); ++i) {
    const auto &x = a.versions[i], &y = b.versions[i];
    CHECK(x.id == y.id);
    CHECK(x.effective_at == y.effective_at);
    CHECK(x.recorded_by == y.recorded_by);
    CHECK(x.name == y.name);
    CHECK(x.relationship == y.relationship);
    CHECK(x.contact == y.contact);
    CHECK(x.consent_to_share == y.consent_to_share);
  }
}

void same(const CarerContact& a, const CarerContact& b) {
  CAPTURE(a.id);
  CHECK(a.id == b.id);
  CHECK(a.key_person_id == b.key_person_id);
  CHECK(a.episode_id == b.episode_id);
  CHECK(a.at == b.at);
  CHECK(a.by == b.by);
  CHECK(a.outcome == b.outcome);
  CHECK(a.shared == b.shared);
  CHECK(a.note == b.note);
}

void same(const PlanChange& a, const PlanChange& b) {
  CAPTURE(a.id);
  CHECK(a.id == b.id);
  CHECK(a.episode_id == b.episode_id);
  CHECK(a.at == b.at);
  CHECK(a.by == b.by);
  CHECK(a.kind == b.kind);
  CHECK(a.from_phase == b.from_phase);
  CHECK(a.to_phase == b.to_phase);
  CHECK(a.reason == b.reason);
}

void same(const Visit& a, const Visit& b) {
  CAPTURE(a.id);
  CHECK(a.id == b.id);
  CHECK(a.episode_id == b.episode_id);
  CHECK(a.date == b.date);
  CHECK(a.window_start == b.window_start);
  CHECK(a.window_end == b.window_end);
  CHECK(a.type == b.type);
  CHECK(a.status == b.status);
  CHECK(a.staff1 == b.staff1);
  CHECK(a.staff2 == b.staff2);
  CHECK(a.out_of_hours == b.out_of_hours);
  CHECK(a.double_up == b.double_up);
  CHECK(a.outcome_at == b.outcome_at);
  CHECK(a.reason == b.reason);
  CHECK(a.duration_min == b.duration_min);
  CHECK(a.follow_up_of == b.follow_up_of);
  CHECK(a.required_skills == b.required_skills);
  CHECK(a.plan_slot == b.plan_slot);
  CHECK(a.hand_edited == b.hand_edited);
  CHECK(a.allocated_at == b.allocated_at);
  CHECK(a.allocated_by == b.allocated_by);
}

void same(const Shift& a, const Shift& b) {
  CAPTURE(a.id);
  CHECK(a.id == b.id);
  CHECK(a.staff_id == b.staff_id);
  CHECK(a.team_id == b.team_id);
  CHECK(a.kind == b.kind);
  CHECK(a.date == b.date);
  CHECK(a.start == b.start);
  CHECK(a.end == b.end);
}

void same(const ReviewSlot& a, const ReviewSlot& b) {
  CAPTURE(a.id);
  CHECK(a.id == b.id);
  CHECK(a.reviewer == b.reviewer);
  CHECK(a.start == b.start);
  CHECK(a.length_min == b.length_min);
  CHECK(a.capacity == b.capacity);
}

void same(const Review& a, const Review& b) {
  CAPTURE(a.id);
  CHECK(a.id == b.id);
  CHECK(a.episode_id == b.episode_id);
  CHECK(a.slot_id == b.slot_id);
  CHECK(a.reviewer == b.reviewer);
  CHECK(a.held_at == b.held_at);
  CHECK(a.risk == b.risk);
  CHECK(a.decision == b.decision);
  CHECK(a.rationale == b.rationale);
  CHECK(a.person_told == b.person_told);
  CHECK(a.family_told == b.family_told);
  CHECK(a.next_review_due == b.next_review_due);
  CHECK(a.risk_domains == b.risk_domains);
}

void same(const DecisionLogEntry& a, const DecisionLogEntry& b) {
  CAPTURE(a.id);
  CHECK(a.id == b.id);
  CHECK(a.episode_id == b.episode_id);
  CHECK(a.at == b.at);
  CHECK(a.decided_by == b.decided_by);
  CHECK(a.decision == b.decision);
  CHECK(a.options_considered == b.options_considered);
  CHECK(a.rationale == b.rationale);
  CHECK(a.informed == b.informed);
  CHECK(a.corrects == b.corrects);
}

void same(const SlotPattern& a, const SlotPattern& b) {
  CAPTURE(a.id);
  CHECK(a.id == b.id);
  CHECK(a.reviewer == b.reviewer);
  CHECK(a.weekday == b.weekday);
  CHECK(a.start_minute == b.start_minute);
  CHECK(a.length_min == b.length_min);
  CHECK(a.capacity == b.capacity);
  CHECK(a.from == b.from);
  CHECK(a.until == b.until);
}

void same(const ReviewerLeave& a, const ReviewerLeave& b) {
  CAPTURE(a.id);
  CHECK(a.id == b.id);
  CHECK(a.reviewer == b.reviewer);
  CHECK(a.from == b.from);
  CHECK(a.until == b.until);
  CHECK(a.reason == b.reason);
}

void same(const ReviewBooking& a, const ReviewBooking& b) {
  CAPTURE(a.id);
  CHECK(a.id == b.id);
  CHECK(a.episode_id == b.episode_id);
  CHECK(a.reviewer == b.reviewer);
  CHECK(a.slot_start == b.slot_start);
  CHECK(a.booked_by == b.booked_by);
  CHECK(a.booked_at == b.booked_at);
  CHECK(a.cancelled_at == b.cancelled_at);
}

void same(const RiskChange& a, const RiskChange& b) {
  CAPTURE(a.id);
  CHECK(a.id == b.id);
  CHECK(a.episode_id == b.episode_id);
  CHECK(a.at == b.at);
  CHECK(a.from == b.from);
  CHECK(a.to == b.to);
  CHECK(a.by == b.by);
  CHECK(a.reason == b.reason);
}

void same(const Concern& a, const Concern& b) {
  CAPTURE(a.id);
  CHECK(a.id == b.id);
  CHECK(a.episode_id == b.episode_id);
  CHECK(a.at == b.at);
  CHECK(a.source == b.source);
  CHECK(a.note == b.note);
  CHECK(a.recorded_by == b.recorded_by);
}

void same(const RiskThresholds& a, const RiskThresholds& b) {
  CAPTURE(a.episode_id);
  CHECK(a.episode_id == b.episode_id);
  CHECK(a.narrative == b.narrative);
  CHECK(a.high_risk_over_24h == b.high_risk_over_24h);
  CHECK(a.two_missed_in_a_row == b.two_missed_in_a_row);
  CHECK(a.carer_concern == b.carer_concern);
}

void same(const EscalationAck& a, const EscalationAck& b) {
  CAPTURE(a.id);
  CHECK(a.id == b.id);
  CHECK(a.episode_id == b.episode_id);
  CHECK(a.trigger == b.trigger);
  CHECK(a.fired_at == b.fired_at);
  CHECK(a.by == b.by);
  CHECK(a.at == b.at);
  CHECK(a.note == b.note);
}

template <typename T>
void same_all(const std::vector<T>& a, const std::vector<T>& b) {
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) same(a[i], b[i]);
}

}  // namespace

TEST_CASE("store: write_snapshot then load_snapshot gives back every field of every struct") {
  TempDir dir;
  const Snapshot written = full_snapshot();
  {
    auto db = Database::open(dir.file("round.db"), OpenMode::create_if_missing);
    write_snapshot(db, written);
  }
  auto db = Database::open(dir.file("round.db"), OpenMode::existing);  // from the file, not a cache
  const Snapshot loaded = load_snapshot(db);

  CHECK(loaded.team.id == written.team.id);
  CHECK(loaded.team.name == written.team.name);
  CHECK(loaded.team.time_zone == written.team.time_zone);
  REQUIRE(loaded.zones.size() == written.zones.size());
  for (size_t i = 0; i < written.zones.size(); ++i) {
    CHECK(loaded.zones[i].name == written.zones[i].name);
    CHECK(loaded.zones[i].rank == written.zones[i].rank);
    CHECK(loaded.zones[i].meaning == written.zones[i].meaning);
  }
  same_all(loaded.staff, written.staff);
  same_all(loaded.people, written.people);
  same_all(loaded.episodes, written.episodes);
  same_all(loaded.plans, written.plans);
  same_all(loaded.visits, written.visits);
  same_all(loaded.shifts, written.shifts);
  same_all(loaded.review_slots, written.review_slots);
  same_all(loaded.reviews, written.reviews);
  same_all(loaded.decisions, written.decisions);
  same_all(loaded.slot_patterns, written.slot_patterns);
  same_all(loaded.leave, written.leave);
  same_all(loaded.bookings, written.bookings);
  same_all(loaded.risk_changes, written.risk_changes);
  same_all(loaded.concerns, written.concerns);
  same_all(loaded.thresholds, written.thresholds);
  same_all(loaded.escalation_acks, written.escalation_acks);
  same_all(loaded.reassessments, written.reassessments);
  same_all(loaded.plan_changes, written.plan_changes);
  same_all(loaded.transition_records, written.transition_records);
  same_all(loaded.key_people, written.key_people);
  same_all(loaded.carer_contacts, written.carer_contacts);
  REQUIRE(written.carer_contacts.size() == 2);
  REQUIRE_FALSE(written.transition_records.empty());
  REQUIRE_FALSE(written.reassessments.empty());
  REQUIRE_FALSE(written.plan_changes.empty());
  CHECK(loaded.is_demo == written.is_demo);
  // reindex() ran: lookups work on the loaded snapshot.
  REQUIRE(loaded.find_visit(102) != nullptr);
  CHECK(loaded.find_visit(102)->follow_up_of == Id{101});
  CHECK(loaded.plan_for_episode(10) != nullptr);
  CHECK(loaded.zone() != nullptr);
}

TEST_CASE("store: every field of the model is covered by the round trip (struct sizes as this suite knows them)") {
  // A size change means a field was added to model.hpp: store it (a migration), load it, write it,
  // compare it in the round-trip test above, then update the size here.
  CHECK(sizeof(Team) == 72);
  CHECK(sizeof(ZoneRule) == 72);
  CHECK(sizeof(Staff) == 216);  // roles (staff_role); locked, has_pin, locked_at, sign_in_failures (sign-in tables, not written with a snapshot)
  CHECK(sizeof(Person) == 120);  // given and family name as PackedText (issue 7)
  CHECK(sizeof(Episode) == 96);  // zone and closure words as PackedText, no padding (issue 7)
  CHECK(sizeof(ContactPhase) == 72);  // label, focus PackedText; weekdays, windows CompactVector
  CHECK(sizeof(ContactPlan) == 80);
  CHECK(sizeof(Visit) == 112);  // required_skills CompactVector (issue 7); allocated_at, allocated_by (migration 007); 2-byte plan_slot (s10B)
  CHECK(sizeof(Shift) == 40);  // team_id in 3 bytes (s10B)
  CHECK(sizeof(ReviewSlot) == 32);
  CHECK(sizeof(Review) == 80);  // risk_domains CompactVector
  CHECK(sizeof(DecisionLogEntry) == 176);
  CHECK(sizeof(SlotPattern) == 48);
  CHECK(sizeof(ReviewerLeave) == 56);
  CHECK(sizeof(ReviewBooking) == 64);
  CHECK(sizeof(RiskChange) == 72);
  CHECK(sizeof(Concern) == 96);
  CHECK(sizeof(RiskThresholds) == 48);
  CHECK(sizeof(EscalationAck) == 104);
  CHECK(sizeof(RiskReassessment) == 72);
  CHECK(sizeof(PlanChange) == 160);
  CHECK(sizeof(TransitionRecord) == 48);
  CHECK(sizeof(KeyPerson) == 232);  // session 7: ended_at, ended_by, end_reason, end_note; session 9: versions
  CHECK(sizeof(CarerContact) == 128);
}

TEST_CASE("store: a fresh database loads as an empty snapshot with the default zones") {
  TempDir dir;
  auto db = Database::open(dir.file("fresh.db"), OpenMode::create_if_missing);
  const Snapshot s = load_snapshot(db);
  CHECK(s.people.empty());
  CHECK(s.visits.empty());
  REQUIRE(s.zones.size() == 5);
  CHECK(s.zones[0].name == "red");
  CHECK(s.zones[1].name == "amber");
  CHECK(s.zones[2].name == "green");
  CHECK(s.zones[3].name == "blue");
  CHECK(s.zones[4].name == "black");
  CHECK(contains(s.zones[4].meaning, "ready for discharge"));
  CHECK_FALSE(s.is_demo);
}

TEST_CASE("store: a snapshot marked demo makes a demo database, and an empty zone list keeps the defaults") {
  TempDir dir;
  auto db = Database::open(dir.file("demo.db"), OpenMode::create_if_missing);
  Snapshot s = full_snapshot();
  s.is_demo = true;
  s.zones.clear();
  for (auto& e : s.episodes) e.zone = e.zone == "purple" ? PackedText("blue") : e.zone;
  write_snapshot(db, s);
  CHECK(db.is_demo());
  const Snapshot loaded = load_snapshot(db);
  CHECK(loaded.is_demo);
  CHECK(loaded.zones.size() == 5);
}

TEST_CASE("store: write_snapshot refuses a database that already holds data and writes nothing") {
  TempDir dir;
  auto db = Database::open(dir.file("full.db"), OpenMode::create_if_missing);
  write_snapshot(db, full_snapshot());
  auto message = store_error_of([&] { write_snapshot(db, full_snapshot()); });
  CHECK(contains(message, "already holds data"));
  CHECK(query_int(db.handle(), "SELECT count(*) FROM visit") == 6);
}

TEST_CASE("store: a snapshot that breaks the schema is refused naming table and row, and nothing is written") {
  TempDir dir;
  auto db = Database::open(dir.file("bad.db"), OpenMode::create_if_missing);

  Snapshot bad_nhs = full_snapshot();
  bad_nhs.people[1].nhs_number = "1234567890";
  auto message = store_error_of([&] { write_snapshot(db, bad_nhs); });
  CHECK(contains(message, "table person, row 2"));
  CHECK(contains(message, "nhs_number_valid"));

  Snapshot dangling = full_snapshot();
  dangling.visits[0].follow_up_of = 9999;
  message = store_error_of([&] { write_snapshot(db, dangling); });
  CHECK(contains(message, "table visit, row 100 refers to a visit that does not exist"));

  Snapshot unknown_staff = full_snapshot();
  unknown_staff.visits[2].staff1 = "S77";
  CHECK(contains(store_error_of([&] { write_snapshot(db, unknown_staff); }), "table visit, row 102 refers to a staff"));

  CHECK(query_int(db.handle(), "SELECT count(*) FROM person") == 0);
  CHECK(query_int(db.handle(), "SELECT count(*) FROM zone") == 5);  // the defaults, untouched
}

TEST_CASE("store: a malformed stored value is reported with its table, row and column") {
  TempDir dir;
  const auto path = dir.file("malformed.db");
  auto db = Database::open(path, OpenMode::create_if_missing);
  write_snapshot(db, full_snapshot());

  RawConnection raw(path);  // another program, one that ignores the schema's CHECKs
  REQUIRE(raw.exec("PRAGMA ignore_check_constraints = ON") == SQLITE_OK);
  REQUIRE(raw.exec("UPDATE visit SET window_start = '23/11/2026 09:00' WHERE id = 103") == SQLITE_OK);
  auto message = store_error_of([&] { load_snapshot(db); });
  CHECK(contains(message, "'" + path + "'"));
  CHECK(contains(message, "table visit, row 103, column window_start"));
  CHECK(contains(message, "23/11/2026 09:00"));
  // Opened afresh, quick_check finds the broken row before anything reads it.
  auto at_open = store_error_of([&] { Database::open(path, OpenMode::existing); });
  CHECK(contains(at_open, "holds rows that break the visitboard schema"));
  CHECK(contains(at_open, "visit"));

  REQUIRE(raw.exec("UPDATE visit SET window_start = '2026-11-23T09:00:00Z' WHERE id = 103") == SQLITE_OK);
  REQUIRE(raw.exec("UPDATE episode SET stage = 'sleeping' WHERE id = 11") == SQLITE_OK);
  CHECK(contains(store_error_of([&] { load_snapshot(db); }), "table episode, row 11, column stage: 'sleeping'"));
  REQUIRE(raw.exec("UPDATE episode SET stage = 'closed' WHERE id = 11") == SQLITE_OK);
  REQUIRE(raw.exec("UPDATE team SET time_zone = 'Mars/Olympus' WHERE id = 7") == SQLITE_OK);
  CHECK(contains(store_error_of([&] { load_snapshot(db); }), "table team, row 7, column time_zone"));
  REQUIRE(raw.exec("UPDATE team SET time_zone = 'Europe/London' WHERE id = 7") == SQLITE_OK);
  CHECK(load_snapshot(db).visits.size() == 6);
}

TEST_CASE("store: the slimmer visit and shift rows (s10B) hold every plan slot and team id the store hands them, "
          "and refuse rather than cut a larger one") {
  TempDir dir;
  const auto path = dir.file("slim.db");
  auto db = Database::open(path, OpenMode::create_if_missing);
  write_snapshot(db, full_snapshot());
  RawConnection raw(path);
  REQUIRE(raw.exec("INSERT INTO team (id, name) VALUES (256, 'B'), (65536, 'A'), (16777215, 'Largest'), (16777216, 'Too large')") == SQLITE_OK);

  // Plan slots: none, 0, the largest a row holds; each read back as written, beside its neighbours.
  REQUIRE(raw.exec("UPDATE visit SET plan_slot = NULL WHERE id = 101") == SQLITE_OK);
  REQUIRE(raw.exec("UPDATE visit SET plan_slot = 0, hand_edited = 1, double_up = 1, out_of_hours = 1 WHERE id = 102") == SQLITE_OK);
  REQUIRE(raw.exec("UPDATE visit SET plan_slot = 32767, duration_min = 1000000 WHERE id = 103") == SQLITE_OK);
  REQUIRE(raw.exec("UPDATE shift SET team_id = 16777215 WHERE id = 300") == SQLITE_OK);
  REQUIRE(raw.exec("UPDATE shift SET team_id = 65536 WHERE id = 301") == SQLITE_OK);
  REQUIRE(raw.exec("UPDATE shift SET team_id = 256 WHERE id = 302") == SQLITE_OK);
  {
    const Snapshot s = load_snapshot(db);
    const Visit* none = s.find_visit(101);
    const Visit* zero = s.find_visit(102);
    const Visit* largest = s.find_visit(103);
    REQUIRE(none);
    REQUIRE(zero);
    REQUIRE(largest);
    CHECK_FALSE(none->plan_slot.has_value());
    REQUIRE(zero->plan_slot.has_value());
    CHECK(*zero->plan_slot == 0);
    CHECK(zero->hand_edited == true);
    CHECK(zero->double_up == true);
    CHECK(zero->out_of_hours == true);
    REQUIRE(largest->plan_slot.has_value());
    CHECK(*largest->plan_slot == max_plan_slot);
    CHECK(largest->duration_min == 1000000);
    std::map<Id, Id> team_of;
    for (const Shift& sh : s.shifts) team_of[sh.id] = sh.team_id;
    CHECK(team_of[300] == 16777215);
    CHECK(team_of[301] == 65536);
    CHECK(team_of[302] == 256);
    CHECK(team_of[303] == 7);
  }

  REQUIRE(raw.exec("UPDATE visit SET plan_slot = 32768 WHERE id = 103") == SQLITE_OK);
  auto message = store_error_of([&] { load_snapshot(db); });
  CHECK(contains(message, "table visit, row 103, column plan_slot"));
  CHECK(contains(message, "32768 is not a plan slot"));
  REQUIRE(raw.exec("UPDATE visit SET plan_slot = 32767 WHERE id = 103") == SQLITE_OK);

  REQUIRE(raw.exec("UPDATE shift SET team_id = 16777216 WHERE id = 300") == SQLITE_OK);
  message = store_error_of([&] { load_snapshot(db); });
  CHECK(contains(message, "table shift, row 300, column team_id"));
  CHECK(contains(message, "16777216 is not a team id"));
}

TEST_CASE("store: a team with the largest id a shift row holds writes and reads its shifts value for value (s10B)") {
  TempDir dir;
  Snapshot written = full_snapshot();
  written.team.id = max_packed_team_id;
  for (auto& m : written.staff) m.team_id = max_packed_team_id;
  for (auto& p : written.people) p.team_id = max_packed_team_id;
  for (auto& e : written.episodes) e.team_id = max_packed_team_id;
  for (auto& sh : written.shifts) sh.team_id = max_packed_team_id;
  written.visits[0].plan_slot = max_plan_slot;
  auto db = Database::open(dir.file("largest.db"), OpenMode::create_if_missing);
  write_snapshot(db, written);
  const Snapshot loaded = load_snapshot(db);
  CHECK(loaded.team.id == max_packed_team_id);
  REQUIRE(loaded.shifts.size() == written.shifts.size());
  for (size_t i = 0; i < written.shifts.size(); ++i) same(loaded.shifts[i], written.shifts[i]);
  REQUIRE(loaded.visits.size() == written.visits.size());
  for (size_t i = 0; i < written.visits.size(); ++i) same(loaded.visits[i], written.visits[i]);
}
