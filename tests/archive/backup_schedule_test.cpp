// Scheduled backups: due once a day after the set local time, overdue past 48 hours, keep N newest.
#include <doctest/doctest.h>

#include "archive/backup_schedule.hpp"

using namespace vb;
using namespace vb::archive;

namespace {
Instant utc(const char* t) { return parse_stored_utc(t); }
const Zone london = find_zone("Europe/London");
}  // namespace

TEST_CASE("backup schedule: due when there has never been a good backup") {
  CHECK(backup_due({}, std::nullopt, utc("2026-11-23T10:00:00Z"), london));
}

TEST_CASE("backup schedule: due after the daily local time until a backup is taken") {
  BackupPolicy p;  // 02:00 local
  CHECK(backup_due(p, utc("2026-11-22T02:05:00Z"), utc("2026-11-23T02:00:00Z"), london));
  CHECK_FALSE(backup_due(p, utc("2026-11-23T02:01:00Z"), utc("2026-11-23T23:00:00Z"), london));
  CHECK_FALSE(backup_due(p, utc("2026-11-22T02:05:00Z"), utc("2026-11-23T01:59:00Z"), london));
}

TEST_CASE("backup schedule: the daily time is local (01:00 UTC in summer time)") {
  BackupPolicy p;
  CHECK(last_scheduled_time(p, utc("2026-07-01T12:00:00Z"), london) == utc("2026-07-01T01:00:00Z"));
  CHECK(last_scheduled_time(p, utc("2026-07-01T00:30:00Z"), london) == utc("2026-06-30T01:00:00Z"));
}

TEST_CASE("backup schedule: overdue once the last good backup is older than 48 hours") {
  BackupPolicy p;
  CHECK_FALSE(backup_overdue(p, utc("2026-11-21T10:00:00Z"), utc("2026-11-23T10:00:00Z")));
  CHECK(backup_overdue(p, utc("2026-11-21T09:59:00Z"), utc("2026-11-23T10:00:00Z")));
  CHECK(backup_overdue(p, std::nullopt, utc("2026-11-23T10:00:00Z")));
}

TEST_CASE("backup schedule: pruning keeps the N newest whatever the listing order") {
  std::vector<BackupFile> files{{"c.vba", utc("2026-11-21T02:00:00Z")},
                                {"a.vba", utc("2026-11-23T02:00:00Z")},
                                {"d.vba", utc("2026-11-20T02:00:00Z")},
                                {"b.vba", utc("2026-11-22T02:00:00Z")}};
  CHECK(backups_to_prune(files, 2) == std::vector<std::string>{"c.vba", "d.vba"});
  CHECK(backups_to_prune(files, 4).empty());
  CHECK(backups_to_prune(files, 0).empty());
}
