#pragma once
// Is the file intact? PRAGMA quick_check, in words. Opening for a data command runs it before
// anything is read or written; the kiosk runs it after its first frame, in the background, on its
// own read-only connection, and says on the board when the file is damaged.
#include <sqlite3.h>

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace vb::store {

// Runs PRAGMA quick_check on `db` (the file known as `path`); nullopt when it is intact, else the
// problem in words: "'<path>' is damaged<consequence> (quick_check: ...); restore it from a
// backup", or "holds rows that break the visitboard schema" for rows another program wrote.
// Opening passes " and was not opened" as the consequence.
std::optional<std::string> quick_check_problem(sqlite3* db, const std::string& path, std::string_view consequence = {});

// Opens `path` read-only on its own connection and runs quick_check_problem there; a file that
// cannot be opened or read is a problem too.
std::optional<std::string> integrity_problem(const std::string& path);

// integrity_problem(path) on a thread of its own, started by the constructor. The destructor
// interrupts a check still running and waits for the thread.
class BackgroundIntegrityCheck {
 public:
  explicit BackgroundIntegrityCheck(std::string path);
  ~BackgroundIntegrityCheck();
  BackgroundIntegrityCheck(const BackgroundIntegrityCheck&) = delete;
  BackgroundIntegrityCheck& operator=(const BackgroundIntegrityCheck&) = delete;

  bool finished() const { return finished_; }
  // After finished(): nullopt when the file is intact, else the problem in words.
  std::optional<std::string> problem() const;
  // Blocks until the check has finished (tests, one-shot commands).
  std::optional<std::string> wait();

 private:
  void run();

  std::string path_;
  mutable std::mutex mutex_;
  sqlite3* connection_ = nullptr;  // guarded by mutex_; set while the check runs
  bool stopping_ = false;          // guarded by mutex_
  std::optional<std::string> problem_;  // guarded by mutex_
  std::atomic<bool> finished_{false};
  std::thread thread_;
};

}  // namespace vb::store
