#pragma once
// What the Plans screen's sheet tests share (closure sheet, key person form, care flags): the demo team
// at one instant, a member with or without a role, and applying commands through the store on a fresh
// database file, as the kiosk does.
#include "core/commands.hpp"
#include "core/demo_team.hpp"
#include "store/command_store.hpp"
#include "store/database.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"

#include <unistd.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace vb::test {

inline Instant sheet_now() { return *parse_instant("2026-11-23T08:30:00Z", nullptr); }

// Demo seed 7 at sheet_now() with 30 days of history.
inline Snapshot sheet_demo() {
  DemoOptions o;
  o.seed = 7;
  o.now = sheet_now();
  o.history_days = 30;
  return generate_demo_team(o);
}

// An active member who has (or has not) the role; empty when there is none.
inline StaffId member_with_role(const Snapshot& s, Role r, bool has) {
  for (const auto& m : s.staff)
    if (m.active && m.has_role(r) == has) return m.id;
  return "";
}

struct StoreResult {
  Snapshot snapshot;  // as the store left it, loaded again
  int audits = 0;     // audit rows written
};

// Writes `s` to a fresh database named after `tag`, applies `commands` through the store, loads it back.
inline StoreResult apply_through_store(const Snapshot& s, const std::vector<Command>& commands, std::string_view tag) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("vb_" + std::string(tag) + "_" + std::to_string(::getpid()) + ".db");
  auto remove = [&] {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  };
  remove();
  StoreResult out;
  {
    auto db = store::Database::open(path.string(), store::OpenMode::create_if_missing);
    store::write_snapshot(db, s);
    out.snapshot = store::load_snapshot(db);
    out.audits = static_cast<int>(store::apply_commands(db, out.snapshot, commands).size());
    out.snapshot = store::load_snapshot(db);
  }
  remove();
  return out;
}

}  // namespace vb::test
