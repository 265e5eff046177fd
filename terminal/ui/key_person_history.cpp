// The carer tab's consent line and its history (ui/key_person_history.hpp).
#include "ui/key_person_history.hpp"

#include "core/key_person_versions.hpp"
#include "ui/icons.hpp"
#include "ui/sheet_parts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

namespace vb::ui {

namespace {

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

// What changed from the version before, in words ("consent No → Yes; phone").
std::string changes_from(const KeyPersonVersion& before, const KeyPersonVersion& v, bool privacy) {
  std::string out;
  auto add = [&](const std::string& what) { out += (out.empty() ? "" : "; ") + what; };
  if (before.consent_to_share != v.consent_to_share)
    add(std::string("consent ") + (before.consent_to_share ? "Yes" : "No") + " to " + (v.consent_to_share ? "Yes" : "No"));
  if (before.name != v.name) add(privacy ? "name" : "name was " + before.name);
  if (before.relationship != v.relationship) add("relationship was " + before.relationship);
  if (before.contact != v.contact) add(privacy ? "contact" : "contact was " + (before.contact.empty() ? "none" : before.contact));
  return out.empty() ? "no change of details" : out;
}

}  // namespace

std::string key_person_version_when(const Snapshot& s, const KeyPersonVersion& v) {
  std::string out = v.effective_at ? "from " + sheet_when(*v.effective_at, s.zone()) : "from the start (recorded before versioning)";
  if (!v.recorded_by.empty()) out += ", recorded by " + sheet_staff_name(s, v.recorded_by);
  return out;
}

void draw_consent_button(const FrameInput& in, const KeyPerson& k, UiState& state) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  const bool consent = key_person_consents_at(k, in.now);
  const KeyPersonVersion* v = key_person_version_at(k, in.now);
  const bool open = state.key_person_history == k.id;
  std::string label = consent ? std::string(icon::check) + " Consent to share" : std::string(icon::ban) + " No consent to share";
  if (v && v->effective_at) label += " since " + sheet_when(*v->effective_at, in.snapshot.zone());
  if (!consent) label += ": nothing may be shared";
  label += std::string("   ") + (open ? icon::chevron_down : icon::chevron_right) + " History";
  const std::string id = std::to_string(k.id);
  ImGui::PushFont(f.bold);
  const float w = ImGui::CalcTextSize(label.c_str()).x + em * 1.6f;
  if (!consent) ImGui::PushStyleColor(ImGuiCol_Text, v4(colour::warning));
  if (toggle_button((label + "##carer_history" + id).c_str(), ImVec2(w, em * 2.6f), open, state.targets, "carer_history:" + id))
    state.key_person_history = open ? 0 : k.id;
  if (!consent) ImGui::PopStyleColor();
  ImGui::PopFont();
}

void draw_key_person_history(const FrameInput& in, const KeyPerson& k, UiState& state) {
  if (state.key_person_history != k.id) return;
  const Fonts& f = in.fonts;
  const float em = f.em;
  ImGui::Indent(em * 1.5f);
  ImGui::PushFont(f.bold);
  ImGui::Text("%s Consent and details, newest first", icon::clock);
  ImGui::PopFont();
  state.targets.add_last_item("carer_history_list:" + std::to_string(k.id));
  if (k.versions.empty()) {
    ImGui::TextColored(v4(colour::text_dim), "%s %s: as recorded, no change since (recorded before versioning)",
                       k.consent_to_share ? icon::check : icon::ban, k.consent_to_share ? "Consent to share" : "No consent");
  }
  const KeyPersonVersion* current = key_person_version_at(k, in.now);
  for (size_t i = k.versions.size(); i-- > 0;) {
    const KeyPersonVersion& v = k.versions[i];
    const bool is_current = &v == current;
    const bool future = v.effective_at && *v.effective_at > in.now;
    std::string line = std::string(v.consent_to_share ? icon::check : icon::ban) + (v.consent_to_share ? " Consent" : " No consent") +
                       "  " + key_person_version_when(in.snapshot, v);
    if (is_current) line += "  (now)";
    if (future) line += "  (not yet in effect)";
    ImGui::PushStyleColor(ImGuiCol_Text, v4(is_current ? colour::text : colour::text_dim));
    ImGui::TextUnformatted(line.c_str());
    ImGui::PopStyleColor();
    state.targets.add_last_item("carer_version:" + std::to_string(v.id));
    const std::string what = i == 0 ? (state.privacy ? std::string("first recorded")
                                                      : "first recorded: " + v.name + " (" + v.relationship + ")" +
                                                            (v.contact.empty() ? "" : ", " + v.contact))
                                    : changes_from(k.versions[i - 1], v, state.privacy);
    ImGui::Indent(em * 1.5f);
    ImGui::TextColored(v4(colour::text_dim), "%s", what.c_str());
    ImGui::Unindent(em * 1.5f);
  }
  ImGui::Unindent(em * 1.5f);
}

}  // namespace vb::ui
