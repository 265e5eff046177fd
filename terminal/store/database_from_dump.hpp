#pragma once
// Builds a new database file from a DatabaseDump (the restore side of a backup): at the dump's
// schema version, every row in one transaction, checked, then migrated to this build's schema.
#include "store/table_dump.hpp"

#include <optional>
#include <string>

namespace vb::store {

// An audit_log row written after the rows are in and the schema is current ("restore").
struct AuditNote {
  std::string at;  // storage form of an instant
  std::string by;
  std::string command;
  std::string entity;
  std::string entity_id;
  std::string after_json;
};

// Creates `path` (which must not exist) as a visitboard database at dump.schema_version, checks
// that its tables and columns are exactly the dump's, loads every row in one transaction, then
// checks foreign keys, integrity and per-table row counts, migrates to the latest schema and
// appends `note`. Throws StoreError saying what did not match; the file is then removed.
void create_database_from_dump(const std::string& path, const DatabaseDump& dump, const std::optional<AuditNote>& note);

// Best effort: folds the WAL of an existing database back into its main file so the file alone
// holds every commit. Returns false (and changes nothing) when the file cannot be opened as SQLite.
bool checkpoint_database_file(const std::string& path);

}  // namespace vb::store
