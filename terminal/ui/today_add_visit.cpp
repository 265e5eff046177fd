// "Add visit" from the Today board (ui/today_add_visit.hpp).
#include "ui/today_add_visit.hpp"

#include "ui/add_visit_sheet.hpp"
#include "ui/icons.hpp"
#include "ui/widgets.hpp"

namespace vb::ui {

bool today_add_visit_offered(const FrameInput& in, const UiState& state) {
  if (state.locked) return false;
  if (state.signed_in.empty()) return true;  // the sheet then asks who records
  const Staff* me = in.snapshot.find_staff(state.signed_in);
  return me && me->role_set().any_of(required_role(Command{AddVisit{}}));
}

float today_add_visit_width(const Fonts& f) { return f.em * 5.5f; }

bool today_add_visit_button(const FrameInput& in, UiState& state, Id episode) {
  const Fonts& f = in.fonts;
  ImGui::PushFont(f.bold);
  const std::string target = "today_add_visit:" + std::to_string(episode);
  const bool tapped = toggle_button(("+ Visit##" + target).c_str(), ImVec2(today_add_visit_width(f), f.em * 2.5f),
                                    state.plan_action == "add_visit" && state.plan_action_episode == episode, state.targets,
                                    target);
  ImGui::PopFont();
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
