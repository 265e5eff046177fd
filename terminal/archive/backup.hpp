#pragma once
// Backup and restore of a whole visitboard database through a sealed archive (see envelope.hpp
// for the file, dump_serialization.hpp for the payload, store/table_dump.hpp for the rows).
#include "archive/archive_key.hpp"
#include "archive/envelope.hpp"
#include "core/local_time.hpp"
#include "store/database.hpp"
#include "store/table_dump.hpp"

#include <string>

namespace vb::archive {

struct BackupSummary {
  ArchiveHeader header;
  std::uint64_t file_bytes = 0;
};

// The archive bytes for the database behind `db`, read in one read transaction (a kiosk may keep
// writing meanwhile).
std::string make_archive(sqlite3* db, const ArchiveKey& key, Instant now);

// Writes the archive of `db` to `archive_path` atomically (temp file, fsync, rename).
BackupSummary write_backup(store::Database& db, const std::string& archive_path, const ArchiveKey& key, Instant now);

// An archive opened, authenticated, parsed and checked against its own header, not yet restored.
struct VerifiedArchive {
  ArchiveHeader header;
  store::DatabaseDump dump;
};
// Throws ArchiveError for every reason an archive is refused (see open_archive, parse_dump), and
// when the payload's tables or row counts differ from the header's or the schema is too new.
VerifiedArchive read_archive(std::string_view bytes, const std::string& name, const ArchiveKey& key);

struct RestoreSummary {
  ArchiveHeader header;
  bool replaced_existing = false;
  std::string previous_path;  // where the replaced database was kept
  // What a restore that did not finish (killed) had left at DB.restoring, found with no restore
  // running and removed, in words; empty when there was nothing (archive/restore_lock.hpp).
  std::string removed_leftover;
};

// Restores `archive_path` to `db_path`: every tag verified (a first read that keeps nothing) ->
// a second read parsed row by row into a fresh side file (checked: integrity, foreign keys, row
// counts against the header; migrated; one 'restore' audit row) -> one rename into place, the old
// file kept as db_path.previous. Holds a chunk and a row at a time, never the archive or its dump
// (session 12). On any refusal nothing at `db_path` has changed and no side file is left. One restore
// into a database at a time: another one running is refused (ArchiveError) and keeps its side file.
RestoreSummary restore_backup(const std::string& archive_path, const std::string& db_path, const ArchiveKey& key, Instant now);

}  // namespace vb::archive
