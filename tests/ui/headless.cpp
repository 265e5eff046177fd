// The headless ImGui harness for UI tests.
#include "ui/headless.hpp"
#include "ui/ooh_screen.hpp"

#include <doctest/doctest.h>

namespace vb::test {

HeadlessUi::HeadlessUi(const Snapshot& snapshot, Instant now, float width, float height)
    : snapshot_(snapshot), now_(now) {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(width, height);
  io.DeltaTime = 1.0f / 30.0f;
  io.Fonts->AddFontDefault();
  for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;  // press(): key k is KeysDown[k]
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  fonts_ = ui::default_fonts();
  LocalDate day = local_date_of(now, snapshot.zone());
  board_ = build_day_board(snapshot, day, now);
  staff_day_ = build_staff_day(snapshot, day, now);
  reviews_ = build_review_board(snapshot, now);
  compliance_ = build_compliance_board(snapshot, compliance_rules_, now);
  outcomes_ = build_outcomes_board(snapshot, now);
  plans_ = build_plan_views(snapshot, now);
  frame();  // first layout
}

HeadlessUi::~HeadlessUi() { ImGui::DestroyContext(); }

std::optional<Command> HeadlessUi::frame() {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = mouse_;
  io.MouseDown[0] = down_;
  ImGui::NewFrame();
  ui::FrameInput in{snapshot_, board_, staff_day_, reviews_, backups, now_, now_, "", fonts_, &compliance_, &outcomes_};
  in.ooh_proposal = proposal;
  in.plans = &plans_;
  in.ooh_board = &ooh_.board_for(snapshot_, ui::shown_ooh_window(snapshot_, state, now_));
  in.still_loading = still_loading;
  in.solid_fill = solid_fill;
  in.solid_fill_data = solid_fill_data;
  auto command = ui::draw_frame(in, state);
  ImGui::Render();
  return command;
}

std::optional<Command> HeadlessUi::tap(std::string_view target) {
  auto centre = state.targets.centre(target);
  REQUIRE_MESSAGE(centre, "nothing named '" << std::string(target) << "' is on screen");
  mouse_ = *centre;
  down_ = false;
  frame();  // hover
  down_ = true;
  auto pressed = frame();
  down_ = false;
  auto released = frame();
  frame();  // let popups open/close
  return released ? released : pressed;
}

std::optional<Command> HeadlessUi::type_text(std::string_view text) {
  for (char c : text) ImGui::GetIO().AddInputCharacter(static_cast<unsigned char>(c));
  return frame();
}

std::optional<Command> HeadlessUi::press(ImGuiKey key) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeysDown[key] = true;
  auto pressed = frame();
  io.KeysDown[key] = false;
  auto released = frame();
  return pressed ? pressed : released;
}

}  // namespace vb::test
