#pragma once
// Changing or removing a key person from the carer part of the Bundle and closure sheet (session 7):
// "Edit" beside a name opens the add form's fields filled in (ui/key_person_form.hpp), with Save
// changes (UpdateKeyPerson) and "Remove from the list"; removing asks why (a list with "Other (type
// it)") and then to confirm (RemoveKeyPerson: a soft end, the past contacts stay). Targets:
// "carer_edit:<id>", "key_person_save", "key_person_cancel", "key_person_remove",
// "key_person_remove_reason:<i>|other", "key_person_remove_next", "key_person_remove_back",
// "key_person_remove_confirm", "key_person_refused", "carer_removed" (the removed ones' line).
#include "ui/closure_sheet.hpp"

#include <optional>
#include <span>

namespace vb::ui {

// Words for core's key_person_removal_reasons() but "other" (the list's Other button).
std::span<const SheetChoice> key_person_removal_choices();

// Opens the form on `k`, its fields filled in.
void start_key_person_edit(UiState& state, const KeyPerson& k);
// The commands the form makes (nullopt while a field is wrong or no reason is chosen).
std::optional<UpdateKeyPerson> key_person_update_command(const UiState& state, Id key_person, const StaffId& by, Instant at);
std::optional<RemoveKeyPerson> key_person_remove_command(const UiState& state, Id key_person, const StaffId& by, Instant at);

std::optional<Command> draw_key_person_edit(const FrameInput& in, const PlanView& v, UiState& state);
// One dim line naming the person's removed key people, when and why (the history is kept).
void draw_removed_key_people(const FrameInput& in, const PlanView& v, UiState& state);

}  // namespace vb::ui
