// Generic reading of every table: names from sqlite_schema, columns from PRAGMA table_xinfo,
// values with their SQLite storage class, all in one read transaction.
#include "store/table_dump.hpp"

#include "store/statement.hpp"

#include <algorithm>

namespace vb::store {

namespace {

SqlValue column_value(sqlite3_stmt* st, int i) {
  switch (sqlite3_column_type(st, i)) {
    case SQLITE_INTEGER: return std::int64_t{sqlite3_column_int64(st, i)};
    case SQLITE_FLOAT: return sqlite3_column_double(st, i);
    case SQLITE_TEXT: {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
      return std::string(text, static_cast<size_t>(sqlite3_column_bytes(st, i)));
    }
    case SQLITE_BLOB: {
      const auto* data = static_cast<const char*>(sqlite3_column_blob(st, i));
      return Blob{std::string(data ? data : "", static_cast<size_t>(sqlite3_column_bytes(st, i)))};
    }
    default: return std::monostate{};
  }
}

// Rolls back a read transaction however the dump ends (a read needs no commit).
// One already open (the caller's) is joined and left open.
struct ReadTransaction {
  sqlite3* db;
  bool own;
  explicit ReadTransaction(sqlite3* d) : db(d), own(sqlite3_get_autocommit(d) != 0) {
    if (!own) return;
    execute(db, "BEGIN", "starting a read");
    // A deferred BEGIN takes its snapshot at the first read: take it now, for every table at once.
    query_int(db, "SELECT count(*) FROM sqlite_schema", "starting a read");
  }
  ~ReadTransaction() {
    if (own) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;
};

}  // namespace

std::string sql_identifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::uint64_t DatabaseDump::row_count() const {
  std::uint64_t n = 0;
  for (const auto& t : tables) n += t.rows.size();
  return n;
}

const TableRows* DatabaseDump::find(std::string_view table) const {
  auto it = std::find_if(tables.begin(), tables.end(), [&](const TableRows& t) { return t.name == table; });
  return it == tables.end() ? nullptr : &*it;
}

std::vector<TableRows> table_layout(sqlite3* db) {
  std::vector<TableRows> tables;
  // Ordinary tables only: SQLite's own bookkeeping except sqlite_sequence (AUTOINCREMENT
  // high-water marks belong to the data), and no virtual tables.
  Statement names(db,
                  "SELECT name FROM sqlite_schema WHERE type = 'table' "
                  "AND (name NOT LIKE 'sqlite\\_%' ESCAPE '\\' OR name = 'sqlite_sequence') "
                  "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name");
  while (names.step("listing tables")) tables.push_back(TableRows{names.column_text(0), {}, {}});
  for (auto& t : tables) {
    Statement info(db, "SELECT name, hidden FROM pragma_table_xinfo(?1) ORDER BY cid");
    info.bind_text(1, t.name);
    while (info.step("reading the columns of table " + t.name)) {
      if (info.column_int(1) == 0) t.columns.push_back(info.column_text(0));
    }
  }
  return tables;
}

DatabaseDump dump_tables(sqlite3* db) {
  ReadTransaction read(db);
  DatabaseDump dump;
  dump.schema_version = static_cast<int>(query_int(db, "PRAGMA user_version", "reading the schema version"));
  dump.tables = table_layout(db);
  for (auto& t : dump.tables) {
    std::string sql = "SELECT ";
    for (size_t i = 0; i < t.columns.size(); ++i) sql += (i ? ", " : "") + sql_identifier(t.columns[i]);
    sql += " FROM " + sql_identifier(t.name);
    Statement rows(db, sql);
    const int n = static_cast<int>(t.columns.size());
    while (rows.step("reading table " + t.name)) {
      std::vector<SqlValue> row;
      row.reserve(t.columns.size());
      for (int i = 0; i < n; ++i) row.push_back(column_value(rows.handle(), i));
      t.rows.push_back(std::move(row));
    }
  }
  return dump;
}

void read_tables(sqlite3* db, TableReader& reader) {
  ReadTransaction read(db);
  const auto schema = static_cast<int>(query_int(db, "PRAGMA user_version", "reading the schema version"));
  const std::vector<TableRows> tables = table_layout(db);
  reader.begin(schema, tables.size());
  std::vector<SqlValue> row;
  for (const auto& t : tables) {
    // Counted first (the reader writes the count before the rows); the read transaction keeps both the same.
    const auto count = static_cast<std::uint64_t>(query_int(db, "SELECT count(*) FROM " + sql_identifier(t.name), "counting table " + t.name));
    reader.table(t, count);
    std::string sql = "SELECT ";
    for (size_t i = 0; i < t.columns.size(); ++i) sql += (i ? ", " : "") + sql_identifier(t.columns[i]);
    sql += " FROM " + sql_identifier(t.name);
    Statement rows(db, sql);
    const int n = static_cast<int>(t.columns.size());
    std::uint64_t seen = 0;
    while (rows.step("reading table " + t.name)) {
      row.clear();
      for (int i = 0; i < n; ++i) row.push_back(column_value(rows.handle(), i));
      reader.row(row);
      ++seen;
    }
    if (seen != count) {
      throw StoreError("table " + t.name + " gave " + std::to_string(seen) + " rows after counting " + std::to_string(count));
    }
  }
}

}  // namespace vb::store
