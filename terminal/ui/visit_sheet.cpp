// Recording a visit's outcome with a finger: big buttons, reasons from lists, no typing needed.
#include "ui/visit_sheet.hpp"
#include "ui/touch_keyboard.hpp"

#include "ui/icons.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui_stdlib.h>

#include <array>

namespace vb::ui {

namespace {

constexpr const char* popup_id = "Record visit";

constexpr std::array<std::string_view, 4> no_access_reasons{"No answer at the door", "Person not at home",
                                                            "Unsafe to enter", "Wrong address"};
constexpr std::array<std::string_view, 4> person_cancel_reasons{"Declined the visit", "Away from home",
                                                                "In hospital", "Asked for a phone call instead"};
constexpr std::array<std::string_view, 4> team_cancel_reasons{"No staff available", "Replaced by a phone call",
                                                              "Clinical decision", "Seen elsewhere today"};
constexpr std::array<std::string_view, 3> reschedule_reasons{"Moved at the person's request", "Moved by the team",
                                                             "Joint visit rearranged"};

struct Outcome {
  VisitStatus status;
  const char* icon;
  const char* label;
};
constexpr std::array<Outcome, 6> outcomes{{{VisitStatus::done, icon::check, "Done"},
                                           {VisitStatus::no_access, icon::warning, "No access"},
                                           {VisitStatus::rescheduled, icon::redo, "Rescheduled"},
                                           {VisitStatus::cancelled_by_person, icon::ban, "Cancelled by person"},
                                           {VisitStatus::cancelled_by_team, icon::ban, "Cancelled by team"},
                                           {VisitStatus::planned, icon::clock, "Back to planned"}}};

std::string chosen_reason_text(const UiState& state) {
  if (!state.chosen_status) return "";
  auto reasons = reasons_for(*state.chosen_status);
  if (state.chosen_reason >= 0 && static_cast<size_t>(state.chosen_reason) < reasons.size())
    return std::string(reasons[static_cast<size_t>(state.chosen_reason)]);
  if (state.chosen_reason == static_cast<int>(reasons.size())) return state.other_reason;
  return "";
}

}  // namespace

std::span<const std::string_view> reasons_for(VisitStatus status) {
  switch (status) {
    case VisitStatus::no_access: return no_access_reasons;
    case VisitStatus::cancelled_by_person: return person_cancel_reasons;
    case VisitStatus::cancelled_by_team: return team_cancel_reasons;
    case VisitStatus::rescheduled: return reschedule_reasons;
    case VisitStatus::done:
    case VisitStatus::planned: break;
  }
  return {};
}

void open_visit_sheet(const FrameInput& in, UiState& state, Id visit) {
  state.visit_sheet = visit;
  state.chosen_status.reset();
  state.chosen_reason = -1;
  state.other_reason.clear();
  const Visit* v = in.snapshot.find_visit(visit);
  if (!state.signed_in.empty()) state.recorded_by = state.signed_in;  // the signed-in person records
  else if (v && !v->staff1.empty()) state.recorded_by = v->staff1;
  // The popup itself opens in draw_visit_sheet, inside the frame.
}

std::optional<Command> draw_visit_sheet(const FrameInput& in, UiState& state) {
  if (!state.visit_sheet) return std::nullopt;
  const Visit* v = in.snapshot.find_visit(*state.visit_sheet);
  const Fonts& f = in.fonts;
  const float em = f.em;
  Zone zone = in.snapshot.zone();
  std::optional<Command> result;

  if (!ImGui::IsPopupOpen(popup_id)) ImGui::OpenPopup(popup_id);
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float width = std::min(display.x * 0.94f, em * 36.0f);
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
  if (!ImGui::BeginPopupModal(popup_id, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                                     ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings)) {
    return std::nullopt;
  }
  auto close = [&] {
    state.visit_sheet.reset();
    ImGui::CloseCurrentPopup();
  };
  if (!v) {
    ImGui::TextUnformatted("This visit no longer exists.");
    if (toggle_button("Close", ImVec2(em * 8, em * 2.6f), false, state.targets, "cancel")) close();
    ImGui::EndPopup();
    return std::nullopt;
  }
  const Episode* e = in.snapshot.find_episode(v->episode_id);
  const Person* p = e ? in.snapshot.find_person(e->person_id) : nullptr;

  ImGui::PushFont(f.big);
  const std::string day = v->date == in.board.date ? "" : format_day_label(v->date) + " ";
  ImGui::Text("Visit %s%s–%s  %s", day.c_str(), format_local_hm(v->window_start, zone).c_str(),
              format_local_hm(v->window_end, zone).c_str(), person_label(p, state.privacy).c_str());
  ImGui::PopFont();
  std::string staff = v->allocated() ? staff_initials(in.snapshot, v->staff1) : "nobody allocated";
  if (!v->staff2.empty()) staff += " + " + staff_initials(in.snapshot, v->staff2);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour::text_dim), "%s · %s · now %s · %s · #%lld",
                     p ? p->local_id.c_str() : "", std::string(to_string(v->type)).c_str(),
                     std::string(status_label(v->status)).c_str(), staff.c_str(), static_cast<long long>(v->id));
  ImGui::Separator();

  ImGui::PushFont(f.bold);
  ImGui::TextUnformatted("Outcome");
  ImGui::PopFont();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const ImVec2 outcome_size((ImGui::GetContentRegionAvail().x - 2 * gap) / 3, em * 2.6f);
  int shown = 0;
  for (const auto& o : outcomes) {
    if (o.status == v->status) continue;
    if (shown % 3 != 0) ImGui::SameLine();
    std::string label = std::string(o.icon) + "  " + o.label;
    if (toggle_button(label.c_str(), outcome_size, state.chosen_status == o.status, state.targets,
                   "status:" + std::string(to_string(o.status)))) {
      state.chosen_status = o.status;
      state.chosen_reason = -1;
    }
    ++shown;
  }

  if (state.chosen_status) {
    auto reasons = reasons_for(*state.chosen_status);
    if (!reasons.empty()) {
      ImGui::Spacing();
      ImGui::PushFont(f.bold);
      ImGui::TextUnformatted("Reason");
      ImGui::PopFont();
      const ImVec2 reason_size((ImGui::GetContentRegionAvail().x - gap) / 2, em * 2.3f);
      for (size_t i = 0; i <= reasons.size(); ++i) {
        if (i % 2 != 0) ImGui::SameLine();
        std::string label = i < reasons.size() ? std::string(reasons[i]) : "Other (type it)";
        std::string name = i < reasons.size() ? "reason:" + std::to_string(i) : "reason:other";
        if (toggle_button(label.c_str(), reason_size, state.chosen_reason == static_cast<int>(i), state.targets, name))
          state.chosen_reason = static_cast<int>(i);
      }
      if (state.chosen_reason == static_cast<int>(reasons.size())) {
        keyboard_text_box(f, state, TextBox{"##other", "Tap to type what happened", "What happened", "other_reason"}, state.other_reason);
      }
    }
  }

  ImGui::Spacing();
  ImGui::PushFont(f.bold);
  ImGui::TextUnformatted("Recorded by");
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 16);
  const Staff* by = in.snapshot.find_staff(state.recorded_by);
  std::string by_label = by ? by->name + " (" + by->initials + ")" : "choose who you are";
  if (!state.signed_in.empty()) {
    state.recorded_by = state.signed_in;
    ImGui::Text("%s (signed in)", by_label.c_str());
  } else if (ImGui::BeginCombo("##by", by_label.c_str(), ImGuiComboFlags_HeightLarge)) {
    for (const auto& row : in.staff_day.rows) {
      std::string label = row.staff->name + " (" + row.staff->initials + ")";
      if (ImGui::Selectable(label.c_str(), row.staff->id == state.recorded_by, 0, ImVec2(0, em * 1.8f)))
        state.recorded_by = row.staff->id;
    }
    ImGui::EndCombo();
  }
  state.targets.add_last_item("recorded_by");

  std::optional<Command> candidate;
  std::optional<std::string> problem;
  if (state.chosen_status) {
    candidate = MarkVisit{v->id, *state.chosen_status, chosen_reason_text(state), state.recorded_by, in.now};
    problem = command_problem(in.snapshot, *candidate);
  }
  ImGui::Spacing();
  if (problem) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour::warning), "%s %s", icon::exclamation, problem->c_str());
  }
  const ImVec2 action_size((ImGui::GetContentRegionAvail().x - gap) / 2, em * 2.8f);
  const bool can_save = candidate && !problem;
  if (!can_save) ImGui::BeginDisabled();
  if (toggle_button((std::string(icon::check) + "  Save").c_str(), action_size, can_save, state.targets, "save")) {
    result = candidate;
    close();
  }
  if (!can_save) ImGui::EndDisabled();
  ImGui::SameLine();
  if (toggle_button("Cancel", action_size, false, state.targets, "cancel")) close();
  ImGui::EndPopup();
  return result;
}

}  // namespace vb::ui
