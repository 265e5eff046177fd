// Backup: dump every table, serialise, seal, write atomically. Restore: authenticate every chunk,
// then read again parsing each row into a side file (checked against the header as it goes), check
// the side file, swap it in. Nothing touches the live file until the side file has passed every check.
#include "archive/backup.hpp"

#include "archive/archive_error.hpp"
#include "archive/dump_serialization.hpp"
#include "archive/file_ops.hpp"
#include "archive/restore_lock.hpp"
#include "store/database_from_dump.hpp"
#include "store/migrations.hpp"
#include "store/statement.hpp"

#include <nlohmann/json.hpp>

#include <exception>
#include <filesystem>
#include <functional>
#include <sstream>
#include <streambuf>

namespace vb::archive {

namespace {

// Holds the payload's tables to the header's list as each is announced, before its rows are
// read, and hands everything on to `next`.
class CheckedAgainstHeader final : public store::TableReader {
 public:
  CheckedAgainstHeader(const ArchiveHeader& header, const std::string& name, store::TableReader& next)
      : header_(header), refused_("'" + name + "' does not match its own header: "), next_(next) {}
  void begin(int schema_version, std::size_t tables) override {
    if (schema_version != header_.schema_version) {
      throw ArchiveError(refused_ + "schema " + std::to_string(schema_version) + " inside, " +
                         std::to_string(header_.schema_version) + " in the header");
    }
    if (tables != header_.table_rows.size()) {
      throw ArchiveError(refused_ + std::to_string(tables) + " tables inside, " + std::to_string(header_.table_rows.size()) +
                         " in the header");
    }
    next_.begin(schema_version, tables);
  }
  void table(const store::TableRows& layout, std::uint64_t rows) override {
    const auto& [table, expected] = header_.table_rows.at(index_++);
    if (layout.name != table || rows != expected) {
      throw ArchiveError(refused_ + "table " + layout.name + " has " + std::to_string(rows) + " rows, the header says " +
                         table + " has " + std::to_string(expected));
    }
    next_.table(layout, rows);
  }
  void row(const std::vector<store::SqlValue>& values) override { next_.row(values); }

 private:
  const ArchiveHeader& header_;
  std::string refused_;
  store::TableReader& next_;
  std::size_t index_ = 0;
};

// The plaintext of an archive's chunks as a stream for the parser, a chunk at a time. A chunk that
// fails its tag ends the stream and is kept to be rethrown (a throw out of a streambuf becomes the
// parser's "input stream error").
class PlaintextStream final : public std::streambuf {
 public:
  explicit PlaintextStream(ArchiveOpener& opener) : opener_(opener) {}
  void rethrow_failure() const {
    if (failure_) std::rethrow_exception(failure_);
  }
  // Reads what the parser left (trailing bytes are allowed, as ever), checking every tag to the final one.
  void drain() {
    rethrow_failure();
    std::string_view plain;
    while (opener_.next(plain)) {
    }
  }

 protected:
  int_type underflow() override {
    if (failure_) return traits_type::eof();
    try {
      std::string_view plain;
      while (opener_.next(plain)) {
        if (plain.empty()) continue;
        char* start = const_cast<char*>(plain.data());  // the opener's own buffer, only read here
        setg(start, start, start + plain.size());
        return traits_type::to_int_type(*start);
      }
    } catch (...) {
      failure_ = std::current_exception();
    }
    return traits_type::eof();
  }

 private:
  ArchiveOpener& opener_;
  std::exception_ptr failure_;
};

void refuse_newer_schema(const ArchiveHeader& header, const std::string& name) {
  if (header.schema_version > store::latest_schema_version()) {
    throw ArchiveError("'" + name + "' holds schema " + std::to_string(header.schema_version) +
                       ", newer than this build knows (" + std::to_string(store::latest_schema_version()) +
                       "); restore it with a newer visitboard");
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
  refuse_newer_schema(opened.header, name);
  VerifiedArchive a{opened.header, {}};
  DumpCollector collect(a.dump);
  CheckedAgainstHeader checked(a.header, name, collect);
  std::stringbuf text(std::move(opened.payload), std::ios::in);
  try {
    parse_dump_to(text, checked);
  } catch (const PayloadError& e) {
    throw ArchiveError("'" + name + "': " + e.what());
  }
  return a;
}

// Two passes over the one open file (session 12; the whole file, its payload and its dump were
// held before: 1.5 GiB for the 5-year trust). The first checks every tag and the final tag and
// keeps nothing, so no byte is parsed before all are authenticated; the second decrypts again,
// checking each tag again, and parses each row straight into the side file. The second pass must
// meet the very stream the first verified (the same header bytes and stream header, each chunk's
// tag, the same length to the final tag), else a file changed in between is refused before the
// side file is put in place.
RestoreSummary restore_backup(const std::string& archive_path, const std::string& db_path, const ArchiveKey& key, Instant now) {
  namespace fs = std::filesystem;
  FileReader file(archive_path, max_header_bytes + max_payload_bytes);
  const ArchiveOpener::Source read = [&file](char* into, std::size_t most) { return file.read(into, most); };
  const VerifiedStream verified = verify_archive(read, file.size(), archive_path, key);
  const ArchiveHeader& header = verified.header;
  refuse_newer_schema(header, archive_path);

  std::error_code ec;
  fs::path parent = fs::path(db_path).parent_path();
  if (!parent.empty() && !fs::is_directory(parent, ec)) {
    throw ArchiveError("cannot restore to '" + db_path + "': the folder '" + parent.string() + "' does not exist");
  }
  if (fs::is_directory(db_path, ec)) throw ArchiveError("cannot restore to '" + db_path + "': it is a folder");

  nlohmann::ordered_json after{{"archive", fs::path(archive_path).filename().string()},
                               {"created", header.created_at},
                               {"key_id", header.key_id},
                               {"schema", header.schema_version},
                               {"rows", header.total_rows()}};
  store::AuditNote note{format_utc(now), "system", "restore", "database", header.created_at,
                        after.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)};

  const std::string side = db_path + ".restoring";
  const RestoreLock lock(side, db_path);  // held until the side file is in place (or removed)
  try {
    store::DatabaseFromRows builder(side, note);
    file.rewind();
    ArchiveOpener opener(read, file.size(), archive_path, key);
    if (opener.head() != verified.head || opener.stream_header() != verified.stream_header) {
      throw ArchiveError("'" + archive_path + "' changed while it was being restored; nothing was restored");
    }
    PlaintextStream text(opener);
    CheckedAgainstHeader checked(header, archive_path, builder);
    try {
      parse_dump_to(text, checked);
    } catch (...) {
      text.rethrow_failure();  // a chunk that failed its tag the second time comes out as itself
      throw;
    }
    text.drain();
    builder.finish();
    // Opened as the kiosk will open it: quick_check, application id, schema version.
    store::Database::open(side, store::OpenMode::existing);
  } catch (const PayloadError& e) {
    remove_database_files(side);
    throw ArchiveError("'" + archive_path + "': " + e.what());
  } catch (const ArchiveError&) {
    remove_database_files(side);
    throw;
  } catch (const std::exception& e) {
    remove_database_files(side);
    throw ArchiveError("'" + archive_path + "' was not restored: " + e.what());
  }
  RestoreSummary summary{header, fs::exists(db_path, ec), db_path + ".previous", lock.removed_leftover()};
  try {
    replace_database_file(side, db_path);
  } catch (...) {
    remove_database_files(side);
    throw;
  }
  return summary;
}

}  // namespace vb::archive
