// The SQL of imports: upserts of staff (with skills), people, episodes and shifts, the import_key
// rows that make re-imports idempotent, and an audit row for each change.
#include "store/import_writer.hpp"

#include "store/stored_form.hpp"

#include <nlohmann/json.hpp>

namespace vb::store {

namespace {

using Json = nlohmann::ordered_json;

Json opt_text(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json role_words(const std::vector<Role>& roles) {
  Json out = Json::array();
  for (Role r : roles) out.push_back(to_string(r));
  return out;
}

Json to_json(const Staff& s) {
  return {{"id", s.id}, {"name", s.name}, {"initials", s.initials}, {"discipline", s.discipline},
          {"skills", s.skills}, {"part_time", s.part_time}, {"active", s.active}, {"roles", role_words(s.roles)}};
}
Json to_json(const Person& p) {
  return {{"local_id", p.local_id}, {"nhs_number", opt_text(p.nhs_number)}, {"given_name", p.given_name},
          {"family_name", p.family_name}, {"date_of_birth", stored_date(p.date_of_birth)}};
}
Json to_json(const Episode& e) {
  return {{"referral_at", stored_instant(e.referral_at)}, {"accepted_at", stored_instant(e.accepted_at)},
          {"referral_priority", e.referral_priority}, {"risk_level", to_string(e.risk)},
          {"named_worker", opt_text(e.named_worker)}, {"zone", opt_text(e.zone)}};
}
Json to_json(const Shift& s) {
  return {{"staff_id", s.staff_id}, {"kind", to_string(s.kind)}, {"local_date", stored_date(s.date)},
          {"starts_at", stored_instant(s.start)}, {"ends_at", stored_instant(s.end)}};
}

void bind_text_or_null(Statement& st, int i, const std::string& s) {
  if (s.empty()) st.bind_null(i);
  else st.bind_text(i, s);
}

class Writer {
 public:
  Writer(Database& db, const ImportWrites& w, Instant at, const std::string& by)
      : db_(db), command_("import_" + w.source), at_(stored_instant(at)), by_(by),
        audit_(db.prepare("INSERT INTO audit_log (at, by_staff, command, entity, entity_id, before_json, after_json) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")) {}

  template <class T>
  void audit(std::string_view entity, const std::string& id, const Upsert<T>& u) {
    audit_.bind_text(1, at_).bind_text(2, by_).bind_text(3, command_).bind_text(4, entity).bind_text(5, id);
    audit_.bind_text(6, u.before ? to_json(*u.before).dump() : "null").bind_text(7, to_json(u.after).dump());
    audit_.run("writing the audit row for " + std::string(entity) + " " + id);
    ids.push_back(sqlite3_last_insert_rowid(db_.handle()));
  }

  void staff(const Upsert<Staff>& u) {
    const Staff& s = u.after;
    auto st = db_.prepare(u.before ? "UPDATE staff SET name = ?2, initials = ?3, discipline = ?4, part_time = ?5, active = ?6 WHERE id = ?1"
                                   : "INSERT INTO staff (id, team_id, name, initials, discipline, part_time, active) "
                                     "VALUES (?1, (SELECT min(id) FROM team), ?2, ?3, ?4, ?5, ?6)");
    st.bind_text(1, s.id).bind_text(2, s.name).bind_text(3, s.initials).bind_text(4, s.discipline);
    st.bind_int(5, s.part_time ? 1 : 0).bind_int(6, s.active ? 1 : 0);
    st.run("staff " + s.id);
    auto clear = db_.prepare("DELETE FROM staff_skill WHERE staff_id = ?1");
    clear.bind_text(1, s.id).run("skills of staff " + s.id);
    auto skill = db_.prepare("INSERT INTO staff_skill (staff_id, skill, seq) VALUES (?1, ?2, ?3)");
    for (std::size_t i = 0; i < s.skills.size(); ++i) {
      skill.bind_text(1, s.id).bind_text(2, s.skills[i]).bind_int(3, static_cast<std::int64_t>(i));
      skill.run("skill '" + s.skills[i] + "' of staff " + s.id);
    }
    // Roles (issue 7): the planner gives every row its roles (from the file, kept, or viewer for a new person).
    auto no_roles = db_.prepare("DELETE FROM staff_role WHERE staff_id = ?1");
    no_roles.bind_text(1, s.id).run("roles of staff " + s.id);
    auto role = db_.prepare("INSERT INTO staff_role (staff_id, role) VALUES (?1, ?2)");
    for (Role r : s.roles) {
      role.bind_text(1, s.id).bind_text(2, to_string(r));
      role.run("role '" + std::string(to_string(r)) + "' of staff " + s.id);
    }
    audit("staff", s.id, u);
  }

  void person(const Upsert<Person>& u) {
    const Person& p = u.after;
    auto st = db_.prepare(u.before ? "UPDATE person SET nhs_number = ?2, given_name = ?3, family_name = ?4, date_of_birth = ?5 WHERE local_id = ?1"
                                   : "INSERT INTO person (team_id, local_id, nhs_number, given_name, family_name, date_of_birth) "
                                     "VALUES ((SELECT min(id) FROM team), ?1, ?2, ?3, ?4, ?5)");
    st.bind_text(1, p.local_id);
    bind_text_or_null(st, 2, p.nhs_number);
    st.bind_text(3, p.given_name).bind_text(4, p.family_name).bind_text(5, stored_date(p.date_of_birth));
    st.run("person " + p.local_id);
    audit("person", p.local_id, u);
  }

  void episode(const EpisodeUpsert& e) {
    const Episode& ep = e.episode.after;
    auto st = db_.prepare(
        e.episode.before
            ? "UPDATE episode SET referral_at = ?2, accepted_at = ?3, referral_priority = ?4, risk_level = ?5, "
              "named_worker = ?6, zone = ?7 WHERE id = ?1"
            : "INSERT INTO episode (person_id, team_id, referral_at, accepted_at, referral_priority, risk_level, named_worker, zone) "
              "VALUES ((SELECT id FROM person WHERE local_id = ?1), (SELECT min(id) FROM team), ?2, ?3, ?4, ?5, ?6, ?7)");
    if (e.episode.before) st.bind_int(1, e.episode.before->id);
    else st.bind_text(1, e.person_local_id);
    st.bind_text(2, stored_instant(ep.referral_at)).bind_text(3, stored_instant(ep.accepted_at));
    st.bind_int(4, ep.referral_priority).bind_text(5, to_string(ep.risk));
    bind_text_or_null(st, 6, ep.named_worker);
    bind_text_or_null(st, 7, ep.zone);
    st.run("episode of referral " + e.episode.external_id);
    Id id = e.episode.before ? e.episode.before->id : sqlite3_last_insert_rowid(db_.handle());
    if (!e.episode.before) remember("caseload", e.episode.external_id, "episode", id);
    audit("episode", std::to_string(id), e.episode);
  }

  void shift(const Upsert<Shift>& u) {
    const Shift& s = u.after;
    auto st = db_.prepare(u.before ? "UPDATE shift SET staff_id = ?2, kind = ?3, local_date = ?4, starts_at = ?5, ends_at = ?6 WHERE id = ?1"
                                   : "INSERT INTO shift (staff_id, team_id, kind, local_date, starts_at, ends_at) "
                                     "VALUES (?2, (SELECT min(id) FROM team), ?3, ?4, ?5, ?6)");
    if (u.before) st.bind_int(1, u.before->id);
    else st.bind_null(1);
    st.bind_text(2, s.staff_id).bind_text(3, to_string(s.kind)).bind_text(4, stored_date(s.date));
    st.bind_text(5, stored_instant(s.start)).bind_text(6, stored_instant(s.end));
    st.run("shift " + u.external_id);
    Id id = u.before ? u.before->id : sqlite3_last_insert_rowid(db_.handle());
    if (!u.before) remember("rota", u.external_id, "shift", id);
    audit("shift", std::to_string(id), u);
  }

  std::vector<Id> ids;

 private:
  void remember(const char* source, const std::string& external_id, const char* entity, Id id) {
    auto st = db_.prepare("INSERT INTO import_key (source, external_id, entity, entity_id) VALUES (?1, ?2, ?3, ?4)");
    st.bind_text(1, source).bind_text(2, external_id).bind_text(3, entity).bind_int(4, id);
    st.run("remembering " + std::string(source) + " id " + external_id);
  }

  Database& db_;
  std::string command_;
  std::string at_;
  std::string by_;
  Statement audit_;
};

}  // namespace

std::map<std::string, Id> import_keys(Database& db, const std::string& source) {
  std::map<std::string, Id> keys;
  auto st = db.prepare("SELECT external_id, entity_id FROM import_key WHERE source = ?1");
  st.bind_text(1, source);
  while (st.step("reading import keys")) keys.emplace(st.column_text(0), st.column_int(1));
  return keys;
}

std::vector<Id> apply_import(Database& db, const ImportWrites& writes, Instant at, const std::string& by) {
  Transaction tx(db);
  Writer w(db, writes, at, by);
  for (const auto& s : writes.staff) w.staff(s);
  for (const auto& p : writes.people) w.person(p);
  for (const auto& e : writes.episodes) w.episode(e);
  for (const auto& s : writes.shifts) w.shift(s);
  tx.commit();
  return std::move(w.ids);
}

}  // namespace vb::store
