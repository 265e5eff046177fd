// kiosk_bench --startup DB NOW: the kiosk's start path on an existing database, the way
// `visitboard run` takes it up to its first frame, in a fresh process: open the session (database,
// snapshot, rules files), derive the boards, load the fonts and build the first frame (the locked
// privacy view) headless. GL window creation and rendering (llvmpipe) are excluded. Then a tap
// (one MarkVisit committed and the boards rebuilt) and a reload (another program wrote the file).
// Prints one "startup-figures" line; print_kiosk_startup runs it in fresh processes and prints medians.
#include "kiosk_startup.hpp"
#include "headless_frame.hpp"

#include "app/board_needs.hpp"
#include "app/session.hpp"
#include "platform/asset_paths.hpp"
#include "platform/font_loader.hpp"
#include "store/command_store.hpp"
#include "ui/lock_screen.hpp"
#include "ui/screen.hpp"

#include <imgui.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

namespace vb::bench {

namespace {

using Steady = std::chrono::steady_clock;

double ms_since(Steady::time_point t0) { return std::chrono::duration<double, std::milli>(Steady::now() - t0).count(); }

double peak_rss_mib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

constexpr int figure_count = 9;
constexpr std::array<const char*, figure_count> figure_names = {
    "start: open the database (no quick_check; migrations)",
    "start: load the snapshot + rules files",
    "start: derive the boards on view (locked Today: day board)",
    "start: load the fonts (atlas built on the CPU)",
    "start: build the first frame (locked wall view)",
    "START TO FIRST FRAME (own process; rendering excluded)",
    "a tap: one MarkVisit committed + Today's boards derived",
    "reload after another writer (Session::reload + Today's boards)",
    "peak RSS of that process, MiB (not ms)",
};

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

int kiosk_startup(const std::string& db_path, const std::string& now_text) {
  try {
    app::CommandLine cl;
    cl.command = "run";
    cl.db = db_path;
    cl.now = now_text;
    const auto t_start = Steady::now();
    app::Session s =
        app::open_session(cl, app::SessionOptions{.check = store::IntegrityCheck::by_the_caller, .working_set = true});
    const Instant now = s.clock->now();
    ui::UiState state;
    ui::lock_now(state);  // a wall screen starts locked, in the privacy view
    auto t0 = Steady::now();
    s.model.ensure(app::boards_needed(state), now);  // as the kiosk loop does before its first frame
    s.times.derive_ms = ms_since(t0);

    t0 = Steady::now();
    const ui::Fonts fonts = start_headless_imgui(1920, 1080);
    const double fonts_ms = ms_since(t0);

    t0 = Steady::now();
    BackupStatus backups;
    ui::FrameInput in{s.model.snapshot, s.model.board, s.model.staff_day, s.model.reviews, backups, now, s.model.loaded_at,
                      "", fonts, s.model.compliance_if_fresh(now), s.model.outcomes_if_fresh(now)};
    in.plans = s.model.plans_if_fresh(now);
    build_frame(in, state);
    const double frame_ms = ms_since(t0);
    const double total_ms = ms_since(t_start);

    // A tap: mark today's first planned visit whose window has opened done, as a clinician would
    // (-1 when there is none left: earlier runs on the same file took them).
    double tap_ms = -1;
    const LocalDate today = local_date_of(now, s.model.snapshot.zone());
    const Visit* visit = nullptr;
    for (const Visit* v : s.model.snapshot.visits_dated(today, today))
      if (v->status == VisitStatus::planned && v->window_start <= now && !visit) visit = v;
    const Staff* clinician = nullptr;
    for (const auto& m : s.model.snapshot.staff)
      if (m.active && m.has_role(Role::clinician) && !clinician) clinician = &m;
    if (clinician) ui::signed_in(state, clinician->id);
    if (visit && clinician) {
      t0 = Steady::now();
      store::apply_commands(s.db, s.model.snapshot, {MarkVisit{visit->id, VisitStatus::done, "", clinician->id, now}});
      s.model.changed();
      s.model.ensure(app::boards_needed(state), now);  // the next frame: Today, signed in
      tap_ms = ms_since(t0);
    }
    std::vector<double> reloads;
    for (int i = 0; i < 3; ++i) {
      t0 = Steady::now();
      s.reload(now);
      s.model.ensure(app::boards_needed(state), now);
      reloads.push_back(ms_since(t0));
    }
    std::sort(reloads.begin(), reloads.end());
    ImGui::DestroyContext();
    std::printf("startup-figures %.3f %.3f %.3f %.3f %.3f %.3f %.3f %.3f %.1f\n", s.times.open_ms, s.times.load_ms,
                s.times.derive_ms, fonts_ms, frame_ms, total_ms, tap_ms, reloads[1], peak_rss_mib());
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kiosk_bench --startup: %s\n", e.what());
    return 1;
  }
}

void print_kiosk_startup(const std::string& db_path, const std::string& now_text, int runs) {
  char self[4096] = {};
  const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n <= 0) {
    std::printf("| %-62s | %10s | %5s |\n", "start to first frame: cannot find this program to run it", "-", "");
    return;
  }
  const std::string command = quoted(std::string(self, static_cast<size_t>(n))) + " --startup " + quoted(db_path) + " " +
                              quoted(now_text);
  std::vector<std::array<double, figure_count>> results;
  for (int run = 0; run < runs; ++run) {
    FILE* child = popen(command.c_str(), "r");
    if (!child) break;
    char line[512];
    while (std::fgets(line, sizeof line, child)) {
      std::array<double, figure_count> f{};
      if (std::sscanf(line, "startup-figures %lf %lf %lf %lf %lf %lf %lf %lf %lf", &f[0], &f[1], &f[2], &f[3], &f[4],
                      &f[5], &f[6], &f[7], &f[8]) == figure_count)
        results.push_back(f);
    }
    pclose(child);
  }
  if (results.empty()) {
    std::printf("| %-62s | %10s | %5s |\n", "start to first frame: the child process failed (see stderr)", "-", "");
    return;
  }
  for (int i = 0; i < figure_count; ++i) {
    std::vector<double> v;
    for (const auto& r : results) v.push_back(r[static_cast<size_t>(i)]);
    std::sort(v.begin(), v.end());
    std::printf("| %-62s | %10.2f | %5zu |\n", figure_names[static_cast<size_t>(i)], v[v.size() / 2], v.size());
  }
}

}  // namespace vb::bench
