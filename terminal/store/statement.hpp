#pragma once
// A prepared SQLite statement (move-only RAII): bind by 1-based index, step, read 0-based columns.
// Also the two one-off helpers every store file needs: run a script, read one integer.
#include "store/store_error.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace vb::store {

class Statement {
 public:
  // Throws StoreError naming the file when the SQL does not prepare.
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind_int(int index, std::int64_t value);
  Statement& bind_double(int index, double value);
  Statement& bind_text(int index, std::string_view value);
  Statement& bind_null(int index);

  // True when a row is ready, false when the statement has finished. On failure the statement is
  // reset and StoreError says "'<file>': <context>: <what>".
  bool step(std::string_view context = {});
  // Steps to the end (an INSERT/UPDATE), then resets so it can be bound and run again.
  void run(std::string_view context = {});
  // Ready to run again; bindings are kept until rebound.
  void reset();

  bool column_is_null(int column) const;
  std::int64_t column_int(int column) const;
  double column_double(int column) const;
  std::string column_text(int column) const;
  // The column's text without copying; valid until the next step/reset (NULL reads as "").
  std::string_view column_view(int column) const;
  std::string_view column_name(int column) const;

  sqlite3_stmt* handle() const { return stmt_; }

 private:
  void check_bind(int rc, int index);
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// Runs one or more statements that return no rows; throws StoreError with `context`.
void execute(sqlite3* db, const std::string& sql, std::string_view context = {});
// The first column of the first row of `sql` as an integer (e.g. "PRAGMA user_version").
std::int64_t query_int(sqlite3* db, std::string_view sql, std::string_view context = {});

}  // namespace vb::store
