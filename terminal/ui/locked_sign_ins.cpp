// Locked sign-ins on the admin screen.
#include "ui/locked_sign_ins.hpp"

#include "ui/icons.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace vb::ui {

namespace {

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

std::vector<const Staff*> locked_staff(const Snapshot& s) {
  std::vector<const Staff*> out;
  for (const auto& m : s.staff)
    if (m.locked) out.push_back(&m);
  return out;
}

}  // namespace

float locked_sign_ins_height(const FrameInput& in) {
  const auto n = static_cast<float>(std::max<size_t>(1, locked_staff(in.snapshot).size()));
  return in.fonts.em * (4.0f + 3.0f * n);
}

std::optional<Command> draw_locked_sign_ins(const FrameInput& in, UiState& state, float height) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  std::optional<Command> out;
  ImGui::BeginChild("locked sign-ins", ImVec2(0, height), false);
  ImGui::PushFont(f.bold);
  ImGui::TextColored(v4(colour::accent), "%s  Locked sign-ins", icon::lock);
  ImGui::PopFont();
  const auto locked = locked_staff(in.snapshot);
  const Staff* me = in.snapshot.find_staff(state.signed_in);
  const bool may_clear = me && me->role_set().any_of(Roles{Role::coordinator, Role::admin});
  if (locked.empty()) {
    ImGui::TextColored(v4(colour::text_dim), "%s None: everyone can sign in.", icon::check);
  } else if (!may_clear) {
    ImGui::TextColored(v4(colour::text_dim), "A shift coordinator or admin signed in here can clear these.");
  }
  for (const Staff* m : locked) {
    ImGui::AlignTextToFramePadding();
    pill(icon::lock, "Locked", colour::warning, colour::text_dark, f.bold);
    ImGui::SameLine();
    ImGui::Text("%s  %s · after repeated wrong PINs", m->initials.c_str(), m->name.c_str());
    if (!may_clear) continue;
    ImGui::SameLine(0, em * 1.5f);
    const std::string label = std::string(icon::unlock) + "  Clear lock##" + m->id;
    if (toggle_button(label.c_str(), ImVec2(em * 9, em * 2.6f), false, state.targets, "clear_lock:" + m->id))
      out = ClearLockout{m->id, state.signed_in, in.now};
  }
  ImGui::EndChild();
  return out;
}

}  // namespace vb::ui
