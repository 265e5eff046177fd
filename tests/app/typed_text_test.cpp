// Typed and pasted text never puts a control character (an icon's code point) into a text field.
#include <doctest/doctest.h>

#include "platform/typed_text.hpp"

#include <imgui.h>

#include <string>

namespace {
const char* fake_clipboard(void*) { return "Ann\xC2\x81" "e\x01 Smith\tx"; }  // U+0081, U+0001
}  // namespace

TEST_CASE("typed text: control characters typed are dropped, everything else is kept in order") {
  ImVector<ImWchar> typed;
  for (ImWchar c : {ImWchar('A'), ImWchar(0x01), ImWchar(0xE9), ImWchar(0x85), ImWchar(0x9F), ImWchar(0x7F),
                    ImWchar('\t'), ImWchar(0x2192), ImWchar(0x0B)})
    typed.push_back(c);
  vb::platform::drop_hidden_controls(typed);
  REQUIRE(typed.Size == 4);
  CHECK(typed[0] == 'A');
  CHECK(typed[1] == 0xE9);
  CHECK(typed[2] == '\t');
  CHECK(typed[3] == 0x2192);
}

TEST_CASE("typed text: pasted text has control characters replaced, tab kept") {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.GetClipboardTextFn = fake_clipboard;
  vb::platform::clean_clipboard_text(io);
  vb::platform::clean_clipboard_text(io);  // twice: still one wrapper
  CHECK(std::string(io.GetClipboardTextFn(nullptr)) == "Ann\xEF\xBF\xBD" "e\xEF\xBF\xBD Smith\tx");
  ImGui::DestroyContext();
}
