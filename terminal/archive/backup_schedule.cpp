// Scheduled-backup rules: due after each daily local time, warn past an age, keep the N newest.
#include "archive/backup_schedule.hpp"

#include <algorithm>

namespace vb::archive {

Instant last_scheduled_time(const BackupPolicy& policy, Instant now, Zone zone) {
  LocalDate today = local_date_of(now, zone);
  Instant today_at = local_day_time(today, policy.daily_at, zone);
  if (today_at <= now) return today_at;
  LocalDate yesterday{date::sys_days(today) - date::days(1)};
  return local_day_time(yesterday, policy.daily_at, zone);
}

bool backup_due(const BackupPolicy& policy, std::optional<Instant> last_good, Instant now, Zone zone) {
  if (!last_good) return true;
  return *last_good < last_scheduled_time(policy, now, zone);
}

bool backup_overdue(const BackupPolicy& policy, std::optional<Instant> last_good, Instant now) {
  return !last_good || now - *last_good > policy.warn_after;
}

std::vector<std::string> backups_to_prune(std::vector<BackupFile> files, std::size_t keep) {
  if (keep == 0 || files.size() <= keep) return {};
  std::sort(files.begin(), files.end(), [](const BackupFile& a, const BackupFile& b) {
    return a.created != b.created ? a.created > b.created : a.path > b.path;
  });
  std::vector<std::string> prune;
  for (std::size_t i = keep; i < files.size(); ++i) prune.push_back(files[i].path);
  return prune;
}

}  // namespace vb::archive
