// The one CSV reader: RFC 4180 quoting, line endings, BOM, positions, and malformed input reported.
#include <doctest/doctest.h>

#include "archive/csv_reader.hpp"

using namespace vb::archive;

namespace {
std::vector<std::string> texts(const CsvRecord& r) {
  std::vector<std::string> out;
  for (const auto& f : r.fields) out.push_back(f.text);
  return out;
}
}  // namespace

TEST_CASE("csv: quoted fields keep commas, doubled quotes and line breaks") {
  auto t = read_csv("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n");
  REQUIRE(t.problems.empty());
  REQUIRE(t.records.size() == 3);
  CHECK(texts(t.records[1]) == std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"});
  CHECK(texts(t.records[2]) == std::vector<std::string>{"last", "", ""});
  CHECK(t.records[2].line == 4);  // the embedded line break counts
}

TEST_CASE("csv: CRLF endings, a UTF-8 BOM and a missing final newline read the same as plain LF") {
  auto plain = read_csv("id,name\nS01,Ayşe\n");
  auto windows = read_csv("\xEF\xBB\xBFid,name\r\nS01,Ayşe");
  REQUIRE(windows.problems.empty());
  REQUIRE(windows.records.size() == 2);
  CHECK(texts(windows.records[0]) == texts(plain.records[0]));
  CHECK(texts(windows.records[1]) == texts(plain.records[1]));
}

TEST_CASE("csv: blank lines are skipped and fields know their line and column") {
  auto t = read_csv("a,b\n\n1,2\n");
  REQUIRE(t.records.size() == 2);
  CHECK(t.records[1].line == 3);
  CHECK(t.records[1].fields[1].column == 2);
}

TEST_CASE("csv: malformed quoting is reported at its line and column and reading goes on") {
  auto t = read_csv("a,b\n1,x\"y\n2,\"ok\"z\n3,\"never closed\n");
  REQUIRE(t.problems.size() == 3);
  CHECK(t.problems[0].line == 2);
  CHECK(t.problems[0].column == 2);
  CHECK(t.problems[0].what.find("quote inside an unquoted field") != std::string::npos);
  CHECK(t.problems[1].line == 3);
  CHECK(t.problems[1].what == "text after the closing quote");
  CHECK(t.problems[2].line == 4);
  CHECK(t.problems[2].what == "a quoted field that is never closed");
  CHECK(t.records.size() == 1);  // only the header survives
}

TEST_CASE("csv: text that is not UTF-8 is reported at its field, and UTF-8 of every length is read") {
  // Ay\u015fe (2 bytes), \u20ac (3), U+1F600 (4) are UTF-8; then a lone byte 0xFF, an overlong '/'
  // (C0 AF), a surrogate (ED A0 80), a code point past U+10FFFF (F4 90 80 80) and a sequence cut
  // short at the end of the field.
  auto t = read_csv(
      "id,name\n"
      "S01,Ay\xC5\x9F" "e \xE2\x82\xAC \xF0\x9F\x98\x80\n"
      "S02,a\xFF\n"
      "S03,\xC0\xAF\n"
      "S04,x\xED\xA0\x80\n"
      "S05,\xF4\x90\x80\x80\n"
      "S06,ok \xE2\x82\n"
      "S07,\"quoted\nand \xFE\"\n");
  REQUIRE(t.records.size() == 2);  // the header and S01
  CHECK(texts(t.records[1])[1] == "Ay\xC5\x9F" "e \xE2\x82\xAC \xF0\x9F\x98\x80");
  REQUIRE(t.problems.size() == 6);
  const int lines[] = {3, 4, 5, 6, 7, 8};
  const char* bytes[] = {"byte 2 ", "byte 1 ", "byte 2 ", "byte 1 ", "byte 4 ", "byte 12 "};
  for (size_t i = 0; i < 6; ++i) {
    CAPTURE(i);
    CHECK(t.problems[i].line == lines[i]);
    CHECK(t.problems[i].column == 2);
    CHECK(t.problems[i].what.find("text that is not UTF-8 (" + std::string(bytes[i])) == 0);
  }
}
