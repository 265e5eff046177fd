#pragma once
// Every table of a database as plain values (no knowledge of what the tables mean): what a backup
// carries, read generically so tables added by later migrations are included automatically.
#include <sqlite3.h>

#include <cstddef>
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

// What read_tables hands over: the tables in dump_tables' order, each announced with its row count
// (name and columns set, rows empty), then its rows one call each. A row's values are valid only
// during its call.
class TableReader {
 public:
  virtual ~TableReader() = default;
  virtual void begin(int schema_version, std::size_t tables) = 0;
  virtual void table(const TableRows& layout, std::uint64_t rows) = 0;
  virtual void row(const std::vector<SqlValue>& values) = 0;
};

// dump_tables without holding the rows (session 11): the same tables, columns and values in the same
// order, inside ONE read transaction, each row handed to `reader` and dropped. A backup streams a
// trust's rows through it instead of holding a copy of the whole database beside its payload.
void read_tables(sqlite3* db, TableReader& reader);

}  // namespace vb::store
