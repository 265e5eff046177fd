// A desk keyboard on a PIN pad (ui/pin_pad.hpp).
#include "ui/pin_pad.hpp"

#include <algorithm>

namespace vb::ui::pin_pad {

namespace {
bool pressed(ImGuiKey key) {
  const int index = ImGui::GetKeyIndex(key);
  return index >= 0 && ImGui::IsKeyPressed(index, false);
}
}  // namespace

KeyboardAsks read_keyboard(std::string& digits) {
  KeyboardAsks asks;
  ImGuiIO& io = ImGui::GetIO();
  for (ImWchar c : io.InputQueueCharacters) {
    if (c < '0' || c > '9' || digits.size() >= max_digits) continue;
    digits.push_back(static_cast<char>(c));
    asks.typed = true;
  }
  // Taken: no other widget sees the digits, and the queue's memory keeps none of them.
  std::fill(io.InputQueueCharacters.begin(), io.InputQueueCharacters.end(), ImWchar{0});
  io.InputQueueCharacters.resize(0);
  if (pressed(ImGuiKey_Backspace) && !digits.empty()) {
    digits.back() = '\0';
    digits.pop_back();
    asks.typed = true;
  }
  asks.submit = pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter);
  asks.cancel = pressed(ImGuiKey_Escape);
  return asks;
}

}  // namespace vb::ui::pin_pad
