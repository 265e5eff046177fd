#pragma once
// Roles and sign-in locks of staff, read into and written from the snapshot.
#include "core/snapshot.hpp"
#include "store/database.hpp"

namespace vb::store {

// Fills Staff::roles and Staff::locked of the staff already loaded.
void load_access(Database& db, Snapshot& s);
// Fills Staff::has_pin, locked_at and sign_in_failures (part of load_access; issue 7).
void load_sign_in_state(Database& db, Snapshot& s);
// Re-reads roles and sign-in state of the staff in `s` (after a sign-in try, which writes outside
// apply_commands), without reloading the rest of the snapshot.
void refresh_access(Database& db, Snapshot& s);
// Writes staff_role rows for every staff member of `s` (inside the caller's transaction).
void write_access(Database& db, const Snapshot& s);

}  // namespace vb::store
