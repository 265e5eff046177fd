// Boost.Serialization of the dump. Boost 1.74 trusts lengths it reads (and no longer refuses
// newer class versions), so every length is read as a number and checked here before anything is
// allocated, strings travel as sized binary objects, and the loader refuses future class versions.
#include "archive/dump_serialization.hpp"

#include "archive/archive_error.hpp"
#include "store/statement.hpp"

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/basic_archive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/serialization/split_free.hpp>
#include <boost/serialization/version.hpp>

#include <bit>
#include <exception>
#include <new>
#include <sstream>
#include <streambuf>
#include <vector>
#include <stdexcept>

namespace vb::archive {

// A length or count read from a payload that is out of range.
struct LimitExceeded : std::runtime_error {
  using std::runtime_error::runtime_error;
};

namespace detail {

enum class ValueKind : int { null = 0, integer = 1, real = 2, text = 3, blob = 4 };

std::uint64_t bounded(std::uint64_t value, std::uint64_t max, const char* what) {
  if (value > max) throw LimitExceeded(std::string(what) + " " + std::to_string(value) + " exceeds the limit " + std::to_string(max));
  return value;
}

// Bytes travel as their length, then little-endian 64-bit words read as plain numbers. (Boost
// 1.74's own string loader allocates whatever length it reads, and its base64 binary_object loader
// calls std::terminate on some malformed input: found by tests/fuzz/dump_payload_fuzz.)
template <class Archive>
void save_bytes(Archive& ar, const std::string& s) {
  std::uint64_t n = s.size();
  ar << n;
  for (std::size_t i = 0; i < s.size(); i += 8) {
    std::uint64_t word = 0;
    for (std::size_t b = 0; b < 8 && i + b < s.size(); ++b) word |= std::uint64_t{static_cast<unsigned char>(s[i + b])} << (8 * b);
    ar << word;
  }
}

template <class Archive>
void load_bytes(Archive& ar, std::string& s, std::uint64_t max, const char* what) {
  std::uint64_t n = 0;
  ar >> n;
  bounded(n, max, what);
  s.clear();
  // Grows with the words actually read, so a false length fails at the end of the input.
  for (std::uint64_t i = 0; i < n; i += 8) {
    std::uint64_t word = 0;
    ar >> word;
    for (std::uint64_t b = 0; b < 8 && i + b < n; ++b) s += static_cast<char>((word >> (8 * b)) & 0xff);
  }
}

template <class Archive>
void save_value(Archive& ar, const store::SqlValue& v) {
  int kind = static_cast<int>(v.index());
  ar << kind;
  if (const auto* i = std::get_if<std::int64_t>(&v)) ar << *i;
  // Reals travel as their IEEE-754 bits: exact, and no locale or "inf" spelling to go wrong.
  else if (const auto* d = std::get_if<double>(&v)) ar << std::bit_cast<std::uint64_t>(*d);
  else if (const auto* s = std::get_if<std::string>(&v)) save_bytes(ar, *s);
  else if (const auto* b = std::get_if<store::Blob>(&v)) save_bytes(ar, b->bytes);
}

template <class Archive>
store::SqlValue load_value(Archive& ar) {
  int kind = -1;
  ar >> kind;
  switch (static_cast<ValueKind>(kind)) {
    case ValueKind::null: return std::monostate{};
    case ValueKind::integer: {
      std::int64_t i = 0;
      ar >> i;
      return i;
    }
    case ValueKind::real: {
      std::uint64_t bits = 0;
      ar >> bits;
      return std::bit_cast<double>(bits);
    }
    case ValueKind::text: {
      std::string s;
      load_bytes(ar, s, max_value_bytes, "a text value of length");
      return s;
    }
    case ValueKind::blob: {
      store::Blob b;
      load_bytes(ar, b.bytes, max_value_bytes, "a blob of length");
      return b;
    }
  }
  throw LimitExceeded("unknown value kind " + std::to_string(kind));
}

}  // namespace detail
}  // namespace vb::archive

BOOST_CLASS_VERSION(vb::store::DatabaseDump, vb::archive::dump_class_version)
BOOST_CLASS_VERSION(vb::store::TableRows, vb::archive::table_class_version)
BOOST_SERIALIZATION_SPLIT_FREE(vb::store::DatabaseDump)
BOOST_SERIALIZATION_SPLIT_FREE(vb::store::TableRows)

namespace boost::serialization {

template <class Archive>
void save(Archive& ar, const vb::store::TableRows& t, unsigned /*version*/) {
  vb::archive::detail::save_bytes(ar, t.name);
  std::uint64_t columns = t.columns.size(), rows = t.rows.size();
  ar << columns;
  for (const auto& c : t.columns) vb::archive::detail::save_bytes(ar, c);
  ar << rows;
  for (const auto& row : t.rows) {
    for (const auto& v : row) vb::archive::detail::save_value(ar, v);
  }
}

template <class Archive>
void save(Archive& ar, const vb::store::DatabaseDump& d, unsigned /*version*/) {
  std::int64_t schema = d.schema_version;
  std::uint64_t tables = d.tables.size();
  ar << schema << tables;
  for (const auto& t : d.tables) ar << t;
}

}  // namespace boost::serialization

namespace vb::archive {

std::string serialize_dump(const store::DatabaseDump& dump) {
  std::ostringstream out;
  {
    boost::archive::text_oarchive ar(out);
    ar << dump;
  }
  return std::move(out).str();
}

namespace {

// Writes what `ar << dump` writes, a table and a row at a time: Boost's class information (tracking
// off, class version) before the dump's fields and before the first table's, then exactly the
// fields of save(DatabaseDump) and save(TableRows) above. tests/archive/streamed_payload_test.cpp
// holds the two to the same bytes.
class PayloadWriter final : public store::TableReader {
 public:
  PayloadWriter(boost::archive::text_oarchive& ar, StreamedDump& out) : ar_(ar), out_(out) {}
  void begin(int schema_version, std::size_t tables) override {
    out_.schema_version = schema_version;
    class_information(dump_class_version);
    std::int64_t schema = schema_version;
    std::uint64_t count = tables;
    ar_ << schema << count;
  }
  void table(const store::TableRows& layout, std::uint64_t rows) override {
    if (out_.table_rows.empty()) class_information(table_class_version);
    out_.table_rows.emplace_back(layout.name, rows);
    detail::save_bytes(ar_, layout.name);
    std::uint64_t columns = layout.columns.size();
    ar_ << columns;
    for (const auto& c : layout.columns) detail::save_bytes(ar_, c);
    ar_ << rows;
    team_name_column_ = -1;
    if (layout.name == "team") {
      for (std::size_t i = 0; i < layout.columns.size(); ++i)
        if (layout.columns[i] == "name") team_name_column_ = static_cast<int>(i);
    }
    first_row_ = true;
  }
  void row(const std::vector<store::SqlValue>& values) override {
    if (first_row_ && team_name_column_ >= 0) {
      if (const auto* s = std::get_if<std::string>(&values[static_cast<std::size_t>(team_name_column_)])) out_.team = *s;
    }
    first_row_ = false;
    for (const auto& v : values) detail::save_value(ar_, v);
  }

 private:
  void class_information(unsigned version) {
    unsigned tracking = 0;
    ar_ << tracking << version;
  }
  boost::archive::text_oarchive& ar_;
  StreamedDump& out_;
  int team_name_column_ = -1;
  bool first_row_ = false;
};

// Boost reads its own signature as a length-prefixed string (a false length allocates it), so the
// signature and library version are read here, and Boost is told to skip its own header.
unsigned read_boost_signature(std::streambuf& text) {
  constexpr std::string_view signature = "22 serialization::archive ";
  const auto fail = [] { return LimitExceeded("it does not start with a Boost.Serialization text archive signature"); };
  for (char expected : signature) {
    if (text.sbumpc() != std::streambuf::traits_type::to_int_type(expected)) throw fail();
  }
  unsigned version = 0, digits = 0;
  for (int c = text.sgetc(); digits < 4 && c >= '0' && c <= '9'; c = text.snextc()) {
    version = version * 10 + static_cast<unsigned>(c - '0');
    ++digits;
  }
  if (digits == 0 || text.sgetc() != ' ') throw fail();
  if (version > boost::archive::BOOST_ARCHIVE_VERSION()) {
    throw LimitExceeded("it was written by a newer Boost (archive library version " + std::to_string(version) + ")");
  }
  return version;
}

// Reads what PayloadWriter writes (Boost's class information by hand, as it writes it), handing
// each table and row on as soon as it is read: the payload is never held as a dump.
void load_payload(boost::archive::text_iarchive& ar, store::TableReader& reader) {
  using detail::bounded;
  // Boost writes "<tracking> <class version>" before the first object of each class; 1.74 no
  // longer refuses a newer version itself.
  const auto class_version = [&ar](unsigned current, const std::string& what) {
    bool tracking = false;  // read as Boost reads it: 0 or 1
    unsigned version = 0;
    ar >> tracking >> version;
    if (version > current) {
      throw LimitExceeded(what + " class version " + std::to_string(version) + ", newer than this build (" + std::to_string(current) + ")");
    }
  };
  class_version(dump_class_version, "the dump is");
  std::int64_t schema = 0;
  std::uint64_t tables = 0;
  ar >> schema >> tables;
  if (schema < 0 || schema > 1'000'000) throw LimitExceeded("schema version " + std::to_string(schema) + " is out of range");
  bounded(tables, max_tables, "a table count of");
  reader.begin(static_cast<int>(schema), static_cast<std::size_t>(tables));
  store::TableRows layout;
  std::vector<store::SqlValue> row;
  for (std::uint64_t t = 0; t < tables; ++t) {
    if (t == 0) class_version(table_class_version, "a table is");
    detail::load_bytes(ar, layout.name, max_name_bytes, "a table name of length");
    std::uint64_t columns = 0, rows = 0;
    ar >> columns;
    bounded(columns, max_columns, "a column count of");
    layout.columns.clear();
    for (std::uint64_t i = 0; i < columns; ++i) {
      std::string c;
      detail::load_bytes(ar, c, max_name_bytes, "a column name of length");
      layout.columns.push_back(std::move(c));
    }
    ar >> rows;
    bounded(rows, max_rows_per_table, "a row count of");
    // Every row must cost input: a table without columns has no rows (found by dump_payload_fuzz).
    if (columns == 0 && rows != 0) throw LimitExceeded("table '" + layout.name + "' has rows but no columns");
    reader.table(layout, rows);
    // Memory grows only with the row being read: each goes to `reader` and is dropped.
    for (std::uint64_t r = 0; r < rows; ++r) {
      row.clear();
      for (std::uint64_t i = 0; i < columns; ++i) row.push_back(detail::load_value(ar));
      reader.row(row);
    }
  }
}

}  // namespace

namespace {

// An output buffer of 64 KiB handed on to a function each time it fills, and at the end.
class PieceBuffer final : public std::streambuf {
 public:
  explicit PieceBuffer(const std::function<void(std::string_view)>& piece) : piece_(piece), buffer_(64 * 1024) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  // Never throws: a failing `piece` is kept and the stream sees a write error (Boost then stops, and a
  // throw out of a streambuf would reach Boost's destructors, which flush: std::terminate).
  void hand_on() noexcept {
    if (!failure_ && pptr() != pbase()) {
      try {
        piece_(std::string_view(pbase(), static_cast<std::size_t>(pptr() - pbase())));
      } catch (...) {
        failure_ = std::current_exception();
      }
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  void rethrow_failure() const {
    if (failure_) std::rethrow_exception(failure_);
  }

 protected:
  int_type overflow(int_type c) override {
    hand_on();
    if (failure_) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override {
    hand_on();
    return failure_ ? -1 : 0;
  }

 private:
  const std::function<void(std::string_view)>& piece_;
  std::vector<char> buffer_;
  std::exception_ptr failure_;
};

}  // namespace

StreamedDump serialize_database_to(sqlite3* db, const std::function<void(std::string_view)>& piece) {
  StreamedDump out;
  PieceBuffer buffer(piece);
  std::ostream text(&buffer);
  try {
    boost::archive::text_oarchive ar(text);
    PayloadWriter writer(ar, out);
    store::read_tables(db, writer);
  } catch (...) {
    buffer.rethrow_failure();  // a failing `piece` (a full disk) comes out as itself, not as Boost's stream error
    throw;
  }
  buffer.hand_on();
  buffer.rethrow_failure();
  return out;
}

StreamedDump serialize_database(sqlite3* db) {
  StreamedDump out;
  // Room for about twice the file's pages up front (the trust's payload is 1.9x its file): the text
  // then grows in place instead of being copied at each doubling, which held a 256 MiB copy beside
  // the trust's payload. Only what is written is ever touched.
  std::string room;
  room.reserve(static_cast<std::size_t>(store::query_int(db, "PRAGMA page_count") * store::query_int(db, "PRAGMA page_size")) * 2 +
               (1u << 20));
  std::ostringstream text(std::move(room));
  {
    boost::archive::text_oarchive ar(text);
    PayloadWriter writer(ar, out);
    store::read_tables(db, writer);
  }
  out.payload = std::move(text).str();
  return out;
}

void parse_dump_to(std::streambuf& text, store::TableReader& reader) {
  const std::string problem = "the archive payload is not a valid visitboard dump: ";
  try {
    const unsigned library_version = read_boost_signature(text);
    std::istream in(&text);
    boost::archive::text_iarchive ar(in, boost::archive::no_header);
    ar.set_library_version(boost::archive::library_version_type(library_version));
    load_payload(ar, reader);
  } catch (const LimitExceeded& e) {
    throw PayloadError(problem + e.what());
  } catch (const boost::archive::archive_exception& e) {
    throw PayloadError(problem + e.what());
  } catch (const std::bad_alloc&) {
    throw PayloadError(problem + "it asks for more memory than is available");
  } catch (const std::length_error& e) {
    throw PayloadError(problem + "a length is out of range (" + e.what() + ")");
  } catch (const std::ios_base::failure& e) {
    throw PayloadError(problem + "it ends early (" + e.what() + ")");
  }
}

void DumpCollector::begin(int schema_version, std::size_t /*tables*/) { dump_.schema_version = schema_version; }
void DumpCollector::table(const store::TableRows& layout, std::uint64_t /*rows*/) {
  dump_.tables.push_back({layout.name, layout.columns, {}});  // no reserve: rows grow as they are read
}
void DumpCollector::row(const std::vector<store::SqlValue>& values) { dump_.tables.back().rows.push_back(values); }

store::DatabaseDump parse_dump(const std::string& payload) {
  store::DatabaseDump dump;
  DumpCollector collector(dump);
  std::stringbuf text(payload, std::ios::in);
  parse_dump_to(text, collector);
  return dump;
}

}  // namespace vb::archive
