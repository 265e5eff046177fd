// `visitboard run`: the kiosk loop. It sleeps in glfwWaitEventsTimeout and redraws only after
// input (a few frames), at a minute boundary, or when the database changed.
#include "app/auto_lock.hpp"
#include "app/backup_scheduler.hpp"
#include "app/board_needs.hpp"
#include "app/service_watch.hpp"
#include "app/commands.hpp"
#include "app/integrity_notice.hpp"
#include "core/transition_bundle.hpp"
#include "core/add_visit.hpp"
#include "app/ooh_proposal.hpp"
#include "app/post_load.hpp"
#include "app/redraw_schedule.hpp"
#include "app/session.hpp"
#include "app/start_trace.hpp"
#include "app/working_set_loader.hpp"
#include "core/working_set.hpp"
#include "platform/asset_paths.hpp"
#include "platform/font_loader.hpp"
#include "platform/gl_window.hpp"
#include "platform/privacy_blur.hpp"
#include "platform/solid_fill.hpp"
#include "store/command_store.hpp"
#include "store/sign_in.hpp"
#include "store/access_rows.hpp"
#include "ui/lock_screen.hpp"
#include "ui/ooh_screen.hpp"
#include "ui/screen.hpp"
#include "ui/theme.hpp"

#include <GLFW/glfw3.h>

#include <atomic>
#include <csignal>
#include <future>
#include <iostream>
#include <optional>

namespace vb::app {

namespace {

std::atomic<bool> input_seen{false};
std::atomic<bool> stop_requested{false};

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
  if (const auto* l = std::get_if<ClearLockout>(&c)) return "Saved: sign-in lock of " + l->staff + " cleared";
  if (const auto* a = std::get_if<AllocateVisit>(&c))
    return "Saved: visit " + std::to_string(a->visit) + " allocated to " + a->staff1 + (a->staff2.empty() ? "" : " and " + a->staff2);
  if (const auto* u = std::get_if<UnallocateVisit>(&c)) return "Saved: visit " + std::to_string(u->visit) + " unallocated";
  if (const auto* b = std::get_if<AllocateVisits>(&c))
    return "Saved: proposal accepted, " + std::to_string(b->allocations.size()) + " visits allocated";
  if (const auto* p = std::get_if<SetPin>(&c)) return "Saved: new PIN set for " + p->staff;  // never the PIN
  if (const auto* p = std::get_if<ClearPin>(&c)) return "Saved: PIN of " + p->staff + " cleared";
  if (const auto* g = std::get_if<GrantRole>(&c))
    return "Saved: " + g->staff + " now has the " + std::string(role_label(g->role)) + " role";
  if (const auto* r = std::get_if<RevokeRole>(&c))
    return "Saved: " + r->staff + " no longer has the " + std::string(role_label(r->role)) + " role";
  if (const auto* t = std::get_if<RecordTransitionItem>(&c))
    return "Saved: " + std::string(transition_item_label(t->item)) + " recorded";
  if (std::holds_alternative<LogCarerContact>(c)) return "Saved: carer contact logged";
  if (std::holds_alternative<CloseEpisode>(c)) return "Saved: episode closed; follow-up call added";
  if (const auto* k = std::get_if<AddKeyPerson>(&c)) return "Saved: key person added (" + k->relationship + ")";
  if (const auto* f = std::get_if<ClearCareFlag>(&c))
    return "Saved: care flag cleared: " + std::string(transition_item_label(f->flag));
  if (const auto* a = std::get_if<AddVisit>(&c))
    return "Saved: visit added, " + format_day_label(a->date) + " " + add_visit_window_words(*a);
  if (std::holds_alternative<UpdateKeyPerson>(c)) return "Saved: key person's details changed";
  if (std::holds_alternative<RemoveKeyPerson>(c)) return "Saved: key person removed from the list (kept in the history)";
  return "Saved";
}

// A command from the screen is always authored by whoever is signed in.
Command authored_by(Command c, const StaffId& who) {
  if (!who.empty()) std::visit([&](auto& cmd) { cmd.by = who; }, c);
  return c;
}

}  // namespace

int run_kiosk(const CommandLine& cl) {
  StartTrace trace(cl.flag("trace-start"));
  trace.mark("libraries' static initialisers, main, command line");
  set_kiosk_malloc_policy();  // before the load: see app/post_load.hpp
  // Before any thread starts: SIGTERM/SIGINT are taken by a thread that wakes the loop at once.
  SignalWaker signals(stop_requested, [] { glfwPostEmptyEvent(); });
  ServiceNotifier service;
  // The integrity check reads the whole file (seconds at trust scale): it runs after the first frame.
  // The kiosk holds a working set: recent history plus open episodes (core/working_set.hpp).
  // The database loads on a second thread while this one opens the window, the GL context and the
  // fonts (each ~0.2 s at trust scale on llvmpipe): the first frame waits for the slower of the two,
  // not their sum. Nothing here shares state with the load; a load that fails throws from get().
  // Two steps: first only the rows the first frame (locked, Today) reads, then, after that frame,
  // the whole working set on its own thread (app/working_set_loader.hpp).
  std::future<Session> loading = std::async(std::launch::async, [&cl, &trace] {
    trace.begin("load");
    Session loaded = open_session(cl, SessionOptions{.advance_clock = true,
                                                     .check = store::IntegrityCheck::by_the_caller,
                                                     .working_set = true,
                                                     .first_frame_only = true});
    trace.mark("open the database, read the rules, load the first frame's rows");
    return loaded;
  });
  IntegrityNotice integrity;
  trace.mark("signal thread, loading thread started");

  platform::GlWindow window({.windowed = cl.flag("windowed"), .visible = true, .width = 1280, .height = 800});
  GLFWwindow* w = window.handle();
  trace.mark("GLFW: connect, window, GL context");
  glfwSetCursorPosCallback(w, note_input);
  glfwSetMouseButtonCallback(w, note_button);
  glfwSetScrollCallback(w, note_input);
  glfwSetKeyCallback(w, note_key);
  glfwSetCharCallback(w, note_char);
  glfwSetWindowRefreshCallback(w, note_refresh);
  platform::ImGuiBinding imgui(w);
  trace.mark("ImGui context, GLFW and OpenGL3 backends");
  const auto fonts_dir = platform::find_asset_root() / "fonts";

  int fb_w = 0, fb_h = 0;
  window.framebuffer_size(fb_w, fb_h);
  ui::Fonts fonts = platform::load_fonts(fonts_dir, platform::em_for_screen(fb_w, fb_h));
  trace.mark("fonts: atlas rasterised");
  // The blur behind the PIN pad is compiled after the first frame: the kiosk starts locked with the
  // pad closed, and only an open pad draws it.
  std::optional<platform::PrivacyBlur> blur;
  // So are the solid fills (the first frame's fills are drawn by ImGui's shader, the same pixels).
  std::optional<platform::SolidFill> solid_fill;
  Session s = loading.get();
  trace.mark("waiting for the load");
  // Until the whole working set is in, the snapshot holds only the first frame's rows: the locked
  // Today is drawn from them, every other screen says it is still loading, and no command is taken.
  // A reload of the loop's own (another program wrote) reads the whole set and ends it early.
  bool partial = true;
  WorkingSetLoader whole_set;  // after the window: the loader wakes the loop through GLFW
  Instant whole_set_from_now{};  // the `now` it was started at: the snapshot's loaded_at once in
  bool read_whole_here = false;  // the background load failed: the loop reads the whole set itself
  ui::UiState state;
  // A wall screen starts locked, in the privacy view (initials + local id + named worker).
  ui::lock_now(state);
  std::chrono::minutes lock_after = AutoLock::default_after;
  if (auto text = cl.option("lock-after")) {
    auto parsed = parse_lock_after(*text);
    if (!parsed) throw UsageError("--lock-after '" + *text + "' must be whole minutes from 1 to 240");
    lock_after = *parsed;
  }
  AutoLock auto_lock(lock_after, AutoLock::Clock::now());
  std::optional<bool> palette_night;  // which palette ImGui's style holds
  bool ready_sent = false;
  std::string store_problem;
  std::int64_t seen_version = s.db.data_version();
  std::optional<ui::OohProposalView> proposal;  // the allocator's last proposal (Propose on Out of hours)
  Instant proposal_for{};                       // start of the window it was made for
  std::int64_t proposal_version = seen_version;
  RedrawSchedule schedule(RedrawSchedule::Clock::now());
  auto backups = scheduler_from(cl, s.model.snapshot.zone());
  BackupStatus backup_status;

  while (!glfwWindowShouldClose(w) && !stop_requested) {
    if (schedule.busy()) {
      glfwPollEvents();
    } else {
      // Wake every second to notice other writers and ping the watchdog (signals wake it at once);
      // waking costs microseconds, drawing waits for a reason.
      glfwWaitEventsTimeout(1.0);
    }
    if (!ready_sent) trace.mark("events");
    const auto steady_now = RedrawSchedule::Clock::now();
    service.alive(steady_now);
    if (input_seen.exchange(false)) {
      schedule.input(steady_now);
      auto_lock.input(steady_now);
    }
    if (auto_lock.due(steady_now, state.locked)) {
      ui::lock_now(state);
      schedule.data_changed();
    }
    const Instant now = s.clock->now();

    if (whole_set.running()) {
      std::optional<Snapshot> whole;
      try {
        whole = whole_set.take();
      } catch (const std::exception& e) {
        std::cerr << "visitboard: loading the whole working set: " << e.what() << "; reading it again\n";
        read_whole_here = partial;  // the loop reads it below; its errors show on the board, retried
        integrity.start(s.db.path());
      }
      if (whole) {
        trace.mark("the loop, until the whole working set is taken");
        if (partial) {  // else the loop reloaded the whole set itself meanwhile: this copy is older
          swap_in(s, std::move(*whole), whole_set_from_now);
          store::refresh_access(s.db, s.model.snapshot);  // sign-ins since its read (the loop's connection)
          partial = false;
          settle_after_swap(s);  // compacted on the loader's thread; the heap is trimmed below
          // The locked Today is the same picture (tests/ui/first_frame_scope_test.cpp): redrawn at
          // the minute as usual; an unlocked screen said it was loading: drawn again now.
          if (!state.locked) schedule.data_changed();
        }
        whole.reset();
        trace.mark("whole working set swapped in");
        release_freed_memory();
        trace.mark("heap trimmed");
        integrity.start(s.db.path());  // reads the whole file: not while the working set loads
        trace.mark("integrity check started");
        trace.print_later();
      }
    }
    try {
      std::int64_t version = s.db.data_version();
      if (version != seen_version || read_whole_here) {
        reload_and_settle(s, now);  // reads the whole working set, compacted (app/post_load.hpp)
        partial = false;
        read_whole_here = false;
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
    schedule.minute(minute);
    if (backups) {
      // Backups run in their own thread with their own connection; the loop only starts them.
      if (state.backup_requested) backups->request_now();
      state.backup_requested = false;
      backups->tick(now);
      if (backups->finished()) {
        schedule.data_changed();
        release_freed_memory();  // the backup thread's arena held the whole dump
      }
      backup_status = backups->status(now);
    }
    if (state.propose_requested) {
      // The allocator runs here, between frames, for the window the coordinator is looking at.
      state.propose_requested = false;
      const OohWindow shown = shown_ooh_window(s.model.snapshot, state, now);
      try {
        proposal = propose_for_window(s.model.snapshot, shown, now);
        proposal_for = shown.start;
        proposal_version = seen_version;
        state.proposal_ignored = false;
      } catch (const std::exception& e) {
        proposal.reset();
        state.notice = std::string("No proposal: ") + e.what();
        state.notice_is_error = true;
        state.notice_at = now;
      }
      schedule.data_changed();
    }
    const bool integrity_running = integrity.running();
    if (integrity.poll()) {
      std::cerr << "visitboard: " << integrity.shown("") << "\n";
      schedule.data_changed();
    }
    if (integrity_running && !integrity.running()) release_freed_memory();  // quick_check's connection and thread are gone
    if (schedule.privacy_due(steady_now)) state.privacy = true;
    if (!state.privacy) schedule.names_shown();
    int w_now = 0, h_now = 0;
    window.framebuffer_size(w_now, h_now);
    if (w_now != fb_w || h_now != fb_h) {
      fb_w = w_now;
      fb_h = h_now;
      fonts = platform::load_fonts(fonts_dir, platform::em_for_screen(fb_w, fb_h));
      imgui.rebuild_font_texture();
      palette_night.reset();  // load_fonts re-applied the day style
      schedule.input(steady_now);
    }
    const DisplayMode mode = display_mode(now, s.model.snapshot.zone());
    if (palette_night != mode.night) {
      ui::apply_palette(mode.night);
      palette_night = mode.night;
      schedule.data_changed();
    }
    if (fb_w == 0 || fb_h == 0 || !schedule.take_frame()) continue;

    // Only the boards this screen reads, derived here between frames for this minute and data.
    s.model.ensure(boards_needed(state), now);
    s.model.compliance_details(state.compliance_measure, now);  // an open list's text, written when opened
    if (!ready_sent) trace.mark("derive the boards on view");
    imgui.new_frame();
    ImGui::NewFrame();
    if (!ready_sent) trace.mark("new frame (the font texture's upload)");
    ui::FrameInput in{s.model.snapshot, s.model.board, s.model.staff_day, s.model.reviews, backup_status, now, s.model.loaded_at,
                      integrity.shown(store_problem), fonts,
                      s.model.compliance_if_fresh(now), s.model.outcomes_if_fresh(now)};
    if (blur) {
      if (!state.lock_pad_open) blur->invalidate();  // the next opening blurs the board as it is then
      in.privacy_blur = blur->callback();
      in.privacy_blur_data = blur->callback_data();
      in.privacy_blur_ready = blur->ready(fb_w, fb_h);  // the open pad's picture is made: the board is not drawn under it
    }
    if (solid_fill) {
      in.solid_fill = solid_fill->callback();
      in.solid_fill_data = solid_fill->callback_data();
    }
    in.still_loading = partial;
    in.night = mode.night;
    in.dimmed = mode.dimmed;
    in.shift = burn_in_shift(now);  // changes with the minute, when the board redraws anyway
    in.plans = s.model.plans_if_fresh(now);
    // The shown window's out-of-hours board: derived here, between frames, when the window or data changed.
    if (ooh_needed(state)) in.ooh_board = &s.model.ooh.board_for(s.model.snapshot, shown_ooh_window(s.model.snapshot, state, now));
    // A proposal shows only on the window it was made for, and goes when the data changes.
    if (seen_version != proposal_version) proposal.reset();
    if (proposal && shown_ooh_window(s.model.snapshot, state, now).start == proposal_for) in.ooh_proposal = &*proposal;
    std::optional<Command> command = ui::draw_frame(in, state);
    if (!ready_sent) trace.mark("draw_frame (ImGui calls)");
    // A list opened by this frame has no text yet: written here, shown by the next frame.
    const bool details_written = s.model.compliance_details(state.compliance_measure, now);
    if (!s.model.all_fresh(boards_needed(state), now) || (ooh_needed(state) && !in.ooh_board) || details_written) {
      // The frame changed the screen (a tab, a sheet) to one whose boards are not derived yet: it is
      // not shown; the next frame derives them first. What is on the glass stays as it was.
      ImGui::Render();
      schedule.data_changed();
    } else {
      imgui.render(ui::background_colour(mode.night));
      if (!ready_sent) trace.mark("render");
      glfwSwapBuffers(w);
      if (!ready_sent) trace.mark("swap");
      if (!schedule.busy()) {
        // The last frame for now (idle until the minute, input or data): what the driver kept for
        // drawing it goes back (platform/gl_window.hpp).
        imgui.release_frame_memory(ui::background_colour(mode.night));
      }
    }
    if (!ready_sent) {
      service.ready();  // the board is on screen
      ready_sent = true;
      trace.mark("ready sent");
      // After the first frame, not before it (the start path): the whole working set, on its own
      // thread; the snapshot is compacted and the integrity check started once it is in (above).
      whole_set_from_now = now;
      whole_set.start(
          s.db.path(), working_set_from(now, s.model.snapshot.zone(), kiosk_history(s.model.compliance_rules)),
          [&trace] {
            trace.mark("whole working set loaded (own connection)");
            glfwPostEmptyEvent();
          },
          [&trace] { trace.begin("whole"); });
      trace.mark("after the first frame: whole working set loader started");
      blur.emplace(platform::find_asset_root() / "shaders");
      trace.mark("after the first frame: privacy blur shader compiled");
      if (!blur->ok()) std::cerr << "visitboard: privacy blur unavailable (" << blur->problem() << "); the lock screen dims instead\n";
      solid_fill.emplace(platform::find_asset_root() / "shaders");
      if (!solid_fill->ok()) std::cerr << "visitboard: solid fills unavailable (" << solid_fill->problem() << "); ImGui draws them\n";
      trace.print();
    }

    if (state.sign_in_request) {
      const auto request = std::move(*state.sign_in_request);
      state.sign_in_request.reset();
      try {
        auto result = store::sign_in(s.db, request.staff, request.pin, now);
        if (result.ok()) {
          ui::signed_in(state, request.staff);
          auto_lock.input(steady_now);
          store::refresh_access(s.db, s.model.snapshot);  // the wrong PINs before it are cleared
          const Staff* who = s.model.snapshot.find_staff(request.staff);
          state.notice = "Signed in: " + (who ? who->name : request.staff.str()) + ". Locks after " +
                         std::to_string(lock_after.count()) + " idle minutes, or tap Privacy now.";
          state.notice_is_error = false;
          state.notice_at = now;
        } else {
          state.lock_message = result.message;
          // A new lock shows on the pad and the Admin screen straight away.
          if (result.outcome == store::SignInOutcome::locked) {
            reload_and_settle(s, now);
            partial = false;  // the whole working set
          }
          else store::refresh_access(s.db, s.model.snapshot);  // wrong PINs counted: the Admin screen shows them
        }
        seen_version = s.db.data_version();
      } catch (const std::exception& e) {
        state.lock_message = std::string("Cannot check the PIN: ") + e.what();
      }
      schedule.input(steady_now);
    }
    if (command && partial) {  // not from the first frame's rows (none is offered: the screens say loading)
      state.notice = "Not saved: the board is still loading; try again in a moment";
      state.notice_is_error = true;
      state.notice_at = now;
      command.reset();
      schedule.input(steady_now);
    }
    if (command) {
      try {
        command = authored_by(*command, state.signed_in);
        store::apply_commands(s.db, s.model.snapshot, {*command});
        proposal.reset();  // made for the data as it was
        seen_version = s.db.data_version();
        s.model.changed();  // the next frame derives what it shows
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
  service.stopping();
  if (int sig = signals.signal_seen()) std::cerr << "visitboard: stopping on signal " << sig << "\n";
  return exit_ok;
}

}  // namespace vb::app
