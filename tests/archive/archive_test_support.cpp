// Temp folders, test keys, demo databases and raw-SQLite table comparison for the archive suites.
#include "archive_test_support.hpp"

#include "core/demo_team.hpp"
#include "store/database.hpp"
#include "store/snapshot_writer.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace vb::archive::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "vb-archive-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temp folder");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

RawDatabase::RawDatabase(const std::string& path) {
  if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) {
    const std::string why = sqlite3_errmsg(db_);
    sqlite3_close(db_);
    throw std::runtime_error("cannot open " + path + ": " + why);
  }
}

RawDatabase::~RawDatabase() { sqlite3_close(db_); }

std::string RawDatabase::exec(const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
  std::string out = rc == SQLITE_OK ? "" : (error ? error : "failed");
  sqlite3_free(error);
  return out;
}

std::string data_file(const std::string& name) { return std::string(VB_ARCHIVE_TEST_DATA) + "/" + name; }

namespace {
ArchiveKey copy_key(const TempDir& dir, const std::string& text, const std::string& name) {
  std::string path = dir.file(name);
  write_bytes(path, text);
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
  return load_key(path, false);
}
}  // namespace

ArchiveKey test_key(const TempDir& dir) { return copy_key(dir, read_bytes(data_file("test.key")), "test.key"); }

ArchiveKey other_key(const TempDir& dir) { return copy_key(dir, std::string(64, 'a') + "\n", "other.key"); }

void make_demo_database(const std::string& path) {
  DemoOptions options;
  options.seed = 7;
  options.now = from_local(date::local_days(date::year(2026) / 11 / 23) + std::chrono::hours(10), find_zone(options.time_zone));
  auto db = store::Database::open(path, store::OpenMode::create_if_missing);
  store::write_snapshot(db, generate_demo_team(options));
}

std::map<std::string, std::vector<std::string>> table_contents(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) throw std::runtime_error("cannot open " + path);
  auto rows_of = [&](const std::string& sql) {
    std::vector<std::vector<std::string>> rows;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db));
    while (sqlite3_step(st) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        const auto* t = sqlite3_column_text(st, i);
        row.emplace_back(t ? reinterpret_cast<const char*>(t) : "NULL");
      }
      rows.push_back(std::move(row));
    }
    sqlite3_finalize(st);
    return rows;
  };
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& t : rows_of("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
    std::string select;
    for (const auto& c : rows_of("SELECT name FROM pragma_table_info('" + t[0] + "')")) {
      select += (select.empty() ? "quote(\"" : " || ',' || quote(\"") + c[0] + "\")";
    }
    auto& lines = out[t[0]];
    for (const auto& r : rows_of("SELECT " + select + " FROM \"" + t[0] + "\"")) lines.push_back(r[0]);
    std::sort(lines.begin(), lines.end());
  }
  sqlite3_close(db);
  return out;
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

}  // namespace vb::archive::test
