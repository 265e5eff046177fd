// The plans screen's "Bundle and closure" sheet: the transition bundle, carer contact and closing.
#include "ui/closure_sheet.hpp"
#include "ui/touch_keyboard.hpp"

#include "core/add_visit.hpp"
#include "core/carers.hpp"
#include "core/plan_generation.hpp"
#include "core/transition_bundle.hpp"
#include "ui/care_flags_section.hpp"
#include "ui/icons.hpp"
#include "ui/key_person_form.hpp"
#include "ui/key_person_edit.hpp"
#include "ui/key_person_history.hpp"
#include "core/key_person_versions.hpp"
#include "core/key_person_changes.hpp"
#include "ui/theme.hpp"
#include "ui/sheet_parts.hpp"
#include "ui/widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <cfloat>

namespace vb::ui {

namespace {

constexpr std::array<SheetChoice, 4> services{{{"cmht", "CMHT"},
                                               {"gp", "GP"},
                                               {"voluntary", "Voluntary sector"},
                                               {"supported_living", "Supported living"}}};
constexpr std::array<SheetChoice, 2> sent_days{{{"today", "Sent today"}, {"yesterday", "Sent yesterday"}}};
constexpr std::array<SheetChoice, 4> meetings{{{"today", "Held today"},
                                               {"yesterday", "Held yesterday"},
                                               {"none: person declined", "None: person declined"},
                                               {"none: receiving service could not attend", "None: service could not attend"}}};
constexpr std::array<SheetChoice, 5> reasons{{{"resolved", "Crisis resolved"},
                                              {"transferred", "Transferred to another service"},
                                              {"admitted", "Admitted to hospital"},
                                              {"declined", "Declined further contact"},
                                              {"moved_away", "Moved out of area"}}};
constexpr std::array<SheetChoice, 6> destinations{{{"cmht", "CMHT"},
                                                   {"gp", "GP"},
                                                   {"voluntary", "Voluntary sector"},
                                                   {"supported_living", "Supported living"},
                                                   {"inpatient", "Inpatient ward"},
                                                   {"other", "Other"}}};
constexpr std::array<SheetChoice, 4> overrides{{{"person declined further contact", "Person declined further contact"},
                                                {"admitted: the ward takes over the handover", "Admitted: the ward takes over"},
                                                {"receiving service could not take part in time", "Receiving service not in time"},
                                                {"moved out of area: new team informed", "Moved away: new team told"}}};
constexpr std::array<SheetChoice, 3> outcomes{{{"reached", "Reached"}, {"no_answer", "No answer"}, {"message_left", "Message left"}}};
constexpr std::array<SheetChoice, 5> topics{{{"rationale", "Rationale"},
                                             {"practical_guidance", "Practical guidance"},
                                             {"escalation_routes", "Escalation routes"},
                                             {"step_down", "Step-down"},
                                             {"other", "Other (type it)"}}};

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }










// One bundle item as a large row: a box (ticked when done), the item's words, and underneath when and
// by whom (or "not done"). Tappable unless read_only. Target "bundle_item:<item>".
bool bundle_row(const FrameInput& in, const BundleItem& item, bool chosen, bool read_only, float width, HitTargets& targets) {
  std::string line;
  if (chosen) {
    line = std::string(item.done ? "Done before; " : "") + "chosen: finish below and Save";
  } else if (item.done) {
    line = "Done " + sheet_when(item.at, in.snapshot.zone()) + " · " + sheet_staff_name(in.snapshot, item.by);
    if (!item.detail.empty()) line += " · " + std::string(sheet_label_of(services, item.detail));
    if (item.versions > 1) line += " · " + std::to_string(item.versions) + " records";
  } else {
    line = read_only ? "Not done" : "Not done: tap to record";
  }
  return sheet_row(in.fonts,
                   SheetRow{"bundle_item:" + std::string(item.item), std::string(transition_item_label(item.item)), line,
                            item.done ? icon::check_square : icon::square, item.done, chosen, IM_COL32(18, 72, 58, 255),
                            colour::done},
                   read_only, width, targets);
}

std::optional<Command> bundle_section(const FrameInput& in, const PlanView& v, UiState& state, bool read_only) {
  const Fonts& f = in.fonts;
  const BundleStatus b = bundle_status(in.snapshot, v.episode->id);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float width = (ImGui::GetContentRegionAvail().x - gap) / 2;
  for (size_t i = 0; i < b.items.size(); ++i) {
    if (i % 2 != 0) ImGui::SameLine();
    const BundleItem& item = b.items[i];
    if (bundle_row(in, item, state.closure_item == item.item, read_only, width, state.targets)) {
      state.closure_item = std::string(item.item);
      state.closure_detail = -1;
      state.closure_other.clear();
    }
  }
  if (!b.flags.empty()) {
    std::string flags;
    for (auto fl : b.flags) flags += (flags.empty() ? "" : ", ") + std::string(transition_item_label(fl));
    ImGui::TextColored(v4(colour::text_dim), "%s Care flags: %s", icon::flag, flags.c_str());
  }
  if (read_only || state.closure_item.empty()) return std::nullopt;

  const auto it = std::find_if(b.items.begin(), b.items.end(), [&](const BundleItem& x) { return x.item == state.closure_item; });
  if (it == b.items.end()) return std::nullopt;
  const std::string title = std::string(it->done ? "Record again: " : "Record: ") + std::string(transition_item_label(it->item));
  sheet_heading(f, title.c_str());
  const auto choices = bundle_detail_choices(it->item);
  const LocalDate today = local_date_of(in.now, in.snapshot.zone());
  std::optional<std::string> detail = std::string();
  if (!choices.empty()) {
    sheet_choice_buttons(f, state, choices, state.closure_detail, state.closure_other, "bundle_detail", true, 3);
    detail.reset();
    if (state.closure_detail >= 0 && static_cast<size_t>(state.closure_detail) < choices.size())
      detail = bundle_detail_value(choices[static_cast<size_t>(state.closure_detail)], today);
    else if (state.closure_detail == static_cast<int>(choices.size()) && !state.closure_other.empty())
      detail = state.closure_other;
  }
  const StaffId& by = sheet_author(in, state);
  std::optional<Command> candidate;
  if (detail) candidate = RecordTransitionItem{v.episode->id, state.closure_item, *detail, by, in.now};
  std::optional<Command> out;
  const bool saved = sheet_save_row(in, state, candidate, "Save", "bundle_save", "Choose one of the above first.");
  ImGui::SameLine();
  ImGui::PushFont(f.bold);
  const bool cancelled = toggle_button("Cancel##bundle", ImVec2(f.em * 10.0f, f.em * 2.8f), false, state.targets, "bundle_cancel");
  ImGui::PopFont();
  if (saved) out = candidate;
  if (saved || cancelled) {
    state.closure_item.clear();
    state.closure_detail = -1;
    state.closure_other.clear();
  }
  return out;
}

std::optional<Command> carer_section(const FrameInput& in, const PlanView& v, UiState& state, bool read_only) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  if (state.key_person_open && !read_only) return draw_key_person_form(in, v, state);
  const auto people = current_key_people(in.snapshot, v.episode->person_id, in.now);  // removed ones: a line below
  // Adding a key person: beside "Who", or the one thing to do when there is no one yet.
  auto add_button = [&] {
    if (read_only) return;
    ImGui::PushFont(f.bold);
    if (toggle_button((std::string(icon::user) + "  Add key person").c_str(), ImVec2(em * 14.0f, em * 2.6f), false, state.targets,
                      "carer_add")) {
      reset_key_person_form(state);
      state.key_person_open = true;
      state.key_person_focus = true;  // a desk keyboard types the name at once
    }
    ImGui::PopFont();
  };
  if (people.empty()) {
    ImGui::PushFont(f.bold);
    ImGui::TextWrapped("%s No family member or carer is recorded for this person, so there is no one to log contact with.",
                       icon::user_times);
    ImGui::PopFont();
    state.targets.add_last_item("carer_none");
    add_button();
    draw_removed_key_people(in, v, state);
    return std::nullopt;
  }
  sheet_heading(f, "Who");
  if (!read_only) {  // read-only: no button, and the list starts on its own line
    ImGui::SameLine(ImGui::GetContentRegionMax().x - em * 14.0f);
    add_button();
  }
  if (!read_only && people.size() == 1 && !state.carer_person) state.carer_person = people.front()->id;  // the only one
  const KeyPerson* chosen = nullptr;
  const Zone zone = in.snapshot.zone();
  for (const KeyPerson* k : people) {
    if (state.carer_person == k->id) chosen = k;
    const std::string name = "carer:" + std::to_string(k->id);
    const std::string shown = key_person_shown_name(*k, state.privacy);
    const std::string label = shown + " (" + k->relationship + ")##" + name;
    if (read_only) {
      ImGui::PushFont(f.bold);
      ImGui::Text("%s %s (%s)", icon::user, shown.c_str(), k->relationship.c_str());
      ImGui::PopFont();
    } else if (toggle_button(label.c_str(), ImVec2(em * 17.0f, em * 2.6f), state.carer_person == k->id, state.targets, name)) {
      state.carer_person = k->id;
      if (!key_person_consents_at(*k, in.now)) state.carer_shared.clear();
    }
    if (!read_only) {  // correct or remove them (ui/key_person_edit.hpp)
      ImGui::SameLine();
      if (toggle_button(("Edit##carer_edit" + std::to_string(k->id)).c_str(), ImVec2(em * 5.5f, em * 2.6f), false, state.targets,
                        "carer_edit:" + std::to_string(k->id)))
        start_key_person_edit(state, *k);
    }
    ImGui::SameLine();
    ImGui::BeginGroup();
    // The consent now (session 9: versioned); a tap shows its history under the row.
    draw_consent_button(in, *k, state);
    // The latest attempt, so no one rings twice.
    const CarerContact* last = nullptr;
    for (const CarerContact* c : in.snapshot.carer_contacts_of(k->id))
      if (!last || c->at > last->at) last = c;
    if (last) {
      std::string shared;
      for (const auto& t : last->shared)
        shared += (shared.empty() ? "; told: " : ", ") + (t == "other" ? (state.privacy ? std::string("other") : "other: " + last->note)  // free text: hidden in the privacy view
                                      : std::string(sheet_label_of(topics, t)));
      // Wrapped at the sheet's edge: what was told can be long (it ran off the sheet at 1920x1080).
      ImGui::PushStyleColor(ImGuiCol_Text, v4(colour::text_dim));
      ImGui::TextWrapped("Last: %s %s by %s%s", std::string(sheet_label_of(outcomes, last->outcome)).c_str(),
                         sheet_when(last->at, zone).c_str(), sheet_staff_name(in.snapshot, last->by).c_str(), shared.c_str());
      ImGui::PopStyleColor();
    } else {
      ImGui::TextColored(v4(colour::text_dim), "No contact logged yet");
    }
    ImGui::EndGroup();
    draw_key_person_history(in, *k, state);
  }
  draw_removed_key_people(in, v, state);
  if (read_only) return std::nullopt;
  if (!chosen) {
    ImGui::TextColored(v4(colour::text_dim), "Tap the person you spoke to or tried to reach.");
    return std::nullopt;
  }
  sheet_heading(f, "Outcome");
  for (size_t i = 0; i < outcomes.size(); ++i) {
    if (i) ImGui::SameLine();
    const std::string name = "carer_outcome:" + std::string(outcomes[i].value);
    if (toggle_button(std::string(outcomes[i].label).c_str(), ImVec2(em * 11.0f, em * 2.6f), state.carer_outcome == outcomes[i].value,
                      state.targets, name)) {
      state.carer_outcome = std::string(outcomes[i].value);
      if (state.carer_outcome != "reached") state.carer_shared.clear();
    }
  }
  sheet_heading(f, "What was shared (tap each)");
  const bool can_share = key_person_consents_at(*chosen, in.now) && state.carer_outcome == "reached";
  if (!can_share) ImGui::BeginDisabled();
  const float chip_w = std::min(em * 12.5f, (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 4) / 5);
  for (size_t i = 0; i < topics.size(); ++i) {
    if (i) ImGui::SameLine();
    const std::string value(topics[i].value);
    auto at = std::find(state.carer_shared.begin(), state.carer_shared.end(), value);
    const bool on = at != state.carer_shared.end();
    const std::string label = std::string(on ? icon::check_square : icon::square) + "  " + std::string(topics[i].label);
    if (toggle_button(label.c_str(), ImVec2(chip_w, em * 2.6f), on, state.targets, "carer_shared:" + value)) {
      if (on) state.carer_shared.erase(at);
      else state.carer_shared.push_back(value);
    }
  }
  const bool other = std::find(state.carer_shared.begin(), state.carer_shared.end(), "other") != state.carer_shared.end();
  if (other) {  // what no chip names, typed: kept as the contact's note and shown with it
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(em * 0.6f, em * 0.8f));
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(f.bold);
    ImGui::TextUnformatted("Other:");
    ImGui::PopFont();
    ImGui::SameLine();
    keyboard_text_box(f, state,
                      TextBox{"##carer_other", "Tap to type what else was shared", "What else was shared", "carer_other",
                              FieldKind::text, 480, std::min(ImGui::GetContentRegionAvail().x, em * 40.0f)},
                      state.carer_other);
    ImGui::PopStyleVar();
  }
  if (!can_share) ImGui::EndDisabled();
  if (!can_share)
    ImGui::TextColored(v4(colour::text_dim), "%s",
                       !key_person_consents_at(*chosen, in.now) ? "Nothing may be shared: no consent to share with this person."
                                                 : "Sharing is recorded only when the person was reached.");
  const StaffId& by = sheet_author(in, state);
  std::optional<Command> candidate;
  if (!state.carer_outcome.empty()) {
    LogCarerContact c{v.episode->id, chosen->id, state.carer_outcome, {}, other ? state.carer_other : "", by, in.now};
    // In the list's order, whatever order they were tapped in.
    for (const auto& t : topics)
      if (std::find(state.carer_shared.begin(), state.carer_shared.end(), t.value) != state.carer_shared.end())
        c.shared.emplace_back(t.value);
    candidate = c;
  }
  std::optional<Command> out;
  if (sheet_save_row(in, state, candidate, "Log contact", "carer_save", "Choose the outcome first.")) {
    out = candidate;
    state.carer_person.reset();
    state.carer_outcome.clear();
    state.carer_shared.clear();
    state.carer_other.clear();
  }
  return out;
}

std::optional<Command> close_section(const FrameInput& in, const PlanView& v, UiState& state, bool read_only) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  const BundleStatus b = bundle_status(in.snapshot, v.episode->id);
  std::string missing;
  for (auto m : b.missing()) missing += (missing.empty() ? "" : ", ") + std::string(transition_item_short(m));
  ImGui::PushFont(f.bold);
  if (b.complete()) {
    ImGui::Text("%s Transition bundle complete", icon::check);
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, v4(colour::warning));
    ImGui::TextWrapped("%s Transition bundle incomplete. Missing: %s", icon::exclamation, missing.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::PopFont();
  state.targets.add_last_item(b.complete() ? "close_bundle_complete" : "close_bundle_missing");
  if (read_only) return std::nullopt;

  const auto reason = sheet_chosen_value(reasons, state.close_reason, state.close_reason_other);
  const auto destination = sheet_chosen_value(destinations, state.close_destination, "");
  const auto override_reason = sheet_chosen_value(overrides, state.close_override, state.close_override_other);
  if (!state.close_confirming) {
    sheet_heading(f, "Why close");
    sheet_choice_buttons(f, state, reasons, state.close_reason, state.close_reason_other, "close_reason", true, 3);
    sheet_heading(f, "Where they go next");
    std::string unused;
    sheet_choice_buttons(f, state, destinations, state.close_destination, unused, "close_destination", false, 6);
    if (!b.complete()) {
      sheet_heading(f, "Close without a complete bundle because");
      sheet_choice_buttons(f, state, overrides, state.close_override, state.close_override_other, "close_override", true, 3);
    }
  }
  // Who closes: chosen with the other choices; the confirmation only names them.
  const StaffId& by = state.close_confirming ? (state.signed_in.empty() ? state.acting : state.signed_in) : sheet_author(in, state);
  std::optional<Command> candidate;
  if (reason && destination && (b.complete() || override_reason))
    candidate = CloseEpisode{v.episode->id, *reason, *destination, b.complete() ? "" : *override_reason, by, in.now};
  if (!state.close_confirming) {
    if (sheet_save_row(in, state, candidate, "Close episode...", "close_next",
                 b.complete() ? "Choose why and where they go next first."
                              : "Choose why, where they go next, and why close without a complete bundle.")) state.close_confirming = true;
    return std::nullopt;
  }
  if (!candidate) {  // the choices no longer make a command (the bundle changed meanwhile): choose again
    state.close_confirming = false;
    return std::nullopt;
  }
  // The confirmation: what closing does, in words.
  const auto& c = std::get<CloseEpisode>(*candidate);
  const Regeneration regen = [&] {
    std::vector<Visit> mine;
    for (const Visit* x : in.snapshot.visits_of(v.episode->id)) mine.push_back(*x);
    return regenerate_visits(ContactPlan{}, v.episode->id, mine, in.now, in.snapshot.zone());
  }();
  Episode closed = *v.episode;
  closed.closure_destination = c.destination;
  const Instant due = follow_up_due(in.snapshot, closed, in.now);
  ImGui::PushFont(f.big);
  ImGui::TextWrapped("Close this episode now?");
  ImGui::PopFont();
  ImGui::TextWrapped("%s %s; next: %s.", icon::list, std::string(sheet_label_of(reasons, c.reason)).c_str(),
                     std::string(sheet_label_of(destinations, c.destination)).c_str());
  if (!c.override_reason.empty())
    ImGui::TextWrapped("%s Closed without: %s (because: %s).", icon::exclamation, missing.c_str(), c.override_reason.c_str());
  ImGui::PushFont(f.bold);
  // The plan's future visits and those added by hand (core/add_visit) both go.
  const size_t going = regen.remove.size() + hand_added_to_remove_at_closure(in.snapshot.visits, v.episode->id, in.now).size();
  ImGui::TextWrapped("%s %zu planned visit%s from now will be removed.", icon::times, going, going == 1 ? "" : "s");
  ImGui::PopFont();
  ImGui::TextWrapped("%s A follow-up call is added, due by %s.", icon::phone, sheet_when(due, in.snapshot.zone()).c_str());
  ImGui::TextWrapped("%s Closed by %s.", icon::user, sheet_staff_name(in.snapshot, c.by).c_str());
  std::optional<Command> out;
  if (sheet_save_row(in, state, candidate, "Yes, close episode", "close_yes", "")) {
    out = candidate;
    reset_closure_sheet(state);
    state.plan_action.clear();
    state.plan_action_episode.reset();
  }
  ImGui::SameLine();
  ImGui::PushFont(f.bold);
  if (toggle_button("Go back", ImVec2(em * 10.0f, em * 2.8f), false, state.targets, "close_back")) state.close_confirming = false;
  ImGui::PopFont();
  return out;
}

}  // namespace

std::span<const SheetChoice> bundle_detail_choices(std::string_view item) {
  if (item == "receiving_service") return services;
  if (item == "handover_summary_sent") return sent_days;
  if (item == "joint_meeting") return meetings;
  return {};
}

std::string bundle_detail_value(const SheetChoice& c, LocalDate today) {
  if (c.value == "today") return format_date(today);
  if (c.value == "yesterday") return format_date(LocalDate{date::sys_days{today} - date::days{1}});
  return std::string(c.value);
}

std::span<const SheetChoice> closure_reasons() { return reasons; }
std::span<const SheetChoice> closure_destinations() { return destinations; }
std::span<const SheetChoice> override_reasons() { return overrides; }

void reset_closure_sheet(UiState& state) {
  state.closure_section.clear();
  state.closure_item.clear();
  state.closure_detail = -1;
  state.closure_other.clear();
  state.carer_person.reset();
  state.carer_outcome.clear();
  state.carer_shared.clear();
  state.close_reason = -1;
  state.close_destination = -1;
  state.close_override = -1;
  state.close_reason_other.clear();
  state.close_override_other.clear();
  state.close_confirming = false;
  state.carer_other.clear();
  reset_key_person_form(state);
  reset_care_flag_choice(state);
}

std::optional<Command> draw_closure_sheet(const FrameInput& in, const PlanView& v, UiState& state) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  static float content_height = 0;
  if (!begin_hung_sheet("Bundle and closure", em, 62.0f, content_height)) return std::nullopt;
  if (state.closure_section.empty()) state.closure_section = "bundle";

  // Title and the section tabs; Done closes the sheet.
  ImGui::PushFont(f.big);
  ImGui::TextUnformatted(person_label(v.person, state.privacy).c_str());
  ImGui::PopFont();
  ImGui::SameLine(0, em);
  ImGui::TextColored(v4(colour::text_dim), "%s · %s", v.person ? v.person->local_id.c_str() : "",
                     std::string(stage_label(v.episode->stage)).c_str());
  ImGui::PushFont(f.bold);
  // Four tabs and Done in one row at 1280 px too.
  const float tab_w = std::min(em * 14.0f, (ImGui::GetContentRegionAvail().x - em * 8.0f - ImGui::GetStyle().ItemSpacing.x * 4) / 4);
  const ImVec2 tab(tab_w, em * 2.8f);
  struct Tab {
    const char* key;
    std::string label;
  };
  const std::array<Tab, 4> tabs{{{"bundle", std::string(icon::list) + "  Transition bundle"},
                                 {"carer", std::string(icon::users) + "  Carer contact"},
                                 {"flags", std::string(icon::flag) + "  Care flags"},
                                 {"close", std::string(icon::ban) + "  Close episode"}}};
  for (size_t i = 0; i < tabs.size(); ++i) {
    if (i) ImGui::SameLine();
    if (toggle_button(tabs[i].label.c_str(), tab, state.closure_section == tabs[i].key, state.targets,
                      std::string("closure_tab:") + tabs[i].key) &&
        state.closure_section != tabs[i].key) {
      const std::string key = tabs[i].key;
      reset_closure_sheet(state);
      state.closure_section = key;
    }
  }
  ImGui::SameLine();
  bool done = toggle_button("Done", ImVec2(em * 8.0f, tab.y), false, state.targets, "closure_done");
  ImGui::PopFont();
  ImGui::Separator();

  // A signed-in person without the role sees the state and who can change it, and no buttons.
  bool read_only = false;
  if (!state.signed_in.empty()) {
    const Staff* me = in.snapshot.find_staff(state.signed_in);
    const Roles needed = required_role(Command{CloseEpisode{}});
    if (!me || !me->role_set().any_of(needed)) {
      read_only = true;
      ImGui::PushFont(f.bold);
      ImGui::PushStyleColor(ImGuiCol_Text, v4(colour::warning));
      ImGui::TextWrapped("%s Only staff with %s can record the bundle, add key people, log carer contact, note or clear care flags, or close an episode; %s is signed in.",
                         icon::lock, needed.describe().c_str(), me ? me->name.c_str() : state.signed_in.str().c_str());
      ImGui::PopStyleColor();
      ImGui::PopFont();
      state.targets.add_last_item("closure_read_only");
    }
  }

  std::optional<Command> out;
  if (state.closure_section == "carer") out = carer_section(in, v, state, read_only);
  else if (state.closure_section == "close") out = close_section(in, v, state, read_only);
  else if (state.closure_section == "flags") out = care_flags_section(in, v, state, read_only);
  else out = bundle_section(in, v, state, read_only);

  if (done) {
    reset_closure_sheet(state);
    state.plan_action.clear();
    state.plan_action_episode.reset();
  }
  end_hung_sheet(content_height, state.plan_action == "closure");  // Done, or the episode was closed
  if (out) state.acting = std::visit([](const auto& c) { return c.by; }, *out);
  return out;
}

}  // namespace vb::ui
