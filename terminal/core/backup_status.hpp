#pragma once
// What the screens know about scheduled backups: a plain value the kiosk's backup scheduler
// fills in, so ui/ can show it without seeing archive/ or the file system.
#include "core/local_time.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vb {

struct BackupStatus {
  bool enabled = false;
  std::string folder;
  std::optional<Instant> last_good;  // newest good archive in the folder
  std::string last_good_file;
  std::uint64_t last_good_bytes = 0;
  std::optional<Instant> next_due;   // the next scheduled time
  bool running = false;
  std::string last_error;            // empty when the last attempt worked
  std::optional<Instant> last_error_at;
  bool overdue = false;              // the last good backup is older than the policy allows
  std::vector<std::string> kept;     // archive file names, newest first
};

}  // namespace vb
