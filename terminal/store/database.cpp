// Opening a visitboard database safely: refuse what is not ours or is damaged before writing a
// byte, then switch on WAL + synchronous=FULL and bring the schema up to date.
#include "store/database.hpp"

#include "store/integrity_check.hpp"
#include "store/migrations.hpp"

#include <filesystem>
#include <system_error>
#include <utility>

namespace vb::store {

namespace fs = std::filesystem;

namespace {

constexpr int default_busy_timeout_ms = 5000;

// Refusals that need no SQLite: a missing file, a folder, a parent that is not a folder.
void check_path(const std::string& path, OpenMode mode) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (fs::exists(status)) {
    if (fs::is_directory(status)) throw StoreError(in_quotes(path) + " is a folder, not a visitboard database");
    return;
  }
  if (mode == OpenMode::existing) throw StoreError(in_quotes(path) + " does not exist");
  fs::path parent = fs::path(path).parent_path();
  if (parent.empty()) return;
  auto parent_status = fs::status(parent, ec);
  if (!fs::exists(parent_status)) {
    throw StoreError("cannot create " + in_quotes(path) + ": the folder '" + parent.string() + "' does not exist");
  }
  if (!fs::is_directory(parent_status)) {
    throw StoreError("cannot create " + in_quotes(path) + ": '" + parent.string() + "' is not a folder");
  }
}

// Runs `sql` and reads the first column of its first row; returns SQLite's code (SQLITE_ROW when
// there was a row). Raw calls: a file that is not a database fails already at prepare.
int first_value(sqlite3* db, const char* sql, std::string& value) {
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
  if (rc == SQLITE_OK) rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(st, 0);
    value = text ? reinterpret_cast<const char*>(text) : "";
  }
  sqlite3_finalize(st);
  return rc;
}

// Reads only: is this a SQLite file at all, is it intact, is it ours, and is it not too new?
void check_contents(sqlite3* db, const std::string& path, OpenMode mode, IntegrityCheck check) {
  const std::string damaged = in_quotes(path) + " is damaged and was not opened (";
  std::string objects;
  int rc = first_value(db, "SELECT count(*) FROM sqlite_schema", objects);
  if (rc != SQLITE_ROW) {
    std::string why = sqlite3_errmsg(db);
    if ((rc & 0xff) == SQLITE_NOTADB) throw StoreError(in_quotes(path) + " is not a visitboard database (" + why + ")");
    if ((rc & 0xff) == SQLITE_CORRUPT) throw StoreError(damaged + why + "); restore it from a backup");
    throw StoreError("cannot read " + in_quotes(path) + ": " + describe_sqlite_failure(db, rc));
  }
  // Migrating writes: a file that is not at the latest schema is checked now even for the kiosk.
  if (check == IntegrityCheck::before_opening || query_int(db, "PRAGMA user_version") < latest_schema_version()) {
    if (auto problem = quick_check_problem(db, path, " and was not opened")) throw StoreError(*problem);
  }

  auto version = query_int(db, "PRAGMA user_version");
  auto app_id = query_int(db, "PRAGMA application_id");
  if (version == 0) {
    if (objects != "0") throw StoreError(in_quotes(path) + " is not a visitboard database (it holds another program's tables)");
    if (mode == OpenMode::existing) throw StoreError(in_quotes(path) + " is empty, not a visitboard database");
    return;  // blank: may be initialised
  }
  if (app_id != application_id) {
    throw StoreError(in_quotes(path) + " is not a visitboard database (application id " + std::to_string(app_id) + ")");
  }
  if (version > latest_schema_version()) {
    throw StoreError(in_quotes(path) + " was written by a newer visitboard (schema " + std::to_string(version) +
                     ", this build knows " + std::to_string(latest_schema_version()) + "); use that version");
  }
}

void configure(sqlite3* db, const std::string& path) {
  Statement wal(db, "PRAGMA journal_mode = WAL");
  std::string mode = wal.step("switching to WAL") ? wal.column_text(0) : "";
  if (mode != "wal") {
    throw StoreError("cannot use " + in_quotes(path) + ": it stays in journal mode '" + mode +
                     "' instead of WAL (visitboard needs to create files beside it)");
  }
  execute(db, "PRAGMA synchronous = FULL", "setting synchronous=FULL");
}

}  // namespace

Database Database::open(const std::string& path, OpenMode mode) {
  return open(path, mode, IntegrityCheck::before_opening);
}

Database Database::open(const std::string& path, OpenMode mode, IntegrityCheck check) {
  check_path(path, mode);
  std::error_code ec;
  bool existed = fs::exists(path, ec);
  // NOMUTEX: a connection is never used by two threads at once (the backup, integrity and working-set
  // threads open their own; the kiosk's reload uses the session's on a short thread while the loop
  // waits for it, app/post_load.cpp), so SQLite's per-call locking is pure cost on the start path.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX;
  if (mode == OpenMode::create_if_missing) flags |= SQLITE_OPEN_CREATE;

  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Database db(raw, path);  // owns the handle from here, also when open failed
  try {
    if (rc != SQLITE_OK) {
      throw StoreError("cannot " + std::string(existed ? "open " : "create ") + in_quotes(path) + ": " +
                       describe_sqlite_failure(raw, rc) + "; check that its folder is writable");
    }
    if (sqlite3_db_readonly(raw, "main") == 1) {
      throw StoreError(in_quotes(path) + " can only be read here; visitboard needs to write to the file and its folder");
    }
    sqlite3_busy_timeout(raw, default_busy_timeout_ms);
    execute(raw, "PRAGMA foreign_keys = ON", "switching on foreign keys");
    check_contents(raw, path, mode, check);
    configure(raw, path);
    migrate(raw, latest_schema_version());
  } catch (...) {
    sqlite3_close_v2(std::exchange(db.db_, nullptr));
    if (!existed) {
      // We created it: leave no half-made database behind.
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix, ec);
    }
    throw;
  }
  return db;
}

Database::~Database() {
  if (db_) sqlite3_close_v2(db_);
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      path_(std::move(other.path_)),
      loaded_data_version_(std::exchange(other.loaded_data_version_, std::nullopt)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    if (db_) sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
    loaded_data_version_ = std::exchange(other.loaded_data_version_, std::nullopt);
  }
  return *this;
}

bool Database::in_transaction() const { return db_ && sqlite3_get_autocommit(db_) == 0; }

std::int64_t Database::data_version() const { return query_int(db_, "PRAGMA data_version", "reading data_version"); }

int Database::schema_version() const {
  return static_cast<int>(query_int(db_, "PRAGMA user_version", "reading the schema version"));
}

bool Database::is_demo() const {
  Statement st(db_, "SELECT value FROM meta WHERE key = 'demo'");
  return st.step("reading meta") && st.column_text(0) == "1";
}

void Database::set_busy_timeout(std::chrono::milliseconds timeout) {
  sqlite3_busy_timeout(db_, static_cast<int>(timeout.count()));
}

Transaction::Transaction(Database& db) : db_(db) {
  db_.exec("BEGIN IMMEDIATE", "starting a write");
}

Transaction::~Transaction() {
  if (!finished_ && db_.in_transaction()) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  finished_ = true;
  try {
    db_.exec("COMMIT", "committing");
  } catch (...) {
    if (db_.in_transaction()) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace vb::store
