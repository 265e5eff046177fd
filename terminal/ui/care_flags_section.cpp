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

// One flag as a 3-em row: an icon (flag when it stands, an empty box when not), its words, and when
// and by whom underneath. Tappable unless read_only.
bool flag_row(const FrameInput& in, const CareFlagState& st, bool chosen, bool read_only, bool privacy, float width,
              HitTargets& targets) {
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
  return sheet_row(in.fonts,
                   SheetRow{"care_flag:" + std::string(st.flag), std::string(transition_item_label(st.flag)), line,
                            st.on ? icon::flag : icon::square, st.on, chosen, IM_COL32(86, 62, 16, 255), colour::warning},
                   read_only, width, targets);
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
    sheet_choice_buttons(f, state, clear_reasons, state.care_flag_reason, state.care_flag_other, "care_flag_reason", true, 3);
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
