// Bulk insert of a snapshot: one transaction, one prepared statement per table, reused per row.
#include "store/snapshot_writer.hpp"

#include "store/access_rows.hpp"
#include "store/senior_review_rows.hpp"
#include "store/allocation_rows.hpp"
#include "store/step_down_rows.hpp"
#include "store/key_person_version_rows.hpp"
#include "store/visit_allocation_rows.hpp"
#include "store/typed_rows.hpp"

namespace vb::store {

namespace {

void require_empty(Database& db) {
  for (const char* table : {"team", "staff", "person", "episode", "visit"}) {
    auto st = db.prepare("SELECT EXISTS (SELECT 1 FROM " + std::string(table) + ")");
    if (st.step() && st.column_int(0) != 0) {
      throw StoreError(in_quotes(db.path()) + " already holds data (table " + table +
                       "); a whole snapshot is written only into an empty database");
    }
  }
}

void write_people_side(Database& db, const Snapshot& s) {
  auto team = db.prepare("INSERT INTO team (id, name, time_zone) VALUES (?1, ?2, ?3)");
  team.bind_int(1, s.team.id).bind_text(2, s.team.name).bind_text(3, s.team.time_zone);
  team.run(table_row("team", s.team.id));

  if (!s.zones.empty()) {
    db.exec("DELETE FROM zone", "replacing the default zones");
    auto zone = db.prepare("INSERT INTO zone (name, rank, meaning) VALUES (?1, ?2, ?3)");
    for (const auto& z : s.zones) {
      zone.bind_text(1, z.name).bind_int(2, z.rank).bind_text(3, z.meaning);
      zone.run(table_row("zone", z.name));
    }
  }

  auto staff = db.prepare(
      "INSERT INTO staff (id, team_id, name, initials, discipline, part_time, active) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  auto skill = db.prepare("INSERT INTO staff_skill (staff_id, skill, seq) VALUES (?1, ?2, ?3)");
  for (const auto& m : s.staff) {
    staff.bind_text(1, m.id).bind_int(2, m.team_id).bind_text(3, m.name).bind_text(4, m.initials);
    staff.bind_text(5, m.discipline);
    bind_bool(staff, 6, m.part_time);
    bind_bool(staff, 7, m.active);
    staff.run(table_row("staff", m.id));
    for (size_t i = 0; i < m.skills.size(); ++i) {
      skill.bind_text(1, m.id).bind_text(2, m.skills[i]).bind_int(3, static_cast<std::int64_t>(i));
      skill.run(table_row("staff_skill", m.id + " '" + m.skills[i] + "'"));
    }
  }

  auto person = db.prepare(
      "INSERT INTO person (id, team_id, local_id, nhs_number, given_name, family_name, date_of_birth, "
      "home_x_km, home_y_km) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  for (const auto& p : s.people) {
    person.bind_int(1, p.id).bind_int(2, p.team_id).bind_text(3, p.local_id);
    bind_text_or_null(person, 4, p.nhs_number);
    person.bind_text(5, p.given_name).bind_text(6, p.family_name);
    bind_date(person, 7, p.date_of_birth);
    person.bind_double(8, p.home_x_km).bind_double(9, p.home_y_km);
    person.run(table_row("person", p.id));
  }

  auto episode = db.prepare(
      "INSERT INTO episode (id, person_id, team_id, referral_at, accepted_at, referral_priority, stage, zone, "
      "risk_level, named_worker, suicide_risk_identified, closed_at, closure_reason, closure_destination) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
  for (const auto& e : s.episodes) {
    episode.bind_int(1, e.id).bind_int(2, e.person_id).bind_int(3, e.team_id);
    bind_instant(episode, 4, e.referral_at);
    bind_instant(episode, 5, e.accepted_at);
    episode.bind_int(6, e.referral_priority).bind_text(7, to_string(e.stage));
    bind_text_or_null(episode, 8, e.zone);
    episode.bind_text(9, to_string(e.risk));
    bind_text_or_null(episode, 10, e.named_worker);
    bind_bool(episode, 11, e.suicide_risk_identified);
    bind_optional_instant(episode, 12, e.closed_at);
    episode.bind_text(13, e.closure_reason).bind_text(14, e.closure_destination);
    episode.run(table_row("episode", e.id));
  }
}

void write_care(Database& db, const Snapshot& s) {
  auto plan = db.prepare("INSERT INTO contact_plan (id, episode_id, name, start_date) VALUES (?1, ?2, ?3, ?4)");
  auto phase = db.prepare(
      "INSERT INTO contact_phase (id, plan_id, sequence, label, visits_per_day, every_n_days, length_days, focus) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  for (const auto& p : s.plans) {
    plan.bind_int(1, p.id).bind_int(2, p.episode_id).bind_text(3, p.name);
    bind_date(plan, 4, p.start_date);
    plan.run(table_row("contact_plan", p.id));
    for (const auto& ph : p.phases) {
      phase.bind_int(1, ph.id).bind_int(2, p.id).bind_int(3, ph.sequence).bind_text(4, ph.label);
      phase.bind_int(5, ph.visits_per_day).bind_int(6, ph.every_n_days).bind_int(7, ph.length_days);
      phase.bind_text(8, ph.focus);
      phase.run(table_row("contact_phase", ph.id));
    }
  }

  auto visit = db.prepare(
      "INSERT INTO visit (id, episode_id, local_date, window_start, window_end, type, status, staff1, staff2, "
      "out_of_hours, double_up, outcome_at, reason, duration_min, follow_up_of) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
  for (const auto& v : s.visits) {
    visit.bind_int(1, v.id).bind_int(2, v.episode_id);
    bind_date(visit, 3, v.date);
    bind_instant(visit, 4, v.window_start);
    bind_instant(visit, 5, v.window_end);
    visit.bind_text(6, to_string(v.type)).bind_text(7, to_string(v.status));
    bind_text_or_null(visit, 8, v.staff1);
    bind_text_or_null(visit, 9, v.staff2);
    bind_bool(visit, 10, v.out_of_hours);
    bind_bool(visit, 11, v.double_up);
    bind_optional_instant(visit, 12, v.outcome_at);
    visit.bind_text(13, v.reason).bind_int(14, v.duration_min);
    bind_optional_id(visit, 15, v.follow_up_of);
    visit.run(table_row("visit", v.id));
  }

  auto shift = db.prepare(
      "INSERT INTO shift (id, staff_id, team_id, kind, local_date, starts_at, ends_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  for (const auto& sh : s.shifts) {
    shift.bind_int(1, sh.id).bind_text(2, sh.staff_id).bind_int(3, sh.team_id).bind_text(4, to_string(sh.kind));
    bind_date(shift, 5, sh.date);
    bind_instant(shift, 6, sh.start);
    bind_instant(shift, 7, sh.end);
    shift.run(table_row("shift", sh.id));
  }
}

void write_reviews(Database& db, const Snapshot& s) {
  auto slot = db.prepare(
      "INSERT INTO review_slot (id, reviewer, starts_at, length_min, capacity) VALUES (?1, ?2, ?3, ?4, ?5)");
  for (const auto& sl : s.review_slots) {
    slot.bind_int(1, sl.id).bind_text(2, sl.reviewer);
    bind_instant(slot, 3, sl.start);
    slot.bind_int(4, sl.length_min).bind_int(5, sl.capacity);
    slot.run(table_row("review_slot", sl.id));
  }

  auto review = db.prepare(
      "INSERT INTO review (id, episode_id, slot_id, reviewer, held_at, risk_level, decision, rationale, "
      "person_told, family_told, next_review_due) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  for (const auto& r : s.reviews) {
    review.bind_int(1, r.id).bind_int(2, r.episode_id);
    bind_optional_id(review, 3, r.slot_id);
    review.bind_text(4, r.reviewer);
    bind_instant(review, 5, r.held_at);
    review.bind_text(6, to_string(r.risk)).bind_text(7, r.decision).bind_text(8, r.rationale);
    bind_bool(review, 9, r.person_told);
    bind_bool(review, 10, r.family_told);
    bind_optional_instant(review, 11, r.next_review_due);
    review.run(table_row("review", r.id));
  }

  auto decision = db.prepare(
      "INSERT INTO decision_log (id, episode_id, at, decided_by, decision, options_considered, rationale, "
      "informed, corrects) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  for (const auto& d : s.decisions) {
    decision.bind_int(1, d.id).bind_int(2, d.episode_id);
    bind_instant(decision, 3, d.at);
    decision.bind_text(4, d.decided_by).bind_text(5, d.decision).bind_text(6, d.options_considered);
    decision.bind_text(7, d.rationale).bind_text(8, d.informed);
    bind_optional_id(decision, 9, d.corrects);
    decision.run(table_row("decision_log", d.id));
  }
}

// Foreign keys are checked at the end (rows may point forward, e.g. follow_up_of); name the first
// broken one instead of SQLite's bare "FOREIGN KEY constraint failed" at COMMIT.
void check_references(Database& db) {
  auto st = db.prepare("PRAGMA foreign_key_check");
  if (!st.step("checking references")) return;
  std::string table = st.column_text(0);
  std::string rowid = st.column_is_null(1) ? "?" : st.column_text(1);
  throw StoreError(in_quotes(db.path()) + ": " + table_row(table, rowid) + " refers to a " + st.column_text(2) +
                   " that does not exist; nothing was written");
}

}  // namespace

void write_snapshot(Database& db, const vb::Snapshot& snapshot) {
  Transaction tx(db);
  require_empty(db);
  db.exec("PRAGMA defer_foreign_keys = ON");
  write_people_side(db, snapshot);
  write_care(db, snapshot);
  write_reviews(db, snapshot);
  write_senior_review(db, snapshot);
  write_access(db, snapshot);
  write_allocation(db, snapshot);
  write_step_down(db, snapshot);
  write_key_person_versions(db, snapshot);  // session 9: after key_person
  write_visit_allocation(db, snapshot);
  check_references(db);
  if (snapshot.is_demo) db.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('demo', '1')", "marking demo");
  tx.commit();
}

}  // namespace vb::store
