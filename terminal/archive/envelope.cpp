// Writing and verifying the archive envelope. The header is strict "name: value" lines so a person
// can read it with `head`; every number is range-checked before use, and the sealed payload is
// decrypted chunk by chunk, each chunk authenticated together with the exact header bytes.
#include "archive/envelope.hpp"

#include "archive/archive_error.hpp"

#include <sodium.h>

#include <algorithm>
#include <charconv>

namespace vb::archive {

namespace {

constexpr std::size_t chunk_bytes = 1024 * 1024;  // plaintext per secretstream message
constexpr std::size_t stream_header_bytes = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t tag_bytes = crypto_secretstream_xchacha20poly1305_ABYTES;

std::string one_line(std::string_view text) {
  std::string out;
  for (char c : text) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c;
  return out;
}

bool parse_number(std::string_view text, std::uint64_t& value) {
  if (text.empty() || text.size() > 19) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

class HeaderParser {
 public:
  HeaderParser(std::string_view text, const std::string& name) : text_(text), name_(name) {}

  // The next line's value after "key: "; throws when the line is another one.
  std::string_view expect(std::string_view key) {
    std::string_view line = next_line();
    if (!line.starts_with(key) || line.substr(key.size(), 2) != ": ") {
      fail("expected '" + std::string(key) + ": ...', found '" + one_line(line.substr(0, 40)) + "'");
    }
    return line.substr(key.size() + 2);
  }
  std::uint64_t expect_number(std::string_view key, std::uint64_t max) {
    std::uint64_t v = 0;
    std::string_view text = expect(key);
    if (!parse_number(text, v) || v > max) fail(std::string(key) + " '" + one_line(text.substr(0, 24)) + "' is not a number up to " + std::to_string(max));
    return v;
  }
  std::string_view next_line() {
    ++line_;
    auto end = text_.find('\n', pos_);
    if (end == std::string_view::npos) fail("the header ends early (the file is truncated or not an archive)");
    std::string_view line = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    return line;
  }
  std::size_t position() const { return pos_; }
  [[noreturn]] void fail(const std::string& what) const {
    throw ArchiveError("'" + name_ + "' header line " + std::to_string(line_) + ": " + what);
  }

 private:
  std::string_view text_;
  const std::string& name_;
  std::size_t pos_ = 0;
  int line_ = 0;
};

}  // namespace

std::uint64_t ArchiveHeader::total_rows() const {
  std::uint64_t n = 0;
  for (const auto& [table, rows] : table_rows) n += rows;
  return n;
}

std::string format_header(const ArchiveHeader& h) {
  std::string out = std::string(archive_magic) + "\n";
  out += "format: " + std::to_string(h.format_version) + "\n";
  out += "schema: " + std::to_string(h.schema_version) + "\n";
  out += "created: " + one_line(h.created_at) + "\n";
  out += "team: " + one_line(h.team) + "\n";
  out += "key: " + one_line(h.key_id) + "\n";
  out += "tables: " + std::to_string(h.table_rows.size()) + "\n";
  for (const auto& [table, rows] : h.table_rows) out += "rows: " + one_line(table) + " " + std::to_string(rows) + "\n";
  out += "payload: " + std::to_string(h.payload_bytes) + "\n\n";
  return out;
}

ArchiveHeader parse_header(std::string_view file, const std::string& name, std::size_t& header_length) {
  const std::string magic_line = std::string(archive_magic) + "\n";
  if (magic_line.starts_with(file)) throw ArchiveError("'" + name + "' is truncated (it ends inside the header)");
  if (!file.starts_with(magic_line)) {
    throw ArchiveError("'" + name + "' is not a visitboard archive (it does not start with '" + std::string(archive_magic) + "')");
  }
  HeaderParser p(file.substr(0, std::min(file.size(), max_header_bytes)), name);
  p.next_line();
  ArchiveHeader h;
  h.format_version = static_cast<int>(p.expect_number("format", 1'000'000));
  if (h.format_version > current_format_version) {
    throw ArchiveError("'" + name + "' is archive format " + std::to_string(h.format_version) +
                       ", newer than this build reads (" + std::to_string(current_format_version) +
                       "); restore it with a newer visitboard");
  }
  if (h.format_version < 1) p.fail("format 0 does not exist");
  h.schema_version = static_cast<int>(p.expect_number("schema", 1'000'000));
  h.created_at = std::string(p.expect("created"));
  h.team = std::string(p.expect("team"));
  h.key_id = std::string(p.expect("key"));
  auto tables = p.expect_number("tables", max_header_tables);
  for (std::uint64_t i = 0; i < tables; ++i) {
    std::string_view entry = p.expect("rows");
    auto space = entry.rfind(' ');
    std::uint64_t rows = 0;
    if (space == std::string_view::npos || space == 0 || !parse_number(entry.substr(space + 1), rows)) {
      p.fail("expected 'rows: TABLE COUNT'");
    }
    h.table_rows.emplace_back(std::string(entry.substr(0, space)), rows);
  }
  h.payload_bytes = p.expect_number("payload", max_payload_bytes);
  if (!p.next_line().empty()) p.fail("expected the blank line that ends the header");
  header_length = p.position();
  return h;
}

struct ArchiveSealer::State {
  crypto_secretstream_xchacha20poly1305_state stream;
  ~State() { sodium_memzero(&stream, sizeof stream); }
};

ArchiveSealer::ArchiveSealer(ArchiveHeader header, std::uint64_t payload_size, const ArchiveKey& key,
                             std::function<void(std::string_view)> write)
    : write_(std::move(write)), state_(std::make_unique<State>()), size_(payload_size) {
  if (sodium_init() < 0) throw ArchiveError("libsodium could not be initialised");
  chunks_ = payload_size == 0 ? 1 : (payload_size + chunk_bytes - 1) / chunk_bytes;
  header.key_id = key.id;
  header.payload_bytes = stream_header_bytes + payload_size + chunks_ * tag_bytes;
  if (header.payload_bytes > max_payload_bytes) throw ArchiveError("the database is too large for one archive");
  head_ = format_header(header);
  write_(head_);
  const std::size_t largest = static_cast<std::size_t>(std::min<std::uint64_t>(chunk_bytes, payload_size));
  plain_.reserve(largest);
  sealed_.assign(std::max(stream_header_bytes, largest + tag_bytes), '\0');
  crypto_secretstream_xchacha20poly1305_init_push(&state_->stream, reinterpret_cast<unsigned char*>(sealed_.data()),
                                                  key.bytes.data());
  write_(std::string_view(sealed_.data(), stream_header_bytes));
}

ArchiveSealer::~ArchiveSealer() = default;

void ArchiveSealer::add(std::string_view piece) {
  if (piece.size() > size_ - added_) throw ArchiveError("the payload is longer than the " + std::to_string(size_) + " bytes announced");
  added_ += piece.size();
  while (!piece.empty()) {
    if (plain_.size() == chunk_bytes) push(false);  // full, and more follows: not the last chunk
    const std::size_t n = std::min(chunk_bytes - plain_.size(), piece.size());
    plain_.append(piece.substr(0, n));
    piece.remove_prefix(n);
  }
}

void ArchiveSealer::finish() {
  if (added_ != size_) {
    throw ArchiveError("the payload is " + std::to_string(added_) + " bytes, not the " + std::to_string(size_) + " announced");
  }
  push(true);
}

void ArchiveSealer::push(bool final) {
  unsigned char tag = final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
  unsigned long long written = 0;
  crypto_secretstream_xchacha20poly1305_push(&state_->stream, reinterpret_cast<unsigned char*>(sealed_.data()), &written,
                                             reinterpret_cast<const unsigned char*>(plain_.data()), plain_.size(),
                                             reinterpret_cast<const unsigned char*>(head_.data()), head_.size(), tag);
  plain_.clear();
  write_(std::string_view(sealed_.data(), static_cast<std::size_t>(written)));
}

std::string seal_archive_to(ArchiveHeader header, std::string_view payload, const ArchiveKey& key,
                            const std::function<void(std::string_view)>& write) {
  ArchiveSealer sealer(std::move(header), payload.size(), key, write);
  sealer.add(payload);
  sealer.finish();
  return sealer.head();
}

std::string seal_archive(ArchiveHeader header, std::string_view payload, const ArchiveKey& key) {
  std::string out;
  out.reserve(max_header_bytes + stream_header_bytes + payload.size() + (payload.size() / chunk_bytes + 1) * tag_bytes);
  seal_archive_to(std::move(header), payload, key, [&out](std::string_view piece) { out.append(piece); });
  return out;
}

struct ArchiveOpener::State {
  crypto_secretstream_xchacha20poly1305_state stream;
  ~State() { sodium_memzero(&stream, sizeof stream); }
};

ArchiveOpener::ArchiveOpener(Source read, std::uint64_t file_size, const std::string& name, const ArchiveKey& key)
    : read_(std::move(read)), name_(name), state_(std::make_unique<State>()) {
  if (sodium_init() < 0) throw ArchiveError("libsodium could not be initialised");
  // The header is at most max_header_bytes: read that much (or the whole file), parse it, and keep
  // what follows it as the first sealed bytes.
  std::string start(static_cast<std::size_t>(std::min<std::uint64_t>(file_size, max_header_bytes)), '\0');
  start.resize(read_exactly(start.data(), start.size()));
  std::size_t head_len = 0;
  header_ = parse_header(start, name, head_len);
  head_ = start.substr(0, head_len);
  pending_ = std::move(start);
  pending_at_ = head_len;
  if (header_.key_id != key.id) {
    throw ArchiveError("'" + name + "' was sealed with a different key (key id " + one_line(header_.key_id).substr(0, 32) +
                       "); the key '" + key.path + "' has id " + key.id);
  }
  const std::uint64_t actual = file_size - head_len;
  if (actual < header_.payload_bytes) {
    throw ArchiveError("'" + name + "' is truncated: the header promises " + std::to_string(header_.payload_bytes) +
                       " sealed bytes, the file holds " + std::to_string(actual));
  }
  if (actual > header_.payload_bytes) {
    throw ArchiveError("'" + name + "' has " + std::to_string(actual - header_.payload_bytes) + " unexpected bytes after its payload");
  }
  const std::string damaged = "'" + name + "' is damaged or was altered (its authentication tag does not match); nothing was restored";
  if (header_.payload_bytes < stream_header_bytes + tag_bytes) throw ArchiveError(damaged);
  stream_header_.resize(stream_header_bytes);
  if (read_exactly(stream_header_.data(), stream_header_bytes) != stream_header_bytes) {
    throw ArchiveError("'" + name + "' is truncated: it ended while it was being read");
  }
  if (crypto_secretstream_xchacha20poly1305_init_pull(&state_->stream, reinterpret_cast<const unsigned char*>(stream_header_.data()),
                                                      key.bytes.data()) != 0) {
    throw ArchiveError(damaged);
  }
  remaining_ = header_.payload_bytes - stream_header_bytes;
  sealed_.resize(static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, chunk_bytes + tag_bytes)));
  plain_.resize(chunk_bytes);
}

ArchiveOpener::~ArchiveOpener() { sodium_memzero(plain_.data(), plain_.size()); }

// Takes what is left of the header's read first, then asks the source until `n` bytes or its end.
std::size_t ArchiveOpener::read_exactly(char* into, std::size_t n) {
  std::size_t got = 0;
  if (pending_at_ < pending_.size()) {
    got = std::min(n, pending_.size() - pending_at_);
    std::copy_n(pending_.data() + pending_at_, got, into);
    pending_at_ += got;
    if (pending_at_ == pending_.size()) {
      std::string().swap(pending_);
      pending_at_ = 0;
    }
  }
  while (got < n) {
    const std::size_t more = read_(into + got, n - got);
    if (more == 0) break;
    got += more;
  }
  return got;
}

bool ArchiveOpener::next(std::string_view& plain) {
  if (finished_) return false;
  if (remaining_ == 0) {
    // The file may have grown since its size was taken: nothing may follow the final chunk.
    char extra = 0;
    if (read_exactly(&extra, 1) != 0) throw ArchiveError("'" + name_ + "' has unexpected bytes after its payload");
    finished_ = true;
    return false;
  }
  const std::string damaged = "'" + name_ + "' is damaged or was altered (its authentication tag does not match); nothing was restored";
  const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, chunk_bytes + tag_bytes));
  if (n < tag_bytes) throw ArchiveError(damaged);
  if (read_exactly(sealed_.data(), n) != n) throw ArchiveError("'" + name_ + "' is truncated: it ended while it was being read");
  unsigned long long got = 0;
  unsigned char tag = 0;
  if (crypto_secretstream_xchacha20poly1305_pull(&state_->stream, reinterpret_cast<unsigned char*>(plain_.data()), &got, &tag,
                                                 reinterpret_cast<const unsigned char*>(sealed_.data()), n,
                                                 reinterpret_cast<const unsigned char*>(head_.data()), head_.size()) != 0) {
    throw ArchiveError(damaged);
  }
  remaining_ -= n;
  const bool last = remaining_ == 0;
  if (last != (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL)) throw ArchiveError(damaged);
  plain = std::string_view(plain_.data(), static_cast<std::size_t>(got));
  return true;
}

VerifiedStream verify_archive(const ArchiveOpener::Source& read, std::uint64_t file_size, const std::string& name,
                              const ArchiveKey& key) {
  ArchiveOpener opener(read, file_size, name, key);
  std::string_view plain;
  while (opener.next(plain)) {
  }
  return VerifiedStream{opener.header(), opener.head(), opener.stream_header()};
}

OpenedArchive open_archive(std::string_view file, const std::string& name, const ArchiveKey& key) {
  std::size_t at = 0;
  ArchiveOpener opener(
      [&](char* into, std::size_t most) {
        const std::size_t n = std::min(most, file.size() - at);
        std::copy_n(file.data() + at, n, into);
        at += n;
        return n;
      },
      file.size(), name, key);
  OpenedArchive opened{opener.header(), {}};
  opened.payload.reserve(static_cast<std::size_t>(opener.header().payload_bytes));
  std::string_view plain;
  while (opener.next(plain)) opened.payload.append(plain);
  return opened;
}

}  // namespace vb::archive
