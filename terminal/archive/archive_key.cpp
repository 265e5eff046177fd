// Archive keys: resolved path, first-use creation (0600, O_EXCL so two processes cannot race),
// strict reading, and the short id archives carry so a wrong key is named as such.
#include "archive/archive_key.hpp"

#include "archive/archive_error.hpp"

#include <sodium.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sys/stat.h>
#include <unistd.h>

namespace vb::archive {

namespace fs = std::filesystem;

namespace {

void init_sodium() {
  if (sodium_init() < 0) throw ArchiveError("libsodium could not be initialised");
}

std::string to_hex(const unsigned char* data, std::size_t n) {
  std::string hex(n * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, n);
  hex.pop_back();
  return hex;
}

void create_key_file(const std::string& path) {
  fs::path parent = fs::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty() && !fs::exists(parent, ec)) {
    fs::create_directories(parent, ec);
    if (ec) throw ArchiveError("cannot create the key folder '" + parent.string() + "': " + ec.message());
    fs::permissions(parent, fs::perms::owner_all, ec);
  }
  std::array<unsigned char, key_bytes> key{};
  crypto_secretstream_xchacha20poly1305_keygen(key.data());
  std::string text = to_hex(key.data(), key.size()) + "\n";
  sodium_memzero(key.data(), key.size());
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return;  // another process made it first: use theirs
    throw ArchiveError("cannot create the archive key '" + path + "': " + std::strerror(errno));
  }
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  sodium_memzero(text.data(), text.size());
  if (!ok) {
    fs::remove(path, ec);
    throw ArchiveError("cannot write the archive key '" + path + "'");
  }
}

}  // namespace

std::string key_path(const std::optional<std::string>& key_option) {
  if (key_option && !key_option->empty()) return *key_option;
  if (const char* env = std::getenv("VISITBOARD_KEY_FILE"); env && *env) return env;
  const char* home = std::getenv("HOME");
  if (!home || !*home) throw ArchiveError("no archive key given: use --key FILE or set VISITBOARD_KEY_FILE (HOME is not set)");
  return (fs::path(home) / ".config" / "visitboard" / "archive.key").string();
}

std::string key_id(const std::array<unsigned char, key_bytes>& key) {
  init_sodium();
  static constexpr char label[] = "visitboard archive key id";
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, 16);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(label), sizeof label - 1);
  crypto_generichash_update(&state, key.data(), key.size());
  std::array<unsigned char, 16> hash{};
  crypto_generichash_final(&state, hash.data(), hash.size());
  return to_hex(hash.data(), 8);
}

ArchiveKey load_key(const std::string& path, bool create_if_missing) {
  init_sodium();
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    if (!create_if_missing) throw ArchiveError("the archive key '" + path + "' does not exist");
    create_key_file(path);
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw ArchiveError("cannot read the archive key '" + path + "': " + std::strerror(errno));
  if (!S_ISREG(st.st_mode)) throw ArchiveError("the archive key '" + path + "' is not a file");
  if ((st.st_mode & 077) != 0) {
    throw ArchiveError("the archive key '" + path + "' can be read by other users (mode " +
                       std::to_string((st.st_mode >> 6) & 7) + std::to_string((st.st_mode >> 3) & 7) +
                       std::to_string(st.st_mode & 7) + "); make it 0600");
  }
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  if (!in.good() && !in.eof()) throw ArchiveError("cannot read the archive key '" + path + "'");
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  ArchiveKey key;
  std::size_t used = 0;
  if (text.size() != key_bytes * 2 ||
      sodium_hex2bin(key.bytes.data(), key.bytes.size(), text.data(), text.size(), nullptr, &used, nullptr) != 0 ||
      used != key_bytes) {
    sodium_memzero(text.data(), text.size());
    throw ArchiveError("the archive key '" + path + "' is not 64 hexadecimal digits");
  }
  sodium_memzero(text.data(), text.size());
  key.id = key_id(key.bytes);
  key.path = path;
  return key;
}

}  // namespace vb::archive
