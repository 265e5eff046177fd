// frame_bench: a whole frame of the kiosk against the bare board's (/work/shared/performance.md:
// "a whole frame at most 1.2x the bare board's"). A whole frame is building the ImGui frame,
// rendering it through the OpenGL3 backend (Mesa llvmpipe under Xvfb) and swapping the buffers.
// For each size and run it starts, one after the other and alone, fresh processes:
//   bare      bare_board --frames N (ImGui 1.86 + GLFW, a 30-row table with chips, no visitboard code)
//   SCREEN    frame_bench --draw SCREEN: visitboard's screen on the team demo database
//             (`visitboard demo --seed 7` at --now), drawn in a window of that size the way
//             `visitboard run` draws it (same window, fonts, ImGui binding, draw_frame, render, swap)
// Each draws 10 warm-up frames then N frames back to back and reports the CPU time of the whole
// process per frame (CLOCK_PROCESS_CPUTIME_ID: every thread, so llvmpipe's rasteriser threads too;
// the X server's copy of the picture is Xvfb's CPU, not counted for either). Medians of the
// per-frame figures, then medians over the runs of each run's ratio to that run's bare board.
// A program that prints figures, not a test.
//
// Run (from the build directory, ~5 minutes with the defaults):
//   xvfb-run -a -s "-screen 0 1920x1080x24" ./frame_bench
// Options: --runs N (3)  --frames N (60)  --sizes 1920x1080,1280x800  --only wall,today,...
//          --dir DIR (/tmp/frame_bench: the demo database, kept and reused)
//          --before DIR (also run DIR/frame_bench, an earlier build with its assets, as SCREEN-before)
// Screens: wall (Today, locked: the privacy view a wall shows most of the day), today (signed in),
//          staff, plans, reviews, ooh, compliance, outcomes, admin (an admin signed in), lock (the
//          PIN pad over the blurred board, a name chosen and two digits typed).
#include "frame_figures.hpp"

#include "app/board_needs.hpp"
#include "app/session.hpp"
#include "platform/asset_paths.hpp"
#include "platform/font_loader.hpp"
#include "platform/gl_window.hpp"
#include "platform/privacy_blur.hpp"
#include "platform/solid_fill.hpp"
#include "ui/lock_screen.hpp"
#include "ui/ooh_screen.hpp"
#include "ui/screen.hpp"
#include "ui/theme.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace vb;

namespace {

constexpr const char* pinned_now = "2026-11-23T10:30:00";  // a weekday morning: the day palette

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream ss(text);
  for (std::string part; std::getline(ss, part, ',');) parts.push_back(part);
  return parts;
}

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// --draw SCREEN --db DB --size WxH --frames N: one screen of the kiosk, N whole frames.
int draw_screen(const std::string& name, const std::string& db, int width, int height, int frames) {
  app::CommandLine cl;
  cl.db = db;
  cl.now = pinned_now;
  app::Session s = app::open_session(cl, app::SessionOptions{.working_set = true});
  platform::GlWindow window({.windowed = true, .visible = true, .width = width, .height = height, .title = "frame_bench"});
  platform::ImGuiBinding imgui(window.handle());
  ui::Fonts fonts = platform::load_fonts(platform::find_asset_root() / "fonts", platform::em_for_screen(width, height));
  platform::PrivacyBlur blur(platform::find_asset_root() / "shaders");
  platform::SolidFill solid_fill(platform::find_asset_root() / "shaders");

  ui::UiState state;
  const std::string screen_name = name == "wall" ? "today" : name;
  const auto screen = ui::parse_screen(screen_name);
  if (!screen) {
    std::fprintf(stderr, "frame_bench: unknown screen '%s'\n", name.c_str());
    return 2;
  }
  if (name == "wall" || name == "lock") ui::lock_now(state);
  state.screen = *screen;
  if (name == "lock") {  // as `screenshot --screen lock`: the pad open, a name chosen, two digits typed
    state.screen = ui::Screen::today;
    state.lock_pad_open = true;
    for (const auto& m : s.model.snapshot.staff)
      if (m.active && m.has_role(Role::clinician) && state.pin_staff.empty()) state.pin_staff = m.id;
    state.pin_digits = "00";
  }
  if (name == "admin")
    for (const auto& m : s.model.snapshot.staff)
      if (m.active && m.has_role(Role::admin) && state.signed_in.empty()) ui::signed_in(state, m.id);

  const Instant now = s.clock->now();
  const DisplayMode mode = display_mode(now, s.model.snapshot.zone());
  ui::apply_palette(mode.night);
  BackupStatus backups;
  bench::FrameClock clock(frames);
  for (;;) {
    // Derived between frames in the kiosk too (and only when stale): outside the frame.
    s.model.ensure(app::boards_needed(state), now);
    const OohBoard* ooh = nullptr;
    if (state.screen == ui::Screen::ooh)
      ooh = &s.model.ooh.board_for(s.model.snapshot, ui::shown_ooh_window(s.model.snapshot, state, now));
    clock.start();
    imgui.new_frame();
    ImGui::NewFrame();
    ui::FrameInput in{s.model.snapshot, s.model.board, s.model.staff_day, s.model.reviews, backups, now, s.model.loaded_at, "", fonts,
                      s.model.compliance_if_fresh(now), s.model.outcomes_if_fresh(now)};
    in.privacy_blur = blur.callback();
    in.privacy_blur_data = blur.callback_data();
    in.solid_fill = solid_fill.callback();
    in.solid_fill_data = solid_fill.callback_data();
    in.privacy_blur_ready = blur.ready(width, height);  // as `visitboard run`
    in.night = mode.night;
    in.dimmed = mode.dimmed;
    in.plans = s.model.plans_if_fresh(now);
    in.ooh_board = ooh;
    ui::draw_frame(in, state);
    clock.built();
    imgui.render(ui::background_colour(mode.night));
    glfwSwapBuffers(window.handle());
    if (clock.stop()) break;
    glfwPollEvents();
  }
  clock.print(name.c_str());
  return 0;
}

struct Figures {
  double cpu_median = -1, cpu_mean = -1, wall_median = -1, build_median = -1;
};

Figures run_child(const std::string& command) {
  Figures f;
  FILE* p = popen(command.c_str(), "r");
  if (!p) return f;
  char line[512];
  while (std::fgets(line, sizeof line, p)) {
    char name[64];
    int n = 0;
    if (std::sscanf(line, "frame-figures %63s %d %lf %lf %lf %lf", name, &n, &f.cpu_median, &f.cpu_mean, &f.wall_median,
                    &f.build_median) == 6)
      continue;
  }
  pclose(p);
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  int runs = 3, frames = 60;
  std::vector<std::string> sizes{"1920x1080", "1280x800"};
  std::vector<std::string> only{"wall", "today", "staff", "plans", "reviews", "ooh", "compliance", "outcomes", "admin", "lock"};
  fs::path dir = "/tmp/frame_bench", before;
  std::string draw, db;
  int width = 1920, height = 1080;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--runs" && has_value) runs = std::max(1, std::atoi(argv[++i]));
    else if (a == "--frames" && has_value) frames = std::max(1, std::atoi(argv[++i]));
    else if (a == "--sizes" && has_value) sizes = split(argv[++i]);
    else if (a == "--only" && has_value) only = split(argv[++i]);
    else if (a == "--dir" && has_value) dir = argv[++i];
    else if (a == "--before" && has_value) before = fs::absolute(argv[++i]);
    else if (a == "--draw" && has_value) draw = argv[++i];
    else if (a == "--db" && has_value) db = argv[++i];
    else if (a == "--size" && has_value && std::sscanf(argv[i + 1], "%dx%d", &width, &height) == 2) ++i;
    else {
      std::fprintf(stderr, "usage: frame_bench [--runs N] [--frames N] [--sizes WxH,...] [--only SCREEN,...] [--dir DIR] [--before DIR]\n"
                           "  run it under xvfb-run -a -s \"-screen 0 1920x1080x24\"\n");
      return 2;
    }
  }
  if (!std::getenv("DISPLAY")) {
    std::fprintf(stderr, "frame_bench: no DISPLAY; run it under xvfb-run -a -s \"-screen 0 1920x1080x24\"\n");
    return 2;
  }
  if (!draw.empty()) {
    try {
      return draw_screen(draw, db, width, height, frames);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "frame_bench: %s\n", e.what());
      return 1;
    }
  }

  const fs::path bin = fs::canonical("/proc/self/exe").parent_path();
  fs::create_directories(dir);
  const fs::path team_db = dir / "team.db";
  if (!fs::exists(team_db)) {
    const std::string make = quoted((bin / "visitboard").string()) + " --db " + quoted(team_db.string()) + " --now " +
                             pinned_now + " demo --seed 7 >" + quoted((dir / "demo.log").string()) + " 2>&1";
    if (std::system(make.c_str()) != 0) {
      std::fprintf(stderr, "frame_bench: visitboard demo failed; see %s\n", (dir / "demo.log").c_str());
      return 1;
    }
  }
  const char* threads = std::getenv("LP_NUM_THREADS");
  std::printf("frame_bench: %d run(s) x %d frames (after 10 warm-up) per subject, fresh process each; team demo db "
              "(seed 7, now %s); LP_NUM_THREADS=%s. CPU ms per whole frame (build + render + swap), all threads.\n\n",
              runs, frames, pinned_now, threads ? threads : "(unset: one per core)");
  std::printf("| size | run | subject | CPU ms median | CPU ms mean | wall ms median | of which UI build | x bare |\n|---|---|---|---|---|---|---|---|\n");
  std::vector<std::string> subjects;
  for (const auto& name : only) {
    if (!before.empty()) subjects.push_back(name + "-before");
    subjects.push_back(name);
  }
  std::map<std::string, std::map<std::string, std::vector<double>>> cpu, ratio;  // [size][subject]
  for (const auto& size : sizes) {
    int w = 0, h = 0;
    if (std::sscanf(size.c_str(), "%dx%d", &w, &h) != 2) continue;
    const std::string em = std::to_string(static_cast<int>(platform::em_for_screen(w, h)));
    for (int run = 1; run <= runs; ++run) {
      const Figures bare = run_child(quoted((bin / "bare_board").string()) + " --frames " + std::to_string(frames) + " --size " + size +
                                     " --font " + quoted((bin / "fonts" / "Inter-Regular.otf").string()) + " --em " + em);
      std::printf("| %s | %d | bare | %.2f | %.2f | %.2f | %.2f | |\n", size.c_str(), run, bare.cpu_median, bare.cpu_mean, bare.wall_median,
                  bare.build_median);
      cpu[size]["bare"].push_back(bare.cpu_median);
      for (const auto& subject : subjects) {
        const bool is_before = subject.size() > 7 && subject.compare(subject.size() - 7, 7, "-before") == 0;
        const std::string screen = is_before ? subject.substr(0, subject.size() - 7) : subject;
        const fs::path exe = (is_before ? before : bin) / "frame_bench";
        const Figures f = run_child(quoted(exe.string()) + " --draw " + screen + " --db " + quoted(team_db.string()) + " --size " + size +
                                    " --frames " + std::to_string(frames) + " 2>>" + quoted((dir / "children.log").string()));
        if (f.cpu_median < 0) {
          std::printf("| %s | %d | %s | failed (see %s) | | | | |\n", size.c_str(), run, subject.c_str(), (dir / "children.log").c_str());
          continue;
        }
        const double x = bare.cpu_median > 0 ? f.cpu_median / bare.cpu_median : 0;
        std::printf("| %s | %d | %s | %.2f | %.2f | %.2f | %.2f | %.2f |\n", size.c_str(), run, subject.c_str(), f.cpu_median, f.cpu_mean,
                    f.wall_median, f.build_median, x);
        cpu[size][subject].push_back(f.cpu_median);
        if (x > 0) ratio[size][subject].push_back(x);
      }
    }
  }
  std::printf("\nMedians over %d run(s) (ratio: each run against that run's bare board, then the median)\n\n", runs);
  std::printf("| size | subject | CPU ms per frame | x bare |\n|---|---|---|---|\n");
  for (const auto& size : sizes) {
    std::printf("| %s | bare | %.2f | 1.00 |\n", size.c_str(), bench::FrameClock::median(cpu[size]["bare"]));
    for (const auto& subject : subjects)
      if (!cpu[size][subject].empty())
        std::printf("| %s | %s | %.2f | %.2f |\n", size.c_str(), subject.c_str(), bench::FrameClock::median(cpu[size][subject]),
                    bench::FrameClock::median(ratio[size][subject]));
  }
  std::printf("\nTarget (performance.md): a whole frame at most 1.2x the bare board's.\n");
  return 0;
}
