// The "Add key person" form of the carer part (ui/key_person_form.hpp).
#include "ui/key_person_form.hpp"

#include "ui/icons.hpp"
#include "ui/key_person_edit.hpp"
#include "ui/sheet_parts.hpp"
#include "ui/theme.hpp"
#include "ui/touch_keyboard.hpp"
#include "ui/widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace vb::ui {

namespace {

constexpr std::array<SheetChoice, 8> relationships{{{"mother", "Mother"},
                                                    {"father", "Father"},
                                                    {"partner", "Partner"},
                                                    {"son", "Son"},
                                                    {"daughter", "Daughter"},
                                                    {"sibling", "Brother or sister"},
                                                    {"friend", "Friend"},
                                                    {"carer", "Paid carer"}}};

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

// A problem under its field, in the warning colour with an icon (never colour alone).
void problem_line(const std::string& text, HitTargets& targets, const std::string& field) {
  if (text.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, v4(colour::warning));
  ImGui::TextWrapped("%s %s", icon::exclamation, text.c_str());
  ImGui::PopStyleColor();
  targets.add_last_item("key_person_problem:" + field);
}

// A text box tall enough for a finger (about 2.6 em), labelled in words on its left; a tap opens the
// on-screen keyboard (ui/touch_keyboard.hpp), a desk keyboard types into it too.
bool text_box(const Fonts& f, UiState& state, const char* label, const TextBox& box, std::string& text, bool focus) {
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(f.em * 0.6f, f.em * 0.8f));
  ImGui::AlignTextToFramePadding();  // the label sits level with the text in the tall box
  ImGui::PushFont(f.bold);
  ImGui::TextUnformatted(label);
  ImGui::PopFont();
  ImGui::SameLine();
  if (focus) ImGui::SetKeyboardFocusHere();
  const bool changed = keyboard_text_box(f, state, box, text);
  ImGui::PopStyleVar();
  return changed;
}

}  // namespace

std::string key_person_trimmed(const std::string& s) {
  const auto a = s.find_first_not_of(" \t");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

std::string key_person_shown_name(const KeyPerson& k, bool privacy) {
  if (!privacy) return k.name;
  std::string out;
  bool start = true;
  for (char ch : k.name) {
    if (start && ch != ' ') out += ch;
    start = ch == ' ' || ch == '-';
  }
  return out;
}

std::span<const SheetChoice> key_person_relationships() { return relationships; }

KeyPersonProblems key_person_problems(const UiState& state) {
  KeyPersonProblems p;
  const std::string name = key_person_trimmed(state.key_person_name);
  const auto letters = std::count_if(name.begin(), name.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
  });
  if (name.empty()) p.name = "Name is empty: tap the Name box and type their name.";
  else if (letters < 2) p.name = "Name: type at least two letters of their name.";
  else if (name.size() > 200) p.name = "Name: at most 200 characters.";
  const int n = static_cast<int>(relationships.size());
  if (state.key_person_relationship < 0 || state.key_person_relationship > n)
    p.relationship = "Relationship: tap who they are to the person.";
  else if (state.key_person_relationship == n && key_person_trimmed(state.key_person_relationship_other).empty())
    p.relationship = "Relationship: type it in the box under Other.";
  else if (state.key_person_relationship == n && state.key_person_relationship_other.size() > 100)
    p.relationship = "Relationship: at most 100 characters.";
  if (state.key_person_consent < 0)
    p.consent = "Consent to share: ask the person, then tap Yes or No.";
  const std::string phone = key_person_trimmed(state.key_person_phone);
  if (!phone.empty()) {
    const bool allowed = std::all_of(phone.begin(), phone.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c)) || c == ' ' || c == '+' || c == '(' || c == ')' || c == '-';
    });
    const auto digits = std::count_if(phone.begin(), phone.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (!allowed || digits < 6 || digits > 15)
      p.phone = "Phone: digits (6 to 15), spaces, +, brackets or dashes only, e.g. 07700 900123; or leave it empty.";
  }
  return p;
}

std::optional<AddKeyPerson> key_person_command(const UiState& state, Id person, const StaffId& by, Instant at) {
  if (key_person_problems(state).any()) return std::nullopt;
  const int n = static_cast<int>(relationships.size());
  AddKeyPerson c;
  c.person = person;
  c.name = key_person_trimmed(state.key_person_name);
  c.relationship = state.key_person_relationship == n ? key_person_trimmed(state.key_person_relationship_other)
                                                      : std::string(relationships[static_cast<size_t>(state.key_person_relationship)].value);
  c.contact = key_person_trimmed(state.key_person_phone);
  c.consent_to_share = state.key_person_consent == 1;
  c.by = by;
  c.at = at;
  return c;
}

void reset_key_person_form(UiState& state) {
  state.key_person_open = false;
  state.key_person_edit = 0;
  state.key_person_removing = false;
  state.key_person_remove_reason = -1;
  state.key_person_remove_other.clear();
  state.key_person_remove_confirming = false;
  state.key_person_focus = false;
  state.key_person_name.clear();
  state.key_person_relationship = -1;
  state.key_person_relationship_other.clear();
  state.key_person_consent = -1;
  state.key_person_phone.clear();
  state.key_person_checked = false;
}

void draw_key_person_fields(const FrameInput& in, UiState& state) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  const KeyPersonProblems problems = state.key_person_checked ? key_person_problems(state) : KeyPersonProblems{};
  // Name and phone on one row (the form fits a 1280x800 screen without scrolling).
  const float avail = ImGui::GetContentRegionAvail().x;
  const float name_w = std::min(avail * 0.42f, em * 24.0f);
  const float phone_w = std::min(avail * 0.2f, em * 12.0f);

  ImGui::Spacing();
  text_box(f, state, "Name", TextBox{"##key_person_name", "Tap to type their name", "Name", "key_person_name", FieldKind::name, 200, name_w},
           state.key_person_name, state.key_person_focus);
  state.key_person_focus = false;
  ImGui::SameLine(0, em * 2.0f);
  text_box(f, state, "Phone (optional)",
           TextBox{"##key_person_phone", "e.g. 07700 900123", "Phone", "key_person_phone", FieldKind::phone, 40, phone_w},
           state.key_person_phone, false);
  problem_line(problems.name, state.targets, "name");
  problem_line(problems.phone, state.targets, "phone");

  sheet_heading(f, "Relationship to the person");
  sheet_choice_buttons(f, state, relationships, state.key_person_relationship, state.key_person_relationship_other,
                       "key_person_relationship", true, 5, 100);
  problem_line(problems.relationship, state.targets, "relationship");

  sheet_heading(f, "Consent to share information with them");
  const ImVec2 choice(em * 17.0f, em * 2.6f);
  if (toggle_button((std::string(icon::check) + "  Yes, they may be told").c_str(), choice, state.key_person_consent == 1, state.targets,
                    "key_person_consent:yes"))
    state.key_person_consent = 1;
  ImGui::SameLine();
  if (toggle_button((std::string(icon::ban) + "  No consent to share").c_str(), choice, state.key_person_consent == 0, state.targets,
                    "key_person_consent:no"))
    state.key_person_consent = 0;
  problem_line(problems.consent, state.targets, "consent");
}

std::optional<Command> draw_key_person_form(const FrameInput& in, const PlanView& v, UiState& state) {
  if (state.key_person_edit != 0) return draw_key_person_edit(in, v, state);  // changing one (ui/key_person_edit.hpp)
  const Fonts& f = in.fonts;
  const float em = f.em;
  ImGui::PushFont(f.big);
  ImGui::Text("%s Add a key person", icon::user);
  ImGui::PopFont();
  ImGui::SameLine(0, em);
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(v4(colour::text_dim), "family, a friend or a carer who matters to %s",
                     v.person ? person_label(v.person, state.privacy).c_str() : "this person");
  draw_key_person_fields(in, state);

  const StaffId& by = sheet_author(in, state);
  const auto made = key_person_command(state, v.person ? v.person->id : 0, by, in.now);
  std::optional<std::string> refusal;
  if (made) refusal = command_problem(in.snapshot, Command{*made});
  if (refusal) {
    ImGui::PushStyleColor(ImGuiCol_Text, v4(colour::warning));
    ImGui::TextWrapped("%s %s", icon::exclamation, refusal->c_str());
    ImGui::PopStyleColor();
    state.targets.add_last_item("key_person_refused");
  } else if (!state.key_person_checked) {
    ImGui::TextColored(v4(colour::text_dim), "Save checks every field and says what is missing.");
  }
  // Save stays tappable while fields are wrong: pressing it shows what to fix, under each field.
  ImGui::PushFont(f.bold);
  const bool save = toggle_button((std::string(icon::check) + "  Add key person").c_str(), ImVec2(em * 16.0f, em * 2.8f),
                                  made && !refusal, state.targets, "key_person_save");
  ImGui::SameLine();
  const bool cancel = toggle_button("Cancel##key_person", ImVec2(em * 10.0f, em * 2.8f), false, state.targets, "key_person_cancel");
  ImGui::PopFont();
  if (cancel) {
    reset_key_person_form(state);
    return std::nullopt;
  }
  return key_person_saved(save, made, refusal.has_value(), state);
}

}  // namespace vb::ui
