#pragma once
// One connection to a visitboard SQLite file (move-only RAII): opened with the settings that make
// "saved" mean saved (WAL, synchronous=FULL, foreign keys, busy timeout), checked, and migrated.
#include "store/statement.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace vb::store {

enum class OpenMode {
  existing,           // the file must already be a visitboard database
  create_if_missing,  // a missing (or empty) file becomes a new, fully migrated database
};

// When PRAGMA quick_check runs (it reads the whole file: seconds for a trust's five years).
enum class IntegrityCheck {
  before_opening,  // data commands: a damaged file is refused before anything is read or written
  by_the_caller,   // the kiosk: it runs BackgroundIntegrityCheck after its first frame and says on
                   // the board when the file is damaged; a file that needs migrating is still
                   // checked first, since migrating writes
};

class Database {
 public:
  // Opens, checks (PRAGMA quick_check, application id, schema version) and migrates to the latest
  // schema. Throws StoreError naming the file: missing, not a database, damaged, another program's
  // database, written by a newer visitboard, or not writable here. A refused file is not modified.
  static Database open(const std::string& path, OpenMode mode);
  static Database open(const std::string& path, OpenMode mode, IntegrityCheck check);

  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_; }

  Statement prepare(std::string_view sql) const { return Statement(db_, sql); }
  // Runs statements that return no rows (a script, a PRAGMA).
  void exec(const std::string& sql, std::string_view context = {}) const { execute(db_, sql, context); }
  bool in_transaction() const;

  // Changes whenever another connection (this process or another) commits to the file.
  std::int64_t data_version() const;
  int schema_version() const;
  // True when meta says this database was generated as a demo.
  bool is_demo() const;
  // How long a write waits for another writer before failing (default 5 s).
  void set_busy_timeout(std::chrono::milliseconds timeout);

  // The data_version at which load_snapshot last read this connection (nullopt before any load);
  // apply_commands reloads when the file has changed since.
  std::optional<std::int64_t> loaded_data_version() const { return loaded_data_version_; }
  void set_loaded_data_version(std::int64_t version) { loaded_data_version_ = version; }

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_ = nullptr;
  std::string path_;
  std::optional<std::int64_t> loaded_data_version_;
};

// BEGIN IMMEDIATE on construction (waits up to the busy timeout for other writers, then throws
// StoreError); ROLLBACK on destruction unless commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // Throws StoreError (after rolling back) when the commit fails: nothing was saved.
  void commit();

 private:
  Database& db_;
  bool finished_ = false;
};

}  // namespace vb::store
