#pragma once
// The archive payload: a store::DatabaseDump as a Boost.Serialization TEXT archive (portable
// across platforms and later Boost versions), with class versions and a size limit on every
// collection and string. Only ever given bytes whose authentication tag has been verified.
#include "store/table_dump.hpp"

#include <string>

namespace vb::archive {

inline constexpr unsigned dump_class_version = 1;   // DatabaseDump
inline constexpr unsigned table_class_version = 1;  // TableRows
inline constexpr std::uint64_t max_tables = 512;
inline constexpr std::uint64_t max_columns = 256;
inline constexpr std::uint64_t max_rows_per_table = 50'000'000;
inline constexpr std::uint64_t max_value_bytes = 64ull * 1024 * 1024;
inline constexpr std::uint64_t max_name_bytes = 256;

std::string serialize_dump(const store::DatabaseDump& dump);

// Throws ArchiveError("... payload: what") for anything that is not a well-formed dump within the
// limits, including a class version newer than this build and allocation failures.
store::DatabaseDump parse_dump(const std::string& payload);

}  // namespace vb::archive
