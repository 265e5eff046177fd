// Correcting and removing a key person (session 7): one UPDATE of the key_person row and its audit row
// with before and after, in the caller's transaction. Removal is a soft end (ended_at, ended_by,
// end_reason, end_note; core/key_person_changes.hpp says why): the row and its contact log stay.
#include "core/key_person_changes.hpp"
#include "store/command_writing.hpp"
#include "store/typed_rows.hpp"
#include "store/key_person_version_rows.hpp"
#include "core/key_person_versions.hpp"

#include <algorithm>

namespace vb::store::detail {

namespace {

KeyPerson& row_of(Snapshot& s, Id id) {
  auto k = std::find_if(s.key_people.begin(), s.key_people.end(), [&](const KeyPerson& x) { return x.id == id; });
  if (k == s.key_people.end()) throw StoreError("key person " + std::to_string(id) + " is not in the snapshot");
  return *k;
}

Json details(const KeyPerson& k) {
  return Json{{"person_id", k.person_id}, {"name", k.name}, {"relationship", k.relationship}, {"contact", k.contact},
              {"consent_to_share", k.consent_to_share}};
}

}  // namespace

Id StepDownCommandWriter::apply(const Command& c, const UpdateKeyPerson& r) {
  undo_.save_whole();
  KeyPerson& k = row_of(s_, r.key_person);
  const Json before = details(k);
  if (k.versions.empty()) {
    // Details kept without versions (written before versioning, from memory): they become the first
    // version, in effect from the start, so earlier judgements keep them.
    KeyPersonVersion first = first_key_person_version(k, r.at, StaffId{});
    first.effective_at.reset();
    k.versions.push_back(first);
    insert_key_person_version(db_, k.id, k.versions.back());
  }
  if (r.name) k.name = *r.name;
  if (r.relationship) k.relationship = *r.relationship;
  if (r.contact) k.contact = *r.contact;
  if (r.consent_to_share) k.consent_to_share = *r.consent_to_share;
  auto st = db_.prepare(
      "UPDATE key_person SET name = ?1, relationship = ?2, contact = ?3, consent_to_share = ?4 "
      "WHERE id = ?5 AND ended_at IS NULL");
  st.bind_text(1, k.name).bind_text(2, k.relationship).bind_text(3, k.contact);
  bind_bool(st, 4, k.consent_to_share);
  st.bind_int(5, k.id);
  st.run("changing key person " + std::to_string(k.id));
  // A new version (session 9), in effect from the command's instant: judgements for earlier instants
  // keep reading the version they read before.
  k.versions.push_back(next_key_person_version(k, r.at, r.by));
  insert_key_person_version(db_, k.id, k.versions.back());
  Json after = details(k);
  after["version_id"] = k.versions.back().id;
  return audit_.write(c, r.at, r.by, "key_person", k.id, before, after);
}

Id StepDownCommandWriter::apply(const Command& c, const RemoveKeyPerson& r) {
  undo_.save_whole();
  KeyPerson& k = row_of(s_, r.key_person);
  Json before = details(k);
  before["ended"] = false;
  k.ended_at = r.at;
  k.ended_by = r.by;
  k.end_reason = r.reason;
  k.end_note = r.note;
  auto st = db_.prepare(
      "UPDATE key_person SET ended_at = ?1, ended_by = ?2, end_reason = ?3, end_note = ?4 WHERE id = ?5 AND ended_at IS NULL");
  bind_instant(st, 1, r.at);
  st.bind_text(2, r.by).bind_text(3, r.reason).bind_text(4, r.note);
  st.bind_int(5, k.id);
  st.run("removing key person " + std::to_string(k.id));
  Json after = details(k);
  after["ended"] = true;
  after["reason"] = r.reason;
  after["note"] = r.note;
  return audit_.write(c, r.at, r.by, "key_person", k.id, before, after);
}

}  // namespace vb::store::detail
