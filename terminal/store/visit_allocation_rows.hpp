#pragma once
// When and by whom each visit's current allocation was made (migration 007, issue 6): the
// visit.allocated_at / allocated_by columns, read into and written from Visit.
#include "core/snapshot.hpp"
#include "store/database.hpp"

namespace vb::store {

// Call after visits are loaded, inside the loader's read transaction. Visits not in the snapshot
// (a working set loaded from a horizon) are skipped.
void load_visit_allocation(Database& db, vb::Snapshot& s);
// Part of write_snapshot's transaction, after visits are written.
void write_visit_allocation(Database& db, const vb::Snapshot& s);

}  // namespace vb::store
