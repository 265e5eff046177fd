// `visitboard screenshot OUT.png --screen NAME --size WxH`: one screen, rendered off-screen to
// exactly W x H pixels at the pinned --now. Needs an X display (xvfb-run is enough).
#include "app/backup_scheduler.hpp"
#include "app/board_needs.hpp"
#include "app/commands.hpp"
#include "app/ooh_proposal.hpp"
#include "ui/ooh_screen.hpp"
#include "app/screenshot_closure.hpp"
#include "app/screenshot_key_person.hpp"
#include "app/session.hpp"
#include "platform/asset_paths.hpp"
#include "platform/font_loader.hpp"
#include "platform/gl_window.hpp"
#include "platform/offscreen_target.hpp"
#include "platform/privacy_blur.hpp"
#include "platform/solid_fill.hpp"
#include "ui/lock_screen.hpp"
#include "ui/screen.hpp"
#include "ui/theme.hpp"
#include "ui/visit_sheet.hpp"

#include <cstdio>
#include <iostream>

namespace vb::app {

namespace {

std::pair<int, int> parse_size(const std::string& text) {
  int w = 0, h = 0;
  char x = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X') || w < 320 ||
      h < 240 || w > 7680 || h > 4320) {
    throw UsageError("--size '" + text + "' must be WxH between 320x240 and 7680x4320, e.g. 1920x1080");
  }
  return {w, h};
}

}  // namespace

namespace {
// Who a screenshot shows as coordinating: the first active shift coordinator.
StaffId first_coordinator(const Snapshot& s) {
  for (const auto& m : s.staff)
    if (m.active && m.role_set().any_of(Roles{Role::coordinator})) return m.id;
  return {};
}
// Who the Admin screen's screenshot shows as signed in: the first active admin.
StaffId first_admin(const Snapshot& s) {
  for (const auto& m : s.staff)
    if (m.active && m.has_role(Role::admin)) return m.id;
  return {};
}
}  // namespace

int run_screenshot(const CommandLine& cl) {
  if (cl.positional.empty()) throw UsageError("screenshot needs an output file, e.g. screenshot today.png");
  std::string name = cl.option("screen").value_or("today");
  auto screen = ui::parse_screen(name);
  if (!screen) throw UsageError("unknown screen '" + name + "' (this build has: today, staff, plans, reviews, ooh, compliance, outcomes, admin, lock)");
  auto [width, height] = parse_size(cl.option("size").value_or("1920x1080"));

  // What the kiosk would show: its working set (core/working_set.hpp), checked before opening.
  Session s = open_session(cl, SessionOptions{.working_set = true});
  platform::GlWindow window({.windowed = true, .visible = false, .width = width, .height = height});
  platform::ImGuiBinding imgui(window.handle());
  ui::Fonts fonts = platform::load_fonts(platform::find_asset_root() / "fonts", platform::em_for_screen(width, height));
  platform::OffscreenTarget target(width, height);

  ui::UiState state;
  state.screen = *screen;
  state.privacy = cl.flag("privacy");
  // --measure ID opens the list behind one compliance tile.
  if (auto measure = cl.option("measure")) {
    if (!s.model.compliance_rules.find(*measure)) throw Refused("measure '" + *measure + "' is not in the compliance rules");
    state.compliance_measure = *measure;
  }
  if (state.privacy) {  // "unlocked unless --privacy": the locked wall view
    ui::lock_now(state);
    state.screen = *screen;
  }
  // --signed-in ID: as if that person had signed in with their PIN (the Admin screen's Staff and
  // access shows only to an admin; its screenshot signs in the first active admin by default).
  if (!state.privacy) {
    StaffId who = cl.option("signed-in").value_or("");
    if (who.empty() && *screen == ui::Screen::admin) who = first_admin(s.model.snapshot);
    if (!who.empty()) {
      const Staff* m = s.model.snapshot.find_staff(who);
      if (!m || !m->active) throw Refused("--signed-in '" + who + "' is not an active member of staff");
      ui::signed_in(state, who);
    }
  }
  if (auto who = cl.option("access")) {
    if (!s.model.snapshot.find_staff(*who)) throw Refused("--access '" + *who + "': no such member of staff");
    state.access_staff = *who;
    state.admin_section = "staff";  // also for someone who is not an admin: shows why not
    state.access_pin_pad = cl.flag("set-pin");
    if (state.access_pin_pad) state.access_pin_digits = "00";  // two digits typed: shown as dots
  }
  // --episode ID: the plans screen shows that episode large; --closure SECTION opens its Bundle and
  // closure sheet (bundle, carer or close) as after tapping "Bundle and closure".
  if (auto e = cl.option("episode")) {
    try {
      state.plan_episode = std::stoll(*e);
    } catch (const std::exception&) {
      throw UsageError("--episode '" + *e + "' is not an episode id");
    }
    if (!s.model.snapshot.find_episode(*state.plan_episode)) throw Refused("episode " + *e + " does not exist");
  }
  if (auto section = cl.option("closure")) {
    // Session 6 sections: key-person (the Add key person form, Save pressed with nothing filled in,
    // so every field's problem shows), carer-other (the first consenting key person reached, "Other"
    // shared with its words), flags, flags-clear (the first noted flag chosen to clear).
    // Session 9: carer-history (the carer tab with the history of the first key person whose consent
    // or details changed, else the first, open as after tapping its consent line).
    const bool extra = *section == "key-person" || *section == "carer-other" || *section == "flags" || *section == "flags-clear" ||
                       *section == "carer-history";
    // Session 7 (app/screenshot_key_person.hpp): the on-screen keyboard, changing and removing a key person.
    const bool session7 = is_key_person_section(*section);
    if (*section != "bundle" && *section != "carer" && *section != "close" && !extra && !session7)
      throw UsageError("--closure '" + *section + "' must be bundle, carer, carer-other, key-person, flags, flags-clear, "
                       "close, keyboard-name, keyboard-accents, keyboard-phone, key-person-edit, key-person-remove or "
                       "key-person-remove-confirm, carer-history");
    state.plan_action = "closure";
    state.plan_action_episode = state.plan_episode;
    state.closure_section = *section;
    if (extra) screenshot_closure_extra(s.model.snapshot, *section, state);
    if (session7) screenshot_key_person_extra(s.model.snapshot, s.clock->now(), *section, state);
  }
  // --add-visit empty|chosen (session 7): the episode's Add visit sheet, as tapped open, or with
  // tomorrow 17:30 (out of hours on a weekday), 45 min, a home visit for two staff and a reason chosen.
  if (auto add = cl.option("add-visit")) {
    if (*add != "empty" && *add != "chosen" && *add != "night")
      throw UsageError("--add-visit '" + *add + "' must be empty, chosen or night");
    state.plan_action = "add_visit";
    state.plan_action_episode = state.plan_episode;
    // From Today (session 8): as after tapping the row's "+ Visit": the day preset to the board's (today).
    if (*screen == ui::Screen::today) {
      if (!state.plan_episode) throw UsageError("--screen today --add-visit needs --episode ID (the row's person)");
      state.add_visit_day = 0;
    }
    if (*add == "chosen") {
      state.add_visit_day = 1;
      state.add_visit_start = 17 * 60 + 30;
      state.add_visit_double = true;
      state.add_visit_note = 1;
    }
    if (*add == "night") {  // session 8: tomorrow 23:00 within 2 h, so the window ends 01:00 the next day
      state.add_visit_day = 1;
      state.add_visit_start = 23 * 60;
      state.add_visit_note = 0;
    }
  }
  Instant now = s.clock->now();
  // Shows what the kiosk would show about backups (reads the folder; never starts one).
  BackupStatus backup_status;
  if (auto scheduler = scheduler_from(cl, s.model.snapshot.zone())) backup_status = scheduler->status(now);
  s.model.ensure(boards_needed(state), now);
  ui::FrameInput in{s.model.snapshot, s.model.board, s.model.staff_day, s.model.reviews, backup_status, now, s.model.loaded_at, "", fonts,
                    s.model.compliance_if_fresh(now), s.model.outcomes_if_fresh(now)};
  platform::PrivacyBlur blur(platform::find_asset_root() / "shaders");
  platform::SolidFill solid_fill(platform::find_asset_root() / "shaders");
  if (!blur.ok()) std::cerr << "screenshot: privacy blur unavailable (" << blur.problem() << ")\n";
  in.privacy_blur = blur.callback();
  in.privacy_blur_data = blur.callback_data();
  if (!solid_fill.ok()) std::cerr << "screenshot: solid fills unavailable (" << solid_fill.problem() << "); ImGui draws them\n";
  in.solid_fill = solid_fill.callback();
  in.solid_fill_data = solid_fill.callback_data();
  // The night view when --now is out of hours (no burn-in shift: screenshots are exact).
  const DisplayMode mode = display_mode(now, s.model.snapshot.zone());
  ui::apply_palette(mode.night);
  in.night = mode.night;
  in.dimmed = mode.dimmed;
  in.plans = s.model.plans_if_fresh(now);
  // --propose: the out-of-hours screen with the allocator's proposal for its window, as after Propose.
  std::optional<ui::OohProposalView> proposal;
  if (cl.flag("propose")) {
    state.acting = first_coordinator(s.model.snapshot);
    proposal = propose_for_window(s.model.snapshot, ui::shown_ooh_window(s.model.snapshot, state, now), now);
    in.ooh_proposal = &*proposal;
  }
  // Tables settle their column widths over the first frames; draw a few before capturing.
  std::optional<Id> open_visit;
  if (auto v = cl.option("visit")) {
    try {
      open_visit = std::stoll(*v);
    } catch (const std::exception&) {
      throw UsageError("--visit '" + *v + "' is not a visit id");
    }
    if (!s.model.snapshot.find_visit(*open_visit)) throw Refused("visit " + *v + " does not exist");
  }
  for (int frame = 0; frame < 4; ++frame) {
    imgui.new_frame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.DeltaTime = 0.25f;  // lets fades (the modal's dimming) finish within the captured frames
    ImGui::NewFrame();
    if (frame == 1 && open_visit) ui::open_visit_sheet(in, state, *open_visit);
    // The boards the screen reads as it now stands (an open sheet reads who is on shift).
    s.model.ensure(boards_needed(state), now);
    s.model.compliance_details(state.compliance_measure, now);  // --measure: the open list's text
    in.compliance = s.model.compliance_if_fresh(now);
    in.outcomes = s.model.outcomes_if_fresh(now);
    in.plans = s.model.plans_if_fresh(now);
    in.ooh_board = &s.model.ooh.board_for(s.model.snapshot, ui::shown_ooh_window(s.model.snapshot, state, now));
    if (frame == 1 && *screen == ui::Screen::lock) {
      // Someone has chosen their name and typed two digits: what a passer-by would see.
      for (const auto& m : s.model.snapshot.staff)
        if (m.active && m.has_role(Role::clinician) && state.pin_staff.empty()) state.pin_staff = m.id;
      state.pin_digits = "00";
    }
    in.privacy_blur_ready = blur.ready(width, height);  // as the kiosk: the pad over the picture made in frame 0
    ui::draw_frame(in, state);
    target.bind();
    imgui.render(ui::background_colour(mode.night));
  }
  target.write_png(cl.positional.front());
  std::cerr << "wrote " << cl.positional.front() << " (" << name << ", " << width << "x" << height << ")\n";
  return exit_ok;
}

}  // namespace vb::app
