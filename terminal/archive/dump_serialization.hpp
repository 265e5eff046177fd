#pragma once
// The archive payload: a store::DatabaseDump as a Boost.Serialization TEXT archive (portable
// across platforms and later Boost versions), with class versions and a size limit on every
// collection and string. Only ever given bytes whose authentication tag has been verified.
#include "archive/archive_error.hpp"
#include "store/table_dump.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <streambuf>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vb::archive {

inline constexpr unsigned dump_class_version = 1;   // DatabaseDump
inline constexpr unsigned table_class_version = 1;  // TableRows
inline constexpr std::uint64_t max_tables = 512;
inline constexpr std::uint64_t max_columns = 256;
inline constexpr std::uint64_t max_rows_per_table = 50'000'000;
inline constexpr std::uint64_t max_value_bytes = 64ull * 1024 * 1024;
inline constexpr std::uint64_t max_name_bytes = 256;

std::string serialize_dump(const store::DatabaseDump& dump);

// The payload serialize_dump(store::dump_tables(db)) gives, byte for byte, written while the rows
// are read (store::read_tables, one read transaction) so no copy of the database is held beside it
// (session 11: a 5-year trust's backup held a 615 MiB dump next to its 285 MiB payload), and what
// the archive header says about it.
struct StreamedDump {
  std::string payload;
  int schema_version = 0;
  std::vector<std::pair<std::string, std::uint64_t>> table_rows;  // per table, in payload order
  std::string team;  // the name in the first row of table team ("" if none)
};
StreamedDump serialize_database(sqlite3* db);

// The same text handed to `piece` in pieces of at most 64 KiB, never held whole; `payload` stays
// empty. Two calls inside one read transaction of the caller's give the same pieces (a backup
// counts the bytes, then seals them: store::read_tables joins a transaction already open).
StreamedDump serialize_database_to(sqlite3* db, const std::function<void(std::string_view)>& piece);

// What the parser throws for a payload that is not a well-formed dump within the limits
// ("the archive payload is not a valid visitboard dump: what"), including a class version newer
// than this build and allocation failures.
struct PayloadError : ArchiveError {
  using ArchiveError::ArchiveError;
};

// Parses the payload text as it arrives from `text` and hands each table and row to `reader` as
// read_tables does on the backup side (session 12: a restore writes each row as it is parsed
// instead of holding the whole dump; the same limits and checks as parse_dump, which is this with
// a reader that keeps everything). What `reader` throws comes out unchanged, except std::bad_alloc,
// std::length_error and std::ios_base::failure, which come out as PayloadError like the parser's own
// (for a reader that keeps every row, running out of memory is the payload's doing).
void parse_dump_to(std::streambuf& text, store::TableReader& reader);

// A reader that keeps every table and row it is handed, in order, in `dump`.
class DumpCollector final : public store::TableReader {
 public:
  explicit DumpCollector(store::DatabaseDump& dump) : dump_(dump) {}
  void begin(int schema_version, std::size_t tables) override;
  void table(const store::TableRows& layout, std::uint64_t rows) override;
  void row(const std::vector<store::SqlValue>& values) override;

 private:
  store::DatabaseDump& dump_;
};

// Throws PayloadError for anything that is not a well-formed dump within the limits.
store::DatabaseDump parse_dump(const std::string& payload);

}  // namespace vb::archive
