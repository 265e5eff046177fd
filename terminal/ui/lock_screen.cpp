// The PIN pad: who is signing in (initials + name), dots for the digits typed, a 3x4 keypad with
// finger-sized keys, the refusal in words. The board behind it is blurred by the platform's shader.
#include "ui/lock_screen.hpp"

#include "ui/icons.hpp"
#include "ui/solid_layer.hpp"
#include "ui/pin_pad.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace vb::ui {

namespace {

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

float width_in(ImFont* font, const std::string& text) { return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x; }

// A person's button: initials in a box, then the name; chosen = accent. Returns true when tapped.
bool person_button(const Staff& m, bool chosen, ImVec2 size, const Fonts& f, HitTargets& targets) {
  ImGui::PushID(m.id.str().c_str());
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::InvisibleButton("person", size);
  targets.add_last_item("lock:staff:" + m.id);
  const bool held = ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float r = f.em * 0.25f;
  dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), chosen ? colour::accent : held ? pin_pad::key_fill_pressed : pin_pad::key_fill, r);
  const ImU32 ink = chosen ? colour::text_dark : colour::text;
  const float box = size.y - f.em * 0.6f;
  const ImVec2 b0(p.x + f.em * 0.3f, p.y + f.em * 0.3f);
  dl->AddRect(b0, ImVec2(b0.x + box * 1.25f, b0.y + box), ink, r, 0, 2.0f);
  const ImVec2 init_size = f.bold->CalcTextSizeA(f.em, FLT_MAX, 0, m.initials.c_str());
  dl->AddText(f.bold, f.em, ImVec2(b0.x + (box * 1.25f - init_size.x) / 2, b0.y + (box - init_size.y) / 2), ink,
              m.initials.c_str());
  // The name whole (wrapped or smaller when long) and, for a locked account, the word on its own line.
  const float text_x = b0.x + box * 1.25f + f.em * 0.5f;
  const float text_w = p.x + size.x - f.em * 0.3f - text_x;
  const NameLines fitted = fit_name_lines(m.name, m.locked, f, text_w);
  ImFont* font = fitted.small ? f.small : f.body;
  const float line_h = font->FontSize * 1.1f;
  const float status_h = m.locked ? f.small->FontSize * 1.1f : 0;
  float y = p.y + (size.y - line_h * static_cast<float>(fitted.lines.size()) - status_h) / 2;
  const ImVec4 clip(text_x, p.y, p.x + size.x - f.em * 0.3f, p.y + size.y);
  for (const auto& line : fitted.lines) {
    dl->AddText(font, font->FontSize, ImVec2(text_x, y), ink, line.c_str(), nullptr, 0, &clip);
    y += line_h;
  }
  if (m.locked) {
    // Short: the button is about 10 em wide at 1280 px; the Admin screen says who can clear it.
    const std::string status = cut_to(f.small, std::string(icon::lock) + " locked: wrong PINs", text_w);
    dl->AddText(f.small, f.small->FontSize, ImVec2(text_x, y), ink, status.c_str(), nullptr, 0, &clip);
  }
  ImGui::PopID();
  return pressed;
}

bool key(const char* label, ImVec2 size, HitTargets& targets, std::string name, bool primary = false) {
  ImGui::PushStyleColor(ImGuiCol_Button, v4(primary ? colour::accent : pin_pad::key_fill));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, v4(primary ? colour::accent : pin_pad::key_fill));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, v4(pin_pad::key_fill_pressed));
  ImGui::PushStyleColor(ImGuiCol_Text, v4(primary ? colour::text_dark : colour::text));
  const bool pressed = ImGui::Button(label, size);
  ImGui::PopStyleColor(4);
  targets.add_last_item(std::move(name));
  return pressed;
}

void request_sign_in(UiState& state) {
  if (state.pin_staff.empty()) {
    state.lock_message = "Choose your name first.";
    return;
  }
  if (state.pin_digits.size() < 4) {
    state.lock_message = "A PIN has at least 4 digits.";
    return;
  }
  state.sign_in_request = UiState::SignInRequest{state.pin_staff, state.pin_digits};
  state.pin_digits.clear();
}

void type_digit(UiState& state, char d) {
  if (state.pin_digits.size() < pin_pad::max_digits) state.pin_digits.push_back(d);
  state.lock_message.clear();
}

void close_pad(UiState& state) {
  state.lock_pad_open = false;
  state.pin_digits.clear();
  state.lock_message.clear();
}

// A keyboard works too (a desk terminal may have one): digits, Backspace, Enter signs in, Escape cancels.
void keyboard(UiState& state) {
  const pin_pad::KeyboardAsks asks = pin_pad::read_keyboard(state.pin_digits);
  if (asks.typed) state.lock_message.clear();
  if (asks.cancel) close_pad(state);
  else if (asks.submit) request_sign_in(state);
}

}  // namespace

NameLines fit_name_lines(const std::string& name, bool locked, const Fonts& f, float width) {
  if (width_in(f.body, name) <= width) return {{name}, false};
  if (width_in(f.small, name) <= width || locked) return {{cut_to(f.small, name, width)}, true};
  // Two lines: break at the last space or hyphen that leaves a first line that fits.
  for (size_t i = name.size(); i-- > 1;) {
    if (name[i] != ' ' && name[i] != '-') continue;
    const std::string first = name.substr(0, name[i] == '-' ? i + 1 : i);
    if (width_in(f.small, first) > width) continue;
    return {{first, cut_to(f.small, name.substr(i + 1), width)}, true};
  }
  return {{cut_to(f.small, name, width)}, true};
}

void lock_now(UiState& state) {
  state.locked = true;
  state.lock_pad_open = false;
  state.privacy = true;
  state.signed_in.clear();
  state.recorded_by.clear();
  state.acting.clear();
  state.pin_staff.clear();
  state.pin_digits.clear();
  state.lock_message.clear();
  state.sign_in_request.reset();
  state.access_pin_pad = false;  // the Admin screen's Set PIN keypad (issue 7): typed digits go too
  state.access_pin_first.clear();
  state.access_pin_digits.clear();
  state.visit_sheet.reset();
  state.record_for.reset();
  state.book_for.reset();
  state.ack_episode.reset();
  state.screen = Screen::today;
}

void signed_in(UiState& state, const StaffId& who) {
  state.locked = false;
  state.lock_pad_open = false;
  state.privacy = false;
  state.signed_in = who;
  state.recorded_by = who;
  state.acting = who;
  state.pin_digits.clear();
  state.lock_message.clear();
}

void draw_lock_pad(const FrameInput& in, UiState& state) {
  if (!state.lock_pad_open) return;
  const Fonts& f = in.fonts;
  const float em = f.em;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(display);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 0));
  ImGui::Begin("lock pad", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleColor();
  ImDrawList* dl = ImGui::GetWindowDrawList();

  // Staff who may sign in: active, in id order (the order of the rota).
  std::vector<const Staff*> people;
  for (const auto& m : in.snapshot.staff)
    if (m.active) people.push_back(&m);

  const float gap = em * 0.5f;
  const ImVec2 key_size(em * 4.6f, em * 3.0f);
  const float pad_w = key_size.x * 3 + gap * 2;
  const float avail_w = display.x - em * 3 - pad_w - em * 2;
  const int columns = std::clamp(static_cast<int>(avail_w / (em * 11.5f)), 1, 3);
  const ImVec2 person_size(std::min(em * 13.5f, (avail_w - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns)), em * 2.6f);
  const float list_w = person_size.x * static_cast<float>(columns) + gap * static_cast<float>(columns - 1);
  const float panel_w = list_w + em * 2 + pad_w + em * 2;
  const float panel_h = std::min(display.y - em * 2, em * 30);
  const ImVec2 p0((display.x - panel_w) / 2, (display.y - panel_h) / 2);
  // What is behind is blurred (so it is clear something is hidden, and nothing is readable), then dimmed.
  if (in.privacy_blur) {
    // The blurred picture comes dimmed already (platform PrivacyBlur::dim_colour, made once per
    // opening). It is copied only where the panel leaves it in sight: four bands around the panel,
    // reaching under its rounded corners; the first copy also makes the picture from the board.
    const float r = em * 0.4f + 1;
    const ImVec2 p1(p0.x + panel_w, p0.y + panel_h);
    const ImVec4 bands[] = {{0, 0, display.x, p0.y + r},
                            {0, p1.y - r, display.x, display.y},
                            {0, p0.y + r, p0.x + r, p1.y - r},
                            {p1.x - r, p0.y + r, display.x, p1.y - r}};
    for (const ImVec4& b : bands) {
      dl->PushClipRect(ImVec2(b.x, b.y), ImVec2(b.z, b.w));
      dl->AddCallback(in.privacy_blur, in.privacy_blur_data);
      dl->PopClipRect();
    }
    dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
  } else {
    dl->AddRectFilled(ImVec2(0, 0), display, IM_COL32(8, 14, 20, 240));  // without the blur: almost opaque
  }
  // The panel and the well of names (most of the screen) are solid fills, drawn first.
  SolidLayer layer(dl, in);
  layer.fills();
  dl->AddRectFilled(p0, ImVec2(p0.x + panel_w, p0.y + panel_h), colour::panel, em * 0.4f);
  layer.rest();
  dl->AddRect(p0, ImVec2(p0.x + panel_w, p0.y + panel_h), colour::accent, em * 0.4f, 0, 2.0f);

  // Left: who.
  ImGui::SetCursorScreenPos(ImVec2(p0.x + em, p0.y + em));
  ImGui::BeginGroup();
  ImGui::PushFont(f.big);
  ImGui::Text("%s Sign in", icon::lock);
  ImGui::PopFont();
  ImGui::PushFont(f.small);
  ImGui::TextColored(v4(colour::text_dim), "The board is hidden until you sign in. Tap your name, then your PIN.");
  ImGui::PopFont();
  ImGui::Spacing();
  const float list_h = p0.y + panel_h - ImGui::GetCursorScreenPos().y - em;
  // The list sits in a well of the background colour (ChildBg is left to the clear elsewhere), drawn
  // in the solid layer where ImGui would draw the child's background.
  ImGui::BeginChild("people", ImVec2(list_w + em * 0.2f, list_h), false, ImGuiWindowFlags_NoScrollbar);
  {
    const ImVec2 at = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    layer.fills();
    dl->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), in.night ? background_colour(true) : colour::background);
    layer.rest();
  }
  // Only the lines of names in sight are laid out (a trust has hundreds of staff).
  const size_t per_line = static_cast<size_t>(columns);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>((people.size() + per_line - 1) / per_line));
  while (clipper.Step())
    for (size_t line = static_cast<size_t>(clipper.DisplayStart); line < static_cast<size_t>(clipper.DisplayEnd); ++line)
      for (size_t i = line * per_line; i < std::min(people.size(), (line + 1) * per_line); ++i) {
        if (i % per_line != 0) ImGui::SameLine(0, gap);
        if (person_button(*people[i], state.pin_staff == people[i]->id, person_size, f, state.targets)) {
          state.pin_staff = people[i]->id;
          state.pin_digits.clear();
          state.lock_message.clear();
        }
      }
  // Drag to scroll a long list (no hover-only or scrollbar-only UI on a touch screen).
  drag_to_scroll(ImGuiHoveredFlags_None);
  ImGui::EndChild();
  ImGui::EndGroup();

  // Right: the chosen person, the dots, the keypad.
  const float right_x = p0.x + em + list_w + em * 2;
  ImGui::SetCursorScreenPos(ImVec2(right_x, p0.y + em));
  ImGui::BeginGroup();
  const Staff* chosen = in.snapshot.find_staff(state.pin_staff);
  ImGui::PushFont(f.bold);
  ImGui::TextUnformatted(chosen ? (chosen->initials + "  " + chosen->name).c_str() : "Choose your name");
  ImGui::PopFont();
  // Dots: one per digit typed, at least four places.
  const ImVec2 dots = ImGui::GetCursorScreenPos();
  const size_t places = std::max<size_t>(4, state.pin_digits.size());
  const float dot_r = em * 0.45f;
  for (size_t i = 0; i < places; ++i) {
    const ImVec2 c(dots.x + dot_r + static_cast<float>(i) * dot_r * 3.2f, dots.y + em * 1.1f);
    if (i < state.pin_digits.size()) dl->AddCircleFilled(c, dot_r, colour::text);
    else dl->AddCircle(c, dot_r, colour::text_dim, 0, 2.0f);
  }
  ImGui::Dummy(ImVec2(pad_w, em * 2.2f));
  static constexpr const char* digits[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};
  ImGui::PushFont(f.big);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
  for (int i = 0; i < 9; ++i) {
    if (i % 3 != 0) ImGui::SameLine();
    if (key(digits[i], key_size, state.targets, std::string("pin:") + digits[i])) type_digit(state, digits[i][0]);
  }
  if (key(icon::arrow_left, key_size, state.targets, "pin:back") && !state.pin_digits.empty()) state.pin_digits.pop_back();
  ImGui::SameLine();
  if (key("0", key_size, state.targets, "pin:0")) type_digit(state, '0');
  ImGui::SameLine();
  if (key(icon::check, key_size, state.targets, "pin:ok", true)) request_sign_in(state);
  ImGui::PopStyleVar();
  ImGui::PopFont();
  ImGui::PushFont(f.small);
  ImGui::TextColored(v4(colour::text_dim), "%s delete          %s sign in", icon::arrow_left, icon::check);
  ImGui::PopFont();
  if (!state.lock_message.empty()) {
    ImGui::PushTextWrapPos(right_x + pad_w);
    ImGui::TextColored(v4(colour::warning), "%s %s", icon::exclamation, state.lock_message.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::SetCursorScreenPos(ImVec2(right_x, p0.y + panel_h - em - em * 2.6f));
  if (toggle_button("Cancel", ImVec2(pad_w, em * 2.6f), false, state.targets, "lock:cancel")) close_pad(state);
  ImGui::EndGroup();
  keyboard(state);
  layer.end();
  ImGui::End();
}

}  // namespace vb::ui
