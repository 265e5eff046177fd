// A restore reads its archive twice and holds a chunk and a row at a time (session 12: the 5-year
// trust's restore held the file, the payload and the whole dump, 1.5 GiB). The first read checks
// every tag and keeps nothing, so nothing is parsed or written before the whole archive is
// authenticated; the second parses each row straight into the side file. Every refusal still
// leaves the database as it was and no side file.
#include <doctest/doctest.h>

#include "archive/archive_error.hpp"
#include "archive/backup.hpp"
#include "archive/dump_serialization.hpp"
#include "archive/envelope.hpp"
#include "archive_test_support.hpp"
#include "store/table_dump.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <streambuf>
#include <string>

using namespace vb;
using namespace vb::archive;
using namespace vb::archive::test;
namespace fs = std::filesystem;

namespace {

const Instant now = parse_stored_utc("2026-11-23T12:00:00Z");
constexpr std::size_t chunk = 1024 * 1024;  // plaintext per sealed chunk
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A demo team with ~3 MiB of synthetic audit rows on top, so its archive has several chunks.
void make_large_database(const std::string& path) {
  make_demo_database(path);
  RawDatabase raw(path);
  REQUIRE(raw.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                   "INSERT INTO audit_log (at, by_staff, command, entity, entity_id, before_json, after_json) "
                   "SELECT '2026-11-20T10:00:00Z', 'S01', 'mark_visit', 'visit', i, 'null', "
                   "'{\"note\":\"' || hex(randomblob(500)) || '\"}' FROM n") == "");
}

std::string archive_of(const std::string& db_path, const ArchiveKey& key) {
  RawDatabase raw(db_path);
  return make_archive(raw.get(), key, now);
}

// Where the sealed chunks start: after the header's blank line and the 24-byte stream header.
std::size_t first_chunk_at(const std::string& archive) { return archive.find("\n\n") + 2 + 24; }

// Hands `text` to the parser in pieces of 1, 2, 3 ... 7 bytes, as no real chunking would.
class Dribble final : public std::streambuf {
 public:
  explicit Dribble(std::string text) : text_(std::move(text)) {}

 protected:
  int_type underflow() override {
    if (at_ == text_.size()) return traits_type::eof();
    const std::size_t n = std::min(text_.size() - at_, step_++ % 7 + 1);
    setg(text_.data() + at_, text_.data() + at_, text_.data() + at_ + n);
    at_ += n;
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::string text_;
  std::size_t at_ = 0, step_ = 0;
};

fs::file_time_type long_ago() { return fs::file_time_type::clock::now() - std::chrono::hours(24 * 365); }

}  // namespace

TEST_CASE("archive: an archive whose second chunk is altered is refused before anything is written beside the database") {
  TempDir live, elsewhere;
  auto key = test_key(elsewhere);
  const auto db = live.file("live.db");
  make_large_database(db);
  const std::string good = archive_of(db, key);
  REQUIRE(good.size() > first_chunk_at(good) + 2 * chunk);
  std::string bad = good;
  bad[first_chunk_at(good) + chunk + 17 + 100] ^= 0x20;  // inside the second chunk; the first is intact
  write_bytes(elsewhere.file("bad.vba"), bad);
  write_bytes(elsewhere.file("good.vba"), good);
  const std::string before = read_bytes(db);
  const fs::path folder = fs::path(db).parent_path();
  fs::last_write_time(folder, long_ago());
  const auto untouched = fs::last_write_time(folder);

  const auto message = error_of([&] { restore_backup(elsewhere.file("bad.vba"), db, key, now); });
  CHECK(contains(message, "damaged or was altered"));
  CHECK(read_bytes(db) == before);
  // No side file was made and removed: the folder itself has not changed since.
  CHECK(fs::last_write_time(folder) == untouched);
  CHECK_FALSE(fs::exists(db + ".restoring"));

  // The same archive unaltered restores (and then the folder does change).
  restore_backup(elsewhere.file("good.vba"), db, key, now);
  CHECK(fs::last_write_time(folder) != untouched);
  const auto restored = table_contents(db), source = table_contents(db + ".previous");
  CHECK(restored.at("audit_log").size() == source.at("audit_log").size() + 1);
  CHECK(restored.at("visit") == source.at("visit"));
  CHECK_FALSE(fs::exists(db + ".restoring"));
}

TEST_CASE("archive: a refusal found while rows are being written leaves the database as it was and no side file") {
  TempDir dir;
  auto key = test_key(dir);
  make_demo_database(dir.file("live.db"));
  store::DatabaseDump dump = [&] {
    RawDatabase raw(dir.file("live.db"));
    return store::dump_tables(raw.get());
  }();
  // The last visit's type is one the schema refuses: found only on inserting it, after rows of
  // earlier tables (and earlier visits) are already in the side file. Sealed with the right key.
  auto visit = std::find_if(dump.tables.begin(), dump.tables.end(), [](const auto& t) { return t.name == "visit"; });
  REQUIRE(visit != dump.tables.end());
  const auto type = std::find(visit->columns.begin(), visit->columns.end(), "type") - visit->columns.begin();
  REQUIRE(visit->rows.size() > 10);
  visit->rows.back()[static_cast<std::size_t>(type)] = std::string("teleport");
  ArchiveHeader header;
  header.schema_version = dump.schema_version;
  header.created_at = "2026-11-23T12:00:00Z";
  for (const auto& t : dump.tables) header.table_rows.emplace_back(t.name, t.rows.size());
  write_bytes(dir.file("bad.vba"), seal_archive(header, serialize_dump(dump), key));
  const std::string before = read_bytes(dir.file("live.db"));

  const auto message = error_of([&] { restore_backup(dir.file("bad.vba"), dir.file("live.db"), key, now); });
  CHECK(contains(message, "was not restored"));
  CHECK(contains(message, "table visit, row " + std::to_string(visit->rows.size())));
  CHECK(read_bytes(dir.file("live.db")) == before);
  CHECK_FALSE(fs::exists(dir.file("live.db.restoring")));
  CHECK_FALSE(fs::exists(dir.file("live.db.restoring-wal")));
  CHECK_FALSE(fs::exists(dir.file("live.db.previous")));
}

TEST_CASE("archive: read a chunk at a time, an archive gives its whole payload; a file that ends early or runs on is refused") {
  TempDir dir;
  auto key = test_key(dir);
  std::string payload;
  for (int i = 0; payload.size() < 2 * chunk + 5; ++i) payload += "row " + std::to_string(i) + " Zoë\n";
  ArchiveHeader header;
  header.schema_version = 12;
  header.created_at = "2026-11-23T12:00:00Z";
  const std::string file = seal_archive(header, payload, key);
  // A source over `bytes` that gives at most `most` bytes a call.
  auto source = [](const std::string& bytes, std::size_t most) {
    return [&bytes, most, at = std::size_t{0}](char* into, std::size_t want) mutable {
      const std::size_t n = std::min({want, most, bytes.size() - at});
      std::memcpy(into, bytes.data() + at, n);
      at += n;
      return n;
    };
  };

  SUBCASE("in pieces of any size from the file, the chunks join to the payload") {
    ArchiveOpener opener(source(file, 4093), file.size(), "pieces.vba", key);
    std::string joined;
    std::string_view plain;
    std::size_t chunks = 0;
    while (opener.next(plain)) {
      joined += plain;
      ++chunks;
    }
    CHECK(chunks == 3);
    CHECK(joined == payload);
    CHECK(opener.head() == file.substr(0, file.find("\n\n") + 2));
  }
  SUBCASE("a file cut short after its size was taken") {
    const std::string cut = file.substr(0, file.size() - 1000);
    ArchiveOpener opener(source(cut, cut.size()), file.size(), "cut.vba", key);
    std::string_view plain;
    CHECK_THROWS_WITH_AS(
        [&] {
          while (opener.next(plain)) {
          }
        }(),
        doctest::Contains("'cut.vba' is truncated"), ArchiveError);
  }
  SUBCASE("a file that grew after its size was taken") {
    const std::string longer = file + "more";
    CHECK_THROWS_WITH_AS(verify_archive(source(longer, longer.size()), file.size(), "long.vba", key),
                         doctest::Contains("unexpected bytes after its payload"), ArchiveError);
  }
  SUBCASE("the same file read twice is the same stream; another sealing of the same payload is not") {
    const auto once = verify_archive(source(file, file.size()), file.size(), "a.vba", key);
    const auto twice = verify_archive(source(file, 77), file.size(), "a.vba", key);
    CHECK(once.head == twice.head);
    CHECK(once.stream_header == twice.stream_header);
    const std::string again = seal_archive(header, payload, key);
    CHECK(verify_archive(source(again, again.size()), again.size(), "b.vba", key).stream_header != once.stream_header);
  }
}

TEST_CASE("archive: the payload parsed as it arrives, in pieces of any size, gives the tables parsed whole; its limits hold") {
  TempDir dir;
  make_demo_database(dir.file("demo.db"));
  const std::string payload = [&] {
    RawDatabase raw(dir.file("demo.db"));
    return serialize_database(raw.get()).payload;
  }();
  const store::DatabaseDump whole = parse_dump(payload);
  store::DatabaseDump pieces;
  DumpCollector collect(pieces);
  Dribble text(payload);
  parse_dump_to(text, collect);
  CHECK(pieces.schema_version == whole.schema_version);
  REQUIRE(pieces.tables.size() == whole.tables.size());
  for (std::size_t i = 0; i < whole.tables.size(); ++i) {
    CAPTURE(whole.tables[i].name);
    CHECK(pieces.tables[i].name == whole.tables[i].name);
    CHECK(pieces.tables[i].columns == whole.tables[i].columns);
    CHECK(pieces.tables[i].rows == whole.tables[i].rows);
  }

  std::string newer = payload;
  newer.replace(newer.find("archive 18 0 1 "), 15, "archive 18 0 9 ");
  store::DatabaseDump ignored;
  DumpCollector into(ignored);
  Dribble newer_text(newer);
  CHECK_THROWS_WITH_AS(parse_dump_to(newer_text, into), doctest::Contains("class version 9, newer than this build"), PayloadError);
  Dribble cut(payload.substr(0, payload.size() / 2));
  CHECK_THROWS_AS(parse_dump_to(cut, into), PayloadError);
  Dribble not_boost("23 serialization::archive 18 0 1 12 0");
  CHECK_THROWS_WITH_AS(parse_dump_to(not_boost, into), doctest::Contains("Boost.Serialization text archive signature"), PayloadError);
}
