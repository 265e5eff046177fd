#pragma once
// When a scheduled backup is due and which old archives to prune: pure rules (explicit `now`, no
// clock, no files) so the kiosk and the admin screen can wire them later and tests can pin them.
#include "core/local_time.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace vb::archive {

struct BackupPolicy {
  std::chrono::minutes daily_at{std::chrono::hours(2)};  // local time of the daily backup
  std::size_t keep = 14;                                 // archives kept; older ones are pruned
  std::chrono::hours warn_after{48};                     // compliance warns past this age
};

// The instant of the most recent scheduled time at or before `now` (local time in `zone`,
// clock-change policy of from_local).
Instant last_scheduled_time(const BackupPolicy& policy, Instant now, Zone zone);

// Due when there has never been a good backup, or the last good one is older than the most recent
// scheduled time. A backup that failed does not count: pass the last *good* one.
bool backup_due(const BackupPolicy& policy, std::optional<Instant> last_good, Instant now, Zone zone);

// True when the last good backup is older than policy.warn_after (or there is none).
bool backup_overdue(const BackupPolicy& policy, std::optional<Instant> last_good, Instant now);

struct BackupFile {
  std::string path;
  Instant created{};
};

// The files to delete so that only the `keep` newest remain (ties broken by path, so the answer
// is the same whatever order the folder listing came in). keep == 0 keeps everything.
std::vector<std::string> backups_to_prune(std::vector<BackupFile> files, std::size_t keep);

}  // namespace vb::archive
