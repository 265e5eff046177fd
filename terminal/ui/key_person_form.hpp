#pragma once
// "Add key person" in the Bundle and closure sheet's carer part (AddKeyPerson without JSON): the name
// typed (the one thing no list can offer: a tap opens the on-screen keyboard, ui/touch_keyboard.hpp;
// a desk keyboard types into the box, which takes the keys as the form opens), the relationship from a list with "Other (type
// it)", consent to share as Yes / No (nothing chosen until the person was asked), a phone number if
// wanted. Save checks each field and says what is wrong under it; then command_problem's refusal, as
// `apply` words it. Targets: "key_person_name", "key_person_relationship:<i>|other",
// "key_person_consent:yes|no", "key_person_phone", "key_person_save", "key_person_cancel", and
// "key_person_problem:name|relationship|consent|phone" while a problem is shown.
#include "ui/closure_sheet.hpp"

#include <optional>
#include <span>
#include <string>

namespace vb::ui {

std::span<const SheetChoice> key_person_relationships();
// `text` without the spaces and tabs at either end (what the form saves).
std::string key_person_trimmed(const std::string& text);
// A key person's name, or in the privacy view their initials ("Chris Stubbington" -> "CS").
std::string key_person_shown_name(const KeyPerson& k, bool privacy);

// What is wrong with each field of the form as typed, in words that say where ("" = fine).
struct KeyPersonProblems {
  std::string name, relationship, consent, phone;
  bool any() const { return !name.empty() || !relationship.empty() || !consent.empty() || !phone.empty(); }
};
KeyPersonProblems key_person_problems(const UiState& state);

// The command the form makes (nullopt while a field is wrong); the name and phone trimmed.
std::optional<AddKeyPerson> key_person_command(const UiState& state, Id person, const StaffId& by, Instant at);

void reset_key_person_form(UiState& state);
// What the form gives once Save is drawn (adding or changing): nothing until Save is tapped; a tap
// shows each field's problem from then on, and a command nothing refuses is sent and closes the form.
template <class C>
std::optional<Command> key_person_saved(bool save, const std::optional<C>& made, bool refused, UiState& state) {
  if (!save) return std::nullopt;
  state.key_person_checked = true;
  if (!made || refused) return std::nullopt;
  const Command out = *made;
  reset_key_person_form(state);
  return out;
}
// The form's fields (name, phone, relationship, consent, each with its problem once Save was pressed),
// shared by adding and changing a key person (ui/key_person_edit.hpp).
void draw_key_person_fields(const FrameInput& in, UiState& state);
// Draws the form; returns AddKeyPerson when saved (the form then closes).
std::optional<Command> draw_key_person_form(const FrameInput& in, const PlanView& v, UiState& state);

}  // namespace vb::ui
