// Book / record / acknowledge sheets: touch-sized choices, the author chosen from the staff list,
// and core's own check of the command shown before Save is allowed.
#include "ui/review_sheets.hpp"
#include "ui/touch_keyboard.hpp"

#include "core/escalation.hpp"
#include "ui/icons.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <array>

namespace vb::ui {

namespace {

constexpr const char* book_popup = "Book review";
constexpr const char* record_popup = "Record review";
constexpr const char* ack_popup = "Acknowledge escalation";

constexpr std::array<std::string_view, 4> rationales{
    "Risk held at home with the current plan; safety plan reviewed",
    "Risk has risen; visits increased and crisis plan updated",
    "Distress and risk reduced; taper agreed with the person",
    "Home treatment no longer safe; admission arranged"};
constexpr std::array<std::string_view, 3> ack_notes{"Reviewed by phone: the plan holds",
                                                    "Medical review arranged today", "Admission being arranged"};

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

bool begin_sheet(const char* id, float width_em, const Fonts& f) {
  if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(display.x * 0.96f, f.em * width_em), 0), ImGuiCond_Always);
  return ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                                 ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings);
}

void label(const char* text, const Fonts& f) {
  ImGui::Spacing();
  ImGui::PushFont(f.bold);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
}

// Problem line + Save/Cancel. Returns 1 on save, -1 on cancel, 0 otherwise.
int actions(const std::optional<std::string>& problem, bool complete, const Fonts& f, HitTargets& targets) {
  ImGui::Spacing();
  if (problem) ImGui::TextColored(v4(colour::warning), "%s %s", icon::exclamation, problem->c_str());
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const ImVec2 size((ImGui::GetContentRegionAvail().x - gap) / 2, f.em * 2.8f);
  const bool can_save = complete && !problem;
  int result = 0;
  if (!can_save) ImGui::BeginDisabled();
  if (toggle_button((std::string(icon::check) + "  Save").c_str(), size, can_save, targets, "save")) result = 1;
  if (!can_save) ImGui::EndDisabled();
  ImGui::SameLine();
  if (toggle_button("Cancel", size, false, targets, "cancel")) result = -1;
  return result;
}

std::vector<const Staff*> on_shift(const FrameInput& in) {
  std::vector<const Staff*> out;
  for (const auto& row : in.staff_day.rows) out.push_back(row.staff);
  return out;
}

// Signed in: the author is that person, shown instead of a choice of names.
void signed_in_line(const FrameInput& in, const UiState& state) {
  const Staff* m = in.snapshot.find_staff(state.signed_in);
  ImGui::Text("%s %s (signed in)", icon::user, m ? m->name.c_str() : state.signed_in.str().c_str());
}

std::string who(const FrameInput& in, Id episode, bool privacy) {
  const Episode* e = in.snapshot.find_episode(episode);
  const Person* p = e ? in.snapshot.find_person(e->person_id) : nullptr;
  return person_label(p, privacy) + (p ? "  (" + p->local_id + ")" : "");
}

std::optional<Command> book_sheet(const FrameInput& in, UiState& state) {
  if (!begin_sheet(book_popup, 34, in.fonts)) return std::nullopt;
  const Fonts& f = in.fonts;
  const Zone zone = in.snapshot.zone();
  const Staff* reviewer = in.snapshot.find_staff(state.book_reviewer);
  ImGui::PushFont(f.big);
  ImGui::TextUnformatted(("Book senior review · " + who(in, *state.book_for, state.privacy)).c_str());
  ImGui::PopFont();
  ImGui::Text("%s %s %s with %s", icon::calendar, format_day_label(local_date_of(state.book_slot, zone)).c_str(),
              format_local_hm(state.book_slot, zone).c_str(), reviewer ? reviewer->name.c_str() : "?");
  label("Booked by", f);
  if (state.signed_in.empty()) staff_choice(on_shift(in), state.acting, f, state.targets, "by");
  else signed_in_line(in, state);
  Command c = BookReview{*state.book_for, state.book_reviewer, state.book_slot, state.acting, in.now};
  auto problem = command_problem(in.snapshot, c);
  std::optional<Command> out;
  switch (actions(problem, true, f, state.targets)) {
    case 1: out = c; [[fallthrough]];
    case -1:
      state.book_for.reset();
      state.selected_episode.reset();
      ImGui::CloseCurrentPopup();
      break;
    default: break;
  }
  ImGui::EndPopup();
  return out;
}

std::optional<Command> record_sheet(const FrameInput& in, UiState& state) {
  if (!begin_sheet(record_popup, 44, in.fonts)) return std::nullopt;
  const Fonts& f = in.fonts;
  const float em = f.em;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  ImGui::PushFont(f.big);
  ImGui::TextUnformatted(("Record senior review · " + who(in, *state.record_for, state.privacy)).c_str());
  ImGui::PopFont();

  label("Reviewer", f);
  staff_choice(in.reviews.reviewers, state.review_reviewer, f, state.targets, "reviewer");

  label("Risk now", f);
  const ImVec2 third((ImGui::GetContentRegionAvail().x - 2 * gap) / 3, em * 2.2f);
  for (RiskLevel r : {RiskLevel::low, RiskLevel::medium, RiskLevel::high}) {
    if (r != RiskLevel::low) ImGui::SameLine();
    if (toggle_button(std::string(risk_label(r)).c_str(), third, state.review_risk == r, state.targets,
                      "risk:" + std::string(to_string(r))))
      state.review_risk = r;
  }
  label("Risk domains identified", f);
  const auto& domains = risk_domain_names();
  for (size_t i = 0; i < domains.size(); ++i) {
    if (i % 3 != 0) ImGui::SameLine();
    std::string d(domains[i]);
    auto it = std::find(state.review_domains.begin(), state.review_domains.end(), d);
    if (toggle_button(words(d).c_str(), third, it != state.review_domains.end(), state.targets, "domain:" + d)) {
      if (it == state.review_domains.end()) state.review_domains.push_back(d);
      else state.review_domains.erase(it);
    }
  }
  label("Decision", f);
  const auto& decisions = review_decisions();
  for (size_t i = 0; i < decisions.size(); ++i) {
    if (i % 3 != 0) ImGui::SameLine();
    std::string d(decisions[i]);
    if (toggle_button(words(d).c_str(), third, state.review_decision == d, state.targets, "decision:" + d))
      state.review_decision = d;
  }
  label("Why", f);
  const ImVec2 half((ImGui::GetContentRegionAvail().x - gap) / 2, em * 2.2f);
  for (size_t i = 0; i <= rationales.size(); ++i) {
    if (i % 2 != 0) ImGui::SameLine();
    std::string text = i < rationales.size() ? std::string(rationales[i]) : "Other (type it)";
    ImGui::PushFont(f.small);
    if (toggle_button(text.c_str(), half, state.review_rationale == static_cast<int>(i), state.targets,
                      "why:" + std::to_string(i)))
      state.review_rationale = static_cast<int>(i);
    ImGui::PopFont();
  }
  if (state.review_rationale == static_cast<int>(rationales.size())) {
    keyboard_text_box(f, state, TextBox{"##why", "Tap to type the rationale", "Rationale", "review_other"}, state.review_other);
  }
  label("Told, and next review", f);
  if (toggle_button("Person told", ImVec2(em * 8, em * 2.2f), state.person_told, state.targets, "person_told"))
    state.person_told = !state.person_told;
  ImGui::SameLine();
  if (toggle_button("Family told", ImVec2(em * 8, em * 2.2f), state.family_told, state.targets, "family_told"))
    state.family_told = !state.family_told;
  for (int days : {1, 3, 7}) {
    ImGui::SameLine();
    std::string text = days == 1 ? "Next: tomorrow" : "Next: " + std::to_string(days) + " days";
    if (toggle_button(text.c_str(), ImVec2(em * 7.5f, em * 2.2f), state.next_review_days == days, state.targets,
                      "next:" + std::to_string(days)))
      state.next_review_days = days;
  }

  RecordReview c;
  c.episode = *state.record_for;
  c.reviewer = state.review_reviewer;
  c.held_at = in.now;
  c.risk = state.review_risk.value_or(RiskLevel::medium);
  c.risk_domains = state.review_domains;
  c.decision = state.review_decision;
  c.rationale = state.review_rationale >= 0 && state.review_rationale < static_cast<int>(rationales.size())
                    ? std::string(rationales[static_cast<size_t>(state.review_rationale)])
                    : state.review_other;
  c.person_told = state.person_told;
  c.family_told = state.family_told;
  c.next_review_due = in.now + date::days{state.next_review_days};
  c.by = state.signed_in.empty() ? state.review_reviewer : state.signed_in;
  c.at = in.now;
  const bool complete = state.review_risk.has_value() && !c.decision.empty() && !c.reviewer.empty();
  auto problem = complete ? command_problem(in.snapshot, Command{c}) : std::optional<std::string>("choose the reviewer, risk and decision");
  std::optional<Command> out;
  switch (actions(problem, complete, f, state.targets)) {
    case 1: out = c; state.acting = c.by; [[fallthrough]];
    case -1:
      state.record_for.reset();
      ImGui::CloseCurrentPopup();
      break;
    default: break;
  }
  ImGui::EndPopup();
  return out;
}

std::optional<Command> ack_sheet(const FrameInput& in, UiState& state) {
  if (!begin_sheet(ack_popup, 38, in.fonts)) return std::nullopt;
  const Fonts& f = in.fonts;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const Escalation* x = nullptr;
  for (const auto& e : in.reviews.escalations)
    if (e.episode->id == *state.ack_episode && e.trigger == state.ack_trigger && e.fired_at == state.ack_fired) x = &e;
  ImGui::PushFont(f.big);
  ImGui::TextUnformatted(("Acknowledge · " + who(in, *state.ack_episode, state.privacy)).c_str());
  ImGui::PopFont();
  std::vector<const Staff*> allowed;
  if (x) {
    const EscalationStep& step = in.snapshot.review_rules.cascade[x->level];
    ImGui::Text("%s %s · %s", icon::warning, std::string(trigger_label(x->trigger)).c_str(), x->detail.c_str());
    ImGui::TextColored(v4(colour::text_dim), "Now with: %s. Who may acknowledge at this step:", step.label.c_str());
    for (const auto& st : in.snapshot.staff)
      if (may_acknowledge(st, step)) allowed.push_back(&st);
  }
  label("Acknowledged by", f);
  if (state.signed_in.empty()) staff_choice(allowed, state.acting, f, state.targets, "by");
  else signed_in_line(in, state);
  label("What was done", f);
  const ImVec2 half((ImGui::GetContentRegionAvail().x - gap) / 2, f.em * 2.2f);
  for (size_t i = 0; i <= ack_notes.size(); ++i) {
    if (i % 2 != 0) ImGui::SameLine();
    std::string text = i < ack_notes.size() ? std::string(ack_notes[i]) : "Other (type it)";
    if (toggle_button(text.c_str(), half, state.ack_note == static_cast<int>(i), state.targets, "note:" + std::to_string(i)))
      state.ack_note = static_cast<int>(i);
  }
  if (state.ack_note == static_cast<int>(ack_notes.size())) {
    keyboard_text_box(in.fonts, state, TextBox{"##note", "Tap to type what was done", "What was done", "ack_other"}, state.ack_other);
  }
  std::string note = state.ack_note >= 0 && state.ack_note < static_cast<int>(ack_notes.size())
                         ? std::string(ack_notes[static_cast<size_t>(state.ack_note)])
                         : state.ack_other;
  Command c = AcknowledgeEscalation{*state.ack_episode, state.ack_trigger, state.ack_fired, note, state.acting, in.now};
  auto problem = command_problem(in.snapshot, c);
  std::optional<Command> out;
  switch (actions(problem, true, f, state.targets)) {
    case 1: out = c; [[fallthrough]];
    case -1:
      state.ack_episode.reset();
      ImGui::CloseCurrentPopup();
      break;
    default: break;
  }
  ImGui::EndPopup();
  return out;
}

}  // namespace

std::span<const std::string_view> review_rationales() { return rationales; }
std::span<const std::string_view> acknowledgement_notes() { return ack_notes; }

void open_book_sheet(UiState& state, Id episode, const StaffId& reviewer, Instant slot) {
  state.book_for = episode;
  state.book_reviewer = reviewer;
  state.book_slot = slot;
}

void open_record_sheet(const FrameInput& in, UiState& state, Id episode) {
  state.record_for = episode;
  const Episode* e = in.snapshot.find_episode(episode);
  state.review_risk = e ? std::optional<RiskLevel>(e->risk) : std::nullopt;
  state.review_domains.clear();
  state.review_decision.clear();
  state.review_rationale = -1;
  state.review_other.clear();
  state.person_told = false;
  state.family_told = false;
  state.next_review_days = e && e->risk == RiskLevel::high ? 1 : 7;
  state.review_reviewer.clear();
  if (const ReviewBooking* b = upcoming_booking(in.snapshot, episode, in.now)) state.review_reviewer = b->reviewer;
}

void open_ack_sheet(UiState& state, Id episode, const std::string& trigger, Instant fired_at) {
  state.ack_episode = episode;
  state.ack_trigger = trigger;
  state.ack_fired = fired_at;
  state.ack_note = -1;
  state.ack_other.clear();
}

std::optional<Command> draw_review_sheets(const FrameInput& in, UiState& state) {
  if (state.book_for) return book_sheet(in, state);
  if (state.record_for) return record_sheet(in, state);
  if (state.ack_episode) return ack_sheet(in, state);
  return std::nullopt;
}

}  // namespace vb::ui
