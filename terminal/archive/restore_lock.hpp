#pragma once
// One restore at a time into a database, and what a killed one left behind (session 13).
// A restore builds DB.restoring and renames it into place at the end; killed in between, that side
// file (up to ~160 MB at trust scale) stays. Every restore holds an exclusive flock on
// DB.restoring.lock from before it touches DB.restoring until after the rename, so:
// - a second restore into the same database is refused while the first runs (it used to delete
//   the first one's side file under it);
// - a DB.restoring found while holding the lock is provably stale (no restore is writing it), so it
//   is removed and said so.
#include <string>

namespace vb::archive {

class RestoreLock {
 public:
  // Takes the lock for `side` (DB.restoring); throws ArchiveError naming the database when another
  // restore holds it, changing nothing. Then removes what an interrupted restore left at `side`.
  RestoreLock(const std::string& side, const std::string& live);
  ~RestoreLock();  // removes the lock file, then lets go of the lock
  RestoreLock(const RestoreLock&) = delete;
  RestoreLock& operator=(const RestoreLock&) = delete;

  // What was removed, in words ("'DB.restoring' (154.2 MB, last written ...)"); empty if nothing.
  const std::string& removed_leftover() const { return removed_; }

 private:
  std::string lock_path_;
  int fd_ = -1;
  std::string removed_;
};

}  // namespace vb::archive
