// Two connections reading the same committed state (see second_reader.hpp).
#include "store/second_reader.hpp"

#include <sqlite3.h>

namespace vb::store {

namespace {

constexpr int busy_timeout_ms = 5000;  // database.cpp's, restored after the one try without waiting

// A read on `db` so its read transaction has started (a BEGIN alone takes no snapshot).
void first_read(Database& db) { db.exec("SELECT 1 FROM sqlite_schema LIMIT 1", "starting to read"); }

void begin_alone(Database& db) {
  db.exec("BEGIN", "starting to read");
  first_read(db);
}

}  // namespace

std::optional<Database> begin_second_reader(Database& db) {
  std::optional<Database> second;
  try {
    second = Database::open(db.path(), OpenMode::existing, IntegrityCheck::by_the_caller);
  } catch (const std::exception&) {
    second.reset();  // one connection, as before
  }
  if (!second) {
    begin_alone(db);
    return std::nullopt;
  }
  sqlite3_busy_timeout(db.handle(), 0);
  const int rc = sqlite3_exec(db.handle(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_busy_timeout(db.handle(), busy_timeout_ms);
  if (rc != SQLITE_OK) {  // another program is writing: one connection, as before
    begin_alone(db);
    return std::nullopt;
  }
  bool same = false;
  try {
    const auto before = db.data_version();
    begin_alone(*second);                   // nobody can commit now: the state db sees
    db.exec("COMMIT", "starting to read");  // nothing was written
    begin_alone(db);
    same = db.data_version() == before;  // nobody committed in between
  } catch (...) {
    if (db.in_transaction()) sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  if (!same) return std::nullopt;  // db reads a later state on its own; `second` closes (its read ends)
  return second;
}

}  // namespace vb::store
