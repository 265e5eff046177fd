// `visitboard run`: the kiosk loop. It sleeps in glfwWaitEventsTimeout and redraws only after
// input (a few frames), at a minute boundary, or when the database changed.
#include "app/backup_scheduler.hpp"
#include "app/commands.hpp"
#include "app/redraw_schedule.hpp"
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


std::string describe(const Command& c) {
  if (const auto* m = std::get_if<MarkVisit>(&c))
    return "Saved: visit " + std::to_string(m->visit) + " " + std::string(status_label(m->status));
  if (std::holds_alternative<BookReview>(c)) return "Saved: review booked";
  if (std::holds_alternative<RecordReview>(c)) return "Saved: senior review recorded";
  if (std::holds_alternative<AcknowledgeEscalation>(c)) return "Saved: escalation acknowledged";
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
  // A wall screen starts in the privacy view (initials); --names starts with full names.
  state.privacy = !cl.flag("names");
  std::string store_problem;
  std::int64_t seen_version = s.db.data_version();
  RedrawSchedule schedule(RedrawSchedule::Clock::now());
  auto backups = scheduler_from(cl, s.model.snapshot.zone());
  BackupStatus backup_status;

  while (!glfwWindowShouldClose(w) && !stop_requested) {
    if (schedule.busy()) {
      glfwPollEvents();
    } else {
      // Wake every second to notice other writers and signals (GLFW 3.3 does not wake on SIGTERM);
      // waking costs microseconds, drawing waits for a reason.
      glfwWaitEventsTimeout(1.0);
    }
    const auto steady_now = RedrawSchedule::Clock::now();
    if (input_seen.exchange(false)) schedule.input(steady_now);
    const Instant now = s.clock->now();

    try {
      std::int64_t version = s.db.data_version();
      if (version != seen_version) {
        s.reload(now);
        seen_version = version;
        schedule.data_changed();
      }
      if (!store_problem.empty()) schedule.data_changed();
      store_problem.clear();
    } catch (const std::exception& e) {
      if (store_problem != e.what()) schedule.data_changed();
      store_problem = e.what();
    }
    const long minute = static_cast<long>(date::floor<std::chrono::minutes>(now).time_since_epoch().count());
    if (minute != static_cast<long>(date::floor<std::chrono::minutes>(s.model.built_for).time_since_epoch().count()))
      s.model.rebuild(now);
    schedule.minute(minute);
    if (backups) {
      // Backups run in their own thread with their own connection; the loop only starts them.
      if (state.backup_requested) backups->request_now();
      state.backup_requested = false;
      backups->tick(now);
      if (backups->finished()) schedule.data_changed();
      backup_status = backups->status(now);
    }
    if (schedule.privacy_due(steady_now)) state.privacy = true;
    if (!state.privacy) schedule.names_shown();
    int w_now = 0, h_now = 0;
    window.framebuffer_size(w_now, h_now);
    if (w_now != fb_w || h_now != fb_h) {
      fb_w = w_now;
      fb_h = h_now;
      fonts = platform::load_fonts(fonts_dir, platform::em_for_screen(fb_w, fb_h));
      imgui.rebuild_font_texture();
      schedule.input(steady_now);
    }
    if (fb_w == 0 || fb_h == 0 || !schedule.take_frame()) continue;

    imgui.new_frame();
    ImGui::NewFrame();
    ui::FrameInput in{s.model.snapshot, s.model.board, s.model.staff_day, s.model.reviews, backup_status, now, s.model.loaded_at, store_problem, fonts};
    in.plans = &s.model.plans;
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
        state.notice_at = now;
      } catch (const std::exception& e) {
        state.notice = std::string("Not saved: ") + e.what();
        state.notice_is_error = true;
        state.notice_at = now;
      }
      schedule.input(steady_now);
    }
  }
  return exit_ok;
}

}  // namespace vb::app
