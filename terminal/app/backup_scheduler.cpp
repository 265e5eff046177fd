// The kiosk's backup worker: archive names carry their UTC time (visitboard-YYYYMMDDTHHMMSSZ.vba),
// so the folder itself says when the last good backup was, across restarts.
#include "app/backup_scheduler.hpp"

#include "app/cli.hpp"
#include "archive/archive_key.hpp"
#include "archive/backup.hpp"
#include "store/database.hpp"
#include "store/page_cache.hpp"

#include <algorithm>
#include <filesystem>

namespace vb::app {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view prefix = "visitboard-";
constexpr std::string_view suffix = ".vba";

std::string archive_name(Instant t) { return std::string(prefix) + date::format("%Y%m%dT%H%M%SZ", t) + std::string(suffix); }

std::optional<Instant> time_of(const std::string& name) {
  if (name.size() != prefix.size() + 16 + suffix.size() || name.rfind(prefix, 0) != 0 ||
      name.substr(name.size() - suffix.size()) != suffix)
    return std::nullopt;
  const std::string t = name.substr(prefix.size(), 16);  // 20261123T020000Z
  const std::string iso = t.substr(0, 4) + "-" + t.substr(4, 2) + "-" + t.substr(6, 2) + "T" + t.substr(9, 2) + ":" +
                          t.substr(11, 2) + ":" + t.substr(13, 2) + "Z";
  return parse_instant(iso, nullptr);
}

}  // namespace

BackupScheduler::BackupScheduler(std::string db_path, std::string folder, std::optional<std::string> key_option,
                                 archive::BackupPolicy policy, Zone zone)
    : db_path_(std::move(db_path)), folder_(std::move(folder)), key_option_(std::move(key_option)), policy_(policy), zone_(zone) {
  status_.enabled = true;
  status_.folder = folder_;
  scan_folder();
}

BackupScheduler::~BackupScheduler() {
  if (worker_.joinable()) worker_.join();
}

void BackupScheduler::scan_folder() {
  std::vector<archive::BackupFile> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder_, ec)) {
    const std::string name = entry.path().filename().string();
    if (auto t = time_of(name)) files.push_back({entry.path().string(), *t});
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.created > b.created; });
  std::lock_guard lock(mutex_);
  status_.kept.clear();
  for (const auto& f : files) status_.kept.push_back(fs::path(f.path).filename().string());
  if (!files.empty()) {
    status_.last_good = files.front().created;
    status_.last_good_file = fs::path(files.front().path).filename().string();
    status_.last_good_bytes = static_cast<std::uint64_t>(fs::file_size(files.front().path, ec));
  }
}

void BackupScheduler::tick(Instant now) {
  if (running_) return;
  if (worker_.joinable()) worker_.join();
  std::optional<Instant> last_good;
  {
    std::lock_guard lock(mutex_);
    last_good = status_.last_good;
    // After a failure, try again at most every 15 minutes rather than on every wake.
    if (status_.last_error_at && now - *status_.last_error_at < std::chrono::minutes{15} && !requested_) return;
  }
  if (!requested_.exchange(false) && !archive::backup_due(policy_, last_good, now, zone_)) return;
  running_ = true;
  {
    std::lock_guard lock(mutex_);
    status_.running = true;
  }
  worker_ = std::thread([this, now] { run(now); });
}

void BackupScheduler::run(Instant now) {
  std::string error;
  try {
    fs::create_directories(folder_);
    auto key = archive::load_key(archive::key_path(key_option_), true);
    auto db = store::Database::open(db_path_, store::OpenMode::existing);  // its own connection
    archive::write_backup(db, (fs::path(folder_) / archive_name(now)).string(), key, now);
    std::vector<archive::BackupFile> files;
    for (const auto& entry : fs::directory_iterator(folder_))
      if (auto t = time_of(entry.path().filename().string())) files.push_back({entry.path().string(), *t});
    for (const auto& old : archive::backups_to_prune(files, policy_.keep)) fs::remove(old);
  } catch (const std::exception& e) {
    error = e.what();
  }
  scan_folder();
  store::trim_thread_heap();  // the dump was freed in this thread's arena (store/page_cache.hpp)
  {
    std::lock_guard lock(mutex_);
    status_.running = false;
    status_.last_error = error;
    status_.last_error_at = error.empty() ? std::nullopt : std::optional<Instant>(now);
  }
  running_ = false;
  finished_ = true;
}

BackupStatus BackupScheduler::status(Instant now) const {
  std::lock_guard lock(mutex_);
  BackupStatus s = status_;
  s.overdue = archive::backup_overdue(policy_, s.last_good, now);
  if (archive::backup_due(policy_, s.last_good, now, zone_)) {
    s.next_due = now;
  } else {
    // The scheduled time on the next local day (23- and 25-hour days included).
    LocalDate d = local_date_of(archive::last_scheduled_time(policy_, now, zone_), zone_);
    s.next_due = local_day_time(LocalDate{date::sys_days{d} + date::days{1}}, policy_.daily_at, zone_);
  }
  return s;
}

std::unique_ptr<BackupScheduler> scheduler_from(const CommandLine& cl, Zone zone) {
  if (cl.flag("no-backups")) return nullptr;
  const std::string db = cl.db_path();
  std::string folder = cl.option("backup-dir").value_or((fs::absolute(db).parent_path() / "backups").string());
  return std::make_unique<BackupScheduler>(db, folder, cl.option("key"), archive::BackupPolicy{}, zone);
}

}  // namespace vb::app
