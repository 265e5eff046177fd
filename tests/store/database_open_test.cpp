// Opening a database: the settings that make "saved" mean saved, and refusals that name the file
// and leave it exactly as it was.
#include <doctest/doctest.h>

#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/snapshot_writer.hpp"
#include "store/store_test_support.hpp"

#include <filesystem>
#include <unistd.h>

using namespace vb::store;
using namespace vb::store::test;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A real visitboard database with some rows in it, closed (checkpointed) again.
std::string written_database(const TempDir& dir) {
  auto path = dir.file("good.db");
  auto db = Database::open(path, OpenMode::create_if_missing);
  write_snapshot(db, full_snapshot());
  return path;
}

}  // namespace

TEST_CASE("store: a connection uses WAL, synchronous FULL, foreign keys and a busy timeout") {
  TempDir dir;
  auto db = Database::open(dir.file("settings.db"), OpenMode::create_if_missing);
  auto mode = db.prepare("PRAGMA journal_mode");
  REQUIRE(mode.step());
  CHECK(mode.column_text(0) == "wal");
  CHECK(query_int(db.handle(), "PRAGMA synchronous") == 2);  // FULL
  CHECK(query_int(db.handle(), "PRAGMA foreign_keys") == 1);
  CHECK(query_int(db.handle(), "PRAGMA busy_timeout") == 5000);
}

TEST_CASE("store: a missing file is refused in existing mode and created in create_if_missing mode") {
  TempDir dir;
  const auto path = dir.file("absent.db");
  CHECK(store_error_of([&] { Database::open(path, OpenMode::existing); }) == "'" + path + "' does not exist");
  CHECK_FALSE(std::filesystem::exists(path));
  auto db = Database::open(path, OpenMode::create_if_missing);
  CHECK(std::filesystem::exists(path));
  CHECK_FALSE(db.is_demo());
}

TEST_CASE("store: a file that is not a database is refused by name and left byte-for-byte unchanged") {
  TempDir dir;
  const auto path = dir.file("notes.db");
  std::string garbage = "shopping list: milk, eggs\n";
  for (int i = 0; i < 300; ++i) garbage += static_cast<char>((i * 37) % 256);
  write_bytes(path, garbage);
  auto message = store_error_of([&] { Database::open(path, OpenMode::existing); });
  CHECK(message == "'" + path + "' is not a visitboard database (file is not a database)");
  CHECK(store_error_of([&] { Database::open(path, OpenMode::create_if_missing); }) == message);
  CHECK(read_bytes(path) == garbage);
  CHECK_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST_CASE("store: a truncated database is refused by name and left byte-for-byte unchanged") {
  TempDir dir;
  const auto good = written_database(dir);
  const auto whole = read_bytes(good);
  REQUIRE(whole.size() > 8192);
  for (size_t keep : {whole.size() / 2, size_t{4096}, size_t{100}, size_t{50}}) {
    CAPTURE(keep);
    const auto path = dir.file("cut-" + std::to_string(keep) + ".db");
    const auto cut = whole.substr(0, keep);
    write_bytes(path, cut);
    auto message = store_error_of([&] { Database::open(path, OpenMode::existing); });
    CHECK(contains(message, "'" + path + "'"));
    CHECK((contains(message, "is damaged") || contains(message, "is not a visitboard database")));
    CHECK(read_bytes(path) == cut);
    CHECK_FALSE(std::filesystem::exists(path + "-wal"));
    CHECK_FALSE(std::filesystem::exists(path + "-shm"));
  }
}

TEST_CASE("store: another program's SQLite database is refused, not migrated") {
  TempDir dir;
  const auto path = dir.file("other.db");
  {
    RawConnection raw(path);
    REQUIRE(raw.exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')") == SQLITE_OK);
  }
  const auto before = read_bytes(path);
  auto message = store_error_of([&] { Database::open(path, OpenMode::create_if_missing); });
  CHECK(message == "'" + path + "' is not a visitboard database (it holds another program's tables)");
  CHECK(read_bytes(path) == before);
}

TEST_CASE("store: an empty file is a new database only when asked to create one") {
  TempDir dir;
  const auto path = dir.file("empty.db");
  write_bytes(path, "");
  CHECK(contains(store_error_of([&] { Database::open(path, OpenMode::existing); }), "is empty"));
  CHECK(read_bytes(path).empty());
  auto db = Database::open(path, OpenMode::create_if_missing);
  CHECK(db.schema_version() == latest_schema_version());
}

TEST_CASE("store: a place where the file cannot be written is refused with a message naming it") {
  TempDir dir;
  const auto file = dir.file("plain.txt");
  write_bytes(file, "a regular file, not a folder");
  const auto under_file = file + "/x.db";
  CHECK(store_error_of([&] { Database::open(under_file, OpenMode::create_if_missing); }) ==
        "cannot create '" + under_file + "': '" + file + "' is not a folder");
  const auto no_folder = dir.file("missing/x.db");
  CHECK(contains(store_error_of([&] { Database::open(no_folder, OpenMode::create_if_missing); }), "does not exist"));

  const std::string in_proc = "/proc/visitboard-store-test.db";  // even root cannot create files here
  auto message = store_error_of([&] { Database::open(in_proc, OpenMode::create_if_missing); });
  CHECK(contains(message, "cannot create '" + in_proc + "'"));
  CHECK_FALSE(std::filesystem::exists(in_proc));

  const auto folder = dir.file("a-folder");
  std::filesystem::create_directory(folder);
  CHECK(contains(store_error_of([&] { Database::open(folder, OpenMode::existing); }), "is a folder"));

  if (geteuid() != 0) {  // permissions bind everyone but root
    const auto locked = dir.file("locked");
    std::filesystem::create_directory(locked);
    std::filesystem::permissions(locked, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    auto locked_message = store_error_of([&] { Database::open(locked + "/x.db", OpenMode::create_if_missing); });
    CHECK(contains(locked_message, locked + "/x.db"));
    std::filesystem::permissions(locked, std::filesystem::perms::owner_all);
  }
}

TEST_CASE("store: a database is marked as a demo only through meta") {
  TempDir dir;
  auto db = Database::open(dir.file("demo.db"), OpenMode::create_if_missing);
  CHECK_FALSE(db.is_demo());
  db.exec("INSERT INTO meta (key, value) VALUES ('demo', '1')");
  CHECK(db.is_demo());
}

TEST_CASE("store: a commit by a second connection changes the data_version seen by the first") {
  TempDir dir;
  const auto path = dir.file("shared.db");
  auto first = Database::open(path, OpenMode::create_if_missing);
  auto second = Database::open(path, OpenMode::existing);
  const auto before = first.data_version();
  CHECK(first.data_version() == before);  // reading does not change it
  {
    Transaction tx(second);
    second.exec("INSERT INTO meta (key, value) VALUES ('note', 'x')");
    tx.commit();
  }
  CHECK(first.data_version() != before);
}

TEST_CASE("store: a transaction rolls back unless committed") {
  TempDir dir;
  auto db = Database::open(dir.file("tx.db"), OpenMode::create_if_missing);
  {
    Transaction tx(db);
    db.exec("INSERT INTO meta (key, value) VALUES ('a', '1')");
  }
  CHECK_FALSE(db.in_transaction());
  CHECK(query_int(db.handle(), "SELECT count(*) FROM meta WHERE key = 'a'") == 0);
  {
    Transaction tx(db);
    db.exec("INSERT INTO meta (key, value) VALUES ('b', '1')");
    tx.commit();
  }
  CHECK(query_int(db.handle(), "SELECT count(*) FROM meta WHERE key = 'b'") == 1);
}

TEST_CASE("store: a database moved to a new owner keeps working") {
  TempDir dir;
  auto db = Database::open(dir.file("move.db"), OpenMode::create_if_missing);
  Database moved = std::move(db);
  CHECK(moved.schema_version() == latest_schema_version());
  db = std::move(moved);
  CHECK(db.schema_version() == latest_schema_version());
}
