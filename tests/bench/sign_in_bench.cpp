// sign_in_bench: what signing in costs. Prints medians of 9 runs: hashing a PIN (Argon2id,
// INTERACTIVE limits), verifying one, a whole sign-in (transaction + verify + audit row), a wrong
// PIN (the same work plus the failure row) and the wait-refusal (no hashing at all).
#include "store/database.hpp"
#include "store/sign_in.hpp"
#include "store/snapshot_writer.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <vector>

using namespace vb;

namespace {

double median_ms(int runs, const std::function<void(int)>& f) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto t = std::chrono::steady_clock::now();
    f(i);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

Snapshot two_staff() {
  Snapshot s;
  s.team = Team{1, "Bench team", "Europe/London"};
  for (const char* id : {"S01", "S02"}) {
    Staff m;
    m.id = id;
    m.team_id = 1;
    m.name = std::string("Bench ") + id;
    m.initials = "B" + std::string(id).substr(2);
    m.discipline = "nurse";
    m.roles = {Role::viewer, Role::clinician};
    s.staff.push_back(m);
  }
  s.reindex();
  return s;
}

}  // namespace

int main() {
  const int runs = 9;
  const auto dir = std::filesystem::temp_directory_path() / ("vb_sign_in_bench_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto db = store::Database::open((dir / "bench.db").string(), store::OpenMode::create_if_missing);
  store::write_snapshot(db, two_staff());
  const Instant t0 = parse_stored_utc("2026-11-23T10:00:00Z");

  std::string hash;
  const double hash_ms = median_ms(runs, [&](int) { hash = store::hash_pin("4826"); });
  const double verify_ms = median_ms(runs, [&](int) { (void)store::pin_matches(hash, "4826"); });
  store::set_pin(db, "S01", "4826", "bench", t0);
  store::set_pin(db, "S02", "4826", "bench", t0);
  const double sign_in_ms = median_ms(runs, [&](int i) { (void)store::sign_in(db, "S01", "4826", t0 + std::chrono::minutes{i}); });
  // Wrong PINs an hour apart each, so no wait applies and the count stays low.
  const double wrong_ms = median_ms(runs, [&](int i) { (void)store::sign_in(db, "S02", "0000", t0 + std::chrono::hours{i}); });
  for (int i = 0; i < 3; ++i) (void)store::sign_in(db, "S01", "0000", t0 + std::chrono::hours{100});
  const double wait_ms = median_ms(runs, [&](int) { (void)store::sign_in(db, "S01", "4826", t0 + std::chrono::hours{100}); });

  std::printf("sign_in_bench (medians of %d)\n", runs);
  std::printf("  hash a PIN (crypto_pwhash_str, Argon2id INTERACTIVE)   %8.1f ms\n", hash_ms);
  std::printf("  verify a PIN (crypto_pwhash_str_verify)                  %8.1f ms\n", verify_ms);
  std::printf("  sign in, right PIN (transaction + verify + audit)       %8.1f ms\n", sign_in_ms);
  std::printf("  sign in, wrong PIN (+ failure row)                       %8.1f ms\n", wrong_ms);
  std::printf("  try while waiting (refused before any hashing)           %8.1f ms\n", wait_ms);
  std::filesystem::remove_all(dir);
  return 0;
}
