// All-or-nothing file operations for archives and restores (POSIX: rename is atomic within a folder).
#include "archive/file_ops.hpp"

#include "archive/archive_error.hpp"
#include "store/database_from_dump.hpp"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace vb::archive {

namespace fs = std::filesystem;

namespace {

std::string why() { return std::strerror(errno); }

void fsync_folder_of(const std::string& path) {
  fs::path parent = fs::path(path).parent_path();
  if (parent.empty()) parent = ".";
  int fd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

void fsync_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw ArchiveError("cannot open '" + path + "' to flush it: " + why());
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) throw ArchiveError("cannot flush '" + path + "' to disk: " + why());
}

}  // namespace

std::string read_file(const std::string& path, std::uint64_t max_bytes) {
  FileReader file(path, max_bytes);
  std::string bytes;
  char buffer[64 * 1024];
  while (const std::size_t n = file.read(buffer, sizeof buffer)) bytes.append(buffer, n);
  return bytes;
}

FileReader::FileReader(const std::string& path, std::uint64_t max_bytes) : path_(path) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (!fs::exists(status)) throw ArchiveError("'" + path + "' does not exist");
  if (!fs::is_regular_file(status)) throw ArchiveError("'" + path + "' is not a file");
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw ArchiveError("cannot read '" + path + "': " + why());
  try {
    const auto bytes = size();
    if (bytes > max_bytes) {
      throw ArchiveError("'" + path + "' is " + std::to_string(bytes) + " bytes, more than the " + std::to_string(max_bytes) + " allowed");
    }
  } catch (...) {
    ::close(fd_);  // the destructor does not run for a constructor that throws
    throw;
  }
}

FileReader::~FileReader() { ::close(fd_); }

std::uint64_t FileReader::size() const {
  struct stat st {};
  if (::fstat(fd_, &st) != 0) throw ArchiveError("cannot read '" + path_ + "': " + why());
  return static_cast<std::uint64_t>(st.st_size);
}

void FileReader::rewind() {
  if (::lseek(fd_, 0, SEEK_SET) != 0) throw ArchiveError("cannot read '" + path_ + "' again: " + why());
}

std::size_t FileReader::read(char* into, std::size_t most) {
  for (;;) {
    const ssize_t n = ::read(fd_, into, most);
    if (n >= 0) return static_cast<std::size_t>(n);
    if (errno != EINTR) throw ArchiveError("cannot read '" + path_ + "': " + why());
  }
}

void write_file_atomically(const std::string& path, std::string_view bytes, unsigned mode) {
  write_file_atomically(path, [bytes](const std::function<void(std::string_view)>& write) { write(bytes); }, mode);
}

void write_file_atomically(const std::string& path,
                           const std::function<void(const std::function<void(std::string_view)>& write)>& produce,
                           unsigned mode) {
  std::string temp = path + ".tmp-XXXXXX";
  int fd = ::mkstemp(temp.data());
  if (fd < 0) throw ArchiveError("cannot write beside '" + path + "': " + why());
  ::fchmod(fd, mode);
  bool ok = true;
  std::string failure;
  auto write = [&](std::string_view piece) {
    const char* p = piece.data();
    std::size_t left = piece.size();
    while (ok && left > 0) {
      ssize_t n = ::write(fd, p, left);
      if (n < 0 && errno == EINTR) continue;
      ok = n > 0;
      if (ok) {
        p += n;
        left -= static_cast<std::size_t>(n);
      } else {
        failure = why();
      }
    }
  };
  try {
    produce(write);
  } catch (...) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  if (ok && ::fsync(fd) != 0) {
    ok = false;
    failure = why();
  }
  ::close(fd);
  if (ok && ::rename(temp.c_str(), path.c_str()) != 0) {
    ok = false;
    failure = why();
  }
  if (!ok) {
    ::unlink(temp.c_str());
    throw ArchiveError("cannot write '" + path + "': " + failure + "; nothing was written");
  }
  fsync_folder_of(path);
}

void remove_database_files(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix, ec);
}

void replace_database_file(const std::string& side, const std::string& live) {
  fsync_file(side);
  std::error_code ec;
  if (fs::exists(live, ec)) {
    store::checkpoint_database_file(live);  // best effort: a damaged file is kept as it is
    const std::string previous = live + ".previous";
    remove_database_files(previous);
    if (::link(live.c_str(), previous.c_str()) != 0) {
      throw ArchiveError("cannot keep the current database as '" + previous + "': " + why() + "; nothing was changed");
    }
    // A WAL left beside the new file would be replayed into it: it goes with the old file.
    for (const char* suffix : {"-wal", "-journal"}) {
      if (fs::exists(live + suffix, ec) && ::rename((live + suffix).c_str(), (previous + suffix).c_str()) != 0) {
        throw ArchiveError("cannot move '" + live + suffix + "' aside: " + why() + "; the database was not replaced");
      }
    }
    fs::remove(live + "-shm", ec);
  }
  if (::rename(side.c_str(), live.c_str()) != 0) {
    throw ArchiveError("cannot put the restored database in place of '" + live + "': " + why());
  }
  fsync_folder_of(live);
}

}  // namespace vb::archive
