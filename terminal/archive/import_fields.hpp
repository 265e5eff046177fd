#pragma once
// Shared by the three imports: the header row against a documented column set, typed reading of
// one field with a problem recorded at its line and column, and the problem list itself.
#include "archive/csv_reader.hpp"
#include "core/local_time.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace vb::archive {

struct ColumnSet {
  std::vector<std::string> required;
  std::vector<std::string> optional;
};

class ImportProblems {
 public:
  explicit ImportProblems(std::string file) : file_(std::move(file)) {}
  void add(int line, int column, const std::string& what);
  void add(const CsvField& f, const std::string& what) { add(f.line, f.column, what); }
  bool empty() const { return problems_.empty(); }
  std::size_t count() const { return problems_.size(); }
  // Sorted by line, then column.
  std::vector<std::string> sorted() const;

 private:
  std::string file_;
  std::vector<std::tuple<int, int, std::string>> problems_;
};

// One data record seen through the header: fields by column name.
class Row {
 public:
  Row(const CsvRecord& record, const std::map<std::string, std::size_t>& columns, ImportProblems& problems);
  int line() const { return record_.line; }
  // The field (trimmed of spaces); a missing optional column or short record gives an empty
  // field positioned at the end of the record.
  CsvField field(const std::string& column) const;
  // Each reader records a problem (naming the column and the value) and returns nullopt.
  std::optional<std::string> text(const std::string& column, bool required) const;
  std::optional<bool> yes_no(const std::string& column, bool fallback) const;
  std::optional<int> number(const std::string& column, int low, int high, int fallback) const;
  std::optional<LocalDate> date(const std::string& column) const;
  std::optional<std::chrono::minutes> time_of_day(const std::string& column) const;
  std::optional<Instant> local_instant(const std::string& column, Zone zone) const;
  ImportProblems& problems() const { return problems_; }

 private:
  const CsvRecord& record_;
  const std::map<std::string, std::size_t>& columns_;
  ImportProblems& problems_;
};

// Checks the header record (every required column, no unknown or repeated one) and returns
// name -> index, or nullopt when the header itself is unusable (then no row is read). Problems go
// to `problems`, together with every CSV syntax problem of the file.
std::optional<std::map<std::string, std::size_t>> read_header(const CsvTable& csv, const ColumnSet& set, ImportProblems& problems);

}  // namespace vb::archive
