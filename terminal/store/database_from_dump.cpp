// Restoring rows into a fresh file: migrate to the dump's schema, compare layouts, insert every
// row with foreign keys deferred, verify, migrate forward. The file is removed on any failure.
#include "store/database_from_dump.hpp"

#include "store/migrations.hpp"
#include "store/statement.hpp"

#include <filesystem>
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

void check_layout(sqlite3* db, const DatabaseDump& dump) {
  auto fresh = table_layout(db);
  const std::string at = " at schema " + std::to_string(dump.schema_version);
  for (const auto& t : fresh) {
    const TableRows* d = dump.find(t.name);
    if (!d) throw StoreError("the archive has no table " + t.name + ", which a database" + at + " has");
    if (d->columns != t.columns) {
      throw StoreError("the archive's table " + t.name + " has columns (" + describe_columns(d->columns) +
                       ") but a database" + at + " has (" + describe_columns(t.columns) + ")");
    }
  }
  for (const auto& d : dump.tables) {
    bool known = false;
    for (const auto& t : fresh) known = known || t.name == d.name;
    if (!known) throw StoreError("the archive has a table " + d.name + " that a database" + at + " does not have");
  }
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

void load_table(sqlite3* db, const TableRows& t) {
  execute(db, "DELETE FROM " + sql_identifier(t.name), "emptying table " + t.name);
  if (t.columns.empty()) return;
  std::string sql = "INSERT INTO " + sql_identifier(t.name) + " (";
  std::string values;
  for (size_t i = 0; i < t.columns.size(); ++i) {
    sql += (i ? ", " : "") + sql_identifier(t.columns[i]);
    values += (i ? ", ?" : "?") + std::to_string(i + 1);
  }
  Statement insert(db, sql + ") VALUES (" + values + ")");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    if (row.size() != t.columns.size()) throw StoreError("table " + t.name + ", row " + std::to_string(r + 1) + " has the wrong number of values");
    for (size_t i = 0; i < row.size(); ++i) bind_value(insert, static_cast<int>(i + 1), row[i]);
    insert.run("table " + t.name + ", row " + std::to_string(r + 1));
  }
}

void check_foreign_keys(sqlite3* db) {
  Statement st(db, "PRAGMA foreign_key_check");
  if (!st.step("checking references")) return;
  std::string rowid = st.column_is_null(1) ? "?" : st.column_text(1);
  throw StoreError("table " + st.column_text(0) + ", row " + rowid + " refers to a " + st.column_text(2) +
                   " that the archive does not hold");
}

void check_integrity_and_counts(sqlite3* db, const DatabaseDump& dump) {
  Statement check(db, "PRAGMA integrity_check");
  std::string verdict = check.step("checking integrity") ? check.column_text(0) : "no answer";
  if (verdict != "ok") throw StoreError("the restored database fails integrity_check: " + verdict);
  for (const auto& t : dump.tables) {
    auto n = query_int(db, "SELECT count(*) FROM " + sql_identifier(t.name), "counting " + t.name);
    if (static_cast<std::uint64_t>(n) != t.rows.size()) {
      throw StoreError("table " + t.name + " holds " + std::to_string(n) + " rows after restoring, the archive " +
                       std::to_string(t.rows.size()));
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

void fill(sqlite3* db, const DatabaseDump& dump, const std::optional<AuditNote>& note) {
  execute(db, "PRAGMA foreign_keys = ON", "switching on foreign keys");
  execute(db, "PRAGMA journal_mode = WAL", "switching to WAL");
  execute(db, "PRAGMA synchronous = FULL", "setting synchronous=FULL");
  if (dump.schema_version < 1 || dump.schema_version > latest_schema_version()) {
    throw StoreError("the archive is at schema " + std::to_string(dump.schema_version) + "; this build restores 1.." +
                     std::to_string(latest_schema_version()));
  }
  migrate(db, dump.schema_version);
  check_layout(db, dump);

  execute(db, "BEGIN IMMEDIATE", "starting the restore");
  try {
    // Rows may point forward (follow_up_of, corrects); references are checked once all are in.
    execute(db, "PRAGMA defer_foreign_keys = ON", "deferring foreign keys");
    const TableRows* sequence = dump.find("sqlite_sequence");
    for (const auto& t : dump.tables) {
      if (&t != sequence) load_table(db, t);
    }
    // Last: inserting rows moved AUTOINCREMENT high-water marks; put back the archived ones.
    if (sequence) load_table(db, *sequence);
    check_foreign_keys(db);
    execute(db, "COMMIT", "committing the restore");
  } catch (...) {
    if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  check_integrity_and_counts(db, dump);
  migrate(db, latest_schema_version());
  if (note) append_note(db, *note);
}

}  // namespace

void create_database_from_dump(const std::string& path, const DatabaseDump& dump, const std::optional<AuditNote>& note) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(path, ec)) throw StoreError("cannot restore into " + in_quotes(path) + ": it already exists");
  auto remove_all = [&] {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix, ec);
  };
  try {
    RawFile file(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    fill(file.get(), dump, note);
    // Closing the last connection checkpoints the WAL into the file and removes it.
    if (int rc = file.close_checked(); rc != SQLITE_OK) {
      throw StoreError("cannot finish the file: " + describe_sqlite_failure(file.get(), rc));
    }
  } catch (...) {
    remove_all();
    throw;
  }
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
