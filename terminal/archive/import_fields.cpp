// Header checking and typed field reading for imports; every problem names line, column and value.
#include "archive/import_fields.hpp"

#include <algorithm>
#include <charconv>

namespace vb::archive {

namespace {

std::string trimmed(std::string_view s) {
  auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return "";
  auto e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

std::string shown(const std::string& s) { return "'" + (s.size() > 40 ? s.substr(0, 40) + "..." : s) + "'"; }

}  // namespace

void ImportProblems::add(int line, int column, const std::string& what) { problems_.emplace_back(line, column, what); }

std::vector<std::string> ImportProblems::sorted() const {
  auto p = problems_;
  std::stable_sort(p.begin(), p.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
  });
  std::vector<std::string> out;
  for (const auto& [line, column, what] : p) out.push_back(file_ + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + what);
  return out;
}

std::optional<std::map<std::string, std::size_t>> read_header(const CsvTable& csv, const ColumnSet& set, ImportProblems& problems) {
  for (const auto& p : csv.problems) problems.add(p.line, p.column, p.what);
  std::map<std::string, std::size_t> columns;
  if (csv.records.empty()) {
    problems.add(1, 1, "the file is empty; the first line must name the columns");
    return std::nullopt;
  }
  const CsvRecord& header = csv.records.front();
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const auto& f = header.fields[i];
    std::string name = trimmed(f.text);
    bool known = std::count(set.required.begin(), set.required.end(), name) + std::count(set.optional.begin(), set.optional.end(), name) > 0;
    if (!known) problems.add(f, "unknown column " + shown(name));
    else if (!columns.emplace(name, i).second) problems.add(f, "column " + shown(name) + " appears twice");
  }
  bool usable = true;
  for (const auto& name : set.required) {
    if (!columns.count(name)) problems.add(header.line, 1, "the required column '" + name + "' is missing");
    usable = usable && columns.count(name) > 0;
  }
  if (columns.size() != header.fields.size() || !usable) return std::nullopt;
  return columns;
}

Row::Row(const CsvRecord& record, const std::map<std::string, std::size_t>& columns, ImportProblems& problems)
    : record_(record), columns_(columns), problems_(problems) {}

CsvField Row::field(const std::string& column) const {
  auto it = columns_.find(column);
  if (it == columns_.end() || it->second >= record_.fields.size()) {
    int col = it == columns_.end() ? static_cast<int>(record_.fields.size()) + 1 : static_cast<int>(it->second) + 1;
    return CsvField{"", record_.line, col};
  }
  CsvField f = record_.fields[it->second];
  f.text = trimmed(f.text);
  return f;
}

std::optional<std::string> Row::text(const std::string& column, bool required) const {
  CsvField f = field(column);
  if (required && f.text.empty()) {
    problems_.add(f, column + " is empty");
    return std::nullopt;
  }
  return f.text;
}

std::optional<bool> Row::yes_no(const std::string& column, bool fallback) const {
  CsvField f = field(column);
  if (f.text.empty()) return fallback;
  std::string t = f.text;
  std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (t == "yes" || t == "y" || t == "true" || t == "1") return true;
  if (t == "no" || t == "n" || t == "false" || t == "0") return false;
  problems_.add(f, column + " " + shown(f.text) + " is not yes or no");
  return std::nullopt;
}

std::optional<int> Row::number(const std::string& column, int low, int high, int fallback) const {
  CsvField f = field(column);
  if (f.text.empty()) return fallback;
  int v = 0;
  auto [end, ec] = std::from_chars(f.text.data(), f.text.data() + f.text.size(), v);
  if (ec != std::errc() || end != f.text.data() + f.text.size() || v < low || v > high) {
    problems_.add(f, column + " " + shown(f.text) + " is not a whole number from " + std::to_string(low) + " to " + std::to_string(high));
    return std::nullopt;
  }
  return v;
}

std::optional<LocalDate> Row::date(const std::string& column) const {
  CsvField f = field(column);
  if (f.text.empty()) {
    problems_.add(f, column + " is empty");
    return std::nullopt;
  }
  auto d = parse_date(f.text);
  if (!d || f.text.size() != 10) problems_.add(f, column + " " + shown(f.text) + " is not a date YYYY-MM-DD");
  return d && f.text.size() == 10 ? d : std::nullopt;
}

std::optional<std::chrono::minutes> Row::time_of_day(const std::string& column) const {
  CsvField f = field(column);
  const std::string& t = f.text;
  bool shape = t.size() == 5 && t[2] == ':' && std::isdigit(static_cast<unsigned char>(t[0])) && std::isdigit(static_cast<unsigned char>(t[1])) &&
               std::isdigit(static_cast<unsigned char>(t[3])) && std::isdigit(static_cast<unsigned char>(t[4]));
  int h = shape ? (t[0] - '0') * 10 + (t[1] - '0') : 99;
  int m = shape ? (t[3] - '0') * 10 + (t[4] - '0') : 99;
  if (h > 23 || m > 59) {
    problems_.add(f, column + " " + shown(t) + " is not a local time HH:MM");
    return std::nullopt;
  }
  return std::chrono::minutes(h * 60 + m);
}

std::optional<Instant> Row::local_instant(const std::string& column, Zone zone) const {
  CsvField f = field(column);
  if (f.text.empty()) {
    problems_.add(f, column + " is empty");
    return std::nullopt;
  }
  auto t = parse_instant(f.text, zone);
  if (!t) problems_.add(f, column + " " + shown(f.text) + " is not a local date and time YYYY-MM-DD HH:MM");
  return t;
}

}  // namespace vb::archive
