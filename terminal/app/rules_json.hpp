#pragma once
// The strict JSON reader the team's rules files share (data/rota_rules.json, review_rules.json,
// compliance_rules.json, bank_holidays.json): one place that parses, checks each field's type and
// range, and refuses a bad edit with the file and the field named. Nothing falls back silently:
// the first problem throws, so a file is applied whole or not at all.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace vb::app {

using json = nlohmann::json;

// Where each value of a JSON text starts, by field path as the reader names it
// ("holidays[3].date", "shift_times.weekday"); 1-based line and column (characters, not bytes).
class JsonPositions {
 public:
  JsonPositions() = default;
  explicit JsonPositions(std::string_view valid_json);
  // The position of `field`, or of the nearest enclosing value that exists (a missing key points at
  // its object, a missing top-level key at the whole text's object); nullopt for empty text.
  std::optional<std::pair<int, int>> find(std::string field) const;

 private:
  std::map<std::string, std::pair<int, int>> at_;
};

// 1-based line and column of a byte offset into text.
std::pair<int, int> line_column(std::string_view text, size_t byte);

struct RulesReader {
  const std::string& file;
  const JsonPositions* positions = nullptr;  // set: errors say FILE:LINE:COLUMN

  // Parses `text` as one JSON object: "FILE: not valid JSON (...)", "FILE: expected a JSON object"
  // (with positions: "FILE:LINE:COLUMN: not valid JSON (...)").
  static json parse_object(std::string_view text, const std::string& file, bool with_position = false);

  // "FILE: field 'x.y': what", or "FILE:LINE:COLUMN: field 'x.y': what" with positions.
  [[noreturn]] void fail(const std::string& field, const std::string& what) const;
  const json& object(const json& j, const std::string& key, const std::string& path) const;
  std::string text(const json& j, const std::string& key, const std::string& path) const;
  // A whole number in [lo, hi].
  int number(const json& j, const std::string& key, const std::string& path, int lo, int hi) const;
  // Any number in [lo, hi].
  double real(const json& j, const std::string& key, const std::string& path, double lo, double hi) const;
};

// The whole text of a rules file; "cannot read WHAT FILE" when it cannot be opened.
std::string read_rules_text(const std::filesystem::path& file, const std::string& what);

}  // namespace vb::app
