// Reading and writing key_person_version (store/key_person_version_rows.hpp); every stored value is
// checked as it is read, and a failure names table, row and column.
#include "store/key_person_version_rows.hpp"

#include "store/load_scope.hpp"
#include "store/typed_rows.hpp"

#include <algorithm>

namespace vb::store {

void load_key_person_versions(Database& db, Snapshot& s) {
  // Oldest first per key person: no instant (carried over from before versioning) first, then by
  // instant, ties in the order recorded.
  StoredRow v(db, "key_person_version",
              "SELECT id, key_person_id, effective_at, recorded_by, name, relationship, contact, consent_to_share "
              "FROM key_person_version ORDER BY key_person_id, effective_at IS NOT NULL, effective_at, id");
  KeyPerson* k = nullptr;
  while (v.next()) {
    const Id key_person_id = v.integer(1);
    if (!k || k->id != key_person_id) {
      k = find_by_id(s.key_people, key_person_id);
      if (!k) v.fail(1, "key person " + std::to_string(key_person_id) + " does not exist");
    }
    k->versions.push_back(KeyPersonVersion{v.integer(0), v.optional_instant(2), v.staff_ref(3), v.text(4), v.text(5),
                                           v.text(6), v.boolean(7)});
  }
}

namespace {

Statement insert_statement(Database& db) {
  return db.prepare(
      "INSERT INTO key_person_version (id, key_person_id, effective_at, recorded_by, name, relationship, contact, "
      "consent_to_share) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
}

void insert_with(Database& db, Statement& st, Id key_person_id, KeyPersonVersion& v) {
  if (v.id) st.bind_int(1, v.id);
  else st.bind_null(1);
  st.bind_int(2, key_person_id);
  bind_optional_instant(st, 3, v.effective_at);
  if (v.recorded_by.empty()) st.bind_null(4);
  else st.bind_text(4, v.recorded_by);
  st.bind_text(5, v.name).bind_text(6, v.relationship).bind_text(7, v.contact);
  bind_bool(st, 8, v.consent_to_share);
  st.run(v.id ? table_row("key_person_version", v.id) : "writing a version of key person " + std::to_string(key_person_id));
  if (!v.id) v.id = sqlite3_last_insert_rowid(db.handle());
}

}  // namespace

void insert_key_person_version(Database& db, Id key_person_id, KeyPersonVersion& v) {
  auto st = insert_statement(db);
  insert_with(db, st, key_person_id, v);
}

void write_key_person_versions(Database& db, const Snapshot& s) {
  auto st = insert_statement(db);
  for (const auto& k : s.key_people)
    for (KeyPersonVersion v : k.versions) insert_with(db, st, k.id, v);
}

}  // namespace vb::store
