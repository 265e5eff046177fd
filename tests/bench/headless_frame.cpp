// Headless ImGui frames for kiosk_bench (see headless_frame.hpp).
#include "headless_frame.hpp"

#include "platform/asset_paths.hpp"
#include "platform/font_loader.hpp"
#include "ui/lock_screen.hpp"

#include <imgui.h>

namespace vb::bench {

ui::Fonts start_headless_imgui(int width, int height) {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  io.DeltaTime = 1.0f / 30.0f;
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
  ui::Fonts fonts = platform::load_fonts(platform::find_asset_root() / "fonts", platform::em_for_screen(width, height));
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  return fonts;
}

ui::UiState measured_state(const Snapshot& s, ui::Screen screen) {
  ui::UiState state;
  if (screen == ui::Screen::lock) {
    ui::lock_now(state);
    for (const auto& m : s.staff)
      if (m.active && m.has_role(Role::clinician) && state.pin_staff.empty()) state.pin_staff = m.id;
    state.pin_digits = "00";
  }
  state.screen = screen;
  if (screen == ui::Screen::compliance) state.compliance_measure = "visit-outcome-same-day";
  return state;
}

void build_frame(const ui::FrameInput& in, ui::UiState& state) {
  ImGui::NewFrame();
  ui::draw_frame(in, state);
  ImGui::Render();
}

}  // namespace vb::bench
