#pragma once
// Shared by the tests of the team-editable files in data/ (rota rules, review rules, bank holidays):
// the shipped file's text, an edit of it, and what a parser says about an edited text.
#include <doctest/doctest.h>

#include <exception>
#include <fstream>
#include <sstream>
#include <string>

namespace vb::test {

// The text of data/<name> as shipped in the source tree.
inline std::string shipped_data(const std::string& name) {
  std::ifstream in(std::string(VB_SOURCE_DIR) + "/data/" + name);
  REQUIRE_MESSAGE(in.good(), "cannot read data/" << name);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// `text` with the first `from` replaced by `to`; the test fails if `from` is not there, so an edit
// that silently misses cannot pass as "accepted".
inline std::string with(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "not in the file: " << from);
  return text.replace(at, from.size(), to);
}

// The parser's message for `text`, or "accepted" when it takes it.
template <class Parse>
std::string refusal_of(Parse&& parse, const std::string& text) {
  try {
    parse(text);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "accepted";
}

}  // namespace vb::test
