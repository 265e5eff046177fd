// The "Care flags" section of the Bundle and closure sheet (ui/care_flags_section.hpp).
#include "ui/care_flags_section.hpp"

#include "core/care_flags.hpp"
#include "core/transition_bundle.hpp"
#include "ui/icons.hpp"
#include "ui/sheet_parts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <array>
#include <cfloat>

namespace vb::ui {

namespace {

constexpr std::array<SheetChoice, 3> clear_reasons{{{"no longer applies", "No longer applies"},
                                                    {"recorded in error", "Recorded in error"},
                                                    {"person disagrees: reviewed with them", "Reviewed with the person"}}};

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

// `text` cut to `width` in `font` with "..." (whole UTF-8 characters).
std::string cut_to(ImFont* font, std::string text, float width) {
  auto w = [&](const std::string& s) { return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s.c_str()).x; };
  if (w(text) <= width) return text;
  while (!text.empty() && w(text + "...") > width) {
    text.pop_back();
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
    if (!text.empty() && (static_cast<unsigned char>(text.back()) & 0x80)) text.pop_back();
  }
  return text + "...";
}

// One flag as a 3-em row: an icon (flag when it stands, an empty box when not), its words, and when
// and by whom underneath. Tappable unless read_only.
bool flag_row(const FrameInput& in, const CareFlagState& st, bool chosen, bool read_only, bool privacy, float width,
              HitTargets& targets) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  const ImVec2 size(width, em * 3.0f);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const std::string name = "care_flag:" + std::string(st.flag);
  bool pressed = false;
  if (read_only) ImGui::Dummy(size);
  else pressed = ImGui::InvisibleButton(name.c_str(), size);
  targets.add_last_item(name);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 q(p.x + size.x, p.y + size.y);
  const ImU32 fill = chosen ? colour::accent : st.on ? IM_COL32(86, 62, 16, 255) : colour::planned;
  const ImU32 ink = chosen ? colour::text_dark : colour::text;
  dl->AddRectFilled(p, q, fill, em * 0.25f);
  if (st.on && !chosen) dl->AddRect(p, q, colour::warning, em * 0.25f, 0, 2.0f);
  dl->PushClipRect(p, q, true);
  dl->AddText(f.big, f.big->FontSize, ImVec2(p.x + em * 0.4f, p.y + (size.y - f.big->FontSize) / 2), ink,
              st.on ? icon::flag : icon::square);
  const float x = p.x + em * 0.4f + f.big->FontSize * 1.4f;
  dl->AddText(f.bold, f.bold->FontSize, ImVec2(x, p.y + em * 0.25f), ink, std::string(transition_item_label(st.flag)).c_str());
  const Zone zone = in.snapshot.zone();
  std::string line;
  if (chosen) line = st.on ? "Chosen: say why it no longer applies below" : "Chosen: Note flag below";
  else if (st.on) line = "Noted " + sheet_when(st.at, zone) + " · " + sheet_staff_name(in.snapshot, st.by);
  else if (st.at != Instant{}) {
    // A typed reason may name people: in the privacy view only a reason from the list shows.
    const bool listed = std::any_of(clear_reasons.begin(), clear_reasons.end(),
                                    [&](const SheetChoice& c) { return c.value == st.detail; });
    line = "Cleared " + sheet_when(st.at, zone) + " · " + sheet_staff_name(in.snapshot, st.by) + ": " +
           (privacy && !listed ? std::string("other") : st.detail);
  }
  else line = read_only ? "Not noted" : "Not noted: tap to note";
  line = cut_to(f.small, line, q.x - x - em * 0.4f);
  dl->AddText(f.small, f.small->FontSize, ImVec2(x, p.y + em * 0.35f + f.bold->FontSize), chosen ? ink : colour::text_dim, line.c_str());
  dl->PopClipRect();
  return pressed;
}

}  // namespace

std::span<const SheetChoice> care_flag_clear_reasons() { return clear_reasons; }

void reset_care_flag_choice(UiState& state) {
  state.care_flag.clear();
  state.care_flag_reason = -1;
  state.care_flag_other.clear();
}

std::optional<Command> care_flags_section(const FrameInput& in, const PlanView& v, UiState& state, bool read_only) {
  const Fonts& f = in.fonts;
  ImGui::TextColored(v4(colour::text_dim), "Flags that need particular care at step-down and closure (a ward discharge shortens the follow-up).");
  const auto states = care_flag_states(in.snapshot, v.episode->id);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float width = (ImGui::GetContentRegionAvail().x - gap) / 2;
  for (size_t i = 0; i < states.size(); ++i) {
    if (i % 2 != 0) ImGui::SameLine();
    if (flag_row(in, states[i], state.care_flag == states[i].flag, read_only, state.privacy, width, state.targets)) {
      reset_care_flag_choice(state);
      state.care_flag = std::string(states[i].flag);
    }
  }
  if (read_only || state.care_flag.empty()) return std::nullopt;
  const auto it = std::find_if(states.begin(), states.end(), [&](const CareFlagState& s) { return s.flag == state.care_flag; });
  if (it == states.end()) return std::nullopt;
  const std::string label(transition_item_label(it->flag));
  std::optional<Command> candidate;
  const StaffId* by = nullptr;
  if (it->on) {
    sheet_heading(f, ("Clear \"" + label + "\": why does it no longer stand?").c_str());
    sheet_choice_buttons(f, state.targets, clear_reasons, state.care_flag_reason, state.care_flag_other, "care_flag_reason", true, 3);
    by = &sheet_author(in, state);
    if (auto reason = sheet_chosen_value(clear_reasons, state.care_flag_reason, state.care_flag_other))
      candidate = ClearCareFlag{v.episode->id, state.care_flag, *reason, *by, in.now};
  } else {
    sheet_heading(f, ("Note \"" + label + "\" on this episode").c_str());
    by = &sheet_author(in, state);
    candidate = RecordTransitionItem{v.episode->id, state.care_flag, "", *by, in.now};
  }
  std::optional<Command> out;
  if (sheet_save_row(in, state, candidate, it->on ? "Clear flag" : "Note flag", "care_flag_save", "Choose why first."))
    out = candidate;
  ImGui::SameLine();
  ImGui::PushFont(f.bold);
  const bool cancel = toggle_button("Cancel##care_flag", ImVec2(f.em * 10.0f, f.em * 2.8f), false, state.targets, "care_flag_cancel");
  ImGui::PopFont();
  if (out || cancel) reset_care_flag_choice(state);
  return out;
}

}  // namespace vb::ui
