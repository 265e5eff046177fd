// Restoring rows into a fresh file: migrate to the dump's schema, compare layouts, insert every
// row with foreign keys deferred, verify, migrate forward. The file is removed on any failure.
#include "store/database_from_dump.hpp"

#include "store/migrations.hpp"
#include "store/statement.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <utility>

namespace vb::store {

namespace {

class RawFile {
 public:
  RawFile(const std::string& path, int flags) {
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_EXRESCODE, nullptr);
    if (rc != SQLITE_OK) {
      std::string why = describe_sqlite_failure(db_, rc);
      sqlite3_close_v2(std::exchange(db_, nullptr));
      throw StoreError("cannot open " + in_quotes(path) + ": " + why);
    }
  }
  ~RawFile() { close(); }
  RawFile(const RawFile&) = delete;
  RawFile& operator=(const RawFile&) = delete;
  sqlite3* get() const { return db_; }
  void close() {
    if (db_) sqlite3_close_v2(std::exchange(db_, nullptr));
  }
  // Closes now and says whether SQLite finished cleanly (the WAL folded back into the file).
  int close_checked() {
    int rc = sqlite3_close(db_);
    if (rc == SQLITE_OK) db_ = nullptr;
    return rc;
  }

 private:
  sqlite3* db_ = nullptr;
};

std::string describe_columns(const std::vector<std::string>& columns) {
  std::string out;
  for (const auto& c : columns) out += (out.empty() ? "" : ",") + c;
  return out;
}

void bind_value(Statement& st, int index, const SqlValue& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) st.bind_int(index, *i);
  else if (const auto* d = std::get_if<double>(&v)) st.bind_double(index, *d);
  else if (const auto* s = std::get_if<std::string>(&v)) st.bind_text(index, *s);
  else if (const auto* b = std::get_if<Blob>(&v)) {
    int rc = sqlite3_bind_blob64(st.handle(), index, b->bytes.data(), b->bytes.size(), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) throw_sqlite_failure(sqlite3_db_handle(st.handle()), rc, "binding a blob");
  } else st.bind_null(index);
}

// The statement that inserts a row into `t` (emptied first: a migration may have seeded it).
std::optional<Statement> start_table(sqlite3* db, const TableRows& t) {
  execute(db, "DELETE FROM " + sql_identifier(t.name), "emptying table " + t.name);
  if (t.columns.empty()) return std::nullopt;
  std::string sql = "INSERT INTO " + sql_identifier(t.name) + " (";
  std::string values;
  for (size_t i = 0; i < t.columns.size(); ++i) {
    sql += (i ? ", " : "") + sql_identifier(t.columns[i]);
    values += (i ? ", ?" : "?") + std::to_string(i + 1);
  }
  return Statement(db, sql + ") VALUES (" + values + ")");
}

void insert_row(Statement& insert, const std::string& table, std::size_t columns, std::uint64_t number,
                const std::vector<SqlValue>& row) {
  if (row.size() != columns) throw StoreError("table " + table + ", row " + std::to_string(number) + " has the wrong number of values");
  for (size_t i = 0; i < row.size(); ++i) bind_value(insert, static_cast<int>(i + 1), row[i]);
  insert.run("table " + table + ", row " + std::to_string(number));
}

void check_foreign_keys(sqlite3* db) {
  Statement st(db, "PRAGMA foreign_key_check");
  if (!st.step("checking references")) return;
  std::string rowid = st.column_is_null(1) ? "?" : st.column_text(1);
  throw StoreError("table " + st.column_text(0) + ", row " + rowid + " refers to a " + st.column_text(2) +
                   " that the archive does not hold");
}

void check_integrity_and_counts(sqlite3* db, const std::vector<std::pair<std::string, std::uint64_t>>& counts) {
  Statement check(db, "PRAGMA integrity_check");
  std::string verdict = check.step("checking integrity") ? check.column_text(0) : "no answer";
  if (verdict != "ok") throw StoreError("the restored database fails integrity_check: " + verdict);
  for (const auto& [table, rows] : counts) {
    auto n = query_int(db, "SELECT count(*) FROM " + sql_identifier(table), "counting " + table);
    if (static_cast<std::uint64_t>(n) != rows) {
      throw StoreError("table " + table + " holds " + std::to_string(n) + " rows after restoring, the archive " +
                       std::to_string(rows));
    }
  }
}

void append_note(sqlite3* db, const AuditNote& n) {
  Statement st(db,
               "INSERT INTO audit_log (at, by_staff, command, entity, entity_id, before_json, after_json) "
               "VALUES (?1, ?2, ?3, ?4, ?5, 'null', ?6)");
  st.bind_text(1, n.at).bind_text(2, n.by).bind_text(3, n.command).bind_text(4, n.entity);
  st.bind_text(5, n.entity_id).bind_text(6, n.after_json);
  st.run("writing the restore's audit row");
}

}  // namespace

struct DatabaseFromRows::State {
  std::string path;
  std::optional<AuditNote> note;
  std::optional<RawFile> file;
  int schema_version = 0;
  std::vector<TableRows> fresh;  // the tables a database at schema_version has (rows unused)
  std::vector<bool> seen;        // per fresh table
  std::vector<std::pair<std::string, std::uint64_t>> counts;  // per table, as announced
  // The table being filled: its insert (none for sqlite_sequence, whose rows wait until the end:
  // inserting the other tables' rows moves AUTOINCREMENT high-water marks), its name and columns.
  std::optional<Statement> insert;
  std::string table;
  std::size_t columns = 0;
  std::uint64_t row_number = 0;
  bool in_sequence = false;
  std::optional<TableRows> sequence;
  bool finished = false;

  sqlite3* db() const { return file->get(); }
  void remove_files() {
    insert.reset();
    file.reset();  // closing rolls back whatever was not committed
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ec);
  }
};

DatabaseFromRows::DatabaseFromRows(const std::string& path, std::optional<AuditNote> note) : state_(std::make_unique<State>()) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) throw StoreError("cannot restore into " + in_quotes(path) + ": it already exists");
  state_->path = path;
  state_->note = std::move(note);
  try {
    state_->file.emplace(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    execute(state_->db(), "PRAGMA foreign_keys = ON", "switching on foreign keys");
    execute(state_->db(), "PRAGMA journal_mode = WAL", "switching to WAL");
    execute(state_->db(), "PRAGMA synchronous = FULL", "setting synchronous=FULL");
  } catch (...) {
    state_->remove_files();
    throw;
  }
}

DatabaseFromRows::~DatabaseFromRows() {
  if (!state_->finished) state_->remove_files();
}

void DatabaseFromRows::begin(int schema_version, std::size_t /*tables*/) {
  State& s = *state_;
  if (schema_version < 1 || schema_version > latest_schema_version()) {
    throw StoreError("the archive is at schema " + std::to_string(schema_version) + "; this build restores 1.." +
                     std::to_string(latest_schema_version()));
  }
  s.schema_version = schema_version;
  migrate(s.db(), schema_version);
  s.fresh = table_layout(s.db());
  s.seen.assign(s.fresh.size(), false);
  execute(s.db(), "BEGIN IMMEDIATE", "starting the restore");
  // Rows may point forward (follow_up_of, corrects); references are checked once all are in.
  execute(s.db(), "PRAGMA defer_foreign_keys = ON", "deferring foreign keys");
}

void DatabaseFromRows::table(const TableRows& layout, std::uint64_t rows) {
  State& s = *state_;
  const std::string at = " at schema " + std::to_string(s.schema_version);
  std::size_t i = 0;
  while (i < s.fresh.size() && s.fresh[i].name != layout.name) ++i;
  if (i == s.fresh.size()) throw StoreError("the archive has a table " + layout.name + " that a database" + at + " does not have");
  if (s.seen[i]) throw StoreError("the archive has table " + layout.name + " twice");
  if (layout.columns != s.fresh[i].columns) {
    throw StoreError("the archive's table " + layout.name + " has columns (" + describe_columns(layout.columns) +
                     ") but a database" + at + " has (" + describe_columns(s.fresh[i].columns) + ")");
  }
  s.seen[i] = true;
  s.counts.emplace_back(layout.name, rows);
  s.table = layout.name;
  s.columns = layout.columns.size();
  s.row_number = 0;
  s.insert.reset();
  s.in_sequence = layout.name == "sqlite_sequence";
  if (s.in_sequence) s.sequence = TableRows{layout.name, layout.columns, {}};
  else s.insert = start_table(s.db(), layout);
}

void DatabaseFromRows::row(const std::vector<SqlValue>& values) {
  State& s = *state_;
  ++s.row_number;
  if (s.in_sequence) {
    if (values.size() != s.columns) throw StoreError("table " + s.table + ", row " + std::to_string(s.row_number) + " has the wrong number of values");
    s.sequence->rows.push_back(values);
  } else if (s.insert) {
    insert_row(*s.insert, s.table, s.columns, s.row_number, values);
  } else {
    throw StoreError("table " + s.table + ", row " + std::to_string(s.row_number) + " has the wrong number of values");
  }
}

void DatabaseFromRows::finish() {
  State& s = *state_;
  const std::string at = " at schema " + std::to_string(s.schema_version);
  for (std::size_t i = 0; i < s.fresh.size(); ++i) {
    if (!s.seen[i]) throw StoreError("the archive has no table " + s.fresh[i].name + ", which a database" + at + " has");
  }
  s.insert.reset();
  if (s.sequence) {
    auto insert = start_table(s.db(), *s.sequence);
    for (std::size_t r = 0; r < s.sequence->rows.size() && insert; ++r) insert_row(*insert, s.sequence->name, s.sequence->columns.size(), r + 1, s.sequence->rows[r]);
  }
  check_foreign_keys(s.db());
  execute(s.db(), "COMMIT", "committing the restore");
  check_integrity_and_counts(s.db(), s.counts);
  migrate(s.db(), latest_schema_version());
  if (s.note) append_note(s.db(), *s.note);
  // Closing the last connection checkpoints the WAL into the file and removes it.
  if (int rc = s.file->close_checked(); rc != SQLITE_OK) {
    throw StoreError("cannot finish the file: " + describe_sqlite_failure(s.file->get(), rc));
  }
  s.finished = true;
}

void create_database_from_dump(const std::string& path, const DatabaseDump& dump, const std::optional<AuditNote>& note) {
  DatabaseFromRows builder(path, note);
  builder.begin(dump.schema_version, dump.tables.size());
  for (const auto& t : dump.tables) {
    builder.table(t, t.rows.size());
    for (const auto& row : t.rows) builder.row(row);
  }
  builder.finish();
}

bool checkpoint_database_file(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close_v2(db);
    return false;
  }
  sqlite3_busy_timeout(db, 5000);
  bool ok = sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr) == SQLITE_OK;
  return sqlite3_close(db) == SQLITE_OK && ok;
}

}  // namespace vb::store
