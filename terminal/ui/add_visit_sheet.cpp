// The plans screen's "Add visit" sheet: choices as big chips, one summary line, Save.
#include "ui/add_visit_sheet.hpp"

#include "core/add_visit.hpp"
#include "core/out_of_hours.hpp"
#include "ui/bank_holiday_words.hpp"
#include "ui/icons.hpp"
#include "ui/sheet_parts.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>

namespace vb::ui {

namespace {

// Every half hour of the chosen day, 00:00 to 23:30 (session 9: it was 07:00-23:00, so a late start
// or one after midnight on a night shift could only be added through `apply`).
constexpr std::array<int, 48> starts = [] {
  std::array<int, 48> out{};
  for (size_t i = 0; i < out.size(); ++i) out[i] = 30 * static_cast<int>(i);
  return out;
}();
// Four rows of six hours: night (00:00-05:30), morning, afternoon, evening.
constexpr size_t starts_per_row = 12;
constexpr std::array<int, 5> lengths{20, 30, 45, 60, 90};
constexpr std::array<int, 4> windows{60, 120, 180, 240};
constexpr std::array<SheetChoice, 5> notes{{{"Risk rose", "Risk rose"},
                                            {"Carer called", "Carer called"},
                                            {"Person asked for contact", "Person asked"},
                                            {"Follow-up not in the plan", "Follow-up"},
                                            {"Another service asked", "Service asked"}}};
constexpr std::array<VisitType, 4> types{VisitType::home, VisitType::phone, VisitType::video, VisitType::clinic};

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

LocalDate plus_days(LocalDate d, long n) { return LocalDate{date::sys_days{d} + date::days{n}}; }

const char* type_icon(VisitType t) {
  switch (t) {
    case VisitType::home: return icon::home;
    case VisitType::phone: return icon::phone;
    case VisitType::video: return icon::video;
    case VisitType::clinic: return icon::hospital;
  }
  return icon::home;
}

std::string type_words(VisitType t) {
  std::string w = words(to_string(t));
  if (!w.empty()) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
  return w;
}

// A label at the left of a row of chips, the same width on every row so the chips line up.
void row_label(const Fonts& f, const char* text, float width) {
  const float y = ImGui::GetCursorPosY();
  ImGui::SetCursorPosY(y + (f.em * 2.5f - ImGui::GetTextLineHeight()) * 0.5f);  // centred on the chips
  ImGui::PushFont(f.bold);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
  ImGui::SameLine(width);
  ImGui::SetCursorPosY(y);
}

// What will be saved, in one line, and out of hours by the team's one rule (icon and words), or
// what is still to choose. At the top of the sheet, so it is read before Save.
void summary(const FrameInput& in, const std::optional<Command>& preview, UiState& state) {
  const Fonts& f = in.fonts;
  if (!preview) {
    ImGui::PushFont(f.bold);
    ImGui::TextColored(v4(colour::text_dim), "%s Choose the day and the start: this line then says when, and whether it is out of hours.",
                       icon::calendar);
    ImGui::PopFont();
    ImGui::NewLine();
    return;
  }
  const auto& c = std::get<AddVisit>(*preview);
  const bool ooh = out_of_hours_at(in.snapshot.rota_rules, c.date, c.start_min);
  ImGui::PushFont(f.big);
  ImGui::Text("%s %s  %s-%s%s  ·  %d min  ·  %s%s", type_icon(c.type), format_day_label(c.date).c_str(),
              format_minutes_hm(c.start_min).c_str(), format_minutes_hm(c.end_min).c_str(),
              c.ends_next_day ? " (next day)" : "", c.duration_min, type_words(c.type).c_str(),
              c.double_up ? "  ·  two staff" : "");
  ImGui::PopFont();
  // The clocks go back that night: which 01:30 it is, in words (never moved silently).
  if (const std::string clock = add_visit_clock_words(in.snapshot, c); !clock.empty()) {
    ImGui::PushFont(f.bold);
    ImGui::TextWrapped("%s %s", icon::clock, clock.c_str());
    ImGui::PopFont();
    state.targets.add_last_item("add_visit_clock");
  }
  // A start already past (a late record, or Today tapped for a time after midnight tonight).
  if (const std::string past = add_visit_past_words(in.snapshot, c); !past.empty()) {
    const LocalDate today = local_date_of(in.now, in.snapshot.zone());
    const bool tonight = c.date == today && c.start_min < 7 * 60;
    ImGui::PushFont(f.bold);
    ImGui::PushStyleColor(ImGuiCol_Text, v4(colour::warning));
    ImGui::TextWrapped("%s Already past: %s.%s", icon::warning, past.c_str(),
                       tonight ? " For after midnight tonight, choose Tomorrow." : "");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    state.targets.add_last_item("add_visit_past");
  }
  ImGui::PushFont(f.bold);
  ImGui::PushStyleColor(ImGuiCol_Text, v4(ooh ? colour::warning : colour::text));
  ImGui::Text("%s %s", ooh ? icon::moon : icon::sun, add_visit_hours_words(in.snapshot, c.date, c.start_min).c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  state.targets.add_last_item(ooh ? "add_visit_ooh:yes" : "add_visit_ooh:no");
}

// Chips in rows of `per_row` from x = `indent`; returns the index tapped, or -1.
template <class Label>
int chip_rows(const Fonts& f, HitTargets& targets, size_t n, size_t per_row, float indent, const std::string& prefix,
              Label&& label_of, const std::function<bool(size_t)>& chosen) {
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float width = (avail - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
  const ImVec2 size(width, f.em * 2.5f);
  int tapped = -1;
  for (size_t i = 0; i < n; ++i) {
    if (i % per_row != 0) ImGui::SameLine();
    else if (i > 0) ImGui::SetCursorPosX(indent);
    const std::string name = prefix + ":" + std::to_string(i);
    if (toggle_button((label_of(i) + "##" + name).c_str(), size, chosen(i), targets, name)) tapped = static_cast<int>(i);
  }
  return tapped;
}

// The start slots of `day` (targets "add_visit_start:<i>"). Rows sit a little closer than the
// sheet's other rows so the whole sheet stays on a 1280x800 screen. Returns true when the chosen
// start does not exist on `day` (the day was changed to a clock-change night): it is then unset.
bool start_grid(const FrameInput& in, UiState& state, LocalDate day, float indent) {
  const Fonts& f = in.fonts;
  const Snapshot& s = in.snapshot;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float width = (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(starts_per_row - 1)) /
                      static_cast<float>(starts_per_row);
  const ImVec2 size(width, f.em * 2.5f);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, f.em * 0.25f));
  bool chosen_gone = false;
  std::string skipped;  // "01:00 or 01:30"
  for (size_t i = 0; i < starts.size(); ++i) {
    if (i % starts_per_row != 0) ImGui::SameLine();
    else if (i > 0) ImGui::SetCursorPosX(indent);
    const std::string name = "add_visit_start:" + std::to_string(i);
    if (!add_visit_time_exists(s, day, starts[i])) {
      skipped += (skipped.empty() ? "" : " or ") + format_minutes_hm(starts[i]);
      chosen_gone = chosen_gone || state.add_visit_start == starts[i];
      ImGui::BeginDisabled();
      ImGui::Button(("\u2013##" + name).c_str(), size);  // no such time: a dash, not a number to tap
      ImGui::EndDisabled();
      continue;
    }
    const bool ooh = out_of_hours_at(s.rota_rules, day, starts[i]);
    const std::string label = std::string(ooh ? icon::moon : "") + (ooh ? " " : "") + format_minutes_hm(starts[i]);
    if (toggle_button((label + "##" + name).c_str(), size, state.add_visit_start == starts[i], state.targets, name))
      state.add_visit_start = starts[i];
  }
  ImGui::PopStyleVar();
  if (!skipped.empty()) {
    ImGui::SetCursorPosX(indent);
    ImGui::PushFont(f.bold);
    ImGui::TextColored(v4(colour::warning), "%s No %s on %s: the clocks go forward that night.", icon::clock,
                       skipped.c_str(), format_day_label(day).c_str());
    ImGui::PopFont();
    state.targets.add_last_item("add_visit_clock_skip");
  }
  return chosen_gone;
}

}  // namespace

std::span<const int> add_visit_start_slots() { return starts; }
std::span<const int> add_visit_lengths() { return lengths; }
std::span<const int> add_visit_windows() { return windows; }
std::span<const SheetChoice> add_visit_notes() { return notes; }

void reset_add_visit_sheet(UiState& state) {
  state.add_visit_day = -1;
  state.add_visit_start = -1;
  state.add_visit_length = 45;
  state.add_visit_window = 120;
  state.add_visit_type = VisitType::home;
  state.add_visit_double = false;
  state.add_visit_skills.clear();
  state.add_visit_note = -1;
  state.add_visit_other.clear();
}

std::optional<Command> add_visit_candidate(const FrameInput& in, Id episode, const UiState& state, const StaffId& by) {
  if (state.add_visit_day < 0 || state.add_visit_start < 0) return std::nullopt;
  const LocalDate today = local_date_of(in.now, in.snapshot.zone());
  AddVisit c;
  c.episode = episode;
  c.date = plus_days(today, state.add_visit_day);
  c.start_min = state.add_visit_start;
  // The window runs on from the start, at least as long as the visit (wall-clock minutes); past
  // midnight it ends the next day, said so in the command (session 8; it was cut at 23:59 before).
  // On the clock-change nights the window keeps at least its real length (core/add_visit).
  const AddVisitEnd end = add_visit_end_after(in.snapshot, c.date, state.add_visit_start,
                                              std::max(state.add_visit_window, state.add_visit_length));
  c.ends_next_day = end.ends_next_day;
  c.end_min = end.end_min;
  c.type = state.add_visit_type;
  c.duration_min = state.add_visit_length;
  c.double_up = state.add_visit_double;
  c.required_skills = state.add_visit_skills;
  if (auto note = sheet_chosen_value(notes, state.add_visit_note, state.add_visit_other)) c.note = *note;
  c.by = by;
  c.at = in.now;
  return c;
}

std::string add_visit_hours_words(const Snapshot& s, LocalDate d, int start_min) {
  const RotaRules& rules = s.rota_rules;
  if (!out_of_hours_at(rules, d, start_min)) return "In hours";
  if (const BankHoliday* h = rules.bank_holidays.on(d)) return "Out of hours: " + bank_holiday_words(*h);
  const date::weekday wd{date::sys_days{d}};
  if (wd == date::Saturday || wd == date::Sunday) return "Out of hours: weekend";
  if (start_min >= in_hours_end_min(rules)) return "Out of hours: weekday from " + format_minutes_hm(in_hours_end_min(rules));
  return "Out of hours: weekday before " + format_minutes_hm(in_hours_start_min(rules));
}

std::optional<Command> draw_add_visit_sheet(const FrameInput& in, const PlanView& v, UiState& state) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  const Snapshot& s = in.snapshot;
  static float content_height = 0;
  // Hung higher than the other sheets (under the header's time and date, over the tabs): with the
  // whole day's starts (four rows) it still fits a 1280x800 screen without scrolling.
  if (!begin_hung_sheet("Add visit", em, 64.0f, content_height, 2.6f)) return std::nullopt;

  // Title; Cancel closes the sheet.
  ImGui::PushFont(f.big);
  ImGui::Text("Add a visit: %s", person_label(v.person, state.privacy).c_str());
  ImGui::PopFont();
  ImGui::SameLine(ImGui::GetContentRegionMax().x - em * 8.0f);
  ImGui::PushFont(f.bold);
  const bool cancel = toggle_button("Cancel", ImVec2(em * 8.0f, em * 2.6f), false, state.targets, "add_visit_cancel");
  ImGui::PopFont();
  ImGui::Separator();

  bool read_only = false;
  const Roles needed = required_role(Command{AddVisit{}});
  if (!state.signed_in.empty()) {
    const Staff* me = s.find_staff(state.signed_in);
    if (!me || !me->role_set().any_of(needed)) {
      read_only = true;
      ImGui::PushFont(f.bold);
      ImGui::PushStyleColor(ImGuiCol_Text, v4(colour::warning));
      ImGui::TextWrapped("%s Only staff with %s can add a visit; %s is signed in.", icon::lock, needed.describe().c_str(),
                         me ? me->name.c_str() : state.signed_in.str().c_str());
      ImGui::PopStyleColor();
      ImGui::PopFont();
      state.targets.add_last_item("add_visit_read_only");
    }
  }

  std::optional<Command> out;
  if (!read_only) {
    summary(in, add_visit_candidate(in, v.episode->id, state, ""), state);
    ImGui::Separator();
    const float label_w = em * 6.5f;
    const LocalDate today = local_date_of(in.now, s.zone());
    row_label(f, "Day", label_w);
    int tapped = chip_rows(
        f, state.targets, add_visit_days_offered, add_visit_days_offered, label_w, "add_visit_day",
        [&](size_t i) {
          const LocalDate d = plus_days(today, static_cast<long>(i));
          // "Wed 25" (the month is in the summary line below); the first two by name.
          if (i == 0) return std::string("Today");
          if (i == 1) return std::string("Tomorrow");
          return format_day_label(d).substr(0, 6);
        },
        [&](size_t i) { return state.add_visit_day == static_cast<int>(i); });
    if (tapped >= 0) state.add_visit_day = tapped;

    // Start slots in four rows of twelve (six hours a row, the night first); a moon marks a slot out
    // of hours on the chosen day; a time the clocks skip that day is shown but cannot be chosen.
    const LocalDate day = plus_days(today, std::max(state.add_visit_day, 0));
    row_label(f, "Start", label_w);
    if (start_grid(in, state, day, label_w)) state.add_visit_start = -1;

    // Length and window on one row: "Length [20 min] ... Within [1 h] ...".
    row_label(f, "Length", label_w);
    {
      const float gap = ImGui::GetStyle().ItemSpacing.x;
      const float label = ImGui::CalcTextSize("Within").x + em;
      const float chip = (ImGui::GetContentRegionAvail().x - label - gap * 8) / 9;
      const float y = ImGui::GetCursorPosY();
      for (size_t i = 0; i < lengths.size(); ++i) {
        if (i) ImGui::SameLine();
        const std::string name = "add_visit_length:" + std::to_string(i);
        if (toggle_button((std::to_string(lengths[i]) + " min##" + name).c_str(), ImVec2(chip, em * 2.5f),
                          state.add_visit_length == lengths[i], state.targets, name))
          state.add_visit_length = lengths[i];
      }
      ImGui::SameLine(0, em * 0.8f);
      // (text after framed buttons on a line is lowered by the frame padding: take it off)
      ImGui::SetCursorPosY(y + (em * 2.5f - ImGui::GetTextLineHeight()) * 0.5f - ImGui::GetStyle().FramePadding.y);
      ImGui::PushFont(f.bold);
      ImGui::TextUnformatted("Within");
      ImGui::PopFont();
      for (size_t i = 0; i < windows.size(); ++i) {
        ImGui::SameLine();
        ImGui::SetCursorPosY(y);
        const std::string name = "add_visit_window:" + std::to_string(i);
        if (toggle_button((std::to_string(windows[i] / 60) + " h##" + name).c_str(), ImVec2(chip, em * 2.5f),
                          state.add_visit_window == windows[i], state.targets, name))
          state.add_visit_window = windows[i];
      }
    }

    row_label(f, "Type", label_w);
    const float row_y = ImGui::GetCursorPosY();
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.62f;
    ImGui::BeginGroup();
    {
      const float gap = ImGui::GetStyle().ItemSpacing.x;
      const ImVec2 size((half - gap * 3) / 4, em * 2.5f);
      for (size_t i = 0; i < types.size(); ++i) {
        if (i) ImGui::SameLine();
        const std::string label = std::string(type_icon(types[i])) + " " + type_words(types[i]);
        if (toggle_button(label.c_str(), size, state.add_visit_type == types[i], state.targets,
                          "add_visit_type:" + std::string(to_string(types[i]))))
          state.add_visit_type = types[i];
      }
    }
    ImGui::EndGroup();
    ImGui::SameLine(0, em * 1.5f);
    ImGui::SetCursorPosY(row_y + (em * 2.5f - ImGui::GetTextLineHeight()) * 0.5f - ImGui::GetStyle().FramePadding.y);
    ImGui::PushFont(f.bold);
    ImGui::TextUnformatted("Two staff");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::SetCursorPosY(row_y);
    {
      const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
      if (toggle_button((std::string(icon::users) + " Yes").c_str(), ImVec2(w, em * 2.5f), state.add_visit_double,
                        state.targets, "add_visit_double:yes"))
        state.add_visit_double = true;
      ImGui::SameLine();
      if (toggle_button((std::string(icon::user) + " No").c_str(), ImVec2(w, em * 2.5f), !state.add_visit_double,
                        state.targets, "add_visit_double:no"))
        state.add_visit_double = false;
    }

    const auto skills = team_skills(s);
    if (!skills.empty()) {
      row_label(f, "Needs", label_w);
      tapped = chip_rows(
          f, state.targets, skills.size(), std::min<size_t>(skills.size(), 6), label_w, "add_visit_skill",
          [&](size_t i) { return words(skills[i]); },
          [&](size_t i) {
            return std::find(state.add_visit_skills.begin(), state.add_visit_skills.end(), skills[i]) !=
                   state.add_visit_skills.end();
          });
      if (tapped >= 0) {
        auto& chosen = state.add_visit_skills;
        auto it = std::find(chosen.begin(), chosen.end(), skills[static_cast<size_t>(tapped)]);
        if (it == chosen.end()) chosen.push_back(skills[static_cast<size_t>(tapped)]);
        else chosen.erase(it);
      }
    }

    row_label(f, "Why", label_w);
    ImGui::BeginGroup();
    sheet_choice_buttons(f, state, notes, state.add_visit_note, state.add_visit_other, "add_visit_note", true, 6);
    ImGui::EndGroup();
    ImGui::Separator();

    // Signed in (the kiosk's usual state): who records goes beside Save, so all fits at 1280x800.
    const StaffId& by = state.signed_in.empty() ? sheet_author(in, state) : state.signed_in;
    const std::optional<Command> candidate = add_visit_candidate(in, v.episode->id, state, by);
    const bool saved = sheet_save_row(in, state, candidate, "Add visit", "add_visit_save", "Choose the day and the start first.");
    if (!state.signed_in.empty()) {
      ImGui::SameLine(0, em);
      ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (em * 2.8f - ImGui::GetTextLineHeight()) * 0.5f);
      ImGui::Text("%s by %s (signed in)", icon::user, sheet_staff_name(s, state.signed_in).c_str());
    }
    if (saved) {
      out = candidate;
      reset_add_visit_sheet(state);
      state.plan_action.clear();
      state.plan_action_episode.reset();
    }
  }

  if (cancel) {
    reset_add_visit_sheet(state);
    state.plan_action.clear();
    state.plan_action_episode.reset();
  }
  end_hung_sheet(content_height, state.plan_action == "add_visit");
  if (out) state.acting = std::visit([](const auto& c) { return c.by; }, *out);
  return out;
}

}  // namespace vb::ui
