// Fuzzes the archive reader as restore runs it (header, caps, key id, length, tags, then the
// payload parser) with the synthetic test key, so seeds sealed with it reach past authentication.
#include "archive/archive_error.hpp"
#include "archive/dump_serialization.hpp"
#include "archive/envelope.hpp"

#include <sodium.h>

#include <cstdint>
#include <string_view>

namespace {

vb::archive::ArchiveKey fuzz_key() {
  vb::archive::ArchiveKey key;
  constexpr std::string_view hex = "79869faa995b613e042e8e5cebf1ec556d63344e62c05c6fcabcd1658f831a18";  // tests/archive/data/test.key
  sodium_hex2bin(key.bytes.data(), key.bytes.size(), hex.data(), hex.size(), nullptr, nullptr, nullptr);
  key.id = vb::archive::key_id(key.bytes);
  key.path = "fuzz.key";
  return key;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const vb::archive::ArchiveKey key = fuzz_key();
  try {
    auto opened = vb::archive::open_archive(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz", key);
    vb::archive::parse_dump(opened.payload);
  } catch (const vb::archive::ArchiveError&) {
  }
  return 0;
}
