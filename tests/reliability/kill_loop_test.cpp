// The kill -9 loop (shared/reliability.md): a child process commits commands through the store and
// prints the audit id of each one after its commit returns; the parent kills it with SIGKILL at a
// random moment, reopens the file, and checks that SQLite's integrity_check passes and that every
// acknowledged write is there, with its row and its audit row. Many rounds on the same file.
// A ctest executable (it forks), not a doctest case. Prints what it did; exit 0 = every check held.
#include "store/command_store.hpp"
#include "store/database.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "support/small_team.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <set>
#include <string>
#include <thread>

using namespace vb;

namespace {

int failures = 0;

void check(bool ok, const std::string& what) {
  if (!ok) {
    ++failures;
    std::cerr << "FAIL: " << what << "\n";
  }
}

// Commits one concern per transaction, forever; after each commit writes "<audit id>\n" to `out`.
[[noreturn]] void child(const std::string& path, int out, int round) {
  try {
    auto db = store::Database::open(path, store::OpenMode::existing);
    Snapshot s = store::load_snapshot(db);
    for (int i = 0;; ++i) {
      RaiseConcern c{1, "carer", "round " + std::to_string(round) + " concern " + std::to_string(i), "S01",
                     test::at("2026-11-23T10:30")};
      auto ids = store::apply_commands(db, s, {c});
      const std::string line = std::to_string(ids.at(0)) + "\n";
      if (write(out, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(3);
    }
  } catch (const std::exception& e) {
    std::cerr << "child: " << e.what() << "\n";
    _exit(2);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 12;
  const auto dir = std::filesystem::temp_directory_path() / ("vb_kill_loop_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "team.db").string();
  {
    auto db = store::Database::open(path, store::OpenMode::create_if_missing);
    store::write_snapshot(db, test::small_team());
  }
  std::mt19937 rng(20261123);
  std::uniform_int_distribution<int> delay_ms(5, 250);
  std::set<long long> acknowledged;
  long long killed_mid_run = 0;

  for (int round = 0; round < rounds; ++round) {
    int fds[2];
    if (pipe(fds) != 0) return 2;
    const pid_t pid = fork();
    if (pid < 0) return 2;
    if (pid == 0) {
      close(fds[0]);
      child(path, fds[1], round);
    }
    close(fds[1]);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(rng)));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) ++killed_mid_run;
    else check(false, "round " + std::to_string(round) + ": the child ended on its own (status " + std::to_string(status) + ")");
    // Every acknowledgement the child managed to write before it died.
    std::string text;
    char buf[4096];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) text.append(buf, static_cast<size_t>(n));
    close(fds[0]);
    size_t start = 0, this_round = 0;
    for (size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1) {
      acknowledged.insert(std::stoll(text.substr(start, nl - start)));
      ++this_round;
    }

    auto db = store::Database::open(path, store::OpenMode::existing);
    auto integrity = db.prepare("PRAGMA integrity_check");
    integrity.step();
    check(integrity.column_text(0) == "ok", "round " + std::to_string(round) + ": integrity_check says " + integrity.column_text(0));
    auto fk = db.prepare("SELECT count(*) FROM pragma_foreign_key_check");
    fk.step();
    check(fk.column_int(0) == 0, "round " + std::to_string(round) + ": broken references");
    std::set<long long> audits;
    auto rows = db.prepare("SELECT id FROM audit_log WHERE command = 'raise_concern'");
    while (rows.step()) audits.insert(rows.column_int(0));
    for (long long id : acknowledged)
      check(audits.count(id) == 1, "round " + std::to_string(round) + ": acknowledged audit row " + std::to_string(id) + " is missing");
    auto concerns = db.prepare("SELECT count(*) FROM concern");
    concerns.step();
    // One concern per audit row: a commit is all of its rows or none.
    check(concerns.column_int(0) == static_cast<long long>(audits.size()),
          "round " + std::to_string(round) + ": concerns and their audit rows differ in number");
    std::cout << "round " << round << ": " << this_round << " acknowledged, " << audits.size()
              << " committed in all, integrity ok\n";
  }
  std::cout << rounds << " rounds, " << killed_mid_run << " killed mid-run, " << acknowledged.size()
            << " acknowledged writes, " << failures << " failures\n";
  std::filesystem::remove_all(dir);
  return failures == 0 && !acknowledged.empty() ? 0 : 1;
}
