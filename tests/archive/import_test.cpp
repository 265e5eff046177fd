// Imports: a corpus of bad files each with its exact expected error lines, all-or-nothing writes,
// idempotent re-imports, and the overlap rule for shifts.
#include <doctest/doctest.h>

#include "archive/import_plan.hpp"
#include "archive_test_support.hpp"
#include "store/database.hpp"
#include "store/import_writer.hpp"
#include "store/snapshot_loader.hpp"

#include <filesystem>
#include <fstream>

using namespace vb;
using namespace vb::archive;
using namespace vb::archive::test;

namespace {

const Instant now = parse_stored_utc("2026-11-23T12:00:00Z");

ImportPlan plan(store::Database& db, ImportKind kind, const std::string& text, const std::string& name) {
  auto snapshot = store::load_snapshot(db);
  return plan_import(kind, read_csv(text), name, snapshot, store::import_keys(db, std::string(to_string(kind))));
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

// tests/archive/data/imports/bad/NAME.csv each has NAME.expected: the exact problem lines.
TEST_CASE("import: every bad file in the corpus gives exactly its expected problems and writes nothing") {
  TempDir dir;
  make_demo_database(dir.file("team.db"));
  auto db = store::Database::open(dir.file("team.db"), store::OpenMode::existing);
  auto audits = table_contents(dir.file("team.db")).at("audit_log").size();
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(data_file("imports/bad"))) {
    if (entry.path().extension() != ".csv") continue;
    ++files;
    const std::string stem = entry.path().stem().string();  // "rota_overlap"
    CAPTURE(stem);
    auto kind = parse_import_kind(stem.substr(0, stem.find('_')));
    REQUIRE(kind);
    auto p = plan(db, *kind, read_bytes(entry.path().string()), entry.path().filename().string());
    auto expected = read_bytes(entry.path().parent_path().string() + "/" + stem + ".expected");
    CHECK(p.problems == lines_of(expected));
    CHECK(p.writes.size() == 0);
  }
  CHECK(files >= 8);
  CHECK(table_contents(dir.file("team.db")).at("audit_log").size() == audits);
}

TEST_CASE("import: good staff, caseload and rota files apply with one audit row each, and again change nothing") {
  TempDir dir;
  make_demo_database(dir.file("team.db"));
  auto db = store::Database::open(dir.file("team.db"), store::OpenMode::existing);
  for (const char* name : {"staff", "caseload", "rota"}) {
    CAPTURE(name);
    auto kind = *parse_import_kind(name);
    std::string text = read_bytes(data_file(std::string("imports/good/") + name + ".csv"));
    auto first = plan(db, kind, text, name);
    REQUIRE(first.problems.empty());
    CHECK(first.added > 0);
    auto audits = store::apply_import(db, first.writes, now, "import");
    CHECK(audits.size() == first.writes.size());
    auto again = plan(db, kind, text, name);
    REQUIRE(again.problems.empty());
    CHECK(again.writes.size() == 0);
    CHECK(again.added == 0);
    CHECK(again.changed == 0);
  }
}

TEST_CASE("import: a changed row in a re-imported rota updates that shift, matched on shift_id") {
  TempDir dir;
  make_demo_database(dir.file("team.db"));
  auto db = store::Database::open(dir.file("team.db"), store::OpenMode::existing);
  std::string text = read_bytes(data_file("imports/good/staff.csv"));
  store::apply_import(db, plan(db, ImportKind::staff, text, "staff.csv").writes, now, "import");
  text = read_bytes(data_file("imports/good/rota.csv"));
  store::apply_import(db, plan(db, ImportKind::rota, text, "rota.csv").writes, now, "import");
  auto shifts = table_contents(dir.file("team.db")).at("shift").size();
  auto pos = text.find("R-1001,X01,2026-12-01,early,07:30,15:30");
  REQUIRE(pos != std::string::npos);
  text.replace(pos, 39, "R-1001,X01,2026-12-01,early,08:00,16:00");
  auto p = plan(db, ImportKind::rota, text, "rota.csv");
  REQUIRE(p.problems.empty());
  CHECK(p.changed == 1);
  CHECK(p.added == 0);
  store::apply_import(db, p.writes, now, "import");
  CHECK(table_contents(dir.file("team.db")).at("shift").size() == shifts);
}
