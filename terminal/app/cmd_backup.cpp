// `visitboard backup FILE [--key KEY]`: a sealed archive of every table of --db, taken from one
// consistent read while the kiosk keeps running, written atomically. The key is made on first use.
#include "app/clock.hpp"
#include "app/commands.hpp"
#include "archive/backup.hpp"

#include <filesystem>
#include <iostream>

namespace vb::app {

namespace {

// The key must not travel with the data it protects.
void warn_if_key_beside(const std::string& key_path, const std::string& db_path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto key_dir = fs::weakly_canonical(fs::absolute(key_path).parent_path(), ec);
  auto db_dir = fs::weakly_canonical(fs::absolute(db_path).parent_path(), ec);
  if (!ec && key_dir == db_dir) {
    std::cerr << "backup: warning: the key '" << key_path << "' is in the database's folder; keep it elsewhere\n";
  }
}

}  // namespace

int run_backup(const CommandLine& cl) {
  if (cl.positional.size() != 1) throw UsageError("backup needs the archive file: backup FILE");
  const std::string archive_path = cl.positional[0];
  const std::string db_path = cl.db_path();
  Clock clock(cl.now, find_zone(default_team_zone), false);

  auto db = store::Database::open(db_path, store::OpenMode::existing);
  auto key = archive::load_key(archive::key_path(cl.option("key")), true);
  warn_if_key_beside(key.path, db_path);
  auto summary = archive::write_backup(db, archive_path, key, clock.now());
  std::cerr << "backup: " << db_path << " -> " << archive_path << ": " << summary.header.table_rows.size() << " tables, "
            << summary.header.total_rows() << " rows, " << summary.file_bytes << " bytes, schema "
            << summary.header.schema_version << ", key id " << key.id << "\n";
  return exit_ok;
}

}  // namespace vb::app
