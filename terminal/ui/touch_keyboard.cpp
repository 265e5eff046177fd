// The on-screen keyboard's drawing (ui/touch_keyboard.hpp); what a key does is ui/keyboard_layout.
#include "ui/touch_keyboard.hpp"

#include "ui/icons.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>

namespace vb::ui {

namespace {

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

bool pressed(ImGuiKey key) {
  const int index = ImGui::GetKeyIndex(key);
  return index >= 0 && ImGui::IsKeyPressed(index, true);
}

void append_utf8(std::string& out, unsigned int c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

void draw_panel(const Fonts& f, UiState& state);

void close(OnScreenKeyboard& kb) {
  kb = OnScreenKeyboard{};
}

void open(OnScreenKeyboard& kb, const TextBox& box, std::string& text) {
  kb = OnScreenKeyboard{};
  kb.field = box.id;
  kb.label = box.label;
  kb.original = text;
  kb.edit = start_edit(text, box.limit, box.kind);
  kb.target = &text;
  kb.field_drawn = true;
  kb.opened_now = true;
}

// The text in a framed box with a caret after it; the end shows when it is longer than the box.
void text_with_caret(ImDrawList* dl, ImFont* font, float size, ImVec2 min, ImVec2 max, float pad, const std::string& text,
                     const char* hint) {
  const float inner = max.x - min.x - 2 * pad;
  const float tw = font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str()).x;
  const float x = min.x + pad - std::max(0.0f, tw - inner + size * 0.3f);
  const float y = min.y + (max.y - min.y - size) * 0.5f;
  dl->PushClipRect(ImVec2(min.x + pad * 0.5f, min.y), ImVec2(max.x - pad * 0.5f, max.y), true);
  if (text.empty() && hint) dl->AddText(font, size, ImVec2(x, y), colour::text_dim, hint);
  else dl->AddText(font, size, ImVec2(x, y), colour::text, text.c_str());
  const float cx = text.empty() ? x : x + tw + size * 0.08f;
  dl->AddRectFilled(ImVec2(cx, y), ImVec2(cx + std::max(2.0f, size * 0.1f), y + size), colour::accent);
  dl->PopClipRect();
}

}  // namespace

bool keyboard_text_box(const Fonts& f, UiState& state, const TextBox& box, std::string& text) {
  OnScreenKeyboard& kb = state.keyboard;
  const float width = box.width > 0 ? box.width : ImGui::GetContentRegionAvail().x;
  bool changed = false;
  if (kb.field == box.id) {
    // Typed on the keys below: shown as it grows, framed in the accent colour (the box being typed into).
    kb.target = &text;
    kb.field_drawn = true;
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const ImVec2 size(width, ImGui::GetFontSize() + pad.y * 2);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    // Its own id: the box's InputText may still hold the keyboard focus under the box's id this frame.
    ImGui::InvisibleButton((std::string(box.id) + "_typing").c_str(), size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 q(p.x + size.x, p.y + size.y);
    dl->AddRectFilled(p, q, ImGui::GetColorU32(ImGuiCol_FrameBg), ImGui::GetStyle().FrameRounding);
    dl->AddRect(p, q, colour::accent, ImGui::GetStyle().FrameRounding, 0, std::max(2.0f, f.em * 0.12f));
    text_with_caret(dl, ImGui::GetFont(), ImGui::GetFontSize(), p, q, pad.x, text, box.hint);
    kb.field_top = p.y;
    kb.field_bottom = q.y;
  } else {
    ImGui::SetNextItemWidth(width);
    changed = ImGui::InputTextWithHint(box.id, box.hint, &text);
    // A finger (a tap, not the keyboard focus a form gives its first box) opens the keyboard.
    // (Hovered too: the box may hold the keyboard focus already, and a tap then activates nothing new.)
    if ((ImGui::IsItemActivated() || ImGui::IsItemHovered()) && ImGui::GetIO().MouseClicked[0]) {
      open(kb, box, text);
      kb.field_top = ImGui::GetItemRectMin().y;
      kb.field_bottom = ImGui::GetItemRectMax().y;
    }
  }
  state.targets.add_last_item(box.target);
  if (kb.field == box.id) draw_panel(f, state);
  return changed;
}

namespace {

// The keyboard itself: a popup opened from the box, so it works over a modal sheet too (a popup opened
// inside a modal is its child and gets the taps; a separate window behind the modal would not).
void draw_panel(const Fonts& f, UiState& state) {
  OnScreenKeyboard& kb = state.keyboard;
  ImGuiIO& io = ImGui::GetIO();
  bool done = false, cancel = false;
  // A desk keyboard types into the same edit.
  if (!io.InputQueueCharacters.empty()) {
    std::string typed;
    for (ImWchar c : io.InputQueueCharacters) append_utf8(typed, c);
    std::fill(io.InputQueueCharacters.begin(), io.InputQueueCharacters.end(), ImWchar{0});
    io.InputQueueCharacters.resize(0);
    type_text(kb.edit, typed);
  }
  if (pressed(ImGuiKey_Backspace)) erase_last_character(kb.edit.text);
  if (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter)) done = true;
  if (pressed(ImGuiKey_Escape)) cancel = true;
  // A tap outside the keyboard ends the typing and keeps it (the tap still reaches what it hit).
  if (!kb.opened_now && io.MouseClicked[0]) {
    const ImVec2 m = io.MouseClickedPos[0];
    const bool inside = m.x >= kb.left && m.x <= kb.right && m.y >= kb.top && m.y <= kb.bottom;
    const bool on_field = m.y >= kb.field_top && m.y <= kb.field_bottom && !inside;
    if (!inside && !on_field) done = true;
  }

  // Geometry, in ems: keys at least 2.8 em tall and 2.5 em wide.
  const float em = f.em;
  const bool keypad = kb.edit.layout == KeyboardLayout::phone;
  const float pad = em * 0.6f, gap = em * 0.35f;
  const float key_h = em * 2.8f;
  const float bar_h = em * 3.0f;
  const auto rows = keyboard_rows(kb.edit.layout);
  const float units = keypad ? 4.5f : 11.5f;
  const float width = std::min(io.DisplaySize.x - em, keypad ? em * 30.0f : em * 64.0f);
  const float unit = (width - 2 * pad - gap * (units - 1)) / units;
  const float height = pad * 2 + bar_h + gap + static_cast<float>(rows.size()) * (key_h + gap);
  // Below the box when it sits in the upper part of the screen, else above it, at the top.
  const bool at_top = kb.field_bottom > io.DisplaySize.y - height - em * 0.5f && kb.field_top > height + em * 0.5f;
  const ImVec2 pos((io.DisplaySize.x - width) * 0.5f, at_top ? 0.0f : io.DisplaySize.y - height);
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(ImVec2(width, height));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, v4(colour::header));
  ImGui::PushStyleColor(ImGuiCol_Border, v4(colour::accent));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, std::max(2.0f, em * 0.12f));
  if (!ImGui::IsPopupOpen("##touch_keyboard")) ImGui::OpenPopup("##touch_keyboard");
  if (!ImGui::BeginPopup("##touch_keyboard", ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse)) {
    // Closed by a tap outside it: Done (the tap still reaches what it hit).
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(2);
    *kb.target = cancel ? kb.original : kb.edit.text;
    close(kb);
    return;
  }
  kb.left = pos.x;
  kb.top = pos.y;
  kb.right = pos.x + width;
  kb.bottom = pos.y + height;

  // The bar: what is typed into, the text so far (large), Cancel and Done.
  const float button_w = em * 8.0f;
  const float text_w = width - 2 * pad - 2 * (button_w + gap);
  {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::string label = kb.label + (kb.edit.text.size() * 10 >= kb.edit.limit * 9
                                               ? "  (" + std::to_string(kb.edit.limit - kb.edit.text.size()) + " left)"
                                               : "");
    dl->AddText(f.small, f.small->FontSize, ImVec2(p.x, p.y), colour::text_dim, label.c_str());
    const float box_y = p.y + f.small->FontSize + em * 0.15f;
    const ImVec2 min(p.x, box_y), max(p.x + text_w, p.y + bar_h);
    dl->AddRectFilled(min, max, colour::panel, em * 0.2f);
    text_with_caret(dl, f.bold, em * 1.2f, min, max, em * 0.4f, kb.edit.text, "");
    ImGui::Dummy(ImVec2(text_w, bar_h));
    state.targets.add_last_item("kb:text");
  }
  ImGui::SameLine();
  ImGui::PushFont(f.bold);
  if (toggle_button((std::string(icon::times) + " Cancel").c_str(), ImVec2(button_w, bar_h), false, state.targets, "kb:cancel"))
    cancel = true;
  ImGui::SameLine();
  if (toggle_button((std::string(icon::check) + " Done").c_str(), ImVec2(button_w, bar_h), true, state.targets, "kb:done"))
    done = true;
  ImGui::PopFont();

  // The keys, each row centred.
  ImGui::PushFont(f.bold);
  for (const auto& row : rows) {
    float row_w = -gap;
    for (const Key& k : row) row_w += unit * k.width + gap * (k.width - 1.0f) + gap;
    ImGui::SetCursorPosX(pad + std::max(0.0f, (width - 2 * pad - row_w) * 0.5f));
    bool first = true;
    for (const Key& k : row) {
      if (!first) ImGui::SameLine();
      first = false;
      const float w = unit * k.width + gap * (k.width - 1.0f);
      std::string label(key_label(kb.edit, k));
      if (k.kind == KeyKind::shift) label = std::string(icon::arrow_up) + " " + label;
      if (k.kind == KeyKind::backspace) label = std::string(icon::arrow_left) + " " + label;
      const bool lit = (k.kind == KeyKind::shift && kb.edit.shift != KeyShift::off);
      const std::string name(key_name(k));
      if (toggle_button((label + "##kb_" + name).c_str(), ImVec2(w, key_h), lit, state.targets, "kb:" + name))
        press_key(kb.edit, k);
    }
  }
  ImGui::PopFont();
  if (done || cancel) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  ImGui::PopStyleVar(3);
  ImGui::PopStyleColor(2);

  *kb.target = cancel ? kb.original : kb.edit.text;
  if (done || cancel) close(kb);
}

}  // namespace

void draw_touch_keyboard(const Fonts&, UiState& state) {
  OnScreenKeyboard& kb = state.keyboard;
  if (!kb.open()) return;
  if (!kb.field_drawn) {  // its box is gone (sheet closed, screen locked): nothing written
    close(kb);
    return;
  }
  kb.target = nullptr;  // good for this frame only: the box sets it again as it is drawn
  kb.field_drawn = false;
  kb.opened_now = false;
}

}  // namespace vb::ui
