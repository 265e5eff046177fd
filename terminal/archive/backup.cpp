// Backup: dump every table, serialise, seal, write atomically. Restore: authenticate, parse, check
// against the header, rebuild in a side file, check again, swap in. Nothing touches the live file
// until the side file has passed every check.
#include "archive/backup.hpp"

#include "archive/archive_error.hpp"
#include "archive/dump_serialization.hpp"
#include "archive/file_ops.hpp"
#include "store/database_from_dump.hpp"
#include "store/migrations.hpp"
#include "store/statement.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>

namespace vb::archive {

namespace {

void check_against_header(const VerifiedArchive& a, const std::string& name) {
  const auto& h = a.header;
  const std::string refused = "'" + name + "' does not match its own header: ";
  if (a.dump.schema_version != h.schema_version) {
    throw ArchiveError(refused + "schema " + std::to_string(a.dump.schema_version) + " inside, " +
                       std::to_string(h.schema_version) + " in the header");
  }
  if (a.dump.tables.size() != h.table_rows.size()) {
    throw ArchiveError(refused + std::to_string(a.dump.tables.size()) + " tables inside, " +
                       std::to_string(h.table_rows.size()) + " in the header");
  }
  for (std::size_t i = 0; i < h.table_rows.size(); ++i) {
    const auto& t = a.dump.tables[i];
    const auto& [table, rows] = h.table_rows[i];
    if (t.name != table || t.rows.size() != rows) {
      throw ArchiveError(refused + "table " + t.name + " has " + std::to_string(t.rows.size()) + " rows, the header says " +
                         table + " has " + std::to_string(rows));
    }
  }
}

ArchiveHeader header_of(StreamedDump& streamed, Instant now) {
  ArchiveHeader header;
  header.schema_version = streamed.schema_version;
  header.created_at = format_utc(now);
  header.team = std::move(streamed.team);
  header.table_rows = std::move(streamed.table_rows);
  return header;
}

}  // namespace

// Serialised as the rows are read (session 11): no dump of the whole database is held beside the
// payload and the sealed bytes (a 5-year trust's backup peaked at 1.2 GB with one).
std::string make_archive(sqlite3* db, const ArchiveKey& key, Instant now) {
  StreamedDump streamed = serialize_database(db);
  return seal_archive(header_of(streamed, now), streamed.payload, key);
}

// Written to the file as it is serialised and sealed: nothing of the size of the database is held.
// The payload's size goes into the header, which every chunk authenticates, so it is counted first:
// the same tables serialised twice inside one read transaction (the second pass seals), ~2x the
// serialising CPU for a backup that holds ~2 MiB instead of the payload (the 5-year trust: 285 MiB).
BackupSummary write_backup(store::Database& db, const std::string& archive_path, const ArchiveKey& key, Instant now) {
  sqlite3* handle = db.handle();
  store::execute(handle, "BEGIN", "starting the backup's read");
  struct EndRead {
    sqlite3* db;
    ~EndRead() { sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr); }
  } end_read{handle};
  // A deferred BEGIN takes its snapshot at the first read: both passes read that one.
  store::query_int(handle, "SELECT count(*) FROM sqlite_schema", "starting the backup's read");

  std::uint64_t payload_size = 0;
  StreamedDump counted = serialize_database_to(handle, [&](std::string_view piece) { payload_size += piece.size(); });
  const auto table_rows = counted.table_rows;
  const ArchiveHeader header = header_of(counted, now);
  std::string head;
  std::uint64_t file_bytes = 0;
  write_file_atomically(archive_path, [&](const std::function<void(std::string_view)>& write) {
    ArchiveSealer sealer(header, payload_size, key, [&](std::string_view piece) {
      file_bytes += piece.size();
      write(piece);
    });
    const StreamedDump sealed = serialize_database_to(handle, [&](std::string_view piece) { sealer.add(piece); });
    if (sealed.table_rows != table_rows) throw ArchiveError("the database changed between the backup's two passes");
    sealer.finish();
    head = sealer.head();
  });
  std::size_t head_len = 0;
  return BackupSummary{parse_header(head, archive_path, head_len), file_bytes};
}

VerifiedArchive read_archive(std::string_view bytes, const std::string& name, const ArchiveKey& key) {
  OpenedArchive opened = open_archive(bytes, name, key);
  if (opened.header.schema_version > store::latest_schema_version()) {
    throw ArchiveError("'" + name + "' holds schema " + std::to_string(opened.header.schema_version) +
                       ", newer than this build knows (" + std::to_string(store::latest_schema_version()) +
                       "); restore it with a newer visitboard");
  }
  VerifiedArchive a{opened.header, {}};
  try {
    a.dump = parse_dump(opened.payload);
  } catch (const ArchiveError& e) {
    throw ArchiveError("'" + name + "': " + e.what());
  }
  check_against_header(a, name);
  return a;
}

RestoreSummary restore_backup(const std::string& archive_path, const std::string& db_path, const ArchiveKey& key, Instant now) {
  namespace fs = std::filesystem;
  const std::string bytes = read_file(archive_path, max_header_bytes + max_payload_bytes);
  VerifiedArchive archive = read_archive(bytes, archive_path, key);

  std::error_code ec;
  fs::path parent = fs::path(db_path).parent_path();
  if (!parent.empty() && !fs::is_directory(parent, ec)) {
    throw ArchiveError("cannot restore to '" + db_path + "': the folder '" + parent.string() + "' does not exist");
  }
  if (fs::is_directory(db_path, ec)) throw ArchiveError("cannot restore to '" + db_path + "': it is a folder");

  nlohmann::ordered_json after{{"archive", fs::path(archive_path).filename().string()},
                               {"created", archive.header.created_at},
                               {"key_id", archive.header.key_id},
                               {"schema", archive.header.schema_version},
                               {"rows", archive.header.total_rows()}};
  store::AuditNote note{format_utc(now), "system", "restore", "database", archive.header.created_at,
                        after.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)};

  const std::string side = db_path + ".restoring";
  remove_database_files(side);
  try {
    store::create_database_from_dump(side, archive.dump, note);
    // Opened as the kiosk will open it: quick_check, application id, schema version.
    store::Database::open(side, store::OpenMode::existing);
  } catch (const std::exception& e) {
    remove_database_files(side);
    throw ArchiveError("'" + archive_path + "' was not restored: " + e.what());
  }
  RestoreSummary summary{archive.header, fs::exists(db_path, ec), db_path + ".previous"};
  try {
    replace_database_file(side, db_path);
  } catch (...) {
    remove_database_files(side);
    throw;
  }
  return summary;
}

}  // namespace vb::archive
