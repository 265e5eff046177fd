// The kiosk loads only open episodes' rows and the last days' ones (core/working_set.hpp,
// first_frame_history) before its first frame, the locked Today board, and its whole working set
// right after it. That first frame must be the one the whole working set gives, vertex for vertex,
// for one team and for a trust, on ordinary days and on the clock-change days.
#include <doctest/doctest.h>

#include "bench/trust_scale.hpp"
#include "core/demo_team.hpp"
#include "core/working_set.hpp"
#include "store/database.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "ui/headless.hpp"
#include "ui/lock_screen.hpp"

#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace vb;

namespace {

struct Drawn {
  std::vector<float> geometry;  // x, y, u, v of every vertex
  std::vector<ImU32> colours;
  std::vector<ImDrawIdx> indices;
  bool operator==(const Drawn&) const = default;
};

// The locked wall view (privacy: initials, local id, named worker), tall enough to show every row.
Drawn draw_locked_today(const Snapshot& s, Instant now) {
  test::HeadlessUi ui(s, now, 1920, 4000);
  ImGui::GetIO().BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;  // large boards
  ui::lock_now(ui.state);
  for (int i = 0; i < 3; ++i) ui.frame();
  REQUIRE(ui.state.locked);
  Drawn d;
  const ImDrawData* data = ImGui::GetDrawData();
  REQUIRE(data);
  for (int l = 0; l < data->CmdListsCount; ++l) {
    for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) {
      d.geometry.insert(d.geometry.end(), {v.pos.x, v.pos.y, v.uv.x, v.uv.y});
      d.colours.push_back(v.col);
    }
    d.indices.insert(d.indices.end(), data->CmdLists[l]->IdxBuffer.begin(), data->CmdLists[l]->IdxBuffer.end());
  }
  return d;
}

void check_first_frame(const Snapshot& generated, Instant now) {
  const auto path = std::filesystem::temp_directory_path() / ("vb_first_frame_" + std::to_string(::getpid()) + ".db");
  auto remove = [&] {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  };
  remove();
  Snapshot first, whole;
  {
    auto db = store::Database::open(path.string(), store::OpenMode::create_if_missing);
    store::write_snapshot(db, generated);
    const Zone zone = find_zone(generated.team.time_zone);
    first = store::load_snapshot(db, store::LoadScope{first_frame_from(now, zone)});
    whole = store::load_snapshot(db, store::LoadScope{working_set_from(now, zone)});
  }
  remove();
  CHECK(first.visits.size() < whole.visits.size());  // it is a smaller load ...
  CHECK(first.shifts.size() < whole.shifts.size());
  const Drawn from_whole = draw_locked_today(whole, now);
  const Drawn from_first = draw_locked_today(first, now);
  CHECK(from_whole.colours.size() > 100);
  CHECK_MESSAGE(from_first == from_whole, "... of the same locked board: " << from_whole.colours.size()
                                                                           << " vertices from the whole working set, "
                                                                           << from_first.colours.size() << " from the first frame's rows");
}

Instant london(const char* text) { return *parse_instant(text, find_zone("Europe/London")); }

}  // namespace

TEST_CASE("first frame: a team's locked Today board from the first frame's rows equals the one from the whole working set") {
  for (const char* when : {"2026-11-23T08:30", "2026-03-29T09:00", "2026-10-25T01:30", "2026-10-25T19:00",
                           "2027-03-28T23:30", "2026-07-01T12:00", "2026-11-23T23:59"}) {
    CAPTURE(when);
    DemoOptions o;
    o.seed = 7;
    o.now = london(when);
    check_first_frame(generate_demo_team(o), o.now);
  }
}

TEST_CASE("first frame: a three-team trust's locked Today board from the first frame's rows equals the one from the whole working set") {
  for (const char* when : {"2026-11-23T10:30", "2026-10-25T08:00"}) {
    CAPTURE(when);
    DemoOptions o;
    o.seed = 11;
    o.now = london(when);
    o.history_days = 3 * 365;
    auto trust = bench::build_trust_snapshot(o, 3);
    REQUIRE(bench::trust_problem(trust.snapshot).empty());
    check_first_frame(trust.snapshot, o.now);
  }
}
