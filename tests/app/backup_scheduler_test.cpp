// Scheduled backups in the kiosk: taken when due, in the background, named by their time,
// pruned to the newest N, and reported to the screens.
#include <doctest/doctest.h>

#include "app/backup_scheduler.hpp"
#include "core/demo_team.hpp"
#include "store/database.hpp"
#include "store/snapshot_writer.hpp"

#include <filesystem>
#include <fstream>
#include <thread>

using namespace vb;
namespace fs = std::filesystem;

namespace {

struct Folder {
  fs::path root = fs::temp_directory_path() / ("vb_sched_" + std::to_string(::getpid()));
  Folder() {
    fs::remove_all(root);
    fs::create_directories(root);
  }
  ~Folder() { fs::remove_all(root); }
};

Instant london(const char* t) { return *parse_instant(t, find_zone("Europe/London")); }

void wait_until_idle(app::BackupScheduler& s, Instant now) {
  for (int i = 0; i < 500 && s.status(now).running; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  s.tick(now);  // joins the finished worker
}

}  // namespace

TEST_CASE("kiosk backups: a due backup is written in the background, then nothing until the next 02:00") {
  Folder dir;
  const auto db_path = (dir.root / "team.db").string();
  {
    auto db = store::Database::open(db_path, store::OpenMode::create_if_missing);
    DemoOptions o;
    o.seed = 3;
    o.now = london("2026-11-23T10:00");
    o.history_days = 20;
    store::write_snapshot(db, generate_demo_team(o));
  }
  const auto key = (dir.root / "keys" / "archive.key").string();
  fs::create_directories(dir.root / "keys");
  archive::BackupPolicy policy;
  policy.keep = 2;
  app::BackupScheduler scheduler(db_path, (dir.root / "backups").string(), key, policy, find_zone("Europe/London"));

  CHECK_FALSE(scheduler.status(london("2026-11-23T10:00")).last_good);
  CHECK(scheduler.status(london("2026-11-23T10:00")).overdue);
  scheduler.tick(london("2026-11-23T10:00"));  // never backed up: due now
  wait_until_idle(scheduler, london("2026-11-23T10:00"));
  auto status = scheduler.status(london("2026-11-23T10:01"));
  INFO(status.last_error);
  REQUIRE(status.last_good);
  CHECK(*status.last_good == london("2026-11-23T10:00"));
  CHECK(status.last_good_file == "visitboard-20261123T100000Z.vba");
  CHECK(status.last_good_bytes > 1000);
  CHECK_FALSE(status.overdue);
  CHECK(*status.next_due == london("2026-11-24T02:00"));

  scheduler.tick(london("2026-11-23T23:00"));  // not due before 02:00
  CHECK_FALSE(scheduler.status(london("2026-11-23T23:00")).running);
  for (const char* night : {"2026-11-24T02:00", "2026-11-25T02:00"}) {
    scheduler.tick(london(night));
    wait_until_idle(scheduler, london(night));
  }
  status = scheduler.status(london("2026-11-25T03:00"));
  REQUIRE(status.kept.size() == 2);  // keep = 2: the oldest was pruned
  CHECK(status.kept[0] == "visitboard-20261125T020000Z.vba");
  CHECK(status.kept[1] == "visitboard-20261124T020000Z.vba");
}

TEST_CASE("kiosk backups: a failure is reported in words and retried, not hidden") {
  Folder dir;
  archive::BackupPolicy policy;
  app::BackupScheduler scheduler((dir.root / "missing.db").string(), (dir.root / "backups").string(),
                                 (dir.root / "archive.key").string(), policy, find_zone("Europe/London"));
  scheduler.tick(london("2026-11-23T10:00"));
  wait_until_idle(scheduler, london("2026-11-23T10:00"));
  auto status = scheduler.status(london("2026-11-23T10:01"));
  CHECK_FALSE(status.last_good);
  CHECK(status.last_error.find("missing.db") != std::string::npos);
  CHECK(status.overdue);
}
