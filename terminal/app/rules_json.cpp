// The rules files' shared strict reader, and where each value sits in the text for errors.
#include "app/rules_json.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace vb::app {

namespace {

// Walks text nlohmann has already accepted, recording where each value starts.
class PositionScan {
 public:
  PositionScan(std::string_view t, std::map<std::string, std::pair<int, int>>& out) : t_(t), out_(out) {}
  void run() {
    space();
    value("");
  }

 private:
  std::string_view t_;
  std::map<std::string, std::pair<int, int>>& out_;
  size_t i_ = 0;
  int line_ = 1;
  int col_ = 1;

  bool more() const { return i_ < t_.size(); }
  char peek() const { return more() ? t_[i_] : '\0'; }
  void step() {
    const unsigned char c = static_cast<unsigned char>(t_[i_++]);
    if (c == '\n') {
      ++line_;
      col_ = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++col_;  // a UTF-8 continuation byte is part of the character before
    }
  }
  void space() {
    while (more() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) step();
  }
  std::string string() {
    std::string s;
    step();  // opening quote
    while (more() && peek() != '"') {
      if (peek() == '\\') {
        step();
        if (!more()) break;
      }
      s += peek();
      step();
    }
    if (more()) step();  // closing quote
    return s;
  }
  void value(const std::string& path) {
    out_.emplace(path, std::make_pair(line_, col_));  // "" is the whole text's value
    const char c = peek();
    if (c == '{') {
      step();
      space();
      while (more() && peek() != '}') {
        const std::string key = string();
        space();
        if (peek() == ':') step();
        space();
        value(path.empty() ? key : path + "." + key);
        space();
        if (peek() == ',') step();
        space();
      }
      if (more()) step();
    } else if (c == '[') {
      step();
      space();
      size_t n = 0;
      while (more() && peek() != ']') {
        value(path + "[" + std::to_string(n++) + "]");
        space();
        if (peek() == ',') step();
        space();
      }
      if (more()) step();
    } else if (c == '"') {
      string();
    } else {
      while (more() && peek() != ',' && peek() != '}' && peek() != ']' && peek() != ' ' && peek() != '\n' &&
             peek() != '\r' && peek() != '\t')
        step();
    }
  }
};

}  // namespace

JsonPositions::JsonPositions(std::string_view valid_json) { PositionScan(valid_json, at_).run(); }

std::optional<std::pair<int, int>> JsonPositions::find(std::string field) const {
  while (!field.empty()) {
    if (field.back() == '.') field.pop_back();
    auto it = at_.find(field);
    if (it != at_.end()) return it->second;
    const size_t cut = field.find_last_of(".[");
    if (cut == std::string::npos) break;
    field.resize(cut);
  }
  auto root = at_.find("");
  if (root != at_.end()) return root->second;
  return std::nullopt;
}

std::pair<int, int> line_column(std::string_view text, size_t byte) {
  int line = 1, col = 1;
  for (size_t i = 0; i < byte && i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      col = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {line, col};
}

json RulesReader::parse_object(std::string_view text, const std::string& file, bool with_position) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    std::string where = file;
    if (with_position) {
      // nlohmann's byte is one past the character it stopped at.
      auto [line, col] = line_column(text, e.byte > 0 ? e.byte - 1 : 0);
      where += ":" + std::to_string(line) + ":" + std::to_string(col);
    }
    throw std::runtime_error(where + ": not valid JSON (" + e.what() + ")");
  } catch (const json::exception& e) {  // a number too large to hold (out_of_range 406): the text says which
    throw std::runtime_error(file + ": not valid JSON (" + e.what() + ")");
  }
  if (!j.is_object()) throw std::runtime_error(file + (with_position ? ":1:1" : "") + ": expected a JSON object");
  return j;
}

void RulesReader::fail(const std::string& field, const std::string& what) const {
  std::string where = file;
  if (positions)
    if (auto at = positions->find(field)) where += ":" + std::to_string(at->first) + ":" + std::to_string(at->second);
  throw std::runtime_error(where + ": field '" + field + "': " + what);
}

const json& RulesReader::object(const json& j, const std::string& key, const std::string& path) const {
  if (!j.contains(key)) fail(path + key, "missing");
  if (!j[key].is_object()) fail(path + key, "must be an object");
  return j[key];
}

std::string RulesReader::text(const json& j, const std::string& key, const std::string& path) const {
  if (!j.contains(key)) fail(path + key, "missing");
  if (!j[key].is_string() || j[key].get<std::string>().empty()) fail(path + key, "must be non-empty text");
  return j[key].get<std::string>();
}

int RulesReader::number(const json& j, const std::string& key, const std::string& path, int lo, int hi) const {
  if (!j.contains(key)) fail(path + key, "missing");
  if (!j[key].is_number_integer()) fail(path + key, "must be a whole number");
  int v = j[key].get<int>();
  if (v < lo || v > hi) fail(path + key, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
  return v;
}

double RulesReader::real(const json& j, const std::string& key, const std::string& path, double lo, double hi) const {
  if (!j.contains(key)) fail(path + key, "missing");
  if (!j[key].is_number()) fail(path + key, "must be a number");
  double v = j[key].get<double>();
  if (v < lo || v > hi) fail(path + key, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
  return v;
}

std::string read_rules_text(const std::filesystem::path& file, const std::string& what) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + what + " " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace vb::app
