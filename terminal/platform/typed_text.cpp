// Filters for typed and pasted text (see typed_text.hpp).
#include "platform/typed_text.hpp"

#include "core/printable_text.hpp"

#include <string>

namespace vb::platform {

namespace {

const char* (*backend_get_clipboard)(void*) = nullptr;

const char* printable_clipboard(void* user_data) {
  static std::string cleaned;  // ImGui copies the text before the next call
  const char* text = backend_get_clipboard ? backend_get_clipboard(user_data) : nullptr;
  if (!text) return nullptr;
  cleaned = printable_text(text);
  return cleaned.c_str();
}

}  // namespace

void drop_hidden_controls(ImVector<ImWchar>& typed) {
  int kept = 0;
  for (int i = 0; i < typed.Size; ++i)
    if (!is_hidden_control(typed[i])) typed[kept++] = typed[i];
  typed.resize(kept);
}

void clean_clipboard_text(ImGuiIO& io) {
  if (io.GetClipboardTextFn == printable_clipboard) return;
  backend_get_clipboard = io.GetClipboardTextFn;
  io.GetClipboardTextFn = printable_clipboard;
}

}  // namespace vb::platform
