#pragma once
// The key that seals archives: where it lives (--key, $VISITBOARD_KEY_FILE, then
// ~/.config/visitboard/archive.key), creating it with mode 0600 on first use, and its short id.
#include <array>
#include <optional>
#include <string>

namespace vb::archive {

inline constexpr std::size_t key_bytes = 32;  // crypto_secretstream_xchacha20poly1305_KEYBYTES

struct ArchiveKey {
  std::array<unsigned char, key_bytes> bytes{};
  std::string id;    // 16 hex digits of a hash of the key: safe to print and to put in a header
  std::string path;  // where it was read from
};

// --key FILE, else $VISITBOARD_KEY_FILE, else $HOME/.config/visitboard/archive.key.
std::string key_path(const std::optional<std::string>& key_option);

// Reads the key (64 hex digits, optionally followed by a newline). With `create_if_missing` a
// missing key file is made with a new random key, mode 0600, in a folder of mode 0700. Throws
// ArchiveError naming the file when it is missing, unreadable, readable by others, or malformed.
ArchiveKey load_key(const std::string& path, bool create_if_missing);

// The id of a key: BLAKE2b of a label and the key, first 8 bytes as hex.
std::string key_id(const std::array<unsigned char, key_bytes>& key);

}  // namespace vb::archive
