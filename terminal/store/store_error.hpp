#pragma once
// The store's one exception type, and the words for a failed SQLite call: what failed and where
// (file, table, row, column), so a person or a script can act on the message.
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;

namespace vb::store {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// 'text' in single quotes: how messages name files and stored values.
std::string in_quotes(std::string_view text);
// "the disk is full (database or disk is full)" for result code `rc` of a call on `db`.
std::string describe_sqlite_failure(sqlite3* db, int rc);
// The file behind `db` as people know it ("/var/lib/visitboard/team.db"), or "the database".
std::string database_name(sqlite3* db);
// Throws StoreError "'<file>': <context>: <description>" (context may be empty).
[[noreturn]] void throw_sqlite_failure(sqlite3* db, int rc, std::string_view context);

}  // namespace vb::store
