#pragma once
// Reads a whole database into a vb::Snapshot (one consistent read transaction).
#include "core/snapshot.hpp"
#include "store/database.hpp"

#include <optional>

namespace vb::store {

// Loads every table (one team per database for now: the first team row) and calls reindex().
// Vectors come back ordered by id (zones by rank, then name; skills and phases in stored order).
// Records the data_version it read at in `db` (see apply_commands). A stored value the core
// cannot read throws StoreError naming table, row and column.
vb::Snapshot load_snapshot(Database& db);

// What load_snapshot reads. Everything (data commands, reports, exports, backups), or the kiosk's
// working set (core/working_set.hpp): per-event rows from `history_from` on, plus every row of an
// episode still open then, and the episodes, people and plans those rows and screens need; the
// snapshot's history_from says which.
struct LoadScope {
  std::optional<Instant> history_from;  // nullopt: everything
};
vb::Snapshot load_snapshot(Database& db, const LoadScope& scope);

// The team's time zone as stored (the default zone when there is no team row yet), read without
// loading anything else: the kiosk needs it to place its clock before choosing its working set.
Zone stored_team_zone(Database& db);

}  // namespace vb::store
