// Families and carers written to the store: key people and the contact log, one audit row each.
#include "store/command_writing.hpp"
#include "store/step_down_rows.hpp"
#include "store/typed_rows.hpp"
#include "store/key_person_version_rows.hpp"
#include "core/key_person_versions.hpp"

namespace vb::store::detail {

Id StepDownCommandWriter::apply(const Command& c, const AddKeyPerson& r) {
  undo_.save_whole();
  auto st = db_.prepare(
      "INSERT INTO key_person (person_id, name, relationship, contact, consent_to_share) VALUES (?1, ?2, ?3, ?4, ?5)");
  st.bind_int(1, r.person).bind_text(2, r.name).bind_text(3, r.relationship).bind_text(4, r.contact);
  bind_bool(st, 5, r.consent_to_share);
  st.run("writing a key person of person " + std::to_string(r.person));
  KeyPerson row{sqlite3_last_insert_rowid(db_.handle()), r.person, r.name, r.relationship, r.contact, r.consent_to_share};
  // The first version (session 9): these details, in effect from the add, recorded by its author.
  row.versions.push_back(first_key_person_version(row, r.at, r.by));
  insert_key_person_version(db_, row.id, row.versions.back());
  s_.key_people.push_back(row);
  Json after{{"person_id", row.person_id}, {"name", row.name}, {"relationship", row.relationship},
             {"contact", row.contact}, {"consent_to_share", row.consent_to_share},
             {"version_id", row.versions.back().id}};
  return audit_.write(c, r.at, r.by, "key_person", row.id, nullptr, after);
}

Id StepDownCommandWriter::apply(const Command& c, const LogCarerContact& r) {
  undo_.save_whole();
  auto st = db_.prepare(
      "INSERT INTO carer_contact (key_person_id, episode_id, at, by_staff, outcome, shared, note) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  st.bind_int(1, r.key_person).bind_int(2, r.episode);
  bind_instant(st, 3, r.at);
  st.bind_text(4, r.by).bind_text(5, r.outcome).bind_text(6, stored_list(r.shared)).bind_text(7, r.note);
  st.run("logging a carer contact for episode " + std::to_string(r.episode));
  CarerContact row{sqlite3_last_insert_rowid(db_.handle()), r.key_person, r.episode, r.at, r.by, r.outcome, r.shared, r.note};
  s_.carer_contacts.push_back(row);
  Json after{{"key_person_id", row.key_person_id}, {"episode_id", row.episode_id}, {"outcome", row.outcome},
             {"shared", row.shared}, {"note", row.note}};
  return audit_.write(c, r.at, r.by, "carer_contact", row.id, nullptr, after);
}

}  // namespace vb::store::detail
