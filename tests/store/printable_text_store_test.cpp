// Text read from the database never carries control characters to a screen: the kiosk's icons are
// drawn from those code points (ui/icons.hpp), so a name imported with one would show an icon.
#include <doctest/doctest.h>

#include "store/database.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "store/store_test_support.hpp"

using namespace vb;
using namespace vb::store;
using namespace vb::store::test;

TEST_CASE("store: a name stored with control characters loads with U+FFFD in their place, other text unchanged") {
  TempDir dir;
  Snapshot written = full_snapshot();
  REQUIRE(written.people.size() >= 2);
  written.people[0].given_name = std::string("Ann\x01") + "e \xC2\x85" + "Smith";  // U+0001 (an icon's) and U+0085
  {
    auto db = Database::open(dir.file("ctl.db"), OpenMode::create_if_missing);
    write_snapshot(db, written);
  }
  auto db = Database::open(dir.file("ctl.db"), OpenMode::existing);
  const Snapshot loaded = load_snapshot(db);
  const Person* p = loaded.find_person(written.people[0].id);
  REQUIRE(p != nullptr);
  CHECK(p->given_name == "Ann\xEF\xBF\xBD" "e \xEF\xBF\xBD" "Smith");
  const Person* other = loaded.find_person(written.people[1].id);
  REQUIRE(other != nullptr);
  CHECK(other->given_name == written.people[1].given_name);
  CHECK(other->family_name == written.people[1].family_name);
}
