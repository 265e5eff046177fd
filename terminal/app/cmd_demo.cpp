// `visitboard demo [--seed N]`: a deterministic synthetic team at --db. Replaces an existing demo
// database; refuses any other file. Written to a side file first, then renamed into place.
#include "app/commands.hpp"
#include "app/clock.hpp"
#include "app/demo_pins.hpp"
#include "store/demo_sign_ins.hpp"
#include "core/demo_team.hpp"
#include "store/database.hpp"
#include "store/sign_in.hpp"
#include "store/snapshot_writer.hpp"

#include <filesystem>
#include <iostream>

namespace vb::app {

namespace fs = std::filesystem;

namespace {

std::uint64_t parse_seed(const std::optional<std::string>& text) {
  if (!text) return 1;
  try {
    size_t used = 0;
    unsigned long long v = std::stoull(*text, &used);
    if (used != text->size() || (*text)[0] == '-') throw std::invalid_argument("");
    return v;
  } catch (const std::exception&) {
    throw UsageError("--seed '" + *text + "' is not a whole number");
  }
}

void remove_database_files(const fs::path& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path.string() + suffix);
}

// DEMO ONLY: PINs S07 -> 0007 (demo_pins.cpp), already hashed, all in one transaction.
void set_demo_pins(store::Database& db, const Snapshot& team, Instant now) {
  std::vector<std::pair<StaffId, std::string>> hashes;
  for (const auto& [id, hash] : demo_pin_hashes()) {
    const Staff* m = team.find_staff(id);
    if (m && m->active) hashes.emplace_back(id, hash);
  }
  // The last active member of staff is a new starter without a PIN yet (the Admin screen shows it).
  if (!hashes.empty()) hashes.pop_back();
  store::set_pin_hashes(db, hashes, "demo", now);
  // Two others had trouble signing in: one locked last night, one with three wrong PINs this morning.
  std::vector<StaffId> workers;
  for (const auto& [id, hash] : hashes) {
    const Staff* m = team.find_staff(id);
    if (m && m->discipline == "support_worker") workers.push_back(id);
  }
  if (workers.size() >= 2) store::write_demo_sign_in_trouble(db, workers[workers.size() - 1], workers[workers.size() - 2], now);
}

}  // namespace

int run_demo(const CommandLine& cl) {
  const fs::path path = cl.db_path();
  DemoOptions options;
  options.seed = parse_seed(cl.option("seed"));
  Clock clock(cl.now, find_zone(options.time_zone), false);
  options.now = clock.now();

  if (fs::exists(path)) {
    // Opening checks it is one of ours; only a demo database may be replaced.
    bool demo = store::Database::open(path.string(), store::OpenMode::existing).is_demo();
    if (!demo) throw Refused("'" + path.string() + "' holds real (non-demo) data; demo will not overwrite it");
  }
  Snapshot team = generate_demo_team(options);

  const fs::path side = path.string() + ".new";
  remove_database_files(side);
  try {
    auto db = store::Database::open(side.string(), store::OpenMode::create_if_missing);
    store::write_snapshot(db, team);
    set_demo_pins(db, team, options.now);
  } catch (...) {
    remove_database_files(side);
    throw;
  }
  remove_database_files(path);
  fs::rename(side, path);
  std::cerr << "demo: " << team.team.name << " (seed " << options.seed << ") written to " << path.string() << ": "
            << team.staff.size() << " staff, " << team.people.size() << " people, " << team.episodes.size()
            << " episodes, " << team.visits.size() << " visits\n";
  return exit_ok;
}

}  // namespace vb::app
