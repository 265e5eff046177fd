// `visitboard restore FILE [--key KEY]`: verifies the archive completely, rebuilds the database in
// a side file, checks it, then swaps it in for --db in one rename (the old file kept as .previous).
// Stop the kiosk first: a running kiosk keeps the file it opened.
#include "app/clock.hpp"
#include "app/commands.hpp"
#include "archive/backup.hpp"

#include <iostream>

namespace vb::app {

int run_restore(const CommandLine& cl) {
  if (cl.positional.size() != 1) throw UsageError("restore needs the archive file: restore FILE");
  const std::string archive_path = cl.positional[0];
  const std::string db_path = cl.db_path();
  Clock clock(cl.now, find_zone(default_team_zone), false);

  auto key = archive::load_key(archive::key_path(cl.option("key")), false);
  auto summary = archive::restore_backup(archive_path, db_path, key, clock.now());
  if (!summary.removed_leftover.empty())
    std::cerr << "restore: removed " << summary.removed_leftover << ", left by an earlier restore that did not finish\n";
  std::cerr << "restore: " << archive_path << " (team '" << summary.header.team << "', taken "
            << summary.header.created_at << ", schema " << summary.header.schema_version << ") -> " << db_path
            << ": " << summary.header.table_rows.size() << " tables, " << summary.header.total_rows() << " rows";
  if (summary.replaced_existing) std::cerr << "; the previous database is kept as " << summary.previous_path;
  std::cerr << "\n";
  return exit_ok;
}

}  // namespace vb::app
