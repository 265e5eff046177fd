#pragma once
// Scheduled backups for the running kiosk: daily at a local time, in a worker thread with its own
// connection (never in a frame), keeping the newest N archives. The loop calls tick() when it
// wakes and reads status() for the screens.
#include "archive/backup_schedule.hpp"
#include "core/backup_status.hpp"

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace vb::app {

class BackupScheduler {
 public:
  // `folder` is created when missing. `key_option` is --key (else the usual key lookup).
  BackupScheduler(std::string db_path, std::string folder, std::optional<std::string> key_option,
                  archive::BackupPolicy policy, Zone zone);
  ~BackupScheduler();
  BackupScheduler(const BackupScheduler&) = delete;
  BackupScheduler& operator=(const BackupScheduler&) = delete;

  // Starts a backup when one is due (or was asked for) and none is running. Cheap otherwise.
  void tick(Instant now);
  void request_now() { requested_ = true; }
  BackupStatus status(Instant now) const;
  // True once after a backup finished (so the loop redraws).
  bool finished() { return finished_.exchange(false); }

 private:
  void scan_folder();  // newest good archive and the kept list, from the folder
  void run(Instant now);

  std::string db_path_, folder_;
  std::optional<std::string> key_option_;
  archive::BackupPolicy policy_;
  Zone zone_;
  mutable std::mutex mutex_;
  BackupStatus status_;
  std::thread worker_;
  std::atomic<bool> running_{false};
  std::atomic<bool> requested_{false};
  std::atomic<bool> finished_{false};
};

// The kiosk's scheduler from the command line: --backup-dir (default: backups/ beside the
// database), --key; nullptr with --no-backups.
std::unique_ptr<BackupScheduler> scheduler_from(const struct CommandLine& cl, Zone zone);

}  // namespace vb::app
