// Migrations: embedded in the binary, applied in order at open, tracked by user_version.
#include <doctest/doctest.h>

#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/store_test_support.hpp"

using namespace vb::store;
using namespace vb::store::test;

TEST_CASE("store: the embedded migrations are numbered 1, 2, 3 ... and carry their SQL") {
  auto all = embedded_migrations();
  REQUIRE_FALSE(all.empty());
  for (size_t i = 0; i < all.size(); ++i) {
    CHECK(all[i].number == static_cast<int>(i) + 1);
    CHECK_FALSE(all[i].name.empty());
    CHECK((all[i].sql.find("CREATE") != std::string_view::npos || all[i].sql.find("ALTER TABLE") != std::string_view::npos));
  }
  CHECK(latest_schema_version() == all.back().number);
  CHECK(all.front().name == "initial");
}

TEST_CASE("store: a new database is migrated to the latest schema version") {
  TempDir dir;
  auto db = Database::open(dir.file("new.db"), OpenMode::create_if_missing);
  CHECK(db.schema_version() == latest_schema_version());
  CHECK(query_int(db.handle(), "PRAGMA application_id") == application_id);
  CHECK(query_int(db.handle(), "SELECT count(*) FROM zone") == 5);
}

TEST_CASE("store: a database at any earlier schema version is migrated to the latest on open") {
  const int latest = latest_schema_version();
  for (int k = 0; k < latest; ++k) {
    CAPTURE(k);
    TempDir dir;
    const auto path = dir.file("old.db");
    {
      RawConnection raw(path);
      migrate(raw.handle(), k);
      CHECK(raw.query_int("PRAGMA user_version") == k);
    }
    // Schema 0 is a blank file: only create_if_missing may initialise it.
    auto db = Database::open(path, k == 0 ? OpenMode::create_if_missing : OpenMode::existing);
    CHECK(db.schema_version() == latest);
    CHECK(query_int(db.handle(), "SELECT count(*) FROM pragma_foreign_key_check") == 0);
  }
}

TEST_CASE("store: opening an up-to-date database again changes nothing") {
  TempDir dir;
  const auto path = dir.file("again.db");
  { auto db = Database::open(path, OpenMode::create_if_missing); }
  auto before = read_bytes(path);
  { auto db = Database::open(path, OpenMode::existing); }
  CHECK(read_bytes(path) == before);
}

TEST_CASE("store: a database written by a newer visitboard is refused with both versions named") {
  TempDir dir;
  const auto path = dir.file("newer.db");
  { auto db = Database::open(path, OpenMode::create_if_missing); }
  const int newer = latest_schema_version() + 6;
  {
    RawConnection raw(path);
    REQUIRE(raw.exec("PRAGMA user_version = " + std::to_string(newer)) == SQLITE_OK);
  }
  auto before = read_bytes(path);
  const std::string expected = "'" + path + "' was written by a newer visitboard (schema " + std::to_string(newer) +
                         ", this build knows " + std::to_string(latest_schema_version()) + ")";
  auto message = store_error_of([&] { Database::open(path, OpenMode::existing); });
  CHECK(message.find(expected) != std::string::npos);
  CHECK(read_bytes(path) == before);
}
