// kiosk_bench: what the kiosk costs that our code controls. Prints a table: demo generation,
// writing and loading the database, deriving the boards, and building one ImGui frame of each
// screen headless (CPU only: GPU/llvmpipe rendering is measured separately under Xvfb).
// Usage: kiosk_bench [--trust] [--full]   (--full: five years of history instead of two;
//        --trust: 15 demo teams in one snapshot, see trust_bench.cpp)
#include "core/compliance.hpp"
#include "core/day_board.hpp"
#include "core/outcomes.hpp"
#include "core/ooh_gaps.hpp"
#include "core/demo_team.hpp"
#include "core/review_board.hpp"
#include "core/plan_view.hpp"
#include "headless_frame.hpp"
#include "platform/asset_paths.hpp"
#include "platform/font_loader.hpp"
#include "store/database.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "ui/screen.hpp"
#include "ui/lock_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

using namespace vb;
namespace vb::bench {
int trust_bench(bool full);
int kiosk_startup(const std::string& db_path, const std::string& now_text);
int memory_figures(const std::string& db_path, const std::string& now_text);
}
using Clock = std::chrono::steady_clock;

namespace {

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

void row(const char* what, double ms, const char* runs) { std::printf("| %-58s | %10.2f | %-9s |\n", what, ms, runs); }

}  // namespace

int main(int argc, char** argv) {
  bool full = false, trust = false;
  // kiosk_bench --startup DB NOW: the kiosk's start path in this process (see kiosk_startup.cpp).
  if (argc == 4 && std::strcmp(argv[1], "--startup") == 0) return vb::bench::kiosk_startup(argv[2], argv[3]);
  // kiosk_bench --memory DB NOW: the kiosk's heap along its start and the Snapshot table by table (memory_figures.cpp).
  if (argc == 4 && std::strcmp(argv[1], "--memory") == 0) return vb::bench::memory_figures(argv[2], argv[3]);
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--full") == 0) full = true;
    else if (std::strcmp(argv[i], "--trust") == 0) trust = true;
    else {
      std::fprintf(stderr, "usage: kiosk_bench [--trust] [--full]\n");
      return 2;
    }
  }
  if (trust) return vb::bench::trust_bench(full);
  const Instant now = *parse_instant("2026-11-23T10:30", find_zone("Europe/London"));
  DemoOptions options;
  options.seed = 7;
  options.now = now;
  options.history_days = full ? 5 * 365 : 2 * 365;

  std::printf("kiosk_bench: demo team, seed 7, %d days of history, now 2026-11-23 10:30 (medians)\n\n",
              options.history_days);
  std::printf("| %-58s | %10s | %-9s |\n", "what", "ms", "runs");
  std::printf("|%s|%s|%s|\n", std::string(60, '-').c_str(), std::string(12, '-').c_str(), std::string(11, '-').c_str());

  Snapshot team;
  row("generate the demo team", median_ms(3, [&] { team = generate_demo_team(options); }), "3");
  const auto path = std::filesystem::temp_directory_path() / "kiosk_bench.db";
  auto remove_db = [&] {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  };
  row("write it to a new database (one transaction)", median_ms(3, [&] {
        remove_db();
        auto db = store::Database::open(path.string(), store::OpenMode::create_if_missing);
        store::write_snapshot(db, team);
      }), "3");
  row("open the database (quick_check, migrations)", median_ms(5, [&] {
        store::Database::open(path.string(), store::OpenMode::existing);
      }), "5");
  auto db = store::Database::open(path.string(), store::OpenMode::existing);
  Snapshot s;
  row("load the whole snapshot", median_ms(5, [&] { s = store::load_snapshot(db); }), "5");

  const LocalDate today = local_date_of(now, s.zone());
  DayBoard board;
  StaffDay staff_day;
  ReviewBoard reviews;
  row("derive the Today board", median_ms(20, [&] { board = build_day_board(s, today, now); }), "20");
  row("derive the By-staff day", median_ms(20, [&] { staff_day = build_staff_day(s, today, now); }), "20");
  row("derive the reviews board (due, slots, escalations)", median_ms(20, [&] { reviews = build_review_board(s, now); }), "20");
  const ComplianceRules compliance_rules = default_compliance_rules();
  ComplianceBoard compliance;
  OutcomesBoard outcomes;
  row("derive the compliance board (28 days + 12 weeks)",
      median_ms(20, [&] { compliance = build_compliance_board(s, compliance_rules, now); }), "20");
  row("derive the outcomes board (52 weeks + 12 weekly)", median_ms(20, [&] { outcomes = build_outcomes_board(s, now); }), "20");
  OohBoard ooh;
  row("derive the out-of-hours board (evening, between frames)",
      median_ms(20, [&] { ooh = build_ooh_board(s, current_ooh_window(s, now)); }), "20");
  std::vector<PlanView> plans;
  row("derive the plans screen (every open episode)", median_ms(20, [&] { plans = build_plan_views(s, now); }), "20");

  const ui::Fonts fonts = bench::start_headless_imgui(1920, 1080);
  BackupStatus backups;
  for (auto [screen, name] : {std::pair{ui::Screen::today, "build one frame: Today (1920x1080)"},
                              std::pair{ui::Screen::staff, "build one frame: By staff"},
                              std::pair{ui::Screen::reviews, "build one frame: Reviews"},
                              std::pair{ui::Screen::admin, "build one frame: Admin"},
                              std::pair{ui::Screen::compliance, "build one frame: Compliance (one list open)"},
                              std::pair{ui::Screen::outcomes, "build one frame: Outcomes"},
                              std::pair{ui::Screen::ooh, "build one frame: Out of hours"},
                              std::pair{ui::Screen::plans, "build one frame: Plans"},
                              std::pair{ui::Screen::lock, "build one frame: Lock (PIN pad over the board)"}}) {
    ui::UiState state = bench::measured_state(s, screen);
    ui::FrameInput in{s, board, staff_day, reviews, backups, now, now, "", fonts, &compliance, &outcomes};
    in.plans = &plans;
    in.ooh_board = &ooh;  // derived between frames, as the kiosk does
    auto frame = [&] { bench::build_frame(in, state); };
    for (int i = 0; i < 5; ++i) frame();  // tables settle
    row(name, median_ms(200, frame), "200");
  }
  {  // Admin, Staff and access as a signed-in admin sees it (issue 7): the list, chips and PIN state.
    ui::UiState state;
    for (const auto& m : s.staff)
      if (m.active && m.has_role(Role::admin) && state.signed_in.empty()) ui::signed_in(state, m.id);
    state.screen = ui::Screen::admin;
    ui::FrameInput in{s, board, staff_day, reviews, backups, now, now, "", fonts, &compliance, &outcomes};
    in.plans = &plans;
    auto frame = [&] { bench::build_frame(in, state); };
    for (int i = 0; i < 5; ++i) frame();
    row("build one frame: Admin, Staff and access (admin signed in)", median_ms(200, frame), "200");
  }
  ImGui::DestroyContext();
  remove_db();
  std::printf("\n%zu people, %zu episodes, %zu visits, %zu reviews in the snapshot.\n", s.people.size(),
              s.episodes.size(), s.visits.size(), s.reviews.size());
  return 0;
}
