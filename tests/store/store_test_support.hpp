#pragma once
// Shared by the store suites: a fresh temp folder per test, a synthetic snapshot that sets every
// field of every struct, and a raw SQLite connection for poking past the store (as another program).
#include "core/snapshot.hpp"
#include "store/database.hpp"
#include "store/store_error.hpp"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <filesystem>
#include <string>

namespace vb::store::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Every struct of model.hpp at least twice, every field set (optionals both present and absent,
// every enum value, forward references, non-ASCII text). Synthetic: NHS numbers start with 999.
Snapshot full_snapshot();
// The n-th valid synthetic NHS number ("999..." with a correct check digit).
std::string synthetic_nhs_number(int n);
Instant utc(const char* text);  // "2026-11-23T08:30:00Z"

// The message of the StoreError that `f` throws, or "(no StoreError)".
template <typename F>
std::string store_error_of(F&& f) {
  try {
    f();
  } catch (const StoreError& e) {
    return e.what();
  }
  return "(no StoreError)";
}

// One audit_log row as written: `before` is null for a row the command created.
struct AuditRow {
  std::string at, by, command, entity, entity_id;
  nlohmann::json before, after;
};
AuditRow audit_row(Database& db, Id id);  // fails the test when there is no such row

std::string read_bytes(const std::string& path);
void write_bytes(const std::string& path, const std::string& bytes);

// A plain sqlite3 connection with no store logic: exec() returns SQLite's verdict.
class RawConnection {
 public:
  explicit RawConnection(const std::string& path);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  // SQLITE_OK or the failing code; error() then holds the message.
  int exec(const std::string& sql);
  long long query_int(const std::string& sql);
  const std::string& error() const { return error_; }
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::string error_;
};

// Every row `sql` returns, one line each, columns joined by '|', NULL as "NULL" (for comparing tables).
std::string rows_of(RawConnection& raw, const std::string& sql);

// The clinical and audit record's append-only tables that migration 012 (session 11) makes refuse
// DELETE, and a way back to a schema before 012 for upgrade tests: drops 012's triggers (012 changes
// no table), so a test that sets user_version below 12 can migrate forward again.
extern const char* const record_tables[8];
void drop_migration_012_triggers(RawConnection& raw);

}  // namespace vb::store::test
