// Reading and writing the step-down columns and tables; every stored value is checked as it is read.
#include "store/step_down_rows.hpp"

#include "core/taper_template.hpp"
#include "store/load_scope.hpp"
#include "store/typed_rows.hpp"

#include <algorithm>
#include <unordered_map>

namespace vb::store {

std::string stored_weekdays(const std::vector<int>& days) {
  std::string out;
  for (size_t i = 0; i < days.size(); ++i) out += (i ? "," : "") + std::to_string(days[i]);
  return out;
}

std::string stored_windows(const std::vector<DayPart>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "," : "") + std::string(to_string(parts[i]));
  return out;
}

std::string stored_list(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) out += (i ? "," : "") + words[i];
  return out;
}

namespace {

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  size_t start = 0;
  for (;;) {
    size_t comma = text.find(',', start);
    out.push_back(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace

void read_step_down_phase(const StoredRow& r, int first, ContactPhase& p) {
  p.per_week = r.small_int(first);
  for (const auto& d : split(r.text(first + 1))) {
    if (d.size() != 1 || d[0] < '1' || d[0] > '7') r.fail(first + 1, "'" + r.text(first + 1) + "' is not a list of weekdays 1-7");
    p.weekdays.push_back(d[0] - '0');
  }
  for (const auto& w : split(r.text(first + 2))) {
    auto part = parse_day_part(w);
    if (!part) r.fail(first + 2, "'" + w + "' is not morning, afternoon or evening");
    p.windows.push_back(*part);
  }
  p.min_visit_min = r.small_int(first + 3);
}

void read_step_down_visit(const StoredRow& r, int first, Visit& v) {
  if (auto slot = r.optional_id(first)) {
    // The schema allows any slot >= 0; a row holds up to max_plan_slot (an index within one day).
    if (*slot < 0 || *slot > max_plan_slot) r.fail(first, std::to_string(*slot) + " is not a plan slot (0-" + std::to_string(max_plan_slot) + ")");
    v.plan_slot = static_cast<std::int16_t>(*slot);
  }
  v.hand_edited = r.boolean(first + 1);
}

void load_step_down(Database& db, Snapshot& s) {
  // The phase columns are read with the phases (load_plans calls read_step_down_phase), a visit's
  // plan slot and hand-edited mark with the visit (load_visits calls read_step_down_visit).
  StoredRow a(db, "risk_reassessment",
              "SELECT id, episode_id, at, by_staff, risk_level, note FROM risk_reassessment" + where_in_scope(s, "risk_reassessment", "at") +
                  " ORDER BY id");
  while (a.next()) {
    s.reassessments.push_back(RiskReassessment{a.integer(0), a.integer(1), a.instant(2), a.text(3),
                                               a.word(4, parse_risk_level, "risk level"), a.text(5)});
  }
  StoredRow c(db, "plan_change",
              "SELECT id, episode_id, at, by_staff, kind, from_phase, to_phase, reason FROM plan_change" +
                  where_in_scope(s, "plan_change", "at") + " ORDER BY id");
  while (c.next()) {
    s.plan_changes.push_back(
        PlanChange{c.integer(0), c.integer(1), c.instant(2), c.text(3), c.text(4), c.text(5), c.text(6), c.text(7)});
  }
  StoredRow t(db, "transition_record",
              "SELECT id, episode_id, item, at, by_staff, detail FROM transition_record" + scoped_rows(s, "transition_record", "at"));
  while (t.next()) {
    s.transition_records.push_back(TransitionRecord{t.integer(0), t.integer(1), t.text(2), t.instant(3), t.text(4), t.text(5)});
  }
  sort_by_id(s.transition_records);
  StoredRow k(db, "key_person",
              "SELECT id, person_id, name, relationship, contact, consent_to_share, ended_at, ended_by, end_reason, end_note "
              "FROM key_person ORDER BY id");
  while (k.next()) {
    KeyPerson row{k.integer(0), k.integer(1), k.text(2), k.text(3), k.text(4), k.boolean(5)};
    row.ended_at = k.optional_instant(6);  // removed (session 7): a soft end
    row.ended_by = k.staff_ref(7);
    row.end_reason = k.text(8);
    row.end_note = k.text(9);
    s.key_people.push_back(std::move(row));
  }
  StoredRow cc(db, "carer_contact",
               "SELECT id, key_person_id, episode_id, at, by_staff, outcome, shared, note FROM carer_contact" +
                   where_in_scope(s, "carer_contact", "at") + " ORDER BY id");
  while (cc.next()) {
    s.carer_contacts.push_back(CarerContact{cc.integer(0), cc.integer(1), cc.integer(2), cc.instant(3), cc.text(4),
                                            cc.text(5), split(cc.text(6)), cc.text(7)});
  }
}

void write_step_down(Database& db, const Snapshot& s) {
  auto phase = db.prepare(
      "UPDATE contact_phase SET per_week = ?1, weekdays = ?2, windows = ?3, min_visit_min = ?4 WHERE id = ?5");
  for (const auto& plan : s.plans)
    for (const auto& p : plan.phases) {
      if (p.per_week == 0 && p.weekdays.empty() && p.windows.empty() && p.min_visit_min == 0) continue;
      phase.bind_int(1, p.per_week).bind_text(2, stored_weekdays(p.weekdays)).bind_text(3, stored_windows(p.windows));
      phase.bind_int(4, p.min_visit_min).bind_int(5, p.id);
      phase.run(table_row("contact_phase", p.id));
    }
  auto visit = db.prepare("UPDATE visit SET plan_slot = ?1, hand_edited = ?2 WHERE id = ?3");
  for (const auto& v : s.visits) {
    if (!v.plan_slot && !v.hand_edited) continue;
    if (v.plan_slot) visit.bind_int(1, *v.plan_slot);
    else visit.bind_null(1);
    bind_bool(visit, 2, v.hand_edited);
    visit.bind_int(3, v.id);
    visit.run(table_row("visit", v.id));
  }
  auto reassessment = db.prepare(
      "INSERT INTO risk_reassessment (id, episode_id, at, by_staff, risk_level, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  for (const auto& r : s.reassessments) {
    reassessment.bind_int(1, r.id).bind_int(2, r.episode_id);
    bind_instant(reassessment, 3, r.at);
    reassessment.bind_text(4, r.by).bind_text(5, to_string(r.risk)).bind_text(6, r.note);
    reassessment.run(table_row("risk_reassessment", r.id));
  }
  auto change = db.prepare(
      "INSERT INTO plan_change (id, episode_id, at, by_staff, kind, from_phase, to_phase, reason) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  for (const auto& c : s.plan_changes) {
    change.bind_int(1, c.id).bind_int(2, c.episode_id);
    bind_instant(change, 3, c.at);
    change.bind_text(4, c.by).bind_text(5, c.kind).bind_text(6, c.from_phase).bind_text(7, c.to_phase);
    change.bind_text(8, c.reason);
    change.run(table_row("plan_change", c.id));
  }
  auto record = db.prepare(
      "INSERT INTO transition_record (id, episode_id, item, at, by_staff, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  for (const auto& r : s.transition_records) {
    record.bind_int(1, r.id).bind_int(2, r.episode_id).bind_text(3, r.item);
    bind_instant(record, 4, r.at);
    record.bind_text(5, r.by).bind_text(6, r.detail);
    record.run(table_row("transition_record", r.id));
  }
  auto key = db.prepare(
      "INSERT INTO key_person (id, person_id, name, relationship, contact, consent_to_share, ended_at, ended_by, end_reason, "
      "end_note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  for (const auto& k : s.key_people) {
    key.bind_int(1, k.id).bind_int(2, k.person_id).bind_text(3, k.name).bind_text(4, k.relationship).bind_text(5, k.contact);
    bind_bool(key, 6, k.consent_to_share);
    if (k.ended_at) bind_instant(key, 7, *k.ended_at);
    else key.bind_null(7);
    if (k.ended_by.empty()) key.bind_null(8);
    else key.bind_text(8, k.ended_by);
    key.bind_text(9, k.end_reason).bind_text(10, k.end_note);
    key.run(table_row("key_person", k.id));
  }
  auto contact = db.prepare(
      "INSERT INTO carer_contact (id, key_person_id, episode_id, at, by_staff, outcome, shared, note) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  for (const auto& c : s.carer_contacts) {
    contact.bind_int(1, c.id).bind_int(2, c.key_person_id).bind_int(3, c.episode_id);
    bind_instant(contact, 4, c.at);
    contact.bind_text(5, c.by).bind_text(6, c.outcome).bind_text(7, stored_list(c.shared)).bind_text(8, c.note);
    contact.run(table_row("carer_contact", c.id));
  }
}

}  // namespace vb::store
