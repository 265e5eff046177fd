#pragma once
// The versions of key people's details (migration 010, session 9): read into KeyPerson::versions by
// the loader, written by the snapshot writer and by the commands that add or change a key person.
#include "core/snapshot.hpp"
#include "store/database.hpp"

namespace vb::store {

// After key_person is loaded (s.key_people in id order), inside the loader's read transaction.
// A version naming a key person that is not loaded is refused, with the row named.
void load_key_person_versions(Database& db, vb::Snapshot& s);
// Part of write_snapshot's transaction, after key_person is written: every KeyPerson::versions row.
void write_key_person_versions(Database& db, const vb::Snapshot& s);
// Appends one version of key person `key_person_id` (in the caller's transaction); sets v.id.
void insert_key_person_version(Database& db, Id key_person_id, vb::KeyPersonVersion& v);

}  // namespace vb::store
