#pragma once
// The allocation tables of a snapshot (migration 004): the skills each visit needs.
#include "core/snapshot.hpp"
#include "store/database.hpp"

namespace vb::store {

// Fills each Visit's required_skills (in stored order). Call after the visits are loaded, inside
// the loader's read transaction.
void load_allocation(Database& db, vb::Snapshot& s);
// Inserts them; part of write_snapshot's transaction, after the visits.
void write_allocation(Database& db, const vb::Snapshot& s);

}  // namespace vb::store
