// Session 7 sheet states for `screenshot --closure` (app/screenshot_key_person.hpp).
#include "app/screenshot_key_person.hpp"

#include "core/key_person_changes.hpp"
#include "ui/key_person_edit.hpp"

#include <array>
#include <algorithm>

namespace vb::app {

namespace {
constexpr std::array<std::string_view, 6> sections{"keyboard-name",   "keyboard-accents",  "keyboard-phone",
                                                   "key-person-edit", "key-person-remove", "key-person-remove-confirm"};

// The keyboard open on a box of the form, as after a tap and some keys.
void keyboard_on(ui::UiState& state, const char* field, const char* label, std::string typed, std::size_t limit,
                 ui::FieldKind kind) {
  state.keyboard.field = field;
  state.keyboard.label = label;
  state.keyboard.edit = ui::start_edit(std::move(typed), limit, kind);
}
}  // namespace

bool is_key_person_section(const std::string& section) {
  return std::find(sections.begin(), sections.end(), section) != sections.end();
}

void screenshot_key_person_extra(const Snapshot& s, Instant now, const std::string& section, ui::UiState& state) {
  state.closure_section = "carer";
  const Episode* e = state.plan_episode ? s.find_episode(*state.plan_episode) : nullptr;
  if (section.starts_with("keyboard-")) {
    state.key_person_open = true;
    if (section == "keyboard-phone") {
      state.key_person_name = "Zoë O'Brien-Núñez";
      keyboard_on(state, "##key_person_phone", "Phone", "07700 9001", 40, ui::FieldKind::phone);
    } else {
      keyboard_on(state, "##key_person_name", "Name", "Zoë O'Brien-N", 200, ui::FieldKind::name);
      if (section == "keyboard-accents") state.keyboard.edit.layout = ui::KeyboardLayout::accents;
    }
    return;
  }
  const auto people = e ? current_key_people(s, e->person_id, now) : std::vector<const KeyPerson*>{};
  if (people.empty()) return;  // nobody to change: the carer tab as it is
  ui::start_key_person_edit(state, *people.front());
  if (section == "key-person-remove" || section == "key-person-remove-confirm") {
    state.key_person_removing = true;
    state.key_person_remove_reason = 0;  // no longer involved
    state.key_person_remove_confirming = section == "key-person-remove-confirm";
  }
}

}  // namespace vb::app
