#pragma once
// Every table of a database as plain values (no knowledge of what the tables mean): what a backup
// carries, read generically so tables added by later migrations are included automatically.
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace vb::store {

struct Blob {
  std::string bytes;
  bool operator==(const Blob&) const = default;
};
// One stored value with SQLite's own type: NULL, INTEGER, REAL, TEXT or BLOB.
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string, Blob>;

struct TableRows {
  std::string name;
  std::vector<std::string> columns;             // stored (not generated) columns, in table order
  std::vector<std::vector<SqlValue>> rows;      // each row holds one value per column
};

struct DatabaseDump {
  int schema_version = 0;  // PRAGMA user_version
  std::vector<TableRows> tables;  // by name; sqlite_sequence (if any) is one of them

  std::uint64_t row_count() const;
  const TableRows* find(std::string_view table) const;
};

// "name" with embedded quotes doubled: safe to splice a table or column name into SQL.
std::string sql_identifier(std::string_view name);

// Table names and their stored columns as the database has them now (sorted by name).
std::vector<TableRows> table_layout(sqlite3* db);

// Reads every table inside ONE read transaction, so a writer committing meanwhile (the kiosk) is
// either wholly in or wholly out. Throws StoreError naming the table that could not be read.
DatabaseDump dump_tables(sqlite3* db);

}  // namespace vb::store
