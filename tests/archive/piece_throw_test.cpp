// An exception from a piece handler (ArchiveSealer::add's "longer than announced", which is what
// write_backup's size check relies on) must come out of serialize_database_to as an exception, not
// abort the process (the backup runs on a worker thread inside the kiosk).
#include <doctest/doctest.h>
#include "archive/dump_serialization.hpp"
#include <sqlite3.h>
#include <stdexcept>
#include <string>
#include <string_view>
#include <sys/wait.h>
#include <unistd.h>

namespace {
// Runs f in a child; returns its wait status.
template <class F> int in_child(F f) {
  pid_t pid = fork();
  if (pid == 0) { f(); _exit(0); }
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}
sqlite3* table_of(int rows) {
  sqlite3* db = nullptr;
  sqlite3_open(":memory:", &db);
  sqlite3_exec(db, "CREATE TABLE team (id INTEGER PRIMARY KEY, name TEXT)", 0, 0, 0);
  for (int i = 0; i < rows; ++i)
    sqlite3_exec(db, ("INSERT INTO team (name) VALUES ('team " + std::to_string(i) + "')").c_str(), 0, 0, 0);
  return db;
}
}  // namespace

TEST_CASE("backup payload: a piece handler that throws on the last piece gives an exception, not an abort") {
  for (int rows : {10, 5000}) {
    CAPTURE(rows);
    const int status = in_child([rows] {
      sqlite3* db = table_of(rows);
      int pieces = 0, calls = 0;
      vb::archive::serialize_database_to(db, [&](std::string_view) { ++pieces; });
      try {
        vb::archive::serialize_database_to(db, [&](std::string_view) {
          if (++calls == pieces) throw std::runtime_error("longer than announced");
        });
        _exit(2);  // not refused
      } catch (const std::runtime_error& e) {
        _exit(std::string(e.what()) == "longer than announced" ? 0 : 3);  // the handler's own error
      }
    });
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
}

TEST_CASE("backup payload: a piece handler that throws mid-way gives an exception, not an abort") {
  const int status = in_child([] {
    sqlite3* db = table_of(5000);
    int calls = 0;
    try {
      vb::archive::serialize_database_to(db, [&](std::string_view) {
        if (++calls == 1) throw std::runtime_error("disk full");
      });
      _exit(2);
    } catch (const std::runtime_error& e) {
      _exit(std::string(e.what()) == "disk full" ? 0 : 3);  // the handler's own error, not a stream error
    }
  });
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}
