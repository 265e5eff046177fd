#pragma once
// Reads a whole database into a vb::Snapshot (one consistent read transaction).
#include "core/snapshot.hpp"
#include "store/database.hpp"

namespace vb::store {

// Loads every table (one team per database for now: the first team row) and calls reindex().
// Vectors come back ordered by id (zones by rank, then name; skills and phases in stored order).
// Records the data_version it read at in `db` (see apply_commands). A stored value the core
// cannot read throws StoreError naming table, row and column.
vb::Snapshot load_snapshot(Database& db);

}  // namespace vb::store
