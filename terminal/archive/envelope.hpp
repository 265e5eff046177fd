#pragma once
// The archive file: a short text header of our own, then the payload sealed with libsodium's
// secretstream (XChaCha20-Poly1305) with the header as additional data. Nothing in the payload is
// looked at before every chunk's tag, the final tag and the header have been verified (open_archive
// returns only then; a restore reads the file through verify_archive before it parses a byte).
#include "archive/archive_key.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vb::archive {

inline constexpr std::string_view archive_magic = "visitboard archive";
inline constexpr int current_format_version = 1;
inline constexpr std::size_t max_header_bytes = 64 * 1024;
inline constexpr std::uint64_t max_payload_bytes = 512ull * 1024 * 1024;
inline constexpr std::size_t max_header_tables = 512;

struct ArchiveHeader {
  int format_version = current_format_version;
  int schema_version = 0;
  std::string created_at;  // UTC storage form
  std::string team;
  std::string key_id;
  std::vector<std::pair<std::string, std::uint64_t>> table_rows;  // per table, as written
  std::uint64_t payload_bytes = 0;  // sealed bytes after the header

  std::uint64_t total_rows() const;
};

// The header's text, ending with its blank line. Team names lose control characters.
std::string format_header(const ArchiveHeader& header);

// Parses the header at the start of `file` (unauthenticated: for checks and messages only).
// Sets `header_length` to the bytes it spans. Throws ArchiveError naming `name` and the line.
ArchiveHeader parse_header(std::string_view file, const std::string& name, std::size_t& header_length);

// The whole archive file: header (with payload_bytes filled in) + sealed payload.
std::string seal_archive(ArchiveHeader header, std::string_view payload, const ArchiveKey& key);

// The same archive handed to `write` piece by piece (the header's text, the stream header, then each
// sealed chunk of at most 1 MiB + 17 bytes) instead of held whole (session 11: a backup writes it
// straight to its file). Returns the header's text.
std::string seal_archive_to(ArchiveHeader header, std::string_view payload, const ArchiveKey& key,
                            const std::function<void(std::string_view)>& write);

// Seals a payload of a size known in advance that arrives in pieces (session 11: a backup's text as
// it is serialised), handing the archive to `write` as seal_archive_to does (same chunks, same
// bytes but for the random stream header). The header goes out at once; finish() seals the last
// chunk and throws ArchiveError if the pieces did not add up to `payload_size`.
class ArchiveSealer {
 public:
  ArchiveSealer(ArchiveHeader header, std::uint64_t payload_size, const ArchiveKey& key,
                std::function<void(std::string_view)> write);
  ~ArchiveSealer();
  ArchiveSealer(const ArchiveSealer&) = delete;
  ArchiveSealer& operator=(const ArchiveSealer&) = delete;
  void add(std::string_view piece);
  void finish();
  const std::string& head() const { return head_; }  // the header's text

 private:
  struct State;
  void push(bool final);
  std::function<void(std::string_view)> write_;
  std::unique_ptr<State> state_;
  std::string head_, plain_, sealed_;
  std::uint64_t size_ = 0, added_ = 0, chunks_ = 0;
};

// Reads an archive a sealed chunk at a time (session 12: a restore never holds the file, the
// payload or the dump whole; the 5-year trust's held 1.5 GiB). The constructor reads the header and
// checks it as open_archive does (shape and caps, format version, key id, then `file_size` against
// the header's length); next() then hands out each chunk's plaintext only after its tag (with the
// header as additional data) is verified. A chunk's text is authentic but, until the final chunk
// has been read, the archive may still be cut short: a caller that must not look at anything before
// the whole archive is verified reads it through once (verify), then again.
class ArchiveOpener {
 public:
  // Fills `into` with up to `most` bytes of the file, in order; returns 0 only at its end.
  using Source = std::function<std::size_t(char* into, std::size_t most)>;
  ArchiveOpener(Source read, std::uint64_t file_size, const std::string& name, const ArchiveKey& key);
  ~ArchiveOpener();
  ArchiveOpener(const ArchiveOpener&) = delete;
  ArchiveOpener& operator=(const ArchiveOpener&) = delete;

  const ArchiveHeader& header() const { return header_; }
  // The header's exact text and the stream's random header: together they name this one sealed
  // stream (a second read of a file that was replaced meanwhile differs in them).
  const std::string& head() const { return head_; }
  const std::string& stream_header() const { return stream_header_; }

  // The next chunk's plaintext (valid until the next call; zeroed after), or false once the final
  // chunk has been read and nothing follows it. Throws ArchiveError: damaged or altered, truncated,
  // unexpected bytes after the payload.
  bool next(std::string_view& plain);

 private:
  std::size_t read_exactly(char* into, std::size_t n);
  Source read_;
  std::string name_;
  ArchiveHeader header_;
  std::string head_, stream_header_, pending_, sealed_, plain_;
  std::size_t pending_at_ = 0;
  std::uint64_t remaining_ = 0;  // sealed bytes of the payload not yet read
  bool finished_ = false;
  struct State;
  std::unique_ptr<State> state_;
};

// Reads the whole archive through an opener, keeping nothing: every tag and the final tag checked.
// Returns the opener's header, head() and stream_header() for a second read to be compared with.
struct VerifiedStream {
  ArchiveHeader header;
  std::string head, stream_header;
};
VerifiedStream verify_archive(const ArchiveOpener::Source& read, std::uint64_t file_size, const std::string& name,
                              const ArchiveKey& key);

struct OpenedArchive {
  ArchiveHeader header;
  std::string payload;  // authenticated plaintext
};

// Checks, in this order: header shape and caps, format version, key id, exact length, then every
// tag (with the header as additional data) and the final tag; only then returns the plaintext.
// Throws ArchiveError that says which check failed ("sealed with a different key", "truncated",
// "damaged or altered").
OpenedArchive open_archive(std::string_view file, const std::string& name, const ArchiveKey& key);

}  // namespace vb::archive
