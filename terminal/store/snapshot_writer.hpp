#pragma once
// Writes a whole snapshot into an empty database in one transaction (the demo generator's path).
#include "core/snapshot.hpp"
#include "store/database.hpp"

namespace vb::store {

// Inserts every struct with the ids it carries. The snapshot's zones replace the seeded defaults
// (an empty list keeps the defaults); a phase is stored under the plan that holds it; an empty
// staff reference or NHS number is stored as NULL. Sets meta demo='1' when snapshot.is_demo.
// Throws StoreError naming table and row when a value breaks the schema, or when the database
// already holds people, staff or a team; then nothing is written.
void write_snapshot(Database& db, const vb::Snapshot& snapshot);

}  // namespace vb::store
