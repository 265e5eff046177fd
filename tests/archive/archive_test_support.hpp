#pragma once
// Shared by the archive suites: a temp folder, the synthetic test key (tests/archive/data), a demo
// database, and an independent row-for-row comparison of two database files through raw SQLite.
#include "archive/archive_key.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

struct sqlite3;

namespace vb::archive::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

std::string data_file(const std::string& name);  // tests/archive/data/NAME
// The checked-in synthetic key, copied to `dir` with mode 0600 (git does not keep modes).
ArchiveKey test_key(const TempDir& dir);
ArchiveKey other_key(const TempDir& dir);  // a second, different key

// A demo team (seed 7, 2026-11-23) written to `path`.
void make_demo_database(const std::string& path);

// Every table -> its rows as sorted text (each value through SQLite's quote()), read with raw SQLite.
std::map<std::string, std::vector<std::string>> table_contents(const std::string& path);

// A raw SQLite connection to a test file, with no visitboard code in between.
class RawDatabase {
 public:
  explicit RawDatabase(const std::string& path);  // throws when SQLite cannot open it
  ~RawDatabase();
  RawDatabase(const RawDatabase&) = delete;
  RawDatabase& operator=(const RawDatabase&) = delete;
  // SQLite's message, or "" when it went through.
  std::string exec(const std::string& sql);
  sqlite3* get() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

std::string read_bytes(const std::string& path);
void write_bytes(const std::string& path, const std::string& bytes);

// The message of the exception `f` throws, or "(no exception)".
template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "(no exception)";
}

}  // namespace vb::archive::test
