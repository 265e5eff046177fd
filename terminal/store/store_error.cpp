// Turns SQLite result codes into messages that say what happened in words people use.
#include "store/store_error.hpp"

#include <sqlite3.h>

namespace vb::store {

namespace {

std::string_view plain_words(int rc) {
  switch (rc & 0xff) {
    case SQLITE_FULL: return "the disk is full";
    case SQLITE_IOERR: return "the disk reported an I/O error";
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return "another program kept the database locked past the busy timeout";
    case SQLITE_READONLY: return "the database can only be read here";
    case SQLITE_CORRUPT: return "the database file is damaged";
    case SQLITE_NOTADB: return "the file is not a database";
    case SQLITE_CANTOPEN: return "the file cannot be opened";
    case SQLITE_NOMEM: return "out of memory";
    default: return {};
  }
}

}  // namespace

std::string in_quotes(std::string_view text) {
  // Built by appending: GCC 12 warns falsely (-Wrestrict) on "'" + std::string&&.
  std::string out;
  out.reserve(text.size() + 2);
  out += '\'';
  out += text;
  out += '\'';
  return out;
}

std::string describe_sqlite_failure(sqlite3* db, int rc) {
  std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string_view words = plain_words(rc);
  if (words.empty()) return detail;
  return std::string(words) + " (" + detail + ")";
}

std::string database_name(sqlite3* db) {
  const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
  if (!file || !*file) return "the database";
  return file;
}

void throw_sqlite_failure(sqlite3* db, int rc, std::string_view context) {
  std::string message = in_quotes(database_name(db)) + ": ";
  if (!context.empty()) message += std::string(context) + ": ";
  throw StoreError(message + describe_sqlite_failure(db, rc));
}

}  // namespace vb::store
