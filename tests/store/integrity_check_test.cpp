// The integrity check: data commands refuse a damaged file before reading it; the kiosk opens
// without waiting for the check (seconds at trust scale) and learns the verdict in the background.
#include <doctest/doctest.h>

#include "store/database.hpp"
#include "store/integrity_check.hpp"
#include "store/migrations.hpp"
#include "store/store_test_support.hpp"

#include <fstream>

using namespace vb::store;
using namespace vb::store::test;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Overwrites the root page of table `visit` with garbage: sqlite_schema still reads, quick_check fails.
void damage_visit_table(const std::string& path) {
  long long root = 0, page_size = 0;
  {
    RawConnection raw(path);
    root = raw.query_int("SELECT rootpage FROM sqlite_schema WHERE name = 'visit'");
    page_size = raw.query_int("PRAGMA page_size");
  }
  REQUIRE(root > 1);
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp((root - 1) * page_size);
  const std::string garbage(static_cast<size_t>(page_size), '\x5a');
  f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
}

std::string database_at(const TempDir& dir, const std::string& name, int version) {
  const auto path = dir.file(name);
  RawConnection raw(path);
  migrate(raw.handle(), version);
  return path;
}

}  // namespace

TEST_CASE("store: the kiosk opens a damaged file without quick_check, then the background check says it is damaged") {
  TempDir dir;
  const auto path = database_at(dir, "damaged.db", latest_schema_version());
  damage_visit_table(path);

  CHECK_NOTHROW(Database::open(path, OpenMode::existing, IntegrityCheck::by_the_caller));
  BackgroundIntegrityCheck check(path);
  const auto problem = check.wait();
  REQUIRE(problem.has_value());
  CHECK(check.finished());
  CHECK(contains(*problem, "'" + path + "' is damaged (quick_check: "));
  CHECK(contains(*problem, "restore it from a backup"));
  CHECK_FALSE(contains(*problem, "was not opened"));  // the kiosk did open it
}

TEST_CASE("store: data commands still refuse a damaged file before reading it, and leave it unchanged") {
  TempDir dir;
  const auto path = database_at(dir, "damaged.db", latest_schema_version());
  damage_visit_table(path);
  const auto before = read_bytes(path);
  const auto message = store_error_of([&] { Database::open(path, OpenMode::existing); });
  CHECK(contains(message, "'" + path + "' is damaged and was not opened (quick_check: "));
  CHECK(read_bytes(path) == before);
}

TEST_CASE("store: a damaged file that needs migrating is checked before migrating, even for the kiosk") {
  TempDir dir;
  const auto path = database_at(dir, "old.db", latest_schema_version() - 1);
  damage_visit_table(path);
  const auto before = read_bytes(path);
  const auto message =
      store_error_of([&] { Database::open(path, OpenMode::existing, IntegrityCheck::by_the_caller); });
  CHECK(contains(message, "is damaged and was not opened"));
  CHECK(read_bytes(path) == before);
}

TEST_CASE("store: the background check finds an intact file intact, and can be abandoned while it runs") {
  TempDir dir;
  const auto path = database_at(dir, "good.db", latest_schema_version());
  {
    auto db = Database::open(path, OpenMode::existing, IntegrityCheck::by_the_caller);
    BackgroundIntegrityCheck check(path);
    CHECK_FALSE(check.wait().has_value());
    CHECK(check.finished());
  }
  { BackgroundIntegrityCheck abandoned(path); }  // the destructor interrupts and joins
  CHECK(integrity_problem(dir.file("absent.db")).has_value());
}
