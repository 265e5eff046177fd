#pragma once
// File moves that are all or nothing: write a file through a temp + fsync + rename, and swap a
// database file for a new one while keeping the old one (and its WAL) as PATH.previous.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace vb::archive {

// Reads a whole file through a FileReader (so refusing what it refuses). Throws ArchiveError naming the file.
std::string read_file(const std::string& path, std::uint64_t max_bytes);

// A file opened once for reading and read through as often as needed (session 12: a restore reads
// its archive twice, verifying, then restoring; the same open file both times, so a file renamed
// over it meanwhile is not the one read the second time). Refuses a path that does not exist or is
// not a file, and a file larger than `max_bytes`.
class FileReader {
 public:
  FileReader(const std::string& path, std::uint64_t max_bytes);
  ~FileReader();
  FileReader(const FileReader&) = delete;
  FileReader& operator=(const FileReader&) = delete;
  std::uint64_t size() const;  // as it is now
  void rewind();
  // Up to `most` bytes from where the last read ended; 0 only at the end. Throws ArchiveError.
  std::size_t read(char* into, std::size_t most);

 private:
  std::string path_;
  int fd_ = -1;
};

// Writes `bytes` to PATH.tmp-XXXXXX beside `path`, fsyncs, renames over `path`, fsyncs the folder.
// On failure the temp file is removed and `path` is as before.
void write_file_atomically(const std::string& path, std::string_view bytes, unsigned mode = 0600);

// The same, for bytes made piece by piece: `produce` is given a writer and calls it with each piece
// in order (session 11: a backup's sealed chunks, never held whole). A piece that cannot be written,
// or an exception from `produce`, removes the temp file and leaves `path` as before.
void write_file_atomically(const std::string& path,
                           const std::function<void(const std::function<void(std::string_view)>& write)>& produce,
                           unsigned mode = 0600);

// Puts the finished database `side` in place of `live` with one rename. A `live` that exists is
// first folded together with its WAL (when SQLite can) and kept as `live`.previous (with its WAL,
// if one remains); an older .previous is replaced.
void replace_database_file(const std::string& side, const std::string& live);

// Removes PATH and its -wal, -shm, -journal companions.
void remove_database_files(const std::string& path);

}  // namespace vb::archive
