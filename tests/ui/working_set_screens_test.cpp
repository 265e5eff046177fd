// The kiosk draws from a working set (core/working_set.hpp) instead of every row it holds. That
// must never change what anyone sees: every screen drawn from the working set, vertex for vertex,
// is the screen drawn from the full snapshot, for one team and for a trust, on ordinary days and
// on the clock-change days.
#include <doctest/doctest.h>

#include "bench/trust_scale.hpp"
#include "core/demo_team.hpp"
#include "core/working_set.hpp"
#include "store/database.hpp"
#include "store/snapshot_loader.hpp"
#include "ui/drawn_frame.hpp"
#include "ui/headless.hpp"


#include <cstring>
#include <string>
#include <vector>

using namespace vb;

namespace {

// One screen as the kiosk would draw it at `now`, tall enough to show long lists whole.
test::Drawn draw(const Snapshot& s, Instant now, ui::Screen screen, const char* measure = nullptr) {
  test::HeadlessUi ui(s, now, 1920, 4000);
  ImGui::GetIO().BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;  // large boards
  ui.state.screen = screen;
  if (measure) ui.state.compliance_measure = measure;
  for (int i = 0; i < 4; ++i) ui.frame();  // tables settle
  return test::capture_drawn();
}

struct Loaded {
  Snapshot full, working;
};

Loaded load_both(const Snapshot& generated, Instant now) {
  Loaded out;
  test::with_written_database(generated, "vb_working_set", [&](store::Database& db) {
    out.full = store::load_snapshot(db);
    out.working = store::load_snapshot(db, store::LoadScope{working_set_from(now, out.full.zone())});
  });
  return out;
}

void check_every_screen(const Loaded& l, Instant now) {
  REQUIRE(l.working.history_from.has_value());
  CHECK(l.working.visits.size() < l.full.visits.size());  // it is a smaller picture ...
  CHECK(l.working.shifts.size() < l.full.shifts.size());
  const std::pair<ui::Screen, const char*> screens[] = {
      {ui::Screen::today, nullptr},     {ui::Screen::staff, nullptr},   {ui::Screen::plans, nullptr},
      {ui::Screen::reviews, nullptr},   {ui::Screen::ooh, nullptr},     {ui::Screen::compliance, nullptr},
      {ui::Screen::compliance, "visit-outcome-same-day"},               {ui::Screen::outcomes, nullptr},
      {ui::Screen::admin, nullptr},
  };
  for (auto [screen, measure] : screens) {
    CAPTURE(ui::screen_name(screen));
    CAPTURE((measure ? measure : ""));
    const test::Drawn full = draw(l.full, now, screen, measure);
    const test::Drawn working = draw(l.working, now, screen, measure);
    CHECK(full.colours.size() > 0);
    CHECK_MESSAGE(working == full, "... of the same screen: " << full.colours.size() << " vertices drawn from every row, "
                                                                << working.colours.size() << " from the working set");
  }
}

Instant london(const char* text) { return *parse_instant(text, find_zone("Europe/London")); }

}  // namespace

TEST_CASE("working set: every screen of a team drawn from the kiosk's working set equals the one from every row") {
  for (const char* when : {"2026-11-23T08:30", "2026-03-29T09:00", "2026-10-25T01:30", "2026-10-25T19:00",
                           "2027-03-28T23:30", "2026-07-01T12:00"}) {
    CAPTURE(when);
    DemoOptions o;
    o.seed = 7;
    o.now = london(when);
    check_every_screen(load_both(generate_demo_team(o), o.now), o.now);
  }
}

TEST_CASE("working set: every screen of a three-team trust drawn from the working set equals the one from every row") {
  for (const char* when : {"2026-11-23T10:30", "2026-10-25T08:00"}) {
    CAPTURE(when);
    DemoOptions o;
    o.seed = 11;
    o.now = london(when);
    o.history_days = 3 * 365;
    auto trust = bench::build_trust_snapshot(o, 3);
    REQUIRE(bench::trust_problem(trust.snapshot).empty());
    check_every_screen(load_both(trust.snapshot, o.now), o.now);
  }
}
