// Changing or removing a key person (ui/key_person_edit.hpp).
#include "ui/key_person_edit.hpp"

#include "core/key_person_changes.hpp"
#include "ui/icons.hpp"
#include "ui/key_person_form.hpp"
#include "ui/sheet_parts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <array>

namespace vb::ui {

namespace {

constexpr std::array<SheetChoice, 5> removal_reasons{{{"no_longer_involved", "No longer involved"},
                                                      {"person_asked", "The person asked"},
                                                      {"recorded_in_error", "Recorded in error"},
                                                      {"duplicate", "Listed twice"},
                                                      {"died", "Has died"}}};

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

std::string relationship_words(const KeyPerson& k) {
  return std::string(sheet_label_of(key_person_relationships(), k.relationship));
}

void refusal_line(const std::optional<std::string>& refusal, HitTargets& targets) {
  if (!refusal) return;
  ImGui::PushStyleColor(ImGuiCol_Text, v4(colour::warning));
  ImGui::TextWrapped("%s %s", icon::exclamation, refusal->c_str());
  ImGui::PopStyleColor();
  targets.add_last_item("key_person_refused");
}

std::optional<Command> removal_step(const FrameInput& in, const PlanView& v, UiState& state, const KeyPerson& k) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  const std::string who = key_person_shown_name(k, state.privacy) + " (" + relationship_words(k) + ")";
  const std::string of = v.person ? person_label(v.person, state.privacy) : std::string("this person");
  ImGui::PushFont(f.big);
  ImGui::Text("%s Remove %s", icon::user_times, who.c_str());
  ImGui::PopFont();
  ImGui::TextColored(v4(colour::text_dim), "from %s's key people. Past contacts with them stay in the history; they can be added again.",
                     of.c_str());
  const StaffId& by = sheet_author(in, state);
  const auto made = key_person_remove_command(state, k.id, by, in.now);
  std::optional<std::string> refusal;
  if (made) refusal = command_problem(in.snapshot, Command{*made});
  if (!state.key_person_remove_confirming) {
    sheet_heading(f, "Why are they removed?");
    sheet_choice_buttons(f, state, removal_reasons, state.key_person_remove_reason, state.key_person_remove_other,
                         "key_person_remove_reason", true, 3, 480);
    refusal_line(refusal, state.targets);
    ImGui::Spacing();
    ImGui::PushFont(f.bold);
    const bool next = toggle_button((std::string(icon::user_times) + "  Remove...").c_str(), ImVec2(em * 14.0f, em * 2.8f),
                                    made && !refusal, state.targets, "key_person_remove_next");
    ImGui::SameLine();
    const bool back = toggle_button("Go back##remove", ImVec2(em * 10.0f, em * 2.8f), false, state.targets, "key_person_remove_back");
    ImGui::PopFont();
    if (!made) ImGui::TextColored(v4(colour::text_dim), "Tap why (with Other, type it), then Remove.");
    if (back) {
      state.key_person_removing = false;
      state.key_person_remove_reason = -1;
      state.key_person_remove_other.clear();
    }
    if (next && made && !refusal) state.key_person_remove_confirming = true;
    return std::nullopt;
  }
  // The confirm step: one more tap, with what will happen in words.
  const std::string why = made ? (made->reason == "other" ? made->note : std::string(sheet_label_of(removal_reasons, made->reason)))
                               : std::string();
  ImGui::Spacing();
  ImGui::PushFont(f.bold);
  ImGui::PushStyleColor(ImGuiCol_Text, v4(colour::warning));
  ImGui::TextWrapped("%s Remove %s from the list now? Why: %s.", icon::warning, who.c_str(), why.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::TextWrapped("They no longer show under Who and no contact with them can be logged. Their entry and past contacts are kept.");
  refusal_line(refusal, state.targets);
  ImGui::Spacing();
  ImGui::PushFont(f.bold);
  const bool yes = toggle_button((std::string(icon::check) + "  Yes, remove them").c_str(), ImVec2(em * 16.0f, em * 2.8f),
                                 made && !refusal, state.targets, "key_person_remove_confirm");
  ImGui::SameLine();
  const bool no = toggle_button("No, keep them##remove", ImVec2(em * 12.0f, em * 2.8f), false, state.targets, "key_person_remove_back");
  ImGui::PopFont();
  if (no) state.key_person_remove_confirming = false;
  if (!yes || !made || refusal) return std::nullopt;
  const Command out = *made;
  reset_key_person_form(state);
  return out;
}

}  // namespace

std::span<const SheetChoice> key_person_removal_choices() { return removal_reasons; }

void start_key_person_edit(UiState& state, const KeyPerson& k) {
  reset_key_person_form(state);
  state.key_person_open = true;
  state.key_person_edit = k.id;
  state.key_person_name = k.name;
  state.key_person_phone = k.contact;
  state.key_person_consent = k.consent_to_share ? 1 : 0;
  const auto list = key_person_relationships();
  state.key_person_relationship = static_cast<int>(list.size());  // Other, typed, unless it is one of the list
  for (size_t i = 0; i < list.size(); ++i)
    if (list[i].value == k.relationship) state.key_person_relationship = static_cast<int>(i);
  if (state.key_person_relationship == static_cast<int>(list.size())) state.key_person_relationship_other = k.relationship;
}

std::optional<UpdateKeyPerson> key_person_update_command(const UiState& state, Id key_person, const StaffId& by, Instant at) {
  const auto add = key_person_command(state, 0, by, at);  // the same field checks as adding
  if (!add) return std::nullopt;
  UpdateKeyPerson c;
  c.key_person = key_person;
  c.name = add->name;
  c.relationship = add->relationship;
  c.contact = add->contact;
  c.consent_to_share = add->consent_to_share;
  c.by = by;
  c.at = at;
  return c;
}

std::optional<RemoveKeyPerson> key_person_remove_command(const UiState& state, Id key_person, const StaffId& by, Instant at) {
  const int n = static_cast<int>(removal_reasons.size());
  if (state.key_person_remove_reason < 0 || state.key_person_remove_reason > n) return std::nullopt;
  RemoveKeyPerson c;
  c.key_person = key_person;
  if (state.key_person_remove_reason == n) {
    c.reason = "other";
    c.note = key_person_trimmed(state.key_person_remove_other);
    if (c.note.empty()) return std::nullopt;
  } else {
    c.reason = std::string(removal_reasons[static_cast<size_t>(state.key_person_remove_reason)].value);
  }
  c.by = by;
  c.at = at;
  return c;
}

std::optional<Command> draw_key_person_edit(const FrameInput& in, const PlanView& v, UiState& state) {
  const KeyPerson* k = find_key_person(in.snapshot, state.key_person_edit);
  if (!k || !key_person_current(*k, in.now)) {  // gone meanwhile (another terminal removed them)
    reset_key_person_form(state);
    return std::nullopt;
  }
  if (state.key_person_removing) return removal_step(in, v, state, *k);
  const Fonts& f = in.fonts;
  const float em = f.em;
  ImGui::PushFont(f.big);
  ImGui::Text("%s Change %s's details", icon::user, key_person_shown_name(*k, state.privacy).c_str());
  ImGui::PopFont();
  ImGui::SameLine(0, em);
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(v4(colour::text_dim), "%s of %s", relationship_words(*k).c_str(),
                     v.person ? person_label(v.person, state.privacy).c_str() : "this person");
  draw_key_person_fields(in, state);
  const StaffId& by = sheet_author(in, state);
  const auto made = key_person_update_command(state, k->id, by, in.now);
  std::optional<std::string> refusal;
  if (made) refusal = command_problem(in.snapshot, Command{*made});
  refusal_line(refusal, state.targets);
  ImGui::PushFont(f.bold);
  const bool save = toggle_button((std::string(icon::check) + "  Save changes").c_str(), ImVec2(em * 16.0f, em * 2.8f),
                                  made && !refusal, state.targets, "key_person_save");
  ImGui::SameLine();
  const bool cancel = toggle_button("Cancel##key_person", ImVec2(em * 10.0f, em * 2.8f), false, state.targets, "key_person_cancel");
  ImGui::SameLine(0, em * 3.0f);
  const bool remove = toggle_button((std::string(icon::user_times) + "  Remove from the list").c_str(),
                                    ImVec2(em * 17.0f, em * 2.8f), false, state.targets, "key_person_remove");
  ImGui::PopFont();
  if (cancel) {
    reset_key_person_form(state);
    return std::nullopt;
  }
  if (remove) {
    state.key_person_removing = true;
    return std::nullopt;
  }
  return key_person_saved(save, made, refusal.has_value(), state);
}

void draw_removed_key_people(const FrameInput& in, const PlanView& v, UiState& state) {
  if (!v.episode) return;
  std::string line;
  for (const KeyPerson* k : in.snapshot.key_people_of(v.episode->person_id)) {
    if (key_person_current(*k, in.now)) continue;
    const std::string why = k->end_reason == "other" ? (state.privacy ? std::string("other") : k->end_note)
                                                     : std::string(sheet_label_of(removal_reasons, k->end_reason));
    line += (line.empty() ? "" : "; ") + key_person_shown_name(*k, state.privacy) + " (" + relationship_words(*k) + ") " +
            sheet_when(*k->ended_at, in.snapshot.zone()) + " by " + sheet_staff_name(in.snapshot, k->ended_by) + ": " + why;
  }
  if (line.empty()) return;
  ImGui::PushFont(in.fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, v4(colour::text_dim));
  ImGui::TextWrapped("%s Removed, kept in the history: %s", icon::user_times, line.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  state.targets.add_last_item("carer_removed");
}

}  // namespace vb::ui
