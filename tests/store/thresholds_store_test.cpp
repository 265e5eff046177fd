// Documented thresholds for admission: stored per episode, replaced whole, audited before -> after.
#include <doctest/doctest.h>

#include "core/escalation.hpp"
#include "store/command_store.hpp"
#include "store/database.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "support/small_team.hpp"

#include <filesystem>

using namespace vb;
using vb::test::at;

namespace {

struct TempDb {
  std::filesystem::path path = std::filesystem::temp_directory_path() / ("vb_thresholds_" + std::to_string(::getpid()) + ".db");
  TempDb() { std::filesystem::remove(path); }
  ~TempDb() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  }
};

std::int64_t count(store::Database& db, const char* sql) {
  auto st = db.prepare(sql);
  st.step();
  return st.column_int(0);
}

}  // namespace

TEST_CASE("store: setting thresholds writes them once, replaces them on the next set, one audit row each") {
  TempDb tmp;
  auto db = store::Database::open(tmp.path.string(), store::OpenMode::create_if_missing);
  Snapshot team = test::small_team();
  team.staff[2].skills.push_back("senior_reviewer");
  test::grant_usual_roles(team);
  store::write_snapshot(db, team);
  Snapshot s = store::load_snapshot(db);

  SetThresholds first{2, "Admit if not eating for 3 days", true, true, false, "S03", at("2026-11-23T10:00")};
  store::apply_commands(db, s, {first});
  CHECK(count(db, "SELECT count(*) FROM risk_thresholds WHERE episode_id = 2 AND carer_concern = 0") == 1);
  CHECK_FALSE(thresholds_for(s, 2).carer_concern);

  SetThresholds second{2, "Admit if not eating for 2 days", true, true, true, "S03", at("2026-11-23T11:00")};
  store::apply_commands(db, s, {second});
  CHECK(count(db, "SELECT count(*) FROM risk_thresholds") == 1);
  CHECK(count(db, "SELECT count(*) FROM audit_log WHERE command = 'set_thresholds'") == 2);
  CHECK(count(db, "SELECT count(*) FROM audit_log WHERE command = 'set_thresholds' AND "
                  "json_extract(before_json, '$.narrative') = 'Admit if not eating for 3 days' AND "
                  "json_extract(after_json, '$.narrative') = 'Admit if not eating for 2 days'") == 1);
  Snapshot reloaded = store::load_snapshot(db);
  CHECK(thresholds_for(reloaded, 2).narrative == "Admit if not eating for 2 days");
  CHECK(thresholds_for(reloaded, 2).carer_concern);
}

TEST_CASE("store: thresholds set by a nurse are refused and nothing is written") {
  TempDb tmp;
  auto db = store::Database::open(tmp.path.string(), store::OpenMode::create_if_missing);
  store::write_snapshot(db, test::small_team());
  Snapshot s = store::load_snapshot(db);
  SetThresholds t{2, "Admit if not eating", true, true, true, "S01", at("2026-11-23T10:00")};
  CHECK_THROWS_AS(store::apply_commands(db, s, {t}), store::CommandRefused);
  CHECK(count(db, "SELECT count(*) FROM risk_thresholds") == 0);
  CHECK(count(db, "SELECT count(*) FROM audit_log") == 0);
}
