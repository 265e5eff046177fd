// Archives that are damaged, altered, sealed with another key, lying about their contents or from
// a newer build: each refused with a clear message, without a crash, and nothing changes.
#include <doctest/doctest.h>

#include "archive/backup.hpp"
#include "archive/dump_serialization.hpp"
#include "archive_test_support.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

#include <filesystem>

using namespace vb;
using namespace vb::archive;
using namespace vb::archive::test;

namespace {

const Instant now = parse_stored_utc("2026-11-23T12:00:00Z");
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

struct Fixture {
  TempDir dir;
  ArchiveKey key = test_key(dir);
  std::string good;
  std::string live_before;
  Fixture() {
    make_demo_database(dir.file("live.db"));
    auto db = store::Database::open(dir.file("live.db"), store::OpenMode::existing);
    good = make_archive(db.handle(), key, now);
    db = store::Database::open(dir.file("live.db"), store::OpenMode::existing);  // closes the first
    live_before = read_bytes(dir.file("live.db"));
  }
  // Restores `bytes` over live.db; returns the refusal and checks nothing changed.
  std::string refusal(const std::string& bytes, const ArchiveKey& with) {
    write_bytes(dir.file("bad.vba"), bytes);
    std::string message = error_of([&] { restore_backup(dir.file("bad.vba"), dir.file("live.db"), with, now); });
    CHECK(read_bytes(dir.file("live.db")) == live_before);
    CHECK_FALSE(std::filesystem::exists(dir.file("live.db.previous")));
    CHECK_FALSE(std::filesystem::exists(dir.file("live.db.restoring")));
    return message;
  }
  std::string refusal(const std::string& bytes) { return refusal(bytes, key); }
  // The archive re-sealed (with the right key) after `edit` changed its header or payload.
  template <class Edit>
  std::string resealed(Edit edit) {
    auto opened = open_archive(good, "good", key);
    edit(opened.header, opened.payload);
    return seal_archive(opened.header, opened.payload, key);
  }
};

}  // namespace

TEST_CASE("archive: a truncated archive is refused and nothing changes") {
  Fixture f;
  for (std::size_t cut : {std::size_t{10}, f.good.size() / 2, f.good.size() - 1}) {
    CAPTURE(cut);
    auto message = f.refusal(f.good.substr(0, cut));
    CHECK(contains(message, "truncated"));
  }
}

TEST_CASE("archive: a bit-flipped payload is refused and nothing changes") {
  Fixture f;
  for (std::size_t at : {f.good.size() - 5, f.good.size() / 2, f.good.find("\n\n") + 30}) {
    std::string bad = f.good;
    bad[at] ^= 0x04;
    CHECK(contains(f.refusal(bad), "damaged or was altered"));
  }
}

TEST_CASE("archive: a bit-flipped header is refused and nothing changes") {
  Fixture f;
  std::string bad = f.good;
  auto team = bad.find("team: ") + 7;
  bad[team] ^= 0x01;
  CHECK(contains(f.refusal(bad), "damaged or was altered"));
  bad = f.good;
  bad[bad.find("rows: visit ") + 12] ^= 0x01;  // a row count
  CHECK(contains(f.refusal(bad), "'"));
}

TEST_CASE("archive: an archive sealed with another key is refused as such") {
  Fixture f;
  auto message = f.refusal(f.good, other_key(f.dir));
  CHECK(contains(message, "different key"));
  CHECK(contains(message, f.key.id));
}

TEST_CASE("archive: a header that claims more rows than the payload holds is refused") {
  Fixture f;
  auto bad = f.resealed([](ArchiveHeader& h, std::string&) {
    for (auto& [table, rows] : h.table_rows) {
      if (table == "visit") rows += 1000;
    }
  });
  CHECK(contains(f.refusal(bad), "table visit has"));
}

TEST_CASE("archive: a payload declaring an absurd row count is refused without allocating it") {
  Fixture f;
  store::DatabaseDump tiny;
  tiny.schema_version = 1;
  tiny.tables.push_back({"team", {"id"}, {{std::int64_t{1}}}});
  std::string payload = serialize_dump(tiny);
  auto pos = payload.rfind(" 1 1 1");  // row count 1, then kind 1 (integer) and the value 1
  REQUIRE(pos != std::string::npos);
  payload.replace(pos, 2, " 999999999999");
  auto message = error_of([&] { parse_dump(payload); });
  CHECK(contains(message, "exceeds the limit"));
}

TEST_CASE("archive: a newer format version, schema or class version is refused") {
  Fixture f;
  std::string newer = f.good;
  newer.replace(newer.find("format: 1"), 9, "format: 2");
  CHECK(contains(f.refusal(newer), "archive format 2, newer than this build"));

  auto schema = f.resealed([](ArchiveHeader& h, std::string&) { h.schema_version = store::latest_schema_version() + 1; });
  CHECK(contains(f.refusal(schema), "newer than this build knows"));

  auto klass = f.resealed([](ArchiveHeader&, std::string& payload) {
    // Boost writes "<tracking> <class version>" for DatabaseDump right after its archive header.
    auto pos = payload.find("archive 18 0 1 ");
    REQUIRE(pos != std::string::npos);
    payload.replace(pos, 15, "archive 18 0 9 ");
  });
  CHECK(contains(f.refusal(klass), "class version 9, newer than this build"));
}

TEST_CASE("archive: a file that is not an archive is refused by name") {
  Fixture f;
  auto message = f.refusal("SQLite format 3\n not an archive");
  CHECK(contains(message, "is not a visitboard archive"));
  CHECK(contains(message, "bad.vba"));
}
