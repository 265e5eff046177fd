// Fuzzes the Boost.Serialization payload parser directly, as if authentication had been bypassed:
// the size limits must hold on their own (a tiny input may not make it allocate gigabytes).
#include "archive/archive_error.hpp"
#include "archive/dump_serialization.hpp"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    vb::archive::parse_dump(std::string(reinterpret_cast<const char*>(data), size));
  } catch (const vb::archive::ArchiveError&) {
  }
  return 0;
}
