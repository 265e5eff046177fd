#pragma once
// A second connection for loading the kiosk's working set on two cores, reading exactly the
// committed state the first connection reads (this SQLite has no sqlite3_snapshot_* API).
#include "store/database.hpp"

#include <optional>

namespace vb::store {

// Opens a second connection to `db`'s file and starts read transactions on both at the same
// committed state. `db` must not be in a transaction. While `db` holds the write lock (BEGIN
// IMMEDIATE, tried once without waiting) nobody can commit, so the second connection's read starts
// at the state `db` sees; `db` then ends that empty write transaction, starts a read one, and checks
// with PRAGMA data_version that no other connection committed in between (the write lock is held
// for microseconds). On success `db` and the result are both in a read transaction at that state.
// nullopt when that cannot be had (another program is writing, the file cannot be opened twice, a
// commit slipped in): then `db` is in a read transaction of its own, as a load on one connection
// needs.
std::optional<Database> begin_second_reader(Database& db);

}  // namespace vb::store
