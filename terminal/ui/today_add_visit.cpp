// "Add visit" from the Today board (ui/today_add_visit.hpp).
#include "ui/today_add_visit.hpp"

#include "ui/add_visit_sheet.hpp"
#include "ui/icons.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace vb::ui {

bool today_add_visit_offered(const FrameInput& in, const UiState& state) {
  if (state.locked) return false;
  if (state.signed_in.empty()) return true;  // the sheet then asks who records
  const Staff* me = in.snapshot.find_staff(state.signed_in);
  return me && me->role_set().any_of(required_role(Command{AddVisit{}}));
}

float today_add_visit_width(const Fonts& f, bool compact) { return f.em * (compact ? 2.5f : 5.5f); }

bool today_add_visit_compact(const Fonts& f, float cell_width) {
  const float chips = 2 * (chip_width(f) + ImGui::GetStyle().ItemSpacing.x);
  return cell_width < chips + today_add_visit_width(f);
}

bool today_add_visit_button(const FrameInput& in, UiState& state, Id episode, bool compact) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  ImGui::PushFont(f.bold);
  const std::string target = "today_add_visit:" + std::to_string(episode);
  const bool open = state.plan_action == "add_visit" && state.plan_action_episode == episode;
  const std::string label = (compact ? "##" : "+ Visit##") + target;
  const bool tapped = toggle_button(label.c_str(), ImVec2(today_add_visit_width(f, compact), em * 2.5f), open,
                                    state.targets, target);
  ImGui::PopFont();
  if (compact && ImGui::IsItemVisible()) {
    // A plus drawn with lines (crisp at any size) over "Visit" in small type, centred in the square.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    const ImU32 ink = open ? colour::text_dark : colour::text;
    const float cx = (lo.x + hi.x) * 0.5f;
    const ImVec2 word = f.small->CalcTextSizeA(f.small->FontSize, FLT_MAX, 0, "Visit");
    const float plus = em * 0.8f, thick = std::max(2.0f, em * 0.16f);
    const float top = lo.y + (hi.y - lo.y - plus - em * 0.15f - word.y) * 0.5f;
    const float cy = top + plus * 0.5f;
    dl->AddLine(ImVec2(cx - plus * 0.5f, cy), ImVec2(cx + plus * 0.5f, cy), ink, thick);
    dl->AddLine(ImVec2(cx, cy - plus * 0.5f), ImVec2(cx, cy + plus * 0.5f), ink, thick);
    dl->AddText(f.small, f.small->FontSize, ImVec2(cx - word.x * 0.5f, top + plus + em * 0.15f), ink, "Visit");
  }
  if (tapped) open_today_add_visit(state, episode, local_date_of(in.now, in.snapshot.zone()), in.board.date);
  return tapped;
}

void open_today_add_visit(UiState& state, Id episode, LocalDate today, LocalDate day) {
  reset_add_visit_sheet(state);
  state.plan_action = "add_visit";
  state.plan_action_episode = episode;
  const auto offset = (date::sys_days{day} - date::sys_days{today}).count();
  if (offset >= 0 && offset < add_visit_days_offered) state.add_visit_day = static_cast<int>(offset);
}

std::optional<Command> draw_today_add_visit(const FrameInput& in, UiState& state) {
  if (state.locked || state.plan_action != "add_visit" || !state.plan_action_episode) return std::nullopt;
  const Episode* e = in.snapshot.find_episode(*state.plan_action_episode);
  if (!e || !e->is_open()) {
    state.plan_action.clear();
    state.plan_action_episode.reset();
    return std::nullopt;
  }
  // The sheet reads only the episode and the person of the view.
  PlanView v;
  v.episode = e;
  v.person = in.snapshot.find_person(e->person_id);
  return draw_add_visit_sheet(in, v, state);
}

}  // namespace vb::ui
