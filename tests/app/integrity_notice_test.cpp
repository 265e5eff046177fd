// The kiosk's words for a damaged database: the background check's verdict reaches the board's
// "Cannot read the database" line and stays there.
#include <doctest/doctest.h>

#include "app/integrity_notice.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <fstream>

using namespace vb;

namespace {

struct TempFile {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("vb_integrity_notice_" + std::to_string(::getpid()) + ".db");
  ~TempFile() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  }
};

long long first_int(sqlite3* db, const char* sql) {
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
  long long v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  sqlite3_finalize(st);
  return v;
}

// A fully migrated database whose visit table's root page is garbage.
void make_damaged(const std::string& path) {
  { store::Database::open(path, store::OpenMode::create_if_missing); }
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  const long long root = first_int(db, "SELECT rootpage FROM sqlite_schema WHERE name = 'visit'");
  const long long page = first_int(db, "PRAGMA page_size");
  sqlite3_close(db);
  REQUIRE(root > 1);
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp((root - 1) * page);
  const std::string garbage(static_cast<size_t>(page), '\x33');
  f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
}

}  // namespace

TEST_CASE("kiosk: a damaged database found after the first frame is named on the board in words, and stays") {
  TempFile file;
  make_damaged(file.path.string());
  auto db = store::Database::open(file.path.string(), store::OpenMode::existing, store::IntegrityCheck::by_the_caller);
  app::IntegrityNotice notice;
  CHECK(notice.shown("").empty());
  notice.start(db.path());
  CHECK(notice.wait());  // just found: the board redraws
  const std::string words = notice.shown("");
  CHECK(words.find("'" + file.path.string() + "' is damaged") != std::string::npos);
  CHECK(words.find("restore it from a backup") != std::string::npos);
  CHECK(notice.shown("database is locked") == words);  // outranks a passing read problem
  CHECK_FALSE(notice.poll());                           // said once; no further redraws needed
  CHECK(notice.shown("") == words);
}

TEST_CASE("kiosk: an intact database adds nothing to the board's problem line") {
  TempFile file;
  { store::Database::open(file.path.string(), store::OpenMode::create_if_missing); }
  app::IntegrityNotice notice;
  notice.start(file.path.string());
  CHECK_FALSE(notice.wait());
  CHECK_FALSE(notice.running());
  CHECK(notice.shown("").empty());
  CHECK(notice.shown("database is locked") == "database is locked");
}
