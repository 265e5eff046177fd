// The kiosk's second start step (app/working_set_loader.hpp): the whole working set read on a thread
// of its own, handed to the loop whole, and swapped in keeping the rules read at the start; a load
// that fails hands its error back (the loop then reads the set itself) and still wakes the loop.
#include <doctest/doctest.h>

#include "app/post_load.hpp"
#include "app/working_set_loader.hpp"
#include "core/demo_team.hpp"
#include "core/snapshot_compact.hpp"
#include "core/working_set.hpp"
#include "store/database.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "store/table_dump.hpp"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>

using namespace vb;

namespace {

struct TempFile {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("vb_working_set_loader_" + std::to_string(::getpid()) + ".db");
  ~TempFile() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  }
};

// Waits for the loader's wake-up (not a timed test: it only waits for the thread to finish).
std::optional<Snapshot> wait_and_take(app::WorkingSetLoader& loader, const std::atomic<bool>& woken) {
  while (!woken) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  REQUIRE(loader.running());  // ready for the loop to take, not yet taken
  return loader.take();
}

// Every stored value of `s`, written to a fresh file and read back generically (store/table_dump).
std::vector<store::TableRows> stored(const Snapshot& s, const std::string& name) {
  const auto path = std::filesystem::temp_directory_path() / ("vb_wsl_" + name + std::to_string(::getpid()) + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  std::vector<store::TableRows> tables;
  {
    auto db = store::Database::open(path.string(), store::OpenMode::create_if_missing);
    store::write_snapshot(db, s);
    tables = store::dump_tables(db.handle()).tables;
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  return tables;
}

template <typename T>
bool tight(const std::vector<T>& v) {
  return v.capacity() == v.size();
}

// The demo team's clock: 23 Nov 2026, 08:30 in London.
Instant demo_now() { return *parse_instant("2026-11-23T08:30", find_zone("Europe/London")); }

// Demo seed 7 at `now`.
Snapshot demo_team(Instant now) {
  DemoOptions o;
  o.seed = 7;
  o.now = now;
  return generate_demo_team(o);
}

// A new database at `path` holding `s`.
void write_database(const std::filesystem::path& path, const Snapshot& s) {
  auto db = store::Database::open(path.string(), store::OpenMode::create_if_missing);
  store::write_snapshot(db, s);
}

// A session on a new database at `file` holding the demo team at `now`, its snapshot the working set
// with what the kiosk reads at its start besides (a taper template, a rules file's six-week day).
app::Session demo_session(const TempFile& file, Instant now, Zone zone) {
  app::Session s{store::Database::open(file.path.string(), store::OpenMode::create_if_missing), {}, nullptr, {}};
  store::write_snapshot(s.db, demo_team(now));
  s.model.snapshot = store::load_snapshot(s.db, store::LoadScope{working_set_from(now, zone)});
  s.model.snapshot.taper_templates.push_back(TaperTemplate{});  // read from data/ at the start
  s.model.snapshot.review_rules.six_week_day = 40;              // a rules file's value
  return s;
}

// Every stored value of `a` is `b`'s, table for table (names, columns, rows); returns the rows compared.
std::size_t check_stored_alike(const Snapshot& a, const Snapshot& b) {
  const auto x = stored(a, "a"), y = stored(b, "b");
  REQUIRE(x.size() == y.size());
  std::size_t rows = 0;
  for (std::size_t t = 0; t < x.size(); ++t) {
    CAPTURE(x[t].name);
    CHECK(x[t].name == y[t].name);
    CHECK(x[t].columns == y[t].columns);
    CHECK(x[t].rows == y[t].rows);
    rows += x[t].rows.size();
  }
  return rows;
}

}  // namespace

TEST_CASE("working set loader: the whole working set arrives compacted, row for row the set a plain load reads") {
  TempFile file;
  const Zone zone = find_zone("Europe/London");
  const Instant now = demo_now();
  write_database(file.path, demo_team(now));
  const Instant from = working_set_from(now, zone);
  Snapshot plain;
  {
    auto db = store::Database::open(file.path.string(), store::OpenMode::existing);
    plain = store::load_snapshot(db, store::LoadScope{from});
  }
  app::WorkingSetLoader loader;
  std::atomic<bool> woken{false};
  loader.start(file.path.string(), from, [&] { woken = true; });
  auto whole = wait_and_take(loader, woken);
  REQUIRE(whole);
  // Compacted on the loader's thread: the loop's thread does not move the rows again.
  CHECK(tight(whole->visits));
  CHECK(tight(whole->shifts));
  CHECK(tight(whole->episodes));
  CHECK(tight(whole->people));
  CHECK(tight(whole->plans));
  CHECK(tight(whole->reviews));
  CHECK(tight(whole->transition_records));
  for (const auto& p : whole->plans) CHECK(tight(p.phases));
  REQUIRE(whole->visits.size() == plain.visits.size());
  REQUIRE(!plain.visits.empty());
  for (std::size_t i = 0; i < plain.visits.size(); ++i) {
    CHECK(whole->visits[i].id == plain.visits[i].id);
    CHECK(whole->find_visit(plain.visits[i].id) == &whole->visits[i]);  // its indexes point at its rows
  }
  CHECK(check_stored_alike(*whole, plain) > 1000);
}

TEST_CASE("compact copy: a whole loaded demo team, copied on another thread, is value for value the plain load") {
  TempFile file;
  write_database(file.path, demo_team(demo_now()));
  Snapshot plain, loaded;
  {
    auto db = store::Database::open(file.path.string(), store::OpenMode::existing);
    plain = store::load_snapshot(db);
    loaded = store::load_snapshot(db);
  }
  Snapshot copy;
  std::thread([&] { copy = compact_copy(loaded); }).join();
  loaded = Snapshot{};  // the loaded rows gone first, as in the kiosk's loader
  CHECK(tight(copy.visits));
  CHECK(tight(copy.reviews));
  for (const auto& p : copy.plans) CHECK(tight(p.phases));
  CHECK(check_stored_alike(copy, plain) > 1000);
}

TEST_CASE("working set loader: the whole working set arrives on the loop's turn and replaces the first frame's rows") {
  TempFile file;
  const Zone zone = find_zone("Europe/London");
  const Instant now = demo_now();
  app::Session s{store::Database::open(file.path.string(), store::OpenMode::create_if_missing), {}, nullptr, {}};
  store::write_snapshot(s.db, demo_team(now));
  const Instant from = working_set_from(now, zone);
  const Snapshot expected = store::load_snapshot(s.db, store::LoadScope{from});
  s.model.snapshot = store::load_snapshot(s.db, store::LoadScope{first_frame_from(now, zone)});
  s.model.snapshot.taper_templates.push_back(TaperTemplate{});  // read from data/ at the start
  s.model.snapshot.review_rules.six_week_day = 40;  // a rules file's value
  REQUIRE(s.model.snapshot.visits.size() < expected.visits.size());

  app::WorkingSetLoader loader;
  std::atomic<bool> woken{false};
  loader.start(file.path.string(), from, [&] { woken = true; });
  auto whole = wait_and_take(loader, woken);
  REQUIRE(whole);
  CHECK_FALSE(loader.running());
  CHECK_FALSE(loader.take());  // once
  CHECK(whole->history_from == from);
  CHECK(whole->visits.size() == expected.visits.size());
  CHECK(whole->episodes.size() == expected.episodes.size());

  const std::int64_t generation = s.model.generation;
  const Instant later = now + std::chrono::seconds(1);
  app::swap_in(s, std::move(*whole), later);
  CHECK(s.model.snapshot.visits.size() == expected.visits.size());
  CHECK(s.model.snapshot.taper_templates.size() == 1);
  CHECK(s.model.snapshot.review_rules.six_week_day == 40);
  CHECK(s.model.loaded_at == later);
  CHECK(s.model.generation > generation);  // every board is stale
  // The compliance index is not built as the set settles in (a wall on Today never needs it): the
  // first compliance board builds it, for the episodes the set's rows are loaded for (issue 6).
  app::settle_after_swap(s);
  CHECK_FALSE(s.model.compliance_index_fresh());
  CHECK(s.model.compliance_index.facts.empty());
  s.model.ensure(app::boards::compliance, later);
  CHECK(s.model.compliance_index_fresh());
  CHECK(s.model.compliance_index.episodes_from == from);
}

TEST_CASE("working set loader: a load that fails wakes the loop and hands back its error") {
  TempFile file;  // never created
  app::WorkingSetLoader loader;
  std::atomic<bool> woken{false};
  loader.start(file.path.string(), Instant{}, [&] { woken = true; });
  while (!woken) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  CHECK_THROWS(loader.take());
  CHECK_FALSE(loader.running());
}

TEST_CASE("kiosk reload: after a change the session holds the new rows, compact, value for value a plain load, rules kept") {
  TempFile file;
  const Zone zone = find_zone("Europe/London");
  const Instant now = demo_now();
  app::Session s = demo_session(file, now, zone);
  {
    auto other = store::Database::open(file.path.string(), store::OpenMode::existing);  // a command elsewhere
    other.exec("UPDATE visit SET reason = 'moved at the person''s request: dentist' WHERE id = (SELECT MAX(id) FROM visit)",
               "changing a visit");
  }
  const Snapshot expected = store::load_snapshot(s.db, store::LoadScope{working_set_from(now, zone)});
  const std::int64_t generation = s.model.generation;
  const Instant later = now + std::chrono::seconds(5);
  app::reload_and_settle(s, later);
  CHECK(s.model.loaded_at == later);
  CHECK(s.model.generation > generation);  // every board is stale
  CHECK(s.model.snapshot.taper_templates.size() == 1);
  CHECK(s.model.snapshot.review_rules.six_week_day == 40);
  CHECK(tight(s.model.snapshot.visits));
  CHECK(tight(s.model.snapshot.reviews));
  bool changed = false;
  for (const auto& v : s.model.snapshot.visits) changed = changed || v.reason == "moved at the person's request: dentist";
  CHECK(changed);
  check_stored_alike(s.model.snapshot, expected);
  // The session's connection still works on the loop's thread afterwards.
  CHECK(s.db.data_version() == s.db.data_version());
}

TEST_CASE("kiosk reload: the first compliance board indexes the new snapshot, the next minutes reuse it, and each board is a fresh one") {
  TempFile file;
  const Zone zone = find_zone("Europe/London");
  const Instant now = demo_now();
  app::Session s = demo_session(file, now, zone);
  {
    auto other = store::Database::open(file.path.string(), store::OpenMode::existing);  // a change elsewhere
    other.exec("UPDATE visit SET reason = 'moved' WHERE id = (SELECT MAX(id) FROM visit)", "changing a visit");
  }
  const Instant later = now + std::chrono::seconds(5);
  s.model.ensure(app::boards::compliance, now);  // Compliance on view before the change: indexed
  CHECK(s.model.indexings == 1);
  app::reload_and_settle(s, later);
  CHECK_FALSE(s.model.compliance_index_fresh());  // the old snapshot's index went with it
  CHECK(s.model.compliance_index.facts.empty());
  CHECK(s.model.indexings == 1);
  for (int minute = 0; minute < 3; ++minute) {
    const Instant at = later + std::chrono::minutes(minute);
    CHECK(s.model.ensure(app::boards::compliance, at) == app::boards::compliance);
    CHECK(s.model.indexings == 2);  // the first board after the reload indexed it; each minute then recomputes the measures only
    CHECK(s.model.compliance_index_fresh());
    const ComplianceBoard fresh = build_compliance_board(s.model.snapshot, s.model.compliance_rules, at);
    REQUIRE(s.model.compliance.measures.size() == fresh.measures.size());
    for (std::size_t m = 0; m < fresh.measures.size(); ++m) {
      CAPTURE(fresh.measures[m].rule->id);
      CHECK(s.model.compliance.measures[m].current.numerator == fresh.measures[m].current.numerator);
      CHECK(s.model.compliance.measures[m].current.denominator == fresh.measures[m].current.denominator);
      for (std::size_t w = 0; w < fresh.measures[m].weeks.size(); ++w)
        CHECK(s.model.compliance.measures[m].weeks[w].numerator == fresh.measures[m].weeks[w].numerator);
    }
  }
}

TEST_CASE("kiosk reload: a reload that fails leaves the session's rows and the rules read at the start as they were") {
  TempFile file;
  const Zone zone = find_zone("Europe/London");
  const Instant now = demo_now();
  app::Session s = demo_session(file, now, zone);
  const std::size_t cascade = s.model.snapshot.review_rules.cascade.size();
  const std::size_t shifts = s.model.snapshot.rota_rules.shifts.size();
  const std::size_t visits = s.model.snapshot.visits.size();
  REQUIRE(cascade > 0);
  REQUIRE(shifts > 0);
  {
    auto other = store::Database::open(file.path.string(), store::OpenMode::existing);  // the file broken elsewhere
    other.exec("ALTER TABLE visit RENAME TO visit_gone", "hiding a table");
  }
  CHECK_THROWS(app::reload_and_settle(s, now + std::chrono::seconds(5)));  // its error reaches the loop
  CHECK(s.model.snapshot.visits.size() == visits);
  CHECK(s.model.snapshot.taper_templates.size() == 1);
  CHECK(s.model.snapshot.review_rules.cascade.size() == cascade);
  CHECK(s.model.snapshot.rota_rules.shifts.size() == shifts);
}
