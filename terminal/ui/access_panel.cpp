// Staff and access on the Admin screen: list on the left, the chosen person's roles, PIN state and
// actions on the right. Everything is tapped (no typing); status is an icon and words, not colour.
#include "ui/access_panel.hpp"

#include "core/sign_in_policy.hpp"
#include "ui/icons.hpp"
#include "ui/pin_pad.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace vb::ui {

namespace {

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

std::string when(Instant t, Zone zone) { return format_day_label(local_date_of(t, zone)) + " " + format_local_hm(t, zone); }

std::string roles_words(const Staff& m) {
  std::string out;
  for (Role r : m.roles) {
    if (r == Role::viewer && m.roles.size() > 1) continue;  // everyone views; say what else
    out += (out.empty() ? "" : ", ") + std::string(role_label(r));
  }
  return out.empty() ? "no role" : out;
}

void wipe(std::string& digits) {
  std::fill(digits.begin(), digits.end(), '\0');
  digits.clear();
}

// A large tappable rectangle with an icon and words; `on` fills it. Returns true when tapped.
bool chip(const char* id, const char* icon_text, std::string_view words, bool on, bool enabled, ImVec2 size,
          const Fonts& f, HitTargets& targets, std::string target) {
  ImGui::PushID(id);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::InvisibleButton("chip", size) && enabled;
  targets.add_last_item(std::move(target));
  const bool held = ImGui::IsItemActive() && enabled;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float r = f.em * 0.3f;
  const ImVec2 q(p.x + size.x, p.y + size.y);
  ImU32 fill = on ? colour::accent : held ? pin_pad::key_fill_pressed : pin_pad::key_fill;
  ImU32 ink = on ? colour::text_dark : colour::text;
  if (!enabled) {
    fill = on ? IM_COL32(60, 110, 140, 255) : IM_COL32(34, 44, 56, 255);
    ink = colour::text_dim;
  }
  dl->AddRectFilled(p, q, fill, r);
  dl->AddRect(p, q, on ? colour::text : colour::text_dim, r, 0, on ? 3.0f : 1.5f);
  const std::string label = std::string(icon_text) + "  " + std::string(words);
  const ImVec2 ts = f.bold->CalcTextSizeA(f.em, FLT_MAX, 0, label.c_str());
  const ImVec4 clip(p.x, p.y, q.x - f.em * 0.3f, q.y);
  dl->AddText(f.bold, f.em, ImVec2(p.x + f.em * 0.7f, p.y + (size.y - ts.y) / 2), ink, label.c_str(), nullptr, 0, &clip);
  ImGui::PopID();
  return pressed;
}

bool big_button(const std::string& label, ImVec2 size, bool enabled, HitTargets& targets, std::string target) {
  if (!enabled) ImGui::BeginDisabled();
  const bool pressed = ImGui::Button(label.c_str(), size);
  targets.add_last_item(std::move(target));
  if (!enabled) ImGui::EndDisabled();
  return pressed && enabled;
}

// One row of the list: name and PIN state on the first line, id and roles on the second.
bool staff_row(const Staff& m, bool chosen, ImVec2 size, Instant now, Zone zone, const Fonts& f, HitTargets& targets) {
  ImGui::PushID(m.id.str().c_str());
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::InvisibleButton("row", size);
  targets.add_last_item("access_staff:" + m.id);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 q(p.x + size.x, p.y + size.y);
  dl->AddRectFilled(p, q, chosen ? colour::accent : ImGui::IsItemActive() ? pin_pad::key_fill_pressed : colour::panel, f.em * 0.3f);
  const ImU32 ink = chosen ? colour::text_dark : m.active ? colour::text : colour::text_dim;
  const ImU32 dim = chosen ? colour::text_dark : colour::text_dim;
  const PinStateWords pin = pin_state_words(m, now, zone);
  const bool wrong = !m.locked && m.has_pin && !m.sign_in_failures.empty();
  const std::string state = wrong ? std::string(icon::warning) + " " + std::to_string(m.sign_in_failures.size()) + " wrong"
                                  : std::string(pin.icon) + " " + (m.locked ? "Locked" : m.has_pin ? "PIN" : "No PIN");
  const float state_w = f.bold->CalcTextSizeA(f.em, FLT_MAX, 0, state.c_str()).x;
  const float pad = f.em * 0.5f;
  const ImVec4 name_clip(p.x, p.y, q.x - state_w - pad * 2, q.y);
  const std::string name = m.name + (m.active ? "" : " (inactive)");
  dl->AddText(f.bold, f.em, ImVec2(p.x + pad, p.y + f.em * 0.35f), ink, name.c_str(), nullptr, 0, &name_clip);
  // PIN state on the right, as a pill when it needs attention.
  const ImVec2 sp(q.x - state_w - pad, p.y + f.em * 0.35f);
  if (m.locked || !m.has_pin || wrong) {
    dl->AddRectFilled(ImVec2(sp.x - pad * 0.5f, sp.y - f.em * 0.1f), ImVec2(q.x - pad * 0.5f, sp.y + f.em * 1.15f),
                      wrong ? colour::warning : pin.fill, f.em * 0.25f);
    dl->AddText(f.bold, f.em, sp, wrong ? colour::text_dark : pin.ink, state.c_str());
  } else {
    dl->AddText(f.bold, f.em, sp, ink, state.c_str());
  }
  const std::string second = m.id + " · " + roles_words(m);
  const ImVec4 clip(p.x, p.y, q.x - pad, q.y);
  dl->AddText(f.small, f.small->FontSize, ImVec2(p.x + pad, p.y + f.em * 1.65f), dim, second.c_str(), nullptr, 0, &clip);
  ImGui::PopID();
  return pressed;
}

// The keypad: step one types the new PIN, step two the same again; a match emits SetPin.
std::optional<Command> draw_pin_pad(const FrameInput& in, UiState& state, const Staff& m) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  std::optional<Command> out;
  const bool second = !state.access_pin_first.empty();
  ImGui::PushFont(f.bold);
  ImGui::TextColored(v4(colour::accent), "%s  %s", icon::key,
                     second ? "Enter the same PIN again" : ("New PIN for " + m.name + ": 4 to 8 digits").c_str());
  ImGui::PopFont();
  // Dots, at least four places; the digits themselves are never drawn.
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 dots = ImGui::GetCursorScreenPos();
  const size_t places = std::max<size_t>(4, state.access_pin_digits.size());
  const float r = em * 0.45f;
  for (size_t i = 0; i < places; ++i) {
    const ImVec2 c(dots.x + r + static_cast<float>(i) * r * 3.2f, dots.y + em * 1.0f);
    if (i < state.access_pin_digits.size()) dl->AddCircleFilled(c, r, colour::text);
    else dl->AddCircle(c, r, colour::text_dim, 0, 2.0f);
  }
  ImGui::Dummy(ImVec2(em, em * 2.1f));
  if (!state.access_message.empty()) {
    ImGui::PushFont(f.bold);
    ImGui::TextColored(v4(colour::warning), "%s %s", icon::warning, state.access_message.c_str());
    ImGui::PopFont();
  }
  const float gap = em * 0.5f;
  const ImVec2 key(em * 4.6f, em * 2.8f);
  auto type = [&](char d) {
    if (state.access_pin_digits.size() < pin_pad::max_digits) state.access_pin_digits.push_back(d);
    state.access_message.clear();
  };
  static constexpr const char* digits[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};
  for (int row = 0; row < 3; ++row) {
    for (int col = 0; col < 3; ++col) {
      if (col > 0) ImGui::SameLine(0, gap);
      const char* d = digits[row * 3 + col];
      if (big_button(std::string(d) + "##access_pin", key, true, state.targets, std::string("access_pin:") + d)) type(d[0]);
    }
  }
  if (big_button(std::string(icon::arrow_left) + "##access_back", key, !state.access_pin_digits.empty(), state.targets,
                 "access_pin:back"))
    state.access_pin_digits.pop_back();
  ImGui::SameLine(0, gap);
  if (big_button("0##access_pin", key, true, state.targets, "access_pin:0")) type('0');
  ImGui::SameLine(0, gap);
  ImGui::PushStyleColor(ImGuiCol_Button, v4(colour::accent));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, v4(colour::accent));
  ImGui::PushStyleColor(ImGuiCol_Text, v4(colour::text_dark));
  bool ok = big_button(std::string(second ? icon::check : icon::chevron_right) + (second ? " Save" : " Next"), key,
                       true, state.targets, "access_pin:ok");
  ImGui::PopStyleColor(3);
  ImGui::Spacing();
  bool cancel = big_button(std::string(icon::times) + "  Cancel: keep the PIN as it was", ImVec2(key.x * 3 + gap * 2, em * 2.6f),
                           true, state.targets, "access_pin:cancel");
  // A desk keyboard too: digits, Backspace, Enter as Next / Save, Escape as Cancel.
  const pin_pad::KeyboardAsks asks = pin_pad::read_keyboard(state.access_pin_digits);
  if (asks.typed) state.access_message.clear();
  ok = ok || asks.submit;
  cancel = cancel || asks.cancel;
  if (cancel) {
    close_access_pin_pad(state);
    return std::nullopt;
  }
  if (!ok) return std::nullopt;
  if (auto problem = pin_form_problem(state.access_pin_digits)) {
    state.access_message = "Not yet: " + *problem + ".";
    return std::nullopt;
  }
  if (!second) {
    state.access_pin_first = state.access_pin_digits;
    wipe(state.access_pin_digits);
    return std::nullopt;
  }
  if (state.access_pin_digits != state.access_pin_first) {
    wipe(state.access_pin_first);
    wipe(state.access_pin_digits);
    state.access_message = "The two PINs differ: nothing was set. Enter the new PIN again.";
    return std::nullopt;
  }
  out = SetPin{m.id, state.access_pin_digits, state.signed_in, in.now};
  close_access_pin_pad(state);
  return out;
}

void explain_refusal(const FrameInput& in, UiState& state, float height) {
  const Fonts& f = in.fonts;
  ImGui::BeginChild("access refused", ImVec2(0, height), false);
  ImGui::Spacing();
  ImGui::PushFont(f.big);
  ImGui::TextColored(v4(colour::text), "%s Only an admin can change PINs and roles", icon::lock);
  ImGui::PopFont();
  ImGui::Spacing();
  ImGui::PushTextWrapPos(0);
  const Staff* me = in.snapshot.find_staff(state.signed_in);
  if (!me) {
    ImGui::TextUnformatted("Nobody is signed in on this screen. An admin taps Privacy now, then Sign in, and "
                           "enters their PIN; this page then lists the team with their roles and PINs.");
  } else {
    ImGui::Text("Signed in: %s (%s). That is not the admin role.", me->name.c_str(), roles_words(*me).c_str());
  }
  std::string admins;
  for (const auto& m : in.snapshot.staff)
    if (m.active && m.has_role(Role::admin)) admins += (admins.empty() ? "" : ", ") + m.name;
  ImGui::Spacing();
  ImGui::PushFont(f.bold);
  ImGui::Text("%s", admins.empty() ? "Nobody active has the admin role: give it with `visitboard roles STAFF viewer,admin` on this computer."
                                   : ("Ask an admin: " + admins + ".").c_str());
  ImGui::PopFont();
  ImGui::Spacing();
  ImGui::TextColored(v4(colour::text_dim), "A locked sign-in can also be cleared by a shift coordinator: see "
                                           "\"Backups and locked sign-ins\".");
  ImGui::PopTextWrapPos();
  state.targets.add_last_item("access_refused");
  ImGui::EndChild();
}

}  // namespace

PinStateWords pin_state_words(const Staff& m, Instant now, Zone zone) {
  PinStateWords w;
  const auto failures = m.sign_in_failures.size();
  const std::string wrong = std::to_string(failures) + (failures == 1 ? " wrong PIN" : " wrong PINs");
  if (m.locked) {
    w.icon = icon::lock;
    w.headline = "Locked" + (m.locked_at ? " since " + when(*m.locked_at, zone) : std::string()) + ", until cleared";
    w.detail = "after " + wrong + ". Clear lockout lets them try again.";
    w.fill = colour::warning;
    w.ink = colour::text_dark;
    return w;
  }
  if (!m.has_pin) {
    w.icon = icon::times;
    w.headline = "No PIN: cannot sign in here";
    w.fill = colour::missed;
    w.ink = colour::text;
  } else {
    w.icon = icon::check;
    w.headline = "PIN set";
    w.fill = colour::done;
    w.ink = colour::text;
  }
  if (failures > 0) {
    const SignInGate gate = sign_in_gate(m.sign_in_failures, now);
    w.detail = wrong + " since the last sign-in";
    if (gate.not_before && *gate.not_before > now) w.detail += "; next try from " + format_local_hm(*gate.not_before, zone);
  }
  return w;
}

void close_access_pin_pad(UiState& state) {
  state.access_pin_pad = false;
  wipe(state.access_pin_first);
  wipe(state.access_pin_digits);
  state.access_message.clear();
}

std::optional<Command> draw_access_panel(const FrameInput& in, UiState& state, float height) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  const Snapshot& s = in.snapshot;
  const Zone zone = s.zone();
  const Staff* me = s.find_staff(state.signed_in);
  if (!me || !me->active || !me->has_role(Role::admin) || state.locked) {
    close_access_pin_pad(state);
    explain_refusal(in, state, height);
    return std::nullopt;
  }
  std::optional<Command> out;
  const float width = ImGui::GetContentRegionAvail().x;
  const float list_w = std::clamp(width * 0.4f, em * 20, em * 30);
  const float gap = em * 1.0f;

  // Left: who needs the admin first (locked, then no PIN), then everyone else active in id order,
  // then those no longer active.
  auto rank = [](const Staff& m) {
    return !m.active ? 4 : m.locked ? 0 : !m.has_pin ? 1 : !m.sign_in_failures.empty() ? 2 : 3;
  };
  std::vector<const Staff*> people;
  for (const auto& m : s.staff) people.push_back(&m);
  std::stable_sort(people.begin(), people.end(), [&](const Staff* a, const Staff* b) { return rank(*a) < rank(*b); });
  int locked = 0, no_pin = 0, wrong = 0;
  for (const Staff* m : people) {
    if (!m->active) continue;
    if (m->locked) ++locked;
    else if (!m->has_pin) ++no_pin;
    else if (!m->sign_in_failures.empty()) ++wrong;
  }
  if (state.access_staff.empty() || !s.find_staff(state.access_staff)) {
    close_access_pin_pad(state);
    state.access_staff = people.empty() ? StaffId{} : people.front()->id;
  }
  ImGui::BeginChild("access list", ImVec2(list_w, height), false, ImGuiWindowFlags_NoScrollbar);
  ImGui::PushFont(f.bold);
  if (locked + no_pin + wrong == 0) {
    ImGui::Text("%s %d staff: everyone can sign in", icon::check, static_cast<int>(people.size()));
  } else {
    std::string summary;
    auto add = [&](int n, const char* icon_text, const char* what) {
      if (n == 0) return;
      summary += (summary.empty() ? "" : "  ·  ") + std::string(icon_text) + " " + std::to_string(n) + " " + what;
    };
    add(locked, icon::lock, "locked");
    add(no_pin, icon::times, "without a PIN");
    add(wrong, icon::warning, "with wrong PINs");
    ImGui::TextUnformatted(summary.c_str());
  }
  ImGui::PopFont();
  ImGui::PushFont(f.small);
  ImGui::TextColored(v4(colour::text_dim), "Tap a name; drag the list to scroll. Who needs you comes first.");
  ImGui::PopFont();
  for (const Staff* m : people) {
    if (staff_row(*m, m->id == state.access_staff, ImVec2(list_w - em * 0.4f, em * 2.9f), in.now, zone, f, state.targets) &&
        m->id != state.access_staff) {
      close_access_pin_pad(state);
      state.access_staff = m->id;
    }
  }
  drag_to_scroll();
  ImGui::EndChild();

  ImGui::SameLine(0, gap);
  ImGui::BeginChild("access detail", ImVec2(0, height), false);
  const Staff* m = s.find_staff(state.access_staff);
  if (!m) {
    ImGui::EndChild();
    return out;
  }
  const float detail_w = ImGui::GetContentRegionAvail().x;
  ImGui::PushFont(f.big);
  ImGui::TextUnformatted(m->name.c_str());
  ImGui::PopFont();
  ImGui::TextColored(v4(colour::text_dim), "%s · %s%s", m->id.str().c_str(), words(m->discipline).c_str(),
                     m->active ? "" : " · no longer active: nothing can be changed here");
  ImGui::Spacing();
  if (state.access_pin_pad) {
    out = draw_pin_pad(in, state, *m);
    ImGui::EndChild();
    return out;
  }

  // Roles: one large toggle chip each, two or three to a line.
  ImGui::PushFont(f.bold);
  ImGui::TextUnformatted("Roles: tap to grant or take away");
  ImGui::PopFont();
  const int per_line = detail_w >= em * 42 ? 3 : 2;
  const float chip_gap = em * 0.5f;
  const ImVec2 chip_size((detail_w - chip_gap * static_cast<float>(per_line - 1)) / static_cast<float>(per_line) - 1,
                         em * 2.7f);
  std::vector<std::string> refusals;
  int i = 0;
  for (Role r : all_roles) {
    if (i++ % per_line != 0) ImGui::SameLine(0, chip_gap);
    const bool has = m->has_role(r);
    const Command candidate = has ? Command{RevokeRole{m->id, r, state.signed_in, in.now}}
                                  : Command{GrantRole{m->id, r, state.signed_in, in.now}};
    const auto problem = command_problem(s, candidate);
    if (problem && m->active) refusals.push_back(std::string(role_label(r)) + ": " + *problem);
    const std::string target = "role:" + m->id + ":" + std::string(to_string(r));
    if (chip(target.c_str(), has ? icon::check_square : icon::square, role_label(r), has, !problem, chip_size, f,
             state.targets, target))
      out = candidate;
  }
  ImGui::PushFont(f.small);
  ImGui::PushTextWrapPos(0);
  for (const auto& why : refusals) ImGui::TextColored(v4(colour::text_dim), "%s %s", icon::lock, why.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  ImGui::Spacing();

  // PIN: the state in words, then the three actions.
  ImGui::PushFont(f.bold);
  ImGui::TextUnformatted("PIN");
  ImGui::PopFont();
  const PinStateWords pin = pin_state_words(*m, in.now, zone);
  pill(pin.icon, pin.headline, pin.fill, pin.ink, f.bold);
  if (!pin.detail.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(pin.detail.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::Spacing();
  const float button_w = std::min(em * 11, (detail_w - chip_gap * 2) / 3 - 1);
  const ImVec2 button(button_w, em * 2.7f);
  if (big_button(std::string(icon::key) + "  Set PIN", button, m->active, state.targets, "access:set_pin")) {
    close_access_pin_pad(state);
    state.access_pin_pad = true;
  }
  ImGui::SameLine(0, chip_gap);
  const Command clear_pin = ClearPin{m->id, state.signed_in, in.now};
  if (big_button(std::string(icon::eraser) + "  Clear PIN", button, m->active && !command_problem(s, clear_pin),
                 state.targets, "access:clear_pin"))
    out = clear_pin;
  ImGui::SameLine(0, chip_gap);
  if (big_button(std::string(icon::unlock) + "  Clear lockout", button, m->locked, state.targets, "access:clear_lockout"))
    out = ClearLockout{m->id, state.signed_in, in.now};
  if (m->active && m->has_pin && m->id == state.signed_in) {
    ImGui::PushFont(f.small);
    ImGui::TextColored(v4(colour::text_dim), "Your own PIN can be changed (Set PIN) but not cleared.");
    ImGui::PopFont();
  }
  ImGui::EndChild();
  return out;
}

}  // namespace vb::ui
