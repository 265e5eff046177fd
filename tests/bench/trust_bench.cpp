// kiosk_bench --trust [--full]: the kiosk at trust scale (15 demo teams in one snapshot): build and
// check the trust, write it to a database, open + load it (startup to first frame minus rendering),
// derive each board, and build one headless ImGui frame of every screen (CPU only).
#include "trust_scale.hpp"
#include "headless_frame.hpp"
#include "kiosk_startup.hpp"

#include "core/compliance.hpp"
#include "core/day_board.hpp"
#include "core/ooh_gaps.hpp"
#include "core/outcomes.hpp"
#include "core/plan_view.hpp"
#include "core/review_board.hpp"
#include "platform/asset_paths.hpp"
#include "platform/font_loader.hpp"
#include "store/database.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "ui/lock_screen.hpp"
#include "ui/screen.hpp"

#include <imgui.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace vb::bench {

namespace {

using Clock = std::chrono::steady_clock;

double median_ms(int runs, const std::function<void()>& f) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto t0 = Clock::now();
    f();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

void row(const std::string& what, double ms, int runs) {
  std::printf("| %-62s | %10.2f | %5d |\n", what.c_str(), ms, runs);
}

double peak_rss_mib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

}  // namespace

int trust_bench(bool full) {
  constexpr int teams = 15;
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // figures so far survive a failure
  const Instant now = *parse_instant("2026-11-23T10:30", find_zone("Europe/London"));
  DemoOptions options;
  options.seed = 7;
  options.now = now;
  options.history_days = full ? 5 * 365 : 2 * 365;
  std::printf("kiosk_bench --trust: %d demo teams (seeds 7..%d) in one snapshot, %d days of history, "
              "now 2026-11-23 10:30 (medians)\n\n",
              teams, 7 + teams - 1, options.history_days);
  std::printf("| %-62s | %10s | %5s |\n", "what (trust scale)", "ms", "runs");
  std::printf("|%s|%s|%s|\n", std::string(64, '-').c_str(), std::string(12, '-').c_str(), std::string(7, '-').c_str());

  TrustBuild trust;
  row("generate 15 demo teams and merge them (renumbered)", median_ms(1, [&] { trust = build_trust_snapshot(options, teams); }), 1);
  if (auto problem = trust_problem(trust.snapshot); !problem.empty()) {
    std::printf("\nThe merged trust snapshot is inconsistent: %s\n", problem.c_str());
    return 1;
  }

  // Write it with the store's writer; the rest reads what the store loads back, as the kiosk would.
  // $KIOSK_BENCH_TRUST_DB keeps the trust database there (for `kiosk_bench --startup PATH NOW`).
  const char* keep = std::getenv("KIOSK_BENCH_TRUST_DB");
  const auto path = keep && *keep ? std::filesystem::path(keep) : std::filesystem::temp_directory_path() / "kiosk_bench_trust.db";
  bool removing = false;
  auto remove_db = [&] {
    if (keep && *keep && removing) return;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  };
  std::string store_note;
  Snapshot s;
  try {
    row("write it to a new database (one transaction)", median_ms(1, [&] {
          remove_db();
          auto db = store::Database::open(path.string(), store::OpenMode::create_if_missing);
          store::write_snapshot(db, trust.snapshot);
        }), 1);
    const double open_ms = median_ms(3, [&] { store::Database::open(path.string(), store::OpenMode::existing); });
    row("open the database (quick_check, migrations)", open_ms, 3);
    auto db = store::Database::open(path.string(), store::OpenMode::existing);
    const double load_ms = median_ms(3, [&] { s = store::load_snapshot(db); });
    row("load the whole snapshot", load_ms, 3);
    if (s.visits.size() != trust.snapshot.visits.size() || s.people.size() != trust.snapshot.people.size())
      store_note = "the loaded snapshot differs from the written one (people/visits counts)";
    std::printf("| %-62s | %10.2f | %5s |\n", "open + load (startup to first frame, before deriving)", open_ms + load_ms, "");
    // The kiosk's own start path (open_session, derive, fonts, first frame), each run in a fresh process.
    print_kiosk_startup(path.string(), "2026-11-23T10:30", 3);
  } catch (const std::exception& e) {
    store_note = std::string("the store cannot hold this trust snapshot: ") + e.what() +
                 " (open/load not measured; the figures below use the generated snapshot)";
    s = std::move(trust.snapshot);
  }
  removing = true;
  remove_db();

  const LocalDate today = local_date_of(now, s.zone());
  DayBoard board;
  StaffDay staff_day;
  ReviewBoard reviews;
  const ComplianceRules compliance_rules = default_compliance_rules();
  ComplianceBoard compliance;
  OutcomesBoard outcomes;
  OohBoard ooh;
  std::vector<PlanView> plans;
  double derive_all = 0;
  auto derive = [&](const char* what, const std::function<void()>& f) {
    const double ms = median_ms(5, f);
    derive_all += ms;
    row(what, ms, 5);
  };
  derive("derive the Today board", [&] { board = build_day_board(s, today, now); });
  derive("derive the By-staff day", [&] { staff_day = build_staff_day(s, today, now); });
  derive("derive the reviews board (due, slots, escalations)", [&] { reviews = build_review_board(s, now); });
  derive("derive the compliance board (28 days + 12 weeks)",
         [&] { compliance = build_compliance_board(s, compliance_rules, now); });
  derive("derive the outcomes board (52 weeks + 12 weekly)", [&] { outcomes = build_outcomes_board(s, now); });
  derive("derive the plans screen (every open episode)", [&] { plans = build_plan_views(s, now); });
  std::printf("| %-62s | %10.2f | %5s |\n", "all boards the kiosk derives after a load (sum)", derive_all, "");
  const double ooh_ms = median_ms(5, [&] { ooh = build_ooh_board(s, current_ooh_window(s, now)); });
  row("derive the out-of-hours board (this evening, between frames)", ooh_ms, 5);

  const ui::Fonts fonts = start_headless_imgui(1920, 1080);
  BackupStatus backups;
  std::vector<double> frame_medians;
  for (auto [screen, name] : {std::pair{ui::Screen::today, "today"}, std::pair{ui::Screen::staff, "staff"},
                              std::pair{ui::Screen::plans, "plans"}, std::pair{ui::Screen::reviews, "reviews"},
                              std::pair{ui::Screen::ooh, "ooh"},
                              std::pair{ui::Screen::compliance, "compliance (one list open)"},
                              std::pair{ui::Screen::outcomes, "outcomes"}, std::pair{ui::Screen::admin, "admin"},
                              std::pair{ui::Screen::lock, "lock (PIN pad over the board)"}}) {
    ui::UiState state = measured_state(s, screen);
    ui::FrameInput in{s, board, staff_day, reviews, backups, now, now, "", fonts, &compliance, &outcomes};
    in.plans = &plans;
    in.ooh_board = &ooh;  // derived between frames, as the kiosk does
    auto frame = [&] { build_frame(in, state); };
    for (int i = 0; i < 5; ++i) frame();  // tables settle
    const double ms = median_ms(50, frame);
    frame_medians.push_back(ms);
    const int vertices = ImGui::GetDrawData() ? ImGui::GetDrawData()->TotalVtxCount : 0;
    row(std::string("build one frame: ") + name + ", " + std::to_string(vertices) + " vertices", ms, 50);
  }
  ImGui::DestroyContext();
  std::sort(frame_medians.begin(), frame_medians.end());
  std::printf("| %-62s | %10.2f | %5s |\n", "slowest screen's frame median (target < 8 ms)", frame_medians.back(), "");

  std::printf("\n%zu staff, %zu people, %zu episodes, %zu visits, %zu shifts, %zu reviews in the trust snapshot; "
              "peak resident memory %.0f MiB.\n",
              s.staff.size(), s.people.size(), s.episodes.size(), s.visits.size(), s.shifts.size(), s.reviews.size(),
              peak_rss_mib());
  if (trust.nhs_numbers_cleared > 0)
    std::printf("%zu NHS numbers repeated across seeds and were left unknown.\n", trust.nhs_numbers_cleared);
  std::printf("One team row: the Snapshot and snapshot_writer hold a single team, so the 15 teams' rows are "
              "stored under team %lld (staff T01-.. T15-, ids offset by %lld per team).\n",
              static_cast<long long>(s.team.id), static_cast<long long>(trust_id_stride));
  if (!store_note.empty()) std::printf("Store: %s.\n", store_note.c_str());
  return 0;
}

}  // namespace vb::bench
