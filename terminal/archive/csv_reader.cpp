// RFC 4180 reading as a small state machine over bytes. Malformed quoting is reported where it
// happens and the reader resynchronises at the next line break, so one file yields every problem.
#include "archive/csv_reader.hpp"

namespace vb::archive {

namespace {

// Where `text` stops being UTF-8 (RFC 3629: no overlong forms, surrogates or code points past
// U+10FFFF), as a byte offset; npos when it is UTF-8 throughout. The rows an import writes go into
// audit rows as JSON, which holds only UTF-8.
std::size_t invalid_utf8_at(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF) n = 1;
    else if (b == 0xE0) n = 2, lo = 0xA0;
    else if (b >= 0xE1 && b <= 0xEC) n = 2;
    else if (b == 0xED) n = 2, hi = 0x9F;
    else if (b >= 0xEE && b <= 0xEF) n = 2;
    else if (b == 0xF0) n = 3, lo = 0x90;
    else if (b >= 0xF1 && b <= 0xF3) n = 3;
    else if (b == 0xF4) n = 3, hi = 0x8F;
    else return i;
    if (i + n >= text.size()) return i;  // cut short
    for (std::size_t k = 1; k <= n; ++k) {
      const auto c = static_cast<unsigned char>(text[i + k]);
      if (k == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) return i;
    }
    i += n + 1;
  }
  return std::string_view::npos;
}

class Reader {
 public:
  explicit Reader(std::string_view text) : s_(text) {
    if (s_.starts_with("\xEF\xBB\xBF")) s_.remove_prefix(3);
  }

  CsvTable read() {
    if (s_.size() > max_csv_bytes) {
      out_.problems.push_back({1, 1, "the file is larger than " + std::to_string(max_csv_bytes / (1024 * 1024)) + " MiB"});
      return std::move(out_);
    }
    while (i_ < s_.size()) read_record();
    return std::move(out_);
  }

 private:
  bool at_line_end() const { return s_[i_] == '\n' || (s_[i_] == '\r' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n'); }
  void skip_line_end() {
    if (s_[i_] == '\r') ++i_;
    ++i_;
    ++line_;
  }
  void problem(int column, std::string what) { out_.problems.push_back({line_, column, std::move(what)}); }
  // After a problem: drop the rest of the physical line.
  void skip_rest_of_line() {
    while (i_ < s_.size() && !at_line_end()) ++i_;
    if (i_ < s_.size()) skip_line_end();
  }

  void read_record() {
    CsvRecord record{line_, {}};
    while (true) {
      CsvField field{{}, line_, static_cast<int>(record.fields.size()) + 1};
      if (!read_field(field)) {
        skip_rest_of_line();
        return;  // the malformed record is not kept
      }
      if (field.text.size() > max_csv_field_bytes) {
        problem(field.column, "a field longer than " + std::to_string(max_csv_field_bytes) + " bytes");
        skip_rest_of_line();
        return;
      }
      if (const std::size_t at = invalid_utf8_at(field.text); at != std::string_view::npos) {
        out_.problems.push_back({field.line, field.column,
                                 "text that is not UTF-8 (byte " + std::to_string(at + 1) +
                                     " of the field); save the file as UTF-8"});
        skip_rest_of_line();
        return;
      }
      record.fields.push_back(std::move(field));
      if (record.fields.size() > max_csv_fields) {
        problem(static_cast<int>(record.fields.size()), "more than " + std::to_string(max_csv_fields) + " fields");
        skip_rest_of_line();
        return;
      }
      if (i_ >= s_.size()) break;
      if (s_[i_] == ',') {
        ++i_;
        if (i_ >= s_.size()) {
          record.fields.push_back({{}, line_, static_cast<int>(record.fields.size()) + 1});
          break;
        }
        continue;
      }
      skip_line_end();  // read_field stops only at ',', a line end or the end
      break;
    }
    const bool blank = record.fields.size() == 1 && record.fields[0].text.empty() && !quoted_;
    if (!blank) out_.records.push_back(std::move(record));
  }

  // Reads one field up to (not including) its ',' or line end. False after reporting a problem.
  bool read_field(CsvField& field) {
    quoted_ = i_ < s_.size() && s_[i_] == '"';
    if (!quoted_) {
      while (i_ < s_.size() && s_[i_] != ',' && !at_line_end()) {
        if (s_[i_] == '"') {
          problem(field.column, "a quote inside an unquoted field (quote the whole field and double the quote)");
          return false;
        }
        if (s_[i_] == '\r') {
          problem(field.column, "a carriage return without a line feed");
          return false;
        }
        field.text += s_[i_++];
        if (field.text.size() > max_csv_field_bytes) return true;
      }
      return true;
    }
    ++i_;  // opening quote
    while (true) {
      if (i_ >= s_.size()) {
        line_ = field.line;
        problem(field.column, "a quoted field that is never closed");
        i_ = s_.size();
        return false;
      }
      char c = s_[i_++];
      if (c == '"') {
        if (i_ < s_.size() && s_[i_] == '"') {
          field.text += '"';
          ++i_;
          continue;
        }
        if (i_ < s_.size() && s_[i_] != ',' && !at_line_end()) {
          problem(field.column, "text after the closing quote");
          return false;
        }
        return true;
      }
      if (c == '\n') ++line_;
      field.text += c;
      if (field.text.size() > max_csv_field_bytes) return true;
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
  int line_ = 1;
  bool quoted_ = false;
  CsvTable out_;
};

}  // namespace

CsvTable read_csv(std::string_view text) { return Reader(text).read(); }

}  // namespace vb::archive
