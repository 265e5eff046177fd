// The compliance tiles' panels, stripes and pills, and the PIN pad's panel and well (over half of the
// screen) are drawn before anything else on them, between the platform's solid-fill callback and
// ImGui's reset (ui/solid_layer.hpp): on llvmpipe that takes the font texture out of their pixels
// (issue 7: a whole frame at most 1.2x the bare board's).
// The pixels stay ImGui's only if nothing drawn there needs the texture: every vertex between the two
// must use the atlas's white texel. (That the GL side draws the same pixels is the cli case
// "solid fills leave the compliance pixels unchanged".)
#include <doctest/doctest.h>

#include <cmath>
#include <utility>

#include "support/small_team.hpp"
#include "ui/drawn_frame.hpp"
#include "ui/headless.hpp"
#include "ui/lock_screen.hpp"

using namespace vb;
using vb::test::at;

namespace {

void solid_fill_marker(const ImDrawList*, const ImDrawCmd*) {}

struct SolidSection {
  int switches = 0;       // solid-fill callbacks seen
  int resets = 0;         // ImGui resets that end a solid section
  bool open_at_end = false;
  int textured = 0;       // vertices drawn in a solid section away from the white texel
  double area = 0;        // pixels covered by its triangles (overlaps counted twice)
};

SolidSection solid_sections() {
  SolidSection s;
  const ImDrawData* data = ImGui::GetDrawData();
  REQUIRE(data);
  const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList* list = data->CmdLists[l];
    bool inside = false;
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback == &solid_fill_marker) {
        CHECK_FALSE(inside);
        inside = true;
        ++s.switches;
        continue;
      }
      if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
        if (inside) ++s.resets;
        inside = false;
        continue;
      }
      if (!inside || cmd.UserCallback) continue;
      for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
        ImVec2 p[3];
        for (unsigned k = 0; k < 3; ++k) {
          const ImDrawVert& v = list->VtxBuffer[static_cast<int>(cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i + k)])];
          if (v.uv.x != white.x || v.uv.y != white.y) ++s.textured;
          p[k] = v.pos;
        }
        s.area += std::abs((p[1].x - p[0].x) * (p[2].y - p[0].y) - (p[2].x - p[0].x) * (p[1].y - p[0].y)) / 2.0;
      }
    }
    if (inside) s.open_at_end = true;
  }
  return s;
}

// The compliance screen, or the PIN pad, drawn at `size`, with the marker as its solid fill or without one.
std::pair<SolidSection, test::Drawn> frame_of(const Snapshot& s, ImVec2 size, bool pin_pad, bool solid) {
  test::HeadlessUi ui(s, at("2026-11-23T10:30"), size.x, size.y);
  if (solid) ui.solid_fill = &solid_fill_marker;
  if (pin_pad) {
    ui::lock_now(ui.state);
    ui.frame();
    ui.tap("sign_in");
    REQUIRE(ui.state.lock_pad_open);
  } else {
    ui.tap("tab:compliance");
  }
  ui.frame();
  return {solid_sections(), test::capture_drawn()};
}

}  // namespace

TEST_CASE("ui: the compliance tiles and the PIN pad draw their panels first as solid fills, with nothing there that needs the font texture") {
  const Snapshot s = test::small_team();
  for (const bool pin_pad : {false, true})
    for (const ImVec2 size : {ImVec2(1920, 1080), ImVec2(1280, 800)}) {
      CAPTURE(pin_pad);
      CAPTURE(size.x);
      const auto [solid, with] = frame_of(s, size, pin_pad, true);
      CHECK(solid.switches == 1);
      CHECK(solid.resets == 1);
      CHECK_FALSE(solid.open_at_end);
      CHECK(solid.textured == 0);
      // The tiles' panels cover over half of the screen. The pad is sized in em and this harness's
      // font is ImGui's 13 px one (the wall's is twice that): its panel and well cover a fifth here,
      // most of the screen on the kiosk.
      CHECK(solid.area > (pin_pad ? 0.2 : 0.5) * size.x * size.y);
      // Without a solid fill (the kiosk's first frame, or a driver that cannot build it) the same
      // shapes are drawn in the same order, only without the two callbacks.
      const auto [none, without] = frame_of(s, size, pin_pad, false);
      CHECK(none.switches == 0);
      CHECK(with.geometry == without.geometry);
      CHECK(with.colours == without.colours);
      CHECK(with.indices == without.indices);
    }
}
