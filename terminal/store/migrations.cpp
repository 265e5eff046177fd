// Applies the embedded schema migrations, one transaction each, tracked by PRAGMA user_version.
#include "store/migrations.hpp"

#include "store/statement.hpp"

namespace vb::store {

int latest_schema_version() {
  auto all = embedded_migrations();
  return all.empty() ? 0 : all.back().number;
}

void migrate(sqlite3* db, int target) {
  if (target < 0 || target > latest_schema_version()) {
    throw StoreError("migration target " + std::to_string(target) + " is unknown (this build knows 0.." +
                     std::to_string(latest_schema_version()) + ")");
  }
  for (const Migration& m : embedded_migrations()) {
    if (m.number > target) break;
    if (query_int(db, "PRAGMA user_version") >= m.number) continue;
    std::string label = "migration " + std::to_string(m.number) + " (" + std::string(m.name) + ")";
    execute(db, "BEGIN IMMEDIATE", "starting " + label);
    try {
      // Another process may have applied it while we waited for the write lock.
      auto version = query_int(db, "PRAGMA user_version");
      if (version < m.number) {
        if (version != m.number - 1) {
          throw StoreError(in_quotes(database_name(db)) + ": " + label + " follows schema " +
                           std::to_string(m.number - 1) + ", but the database is at " + std::to_string(version));
        }
        execute(db, std::string(m.sql), label);
        execute(db, "PRAGMA user_version = " + std::to_string(m.number), label);
        execute(db, "PRAGMA application_id = " + std::to_string(application_id), label);
      }
      execute(db, "COMMIT", "committing " + label);
    } catch (const StoreError& e) {
      if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      throw StoreError(std::string(e.what()) + "; the database stays at schema " + std::to_string(m.number - 1));
    }
  }
}

}  // namespace vb::store
