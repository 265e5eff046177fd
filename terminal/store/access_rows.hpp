#pragma once
// Roles and sign-in locks of staff, read into and written from the snapshot.
#include "core/snapshot.hpp"
#include "store/database.hpp"

namespace vb::store {

// Fills Staff::roles and Staff::locked of the staff already loaded.
void load_access(Database& db, Snapshot& s);
// Writes staff_role rows for every staff member of `s` (inside the caller's transaction).
void write_access(Database& db, const Snapshot& s);

}  // namespace vb::store
