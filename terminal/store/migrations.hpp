#pragma once
// Schema migrations: data/schema/NNN_name.sql compiled into the binary, applied in order, one
// transaction each, with PRAGMA user_version recording how far a database has come.
#include <sqlite3.h>

#include <cstdint>
#include <span>
#include <string_view>

namespace vb::store {

struct Migration {
  int number;  // 1, 2, 3 ... (the NNN of the file name)
  std::string_view name;
  std::string_view sql;
};

// Every migration this build knows, in order (generated from data/schema at build time).
std::span<const Migration> embedded_migrations();
// The schema version a fully migrated database has.
int latest_schema_version();

// Marks a visitboard database (PRAGMA application_id, set with the first migration): "VBRD".
inline constexpr std::int32_t application_id = 0x56425244;

// Applies the migrations after the database's user_version up to `target`, each in its own
// BEGIN IMMEDIATE transaction. Throws StoreError naming the file and the migration that failed;
// the database is then left at the last version that committed.
void migrate(sqlite3* db, int target);

}  // namespace vb::store
