// `visitboard run`: the kiosk loop. It sleeps in glfwWaitEventsTimeout and redraws only after
// input (a few frames), at a minute boundary, or when the database changed.
#include "app/commands.hpp"
#include "app/session.hpp"
#include "platform/asset_paths.hpp"
#include "platform/font_loader.hpp"
#include "platform/gl_window.hpp"
#include "store/command_store.hpp"
#include "ui/screen.hpp"
#include "ui/theme.hpp"

#include <GLFW/glfw3.h>

#include <atomic>
#include <csignal>
#include <iostream>

namespace vb::app {

namespace {

std::atomic<bool> input_seen{false};
std::atomic<bool> stop_requested{false};

void on_signal(int) { stop_requested = true; }

// Installed before the ImGui backend, which chains to them.
void note_input(GLFWwindow*, double, double) { input_seen = true; }
void note_button(GLFWwindow*, int, int, int) { input_seen = true; }
void note_key(GLFWwindow*, int, int, int, int) { input_seen = true; }
void note_char(GLFWwindow*, unsigned) { input_seen = true; }
void note_refresh(GLFWwindow*) { input_seen = true; }

// Enough frames for ImGui's short fades (modal dimming) to finish, then sleep again.
constexpr int frames_after_input = 8;

std::string describe(const Command& c) {
  if (const auto* m = std::get_if<MarkVisit>(&c))
    return "Saved: visit " + std::to_string(m->visit) + " " + std::string(status_label(m->status));
  return "Saved";
}

}  // namespace

int run_kiosk(const CommandLine& cl) {
  Session s = open_session(cl, true);
  std::signal(SIGTERM, on_signal);
  std::signal(SIGINT, on_signal);

  platform::GlWindow window({.windowed = cl.flag("windowed"), .visible = true, .width = 1280, .height = 800});
  GLFWwindow* w = window.handle();
  glfwSetCursorPosCallback(w, note_input);
  glfwSetMouseButtonCallback(w, note_button);
  glfwSetScrollCallback(w, note_input);
  glfwSetKeyCallback(w, note_key);
  glfwSetCharCallback(w, note_char);
  glfwSetWindowRefreshCallback(w, note_refresh);
  platform::ImGuiBinding imgui(w);
  const auto fonts_dir = platform::find_asset_root() / "fonts";

  int fb_w = 0, fb_h = 0;
  window.framebuffer_size(fb_w, fb_h);
  ui::Fonts fonts = platform::load_fonts(fonts_dir, platform::em_for_screen(fb_w, fb_h));
  ui::UiState state;
  state.privacy = cl.flag("privacy");
  std::string store_problem;
  std::int64_t seen_version = s.db.data_version();
  int frames_to_draw = 2;
  auto last_minute = date::floor<std::chrono::minutes>(s.clock->now());

  while (!glfwWindowShouldClose(w) && !stop_requested) {
    if (frames_to_draw > 0) {
      glfwPollEvents();
    } else {
      // Wake at least every second to notice other writers and signals; drawing waits for a reason.
      glfwWaitEventsTimeout(1.0);
    }
    if (input_seen.exchange(false)) frames_to_draw = frames_after_input;
    const Instant now = s.clock->now();

    try {
      std::int64_t version = s.db.data_version();
      if (version != seen_version) {
        s.reload(now);
        seen_version = version;
        frames_to_draw = std::max(frames_to_draw, 1);
      }
      store_problem.clear();
    } catch (const std::exception& e) {
      if (store_problem != e.what()) frames_to_draw = std::max(frames_to_draw, 1);
      store_problem = e.what();
    }
    if (auto minute = date::floor<std::chrono::minutes>(now); minute != last_minute) {
      last_minute = minute;
      s.model.rebuild(now);
      frames_to_draw = std::max(frames_to_draw, 1);
    }
    int w_now = 0, h_now = 0;
    window.framebuffer_size(w_now, h_now);
    if (w_now != fb_w || h_now != fb_h) {
      fb_w = w_now;
      fb_h = h_now;
      fonts = platform::load_fonts(fonts_dir, platform::em_for_screen(fb_w, fb_h));
      imgui.rebuild_font_texture();
      frames_to_draw = frames_after_input;
    }
    if (frames_to_draw <= 0 || fb_w == 0 || fb_h == 0) continue;
    --frames_to_draw;

    imgui.new_frame();
    ImGui::NewFrame();
    ui::FrameInput in{s.model.snapshot, s.model.board, s.model.staff_day, now, s.model.loaded_at, store_problem, fonts};
    std::optional<Command> command = ui::draw_frame(in, state);
    imgui.render(ui::colour::background);
    glfwSwapBuffers(w);

    if (command) {
      try {
        store::apply_commands(s.db, s.model.snapshot, {*command});
        seen_version = s.db.data_version();
        s.model.rebuild(now);
        state.notice = describe(*command);
        state.notice_is_error = false;
      } catch (const std::exception& e) {
        state.notice = std::string("Not saved: ") + e.what();
        state.notice_is_error = true;
      }
      frames_to_draw = frames_after_input;
    }
  }
  return exit_ok;
}

}  // namespace vb::app
