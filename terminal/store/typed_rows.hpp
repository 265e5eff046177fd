#pragma once
// Typed access to stored rows for the snapshot loader and writers: reading checks every value and
// names table, row and column when one is unreadable; binding writes the schema's stored forms.
#include "core/model.hpp"
#include "core/printable_text.hpp"
#include "store/database.hpp"
#include "store/stored_form.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace vb::store {

// Reads typed values from the rows of one SELECT; failures name table, row and column.
class StoredRow {
 public:
  StoredRow(Database& db, std::string_view table, std::string_view sql)
      : db_(db), table_(table), context_("reading table " + table_), st_(db.prepare(sql)) {}

  // Advances to the next row; `id_column` holds what messages call the row (read only for a message).
  bool next(int id_column = 0) {
    on_row_ = st_.step(context_);
    id_column_ = id_column;
    return on_row_;
  }

  // Control characters never reach a screen as text (they are the icons' code points).
  std::string text(int c) const { return printable_text(st_.column_text(c)); }
  std::int64_t integer(int c) const { return st_.column_int(c); }
  int small_int(int c) const { return static_cast<int>(st_.column_int(c)); }
  double real(int c) const { return st_.column_double(c); }
  bool boolean(int c) const { return st_.column_int(c) != 0; }
  // Cleaned like text(), so a staff id read as a reference matches the same id read from the staff table.
  std::string staff_ref(int c) const {
    return st_.column_is_null(c) ? std::string() : printable_text(st_.column_text(c));
  }
  std::optional<Id> optional_id(int c) const {
    if (st_.column_is_null(c)) return std::nullopt;
    return st_.column_int(c);
  }

  Instant instant(int c) const {
    const std::string_view text = st_.column_view(c);
    if (auto t = canonical_stored_instant(text)) return *t;  // the stored form: no copy, same checks
    try {
      return parse_stored_utc(text);
    } catch (const std::exception& e) {
      fail(c, e.what());
    }
  }
  std::optional<Instant> optional_instant(int c) const {
    if (st_.column_is_null(c)) return std::nullopt;
    return instant(c);
  }
  LocalDate date(int c) const {
    if (auto d = canonical_stored_date(st_.column_view(c))) return *d;
    auto d = parse_date(st_.column_text(c));
    if (!d) fail(c, in_quotes(st_.column_text(c)) + " is not a date (YYYY-MM-DD)");
    return *d;
  }
  std::optional<LocalDate> optional_date(int c) const {
    if (st_.column_is_null(c)) return std::nullopt;
    return date(c);
  }
  template <typename E>
  E word(int c, std::optional<E> (*parse)(std::string_view), std::string_view kind) const {
    auto v = parse(st_.column_view(c));
    if (!v) fail(c, in_quotes(st_.column_text(c)) + " is not a known " + std::string(kind));
    return *v;
  }

  [[noreturn]] void fail(int c, const std::string& what) const {
    const std::string row = on_row_ ? st_.column_text(id_column_) : std::string();
    throw StoreError(in_quotes(db_.path()) + ": table " + table_ + ", row " + row + ", column " +
                     std::string(st_.column_name(c)) + ": " + what);
  }

 private:
  Database& db_;
  std::string table_;
  std::string context_;
  Statement st_;
  bool on_row_ = false;
  int id_column_ = 0;
};

inline void bind_instant(Statement& st, int i, Instant t) { st.bind_text(i, stored_instant(t)); }
inline void bind_optional_instant(Statement& st, int i, const std::optional<Instant>& t) {
  if (t) bind_instant(st, i, *t);
  else st.bind_null(i);
}
inline void bind_date(Statement& st, int i, LocalDate d) { st.bind_text(i, stored_date(d)); }
inline void bind_optional_date(Statement& st, int i, const std::optional<LocalDate>& d) {
  if (d) bind_date(st, i, *d);
  else st.bind_null(i);
}
inline void bind_bool(Statement& st, int i, bool b) { st.bind_int(i, b ? 1 : 0); }
// Empty means "none": NULL, so foreign keys and UNIQUE see no value.
inline void bind_text_or_null(Statement& st, int i, const std::string& s) {
  if (s.empty()) st.bind_null(i);
  else st.bind_text(i, s);
}
inline void bind_optional_id(Statement& st, int i, const std::optional<Id>& id) {
  if (id) st.bind_int(i, *id);
  else st.bind_null(i);
}

// "table review, row 500": how write errors name a row.
inline std::string table_row(std::string_view table, const std::string& id) {
  return "table " + std::string(table) + ", row " + id;
}
inline std::string table_row(std::string_view table, Id id) { return table_row(table, std::to_string(id)); }

}  // namespace vb::store
