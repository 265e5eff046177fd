#include "ui/plan_actions.hpp"
#include "ui/touch_keyboard.hpp"

#include "core/step_down.hpp"
#include "ui/add_visit_sheet.hpp"
#include "core/step_down_words.hpp"
#include "ui/closure_sheet.hpp"
#include "ui/icons.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui_stdlib.h>

#include <array>
#include <cctype>

namespace vb::ui {

namespace {

constexpr std::array<std::string_view, 4> step_up_list{"Risk re-emerged", "Crisis since the last visit",
                                                       "Disengaging: contacts missed", "Family or carer concern"};
constexpr std::array<std::string_view, 4> reassessment_list{"Settled; safety plan reviewed", "Risk unchanged",
                                                            "New concerns found", "Reviewed with family or carer"};

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

void close_panel(UiState& state) {
  state.plan_action.clear();
  state.plan_action_episode.reset();
  state.plan_reason = -1;
  state.plan_other.clear();
  state.plan_risk.reset();
  reset_closure_sheet(state);
  reset_add_visit_sheet(state);
}

void open_panel(UiState& state, std::string action, Id episode) {
  close_panel(state);
  state.plan_action = std::move(action);
  state.plan_action_episode = episode;
}

std::string chosen_reason(const UiState& state, std::span<const std::string_view> reasons) {
  if (state.plan_reason >= 0 && static_cast<size_t>(state.plan_reason) < reasons.size())
    return std::string(reasons[static_cast<size_t>(state.plan_reason)]);
  if (state.plan_reason == static_cast<int>(reasons.size())) return state.plan_other;
  return "";
}

void heading(const Fonts& f, const char* text) {
  ImGui::PushFont(f.bold);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
}

// Reasons as big buttons, two a row, the last "Other (type it)" with a text field.
void reason_buttons(const Fonts& f, UiState& state, std::span<const std::string_view> reasons) {
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float width = std::min((ImGui::GetContentRegionAvail().x - 2 * gap) / 3, f.em * 17.0f);
  const ImVec2 size(width, f.em * 2.6f);
  for (size_t i = 0; i <= reasons.size(); ++i) {
    if (i % 3 != 0) ImGui::SameLine();
    std::string label = i < reasons.size() ? std::string(reasons[i]) : "Other (type it)";
    std::string name = i < reasons.size() ? "plan_reason:" + std::to_string(i) : "plan_reason:other";
    if (toggle_button(label.c_str(), size, state.plan_reason == static_cast<int>(i), state.targets, name))
      state.plan_reason = static_cast<int>(i);
  }
  if (state.plan_reason == static_cast<int>(reasons.size())) {
    keyboard_text_box(f, state,
                      TextBox{"##plan_other", "Tap to type what happened", "What happened", "plan_other", FieldKind::text, 480,
                              std::min(ImGui::GetContentRegionAvail().x, f.em * 40.0f)},
                      state.plan_other);
  }
}

// Who records: the signed-in person, or (no sign-in) a choice among those on shift.
const StaffId& author(const FrameInput& in, UiState& state) {
  if (!state.signed_in.empty()) {
    const Staff* m = in.snapshot.find_staff(state.signed_in);
    ImGui::Text("%s %s (signed in)", icon::user, m ? m->name.c_str() : state.signed_in.str().c_str());
    return state.signed_in;
  }
  heading(in.fonts, "Recorded by");
  std::vector<const Staff*> people;
  for (const auto& row : in.staff_day.rows) people.push_back(row.staff);
  staff_choice(people, state.acting, in.fonts, state.targets, "plan_by");
  return state.acting;
}

}  // namespace

std::span<const std::string_view> step_up_reasons() { return step_up_list; }
std::span<const std::string_view> reassessment_reasons() { return reassessment_list; }

std::optional<Command> draw_plan_actions(const FrameInput& in, const PlanView& v, UiState& state) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  const Id episode = v.episode->id;
  if (state.plan_action_episode && *state.plan_action_episode != episode) close_panel(state);

  // The gate, as core/step_down says it: the button is disabled with its words when it refuses.
  const StepDownCheck gate = check_step_down_now(in.snapshot, *v.plan, in.now);
  const ImVec2 size(em * 12.0f, em * 2.8f);
  ImGui::PushFont(f.bold);
  const bool can_step_down = gate.problem.empty();
  if (!can_step_down) ImGui::BeginDisabled();
  if (toggle_button((std::string(icon::arrow_down) + "  Step down").c_str(), size, state.plan_action == "step_down",
                    state.targets, "plan_action:step_down"))
    open_panel(state, "step_down", episode);
  if (!can_step_down) ImGui::EndDisabled();
  ImGui::SameLine();
  if (toggle_button((std::string(icon::arrow_up) + "  Step up").c_str(), size, state.plan_action == "step_up", state.targets,
                    "plan_action:step_up"))
    open_panel(state, "step_up", episode);
  ImGui::SameLine();
  if (toggle_button((std::string(icon::list) + "  Record reassessment").c_str(), ImVec2(em * 15.0f, size.y),
                    state.plan_action == "reassess", state.targets, "plan_action:reassess"))
    open_panel(state, "reassess", episode);
  // The transition bundle, carer contact and closing: a sheet of their own (ui/closure_sheet.hpp).
  ImGui::SameLine();
  if (toggle_button((std::string(icon::users) + "  Bundle and closure").c_str(), ImVec2(em * 15.0f, size.y),
                    state.plan_action == "closure", state.targets, "plan_action:closure"))
    open_panel(state, "closure", episode);
  // An extra visit the plan did not foresee (ui/add_visit_sheet.hpp): on this row when it fits.
  {
    // On this row at 1280 px too: as wide as the room left (at least 8.5 em), else on the next line.
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const float room = right - (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x);
    ImVec2 add_size(em * 11.0f, size.y);
    if (room >= em * 8.5f) {
      add_size.x = std::min(add_size.x, room);
      ImGui::SameLine();
    }
    if (toggle_button((std::string(icon::calendar) + "  Add visit").c_str(), add_size, state.plan_action == "add_visit",
                      state.targets, "plan_action:add_visit"))
      open_panel(state, "add_visit", episode);
  }
  ImGui::PopFont();
  if (!can_step_down) {
    // Its own line, wrapped: the whole reason stays readable at 1280 wide.
    ImGui::PushFont(f.bold);
    ImGui::PushStyleColor(ImGuiCol_Text, v4(colour::warning));
    // About today, told with the header's flag about the plan's scheduled step-down (session 8).
    ImGui::TextWrapped("%s %s", icon::ban, step_down_today_words(in.snapshot, *v.episode, gate, in.now).c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    state.targets.add_last_item("step_down_refused");
    if (state.plan_action == "step_down") close_panel(state);
  }
  if (state.plan_action.empty()) return std::nullopt;
  if (state.plan_action == "closure") return draw_closure_sheet(in, v, state);
  if (state.plan_action == "add_visit") return draw_add_visit_sheet(in, v, state);

  // The open panel: what will happen, the choices, who records, and Save / Cancel.
  std::optional<Command> candidate;
  ImGui::Spacing();
  if (state.plan_action == "step_down") {
    ImGui::PushFont(f.bold);
    ImGui::Text("Step down from today: %s \xe2\x86\x92 %s", gate.from_label.c_str(), gate.to_label.c_str());
    ImGui::PopFont();
    if (gate.reassessment) {
      ImGui::TextColored(v4(colour::text_dim), "risk reassessed by %s (%s, %s)", gate.reassessment->by.str().c_str(),
                         gate.reassessment->source.c_str(),
                         format_local_datetime(gate.reassessment->at, in.snapshot.zone()).c_str());
    }
    const StaffId& by = author(in, state);
    candidate = StepDown{episode, "stepped down on the plans screen", by, in.now};
  } else if (state.plan_action == "step_up") {
    heading(f, "Step up for 7 days: why?");
    reason_buttons(f, state, step_up_list);
    const StaffId& by = author(in, state);
    if (state.plan_reason >= 0) candidate = StepUp{episode, chosen_reason(state, step_up_list), default_step_up_days, by, in.now};
  } else {
    heading(f, "Risk now");
    for (RiskLevel r : {RiskLevel::low, RiskLevel::medium, RiskLevel::high}) {
      if (r != RiskLevel::low) ImGui::SameLine();
      std::string label = words(to_string(r));
      label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
      if (toggle_button(label.c_str(), ImVec2(em * 8.0f, em * 2.6f), state.plan_risk == r, state.targets,
                        "plan_risk:" + std::string(to_string(r))))
        state.plan_risk = r;
    }
    heading(f, "Found");
    reason_buttons(f, state, reassessment_list);
    const StaffId& by = author(in, state);
    if (state.plan_risk && state.plan_reason >= 0)
      candidate = RecordReassessment{episode, *state.plan_risk, chosen_reason(state, reassessment_list), by, in.now};
  }

  std::optional<std::string> problem;
  if (candidate) problem = command_problem(in.snapshot, *candidate);
  if (problem) ImGui::TextColored(v4(colour::warning), "%s %s", icon::exclamation, problem->c_str());
  std::optional<Command> result;
  const bool can_save = candidate && !problem;
  ImGui::PushFont(f.bold);
  if (!can_save) ImGui::BeginDisabled();
  if (toggle_button((std::string(icon::check) + "  Save").c_str(), size, can_save, state.targets, "plan_save")) {
    result = candidate;
    close_panel(state);
  }
  if (!can_save) ImGui::EndDisabled();
  ImGui::SameLine();
  if (toggle_button("Cancel", size, false, state.targets, "plan_cancel")) close_panel(state);
  ImGui::PopFont();
  if (result) state.acting = std::visit([](const auto& c) { return c.by; }, *result);
  return result;
}

}  // namespace vb::ui
