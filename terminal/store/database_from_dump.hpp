#pragma once
// Builds a new database file from a DatabaseDump (the restore side of a backup): at the dump's
// schema version, every row in one transaction, checked, then migrated to this build's schema.
#include "store/table_dump.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

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

// Builds a new database file from tables and rows handed over one at a time (session 12: a restore
// writes each row as the archive's payload is parsed instead of holding the whole dump; the 5-year
// trust's restore held 1.5 GiB). The same file and checks as create_database_from_dump, which feeds
// a held dump through it. Each table is checked against a database at the schema begin() names as
// it is announced; finish() checks what needs every row (references, integrity, row counts), then
// migrates and appends the note. Anything that throws, and a builder dropped before finish(),
// removes the file.
class DatabaseFromRows final : public TableReader {
 public:
  // `path` must not exist (StoreError otherwise, and that file is left alone).
  DatabaseFromRows(const std::string& path, std::optional<AuditNote> note);
  ~DatabaseFromRows() override;
  DatabaseFromRows(const DatabaseFromRows&) = delete;
  DatabaseFromRows& operator=(const DatabaseFromRows&) = delete;

  void begin(int schema_version, std::size_t tables) override;
  void table(const TableRows& layout, std::uint64_t rows) override;
  void row(const std::vector<SqlValue>& values) override;
  void finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
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
