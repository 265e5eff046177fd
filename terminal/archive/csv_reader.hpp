#pragma once
// The one CSV reader every import uses (RFC 4180): quoted fields with "" for a quote, commas and
// line breaks inside quotes, LF or CRLF endings, an optional UTF-8 byte order mark. Every field
// remembers the line and column it starts at, so problems can be reported as FILE:LINE:COLUMN.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vb::archive {

struct CsvField {
  std::string text;
  int line = 0;    // 1-based line of the file where the field starts
  int column = 0;  // 1-based field position in its record
};

struct CsvRecord {
  int line = 0;  // where the record starts
  std::vector<CsvField> fields;
};

struct CsvProblem {
  int line = 0;
  int column = 0;
  std::string what;
};

struct CsvTable {
  std::vector<CsvRecord> records;  // header first; blank lines are skipped
  std::vector<CsvProblem> problems;  // malformed quoting, limits; reading goes on after each
};

inline constexpr std::size_t max_csv_bytes = 64 * 1024 * 1024;
inline constexpr std::size_t max_csv_fields = 256;
inline constexpr std::size_t max_csv_field_bytes = 64 * 1024;

CsvTable read_csv(std::string_view text);

}  // namespace vb::archive
