// quick_check in words, now or on a thread of its own.
#include "store/integrity_check.hpp"

#include "store/page_cache.hpp"
#include "store/store_error.hpp"

#include <utility>

namespace vb::store {

std::optional<std::string> quick_check_problem(sqlite3* db, const std::string& path, std::string_view consequence) {
  const std::string damaged = in_quotes(path) + " is damaged" + std::string(consequence) + " (";
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, nullptr);
  if (rc == SQLITE_OK) rc = sqlite3_step(st);
  std::string verdict;
  if (rc == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(st, 0);
    verdict = text ? reinterpret_cast<const char*>(text) : "";
  }
  std::optional<std::string> problem;
  if (rc != SQLITE_ROW) {
    problem = damaged + describe_sqlite_failure(db, rc) + "); restore it from a backup";
  } else if (verdict.starts_with("CHECK constraint failed") || verdict.starts_with("NULL value in")) {
    // An intact file in which another program wrote rows the schema refuses: not "damaged".
    problem = in_quotes(path) + " holds rows that break the visitboard schema" + std::string(consequence) +
              " (quick_check: " + verdict + ")";
  } else if (verdict != "ok") {
    problem = damaged + "quick_check: " + verdict + "); restore it from a backup";
  }
  sqlite3_finalize(st);
  return problem;
}

namespace {

// Opens read-only; nullptr and `problem` set when it cannot.
sqlite3* open_read_only(const std::string& path, std::optional<std::string>& problem) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE, nullptr);
  if (rc != SQLITE_OK) {
    problem = "cannot check " + in_quotes(path) + ": " + describe_sqlite_failure(db, rc);
    sqlite3_close_v2(db);
    return nullptr;
  }
  sqlite3_busy_timeout(db, 5000);
  return db;
}

}  // namespace

std::optional<std::string> integrity_problem(const std::string& path) {
  std::optional<std::string> problem;
  sqlite3* db = open_read_only(path, problem);
  if (!db) return problem;
  problem = quick_check_problem(db, path);
  sqlite3_close_v2(db);
  return problem;
}

BackgroundIntegrityCheck::BackgroundIntegrityCheck(std::string path) : path_(std::move(path)) {
  thread_ = std::thread([this] { run(); });
}

BackgroundIntegrityCheck::~BackgroundIntegrityCheck() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    if (connection_) sqlite3_interrupt(connection_);
  }
  if (thread_.joinable()) thread_.join();
}

void BackgroundIntegrityCheck::run() {
  std::optional<std::string> problem;
  sqlite3* db = open_read_only(path_, problem);
  if (db) {
    {
      std::lock_guard lock(mutex_);
      connection_ = db;
      if (stopping_) sqlite3_interrupt(db);
    }
    problem = quick_check_problem(db, path_);
    std::lock_guard lock(mutex_);
    connection_ = nullptr;
    sqlite3_close_v2(db);
    if (stopping_) problem.reset();  // interrupted on the way out: no verdict
  }
  trim_thread_heap();  // quick_check's pages were freed in this thread's arena (store/page_cache.hpp)
  {
    std::lock_guard lock(mutex_);
    problem_ = std::move(problem);
  }
  finished_ = true;
  finished_.notify_all();
}

std::optional<std::string> BackgroundIntegrityCheck::problem() const {
  std::lock_guard lock(mutex_);
  return problem_;
}

std::optional<std::string> BackgroundIntegrityCheck::wait() {
  finished_.wait(false);
  return problem();
}

}  // namespace vb::store
