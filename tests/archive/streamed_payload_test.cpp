// A backup serialises the rows as it reads them and seals them into its file a chunk at a time
// (session 11): the first kiosk start with no backup in its folder made one of a 5-year trust
// holding the whole database as a dump (615 MiB) beside the payload (285 MiB) and the sealed bytes
// (285 MiB): 1.2 GB resident for tens of seconds. The streamed payload must be the very bytes the
// dump gave, and the file the very layout seal_archive gives, so every archive restores as before.
#include <doctest/doctest.h>

#include "archive/backup.hpp"
#include "archive/archive_error.hpp"
#include "archive/dump_serialization.hpp"
#include "archive/envelope.hpp"
#include "archive/file_ops.hpp"
#include "archive_test_support.hpp"
#include "store/table_dump.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

using namespace vb;
using namespace vb::archive;
using namespace vb::archive::test;

namespace {

const Instant now = parse_stored_utc("2026-11-23T12:00:00Z");

// A raw connection whose every statement must go through.
class Raw : public RawDatabase {
 public:
  using RawDatabase::RawDatabase;
  void exec(const std::string& sql) {
    const std::string error = RawDatabase::exec(sql);
    REQUIRE_MESSAGE(error == "", sql << ": " << error);
  }
};

void check_same_as_dump(sqlite3* db) {
  const store::DatabaseDump dump = store::dump_tables(db);
  const StreamedDump streamed = serialize_database(db);
  CHECK(streamed.payload == serialize_dump(dump));
  CHECK(streamed.schema_version == dump.schema_version);
  REQUIRE(streamed.table_rows.size() == dump.tables.size());
  for (std::size_t i = 0; i < dump.tables.size(); ++i) {
    CHECK(streamed.table_rows[i].first == dump.tables[i].name);
    CHECK(streamed.table_rows[i].second == dump.tables[i].rows.size());
  }
}

}  // namespace

TEST_CASE("archive: a backup's payload written row by row is byte for byte the whole dump's, for a demo team") {
  TempDir dir;
  make_demo_database(dir.file("demo.db"));
  Raw raw(dir.file("demo.db"));
  check_same_as_dump(raw.get());
  CHECK(serialize_database(raw.get()).team != "");
}

TEST_CASE("archive: the streamed payload matches the dump for every kind of value, empty tables and odd names") {
  TempDir dir;
  const auto path = dir.file("odd.db");
  Raw raw(path);
  SUBCASE("no tables at all") { check_same_as_dump(raw.get()); }
  SUBCASE("one empty table") {
    raw.exec("CREATE TABLE only (a)");
    check_same_as_dump(raw.get());
  }
  SUBCASE("NULL, integers, reals, text of every length, blobs, a quoted name, an empty table between, AUTOINCREMENT") {
    raw.exec("PRAGMA user_version = 12");
    raw.exec("CREATE TABLE \"we\"\"ird\" (id INTEGER PRIMARY KEY AUTOINCREMENT, v, w TEXT)");
    raw.exec("CREATE TABLE empty_between (x)");
    raw.exec("CREATE TABLE team (id INTEGER PRIMARY KEY, name TEXT)");
    raw.exec("INSERT INTO team VALUES (7, 'Northside Home Treatment'), (8, 'Second')");
    raw.exec("INSERT INTO \"we\"\"ird\" (v, w) VALUES (NULL, ''), (-9223372036854775808, 'a'), (9223372036854775807, "
             "'exactly8'), (0.1, 'nine char'), (-1e308, 'Zoë O''Brien-Núñez'), (x'', 'line\none'), (x'00ff10', "
             "'tab\there'), (1.0, NULL)");
    check_same_as_dump(raw.get());
    CHECK(serialize_database(raw.get()).team == "Northside Home Treatment");
  }
}

TEST_CASE("archive: a backup made from the streamed payload restores every table of a demo team") {
  TempDir dir;
  auto key = test_key(dir);
  make_demo_database(dir.file("demo.db"));
  std::string bytes;
  {
    Raw raw(dir.file("demo.db"));
    bytes = make_archive(raw.get(), key, now);
  }
  const VerifiedArchive opened = read_archive(bytes, "demo.vba", key);  // checks the payload against the header
  Raw raw(dir.file("demo.db"));
  const store::DatabaseDump dump = store::dump_tables(raw.get());
  CHECK(opened.dump.schema_version == dump.schema_version);
  REQUIRE(opened.dump.tables.size() == dump.tables.size());
  for (std::size_t i = 0; i < dump.tables.size(); ++i) {
    CAPTURE(dump.tables[i].name);
    CHECK(opened.dump.tables[i].columns == dump.tables[i].columns);
    CHECK(opened.dump.tables[i].rows == dump.tables[i].rows);
  }
  CHECK(opened.header.team != "");
}

TEST_CASE("archive: sealing hands the archive over in pieces of at most a chunk, which together open as the archive") {
  TempDir dir;
  auto key = test_key(dir);
  std::string payload;
  for (int i = 0; payload.size() < 2'500'000; ++i) payload += "row " + std::to_string(i) + " Zoë O'Brien-Núñez\n";
  ArchiveHeader header;
  header.schema_version = 12;
  header.created_at = "2026-11-23T12:00:00Z";
  header.team = "Northside";
  std::string file;
  std::vector<std::size_t> pieces;
  const std::string head = seal_archive_to(header, payload, key, [&](std::string_view piece) {
    pieces.push_back(piece.size());
    file += piece;
  });
  REQUIRE(pieces.size() == 2 + 3);  // header, stream header, three chunks of 1 MiB at most
  CHECK(pieces[0] == head.size());
  for (std::size_t i = 2; i < pieces.size(); ++i) CHECK(pieces[i] <= 1024 * 1024 + 17);
  const OpenedArchive opened = open_archive(file, "pieces.vba", key);
  CHECK(opened.payload == payload);
  CHECK(opened.header.team == "Northside");
  CHECK(seal_archive(header, payload, key).size() == file.size());  // the same layout held whole
}

TEST_CASE("archive: a backup written a chunk at a time restores, and its summary is the file's header and size") {
  TempDir dir;
  auto key = test_key(dir);
  make_demo_database(dir.file("demo.db"));
  BackupSummary summary;
  {
    auto db = store::Database::open(dir.file("demo.db"), store::OpenMode::existing);
    summary = write_backup(db, dir.file("demo.vba"), key, now);
  }
  const std::string bytes = read_bytes(dir.file("demo.vba"));
  CHECK(summary.file_bytes == bytes.size());
  const VerifiedArchive opened = read_archive(bytes, "demo.vba", key);
  CHECK(summary.header.table_rows == opened.header.table_rows);
  CHECK(summary.header.team == opened.header.team);
  CHECK(summary.header.payload_bytes == opened.header.payload_bytes);
  const store::DatabaseDump dump = [&] {
    Raw raw(dir.file("demo.db"));
    return store::dump_tables(raw.get());
  }();
  CHECK(opened.dump.tables.size() == dump.tables.size());
  CHECK(serialize_dump(opened.dump) == serialize_dump(dump));  // counted, then sealed: the same payload
  restore_backup(dir.file("demo.vba"), dir.file("copy.db"), key, now);
  auto before = table_contents(dir.file("demo.db"));
  auto after = table_contents(dir.file("copy.db"));
  CHECK(before.at("visit") == after.at("visit"));
  CHECK(before.at("audit_log").size() + 1 == after.at("audit_log").size());
}

TEST_CASE("archive: a file written piece by piece is all or nothing when its maker fails half way") {
  TempDir dir;
  const auto path = dir.file("out.vba");
  write_bytes(path, "the previous archive");
  auto failing = [](const std::function<void(std::string_view)>& write) {
    write("half of it");
    throw ArchiveError("sealing failed");
  };
  CHECK_THROWS_WITH_AS(write_file_atomically(path, failing), doctest::Contains("sealing failed"), ArchiveError);
  CHECK(read_bytes(path) == "the previous archive");
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(path).parent_path())) {
    CAPTURE(e.path().string());
    CHECK(e.path().string().find(".tmp-") == std::string::npos);
    ++files;
  }
  CHECK(files >= 1);
  write_file_atomically(path, [](const std::function<void(std::string_view)>& write) {
    write("new ");
    write("");
    write("archive");
  });
  CHECK(read_bytes(path) == "new archive");
}

TEST_CASE("archive: a payload sealed as it arrives, in pieces of any size, opens as the archive; a wrong size is refused") {
  TempDir dir;
  auto key = test_key(dir);
  ArchiveHeader header;
  header.schema_version = 12;
  header.created_at = "2026-11-23T12:00:00Z";
  for (std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{2 * 1024 * 1024}, std::size_t{2 * 1024 * 1024 + 5}}) {
    CAPTURE(size);
    std::string payload(size, '\0');
    for (std::size_t i = 0; i < size; ++i) payload[i] = static_cast<char>('a' + i % 23);
    std::string file;
    ArchiveSealer sealer(header, size, key, [&](std::string_view piece) { file += piece; });
    for (std::size_t at = 0, step = 1; at < size; at += step, step = step * 3 + 1) sealer.add(std::string_view(payload).substr(at, step));
    sealer.finish();
    CHECK(open_archive(file, "pieces.vba", key).payload == payload);
    CHECK(file.size() == seal_archive(header, payload, key).size());  // the same chunks as sealed whole
  }
  std::string ignored;
  ArchiveSealer short_one(header, 10, key, [&](std::string_view piece) { ignored += piece; });
  short_one.add("123456789");
  CHECK_THROWS_WITH_AS(short_one.finish(), doctest::Contains("not the 10 announced"), ArchiveError);
  ArchiveSealer long_one(header, 3, key, [&](std::string_view piece) { ignored += piece; });
  CHECK_THROWS_WITH_AS(long_one.add("1234"), doctest::Contains("longer than the 3 bytes announced"), ArchiveError);
}

TEST_CASE("archive: the payload handed over in pieces is the whole payload, in pieces of at most 64 KiB, and twice the same") {
  TempDir dir;
  make_demo_database(dir.file("demo.db"));
  Raw raw(dir.file("demo.db"));
  const StreamedDump whole = serialize_database(raw.get());
  std::string joined;
  std::size_t largest = 0;
  const StreamedDump pieces = serialize_database_to(raw.get(), [&](std::string_view piece) {
    joined += piece;
    largest = std::max(largest, piece.size());
  });
  CHECK(joined == whole.payload);
  CHECK(pieces.payload.empty());
  CHECK(pieces.table_rows == whole.table_rows);
  CHECK(pieces.team == whole.team);
  CHECK(largest <= 64 * 1024);
  CHECK(largest > 0);
  // Inside a read transaction of the caller's (a backup's two passes): joined, not ended.
  raw.exec("BEGIN");
  std::string again;
  serialize_database_to(raw.get(), [&](std::string_view piece) { again += piece; });
  CHECK(sqlite3_get_autocommit(raw.get()) == 0);
  raw.exec("ROLLBACK");
  CHECK(again == whole.payload);
}
