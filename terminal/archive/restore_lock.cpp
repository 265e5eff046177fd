// One restore at a time into a database (archive/restore_lock.hpp).
#include "archive/restore_lock.hpp"

#include "archive/archive_error.hpp"
#include "archive/file_ops.hpp"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vb::archive {

namespace {

std::string why(int error) { return std::strerror(error); }

// "154.2 MB, last written 2026-12-02 17:03 UTC" for the side file and its companions together.
std::string leftover_words(const std::string& side) {
  long long bytes = 0;
  std::time_t newest = 0;
  bool any = false;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    struct stat st {};
    if (::stat((side + suffix).c_str(), &st) != 0) continue;
    any = true;
    bytes += st.st_size;
    if (st.st_mtime > newest) newest = st.st_mtime;
  }
  if (!any) return "";
  char when[32] = "";
  std::tm utc{};
  gmtime_r(&newest, &utc);
  std::strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &utc);
  char size[32];
  std::snprintf(size, sizeof size, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return "'" + side + "' (" + size + ", last written " + when + ")";
}

}  // namespace

RestoreLock::RestoreLock(const std::string& side, const std::string& live) : lock_path_(side + ".lock") {
  for (;;) {
    fd_ = ::open(lock_path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0) throw ArchiveError("cannot restore to '" + live + "': cannot create '" + lock_path_ + "': " + why(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      ::close(fd_);
      fd_ = -1;
      if (error == EWOULDBLOCK) {
        throw ArchiveError("another restore into '" + live + "' is running (it holds '" + lock_path_ +
                           "'); nothing was changed");
      }
      throw ArchiveError("cannot restore to '" + live + "': cannot lock '" + lock_path_ + "': " + why(error));
    }
    // The holder before us removes the file before letting go: ours must still be the one at that path.
    struct stat held {}, named {};
    if (::fstat(fd_, &held) == 0 && ::stat(lock_path_.c_str(), &named) == 0 && held.st_dev == named.st_dev &&
        held.st_ino == named.st_ino)
      break;
    ::close(fd_);
    fd_ = -1;
  }
  removed_ = leftover_words(side);
  remove_database_files(side);
}

RestoreLock::~RestoreLock() {
  if (fd_ < 0) return;
  ::unlink(lock_path_.c_str());
  ::close(fd_);
}

}  // namespace vb::archive
