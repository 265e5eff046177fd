// Reviews: slots grid (left), due/overdue list and escalations (right). Taps open the sheets in
// review_sheets.cpp; nothing here changes data.
#include "ui/reviews_screen.hpp"

#include "ui/icons.hpp"
#include "ui/review_sheets.hpp"
#include "ui/text_fit.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <optional>

namespace vb::ui {

namespace {

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

std::string ago(Instant then, Instant now) {
  auto mins = std::chrono::duration_cast<std::chrono::minutes>(now - then).count();
  if (mins < 60) return std::to_string(mins) + " min ago";
  if (mins < 48 * 60) return std::to_string(mins / 60) + " h ago";
  return std::to_string(mins / (24 * 60)) + " days ago";
}

// "today 16:00", "tomorrow 10:00", "Tue 10:00" within the week, else "Tue 1 Dec 10:00".
std::string short_when(Instant t, Instant now, Zone zone) {
  const auto day = local_date_of(t, zone);
  const auto days = (date::sys_days{day} - date::sys_days{local_date_of(now, zone)}).count();
  std::string d = days == 0 ? "today" : days == 1 ? "tomorrow" : days > 1 && days < 7 ? date::format("%a", day) : format_day_label(day);
  return d + " " + format_local_hm(t, zone);
}

std::string slot_name(const SlotView& slot) { return "slot:" + slot.reviewer + ":" + format_utc(slot.start); }

void section_title(const char* icon_text, const std::string& text, const Fonts& f) {
  ImGui::PushFont(f.bold);
  ImGui::TextColored(v4(colour::accent), "%s  %s", icon_text, text.c_str());
  ImGui::PopFont();
}

void slot_grid(const FrameInput& in, UiState& state, float height) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  const ReviewBoard& rb = in.reviews;
  const Zone zone = in.snapshot.zone();
  section_title(icon::calendar, "Review slots · week of " + format_day_label(rb.week_start), f);
  // Weekdays always; a weekend day only when it has slots.
  std::vector<LocalDate> days;
  for (size_t i = 0; i < rb.days.size(); ++i) {
    bool has = std::any_of(rb.slots.begin(), rb.slots.end(),
                           [&](const SlotView& sv) { return local_date_of(sv.start, zone) == rb.days[i]; });
    if (i < 5 || has) days.push_back(rb.days[i]);
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInner | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchSame;
  if (!ImGui::BeginTable("slots", static_cast<int>(days.size()) + 1, flags, ImVec2(0, height - em * 1.6f))) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn("Reviewer", ImGuiTableColumnFlags_WidthFixed, em * 5.6f);
  // A bank holiday says so in its cells by name (weekly clinics do not run that day; core/review_slots).
  const BankHolidays& holidays = in.snapshot.rota_rules.bank_holidays;
  for (const auto& d : days) ImGui::TableSetupColumn(date::format("%a %d", d).c_str());
  ImGui::PushFont(f.bold);
  ImGui::TableHeadersRow();
  ImGui::PopFont();
  const LocalDate today = local_date_of(in.now, zone);
  // Booked slots show the person's initials after the time; one-line labels, to decide stacking once.
  auto booked_who = [&](const SlotView& slot) {
    if (slot.bookings.empty()) return std::string();
    const Episode* e = in.snapshot.find_episode(slot.bookings.front()->episode_id);
    const Person* p = e ? in.snapshot.find_person(e->person_id) : nullptr;
    std::string who = person_label(p, true);
    if (slot.bookings.size() > 1) who += "+" + std::to_string(slot.bookings.size() - 1);
    return who;
  };
  std::vector<std::string> booked_labels;
  for (const auto& slot : rb.slots)
    if (!slot.bookings.empty()) booked_labels.push_back(join_label(format_local_hm(slot.start, zone), booked_who(slot), false));
  std::optional<bool> stacked;  // decided in the first slot cell (day columns share one width)
  for (const Staff* reviewer : rb.reviewers) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushFont(f.bold);
    ImGui::TextUnformatted(reviewer->initials.c_str());
    ImGui::PopFont();
    ImGui::PushFont(f.small);
    ImGui::PushTextWrapPos(0.0f);  // "Senior practitioner" wraps in the narrow column, never cut
    ImGui::TextColored(v4(colour::text_dim), "%s", words(reviewer->discipline).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    for (const auto& d : days) {
      ImGui::TableNextColumn();
      ImGui::PushID((reviewer->id + format_date(d)).c_str());
      bool any = false;
      for (const auto& slot : rb.slots) {
        if (slot.reviewer != reviewer->id || local_date_of(slot.start, zone) != d) continue;
        any = true;
        // Free slots show their time; booked ones the person's initials on a filled button.
        const std::string who = booked_who(slot);
        ImU32 fill = colour::planned, ink = colour::text;
        if (!slot.bookings.empty()) {
          fill = colour::accent;
          ink = colour::text_dark;
        }
        const bool past = slot.start < in.now;
        ImGui::PushStyleColor(ImGuiCol_Button, v4(past ? colour::cancelled : fill));
        ImGui::PushStyleColor(ImGuiCol_Text, v4(past ? colour::text_dim : ink));
        ImGui::PushFont(f.small);
        // Narrow day columns stack the time over the initials (every booked slot alike) rather than clip them.
        if (!stacked) {
          const float inner = ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().FramePadding.x;
          stacked = any_too_wide(booked_labels, inner, [](std::string_view t) {
            return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x;
          });
        }
        const std::string label = join_label(format_local_hm(slot.start, zone), who, *stacked);
        const float button_h = label_lines(label) > 1 ? em * 2.7f : em * 1.9f;
        bool tapped = ImGui::Button((label + "##" + format_utc(slot.start)).c_str(), ImVec2(-1, button_h));
        ImGui::PopFont();
        ImGui::PopStyleColor(2);
        state.targets.add_last_item(slot_name(slot));
        if (tapped && !past && !slot.full() && state.selected_episode) {
          open_book_sheet(state, *state.selected_episode, slot.reviewer, slot.start);
        }
      }
      if (!any && d < today) {
        ImGui::TextDisabled("%s", "");
      } else if (const BankHoliday* h = any ? nullptr : holidays.on(d)) {
        ImGui::PushFont(f.small);
        ImGui::PushTextWrapPos(0.0f);  // wraps in a narrow column
        ImGui::TextDisabled("%s: no clinic", h->name.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
      } else if (!any) {
        ImGui::TextDisabled("no clinic");
      }
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

void due_list(const FrameInput& in, UiState& state) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  const Zone zone = in.snapshot.zone();
  section_title(icon::clock, "Reviews due in the next 3 days, most overdue first", f);
  if (in.reviews.due.empty()) ImGui::TextDisabled("Nothing due in the next three days.");
  // Only the items in sight are laid out (a trust has hundreds due); every item is one height.
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(in.reviews.due.size()));
  while (clipper.Step())
  for (int index = clipper.DisplayStart; index < clipper.DisplayEnd; ++index) {
    const auto& item = in.reviews.due[static_cast<size_t>(index)];
    ImGui::PushID(static_cast<int>(item.episode->id));
    ImGui::Separator();
    if (item.status == ReviewStatus::overdue) {
      auto hours = std::chrono::duration_cast<std::chrono::hours>(in.now - item.next.due).count();
      std::string by = hours < 48 ? std::to_string(std::max<long>(hours, 1)) + " h" : std::to_string(hours / 24) + " days";
      pill(icon::warning, "Overdue " + by, colour::missed, colour::text, f.bold, em * 8.5f);
    } else {
      auto day = local_date_of(item.next.due, zone);
      std::string when = (day == in.board.date ? "today " : format_day_label(day) + " ") + format_local_hm(item.next.due, zone);
      pill(icon::clock, "Due " + when, item.status == ReviewStatus::due ? colour::warning : colour::planned,
           item.status == ReviewStatus::due ? colour::text_dark : colour::text, f.bold, em * 8.5f);
    }
    ImGui::SameLine();
    ImGui::BeginGroup();
    const bool selected = state.selected_episode == item.episode->id;
    ImGui::PushFont(f.bold);
    ImGui::TextColored(v4(selected ? colour::accent : colour::text), "%s  %s · %s risk",
                       person_label(item.person, state.privacy).c_str(), item.person ? item.person->local_id.c_str() : "",
                       std::string(risk_label(item.episode->risk)).c_str());
    ImGui::PopFont();
    ImGui::PushFont(f.small);
    ImGui::TextColored(v4(colour::text_dim), "%s · %s", item.next.rule->label.c_str(), item.next.detail.c_str());
    ImGui::PopFont();
    ImGui::EndGroup();

    const float button_h = em * 2.2f;
    if (item.booking) {
      const Staff* r = in.snapshot.find_staff(item.booking->reviewer);
      std::string text = std::string(icon::check) + " Booked " + short_when(item.booking->slot_start, in.now, zone) +
                         " · " + (r ? r->initials : "?");
      ImGui::TextColored(v4(colour::done), "%s", text.c_str());
    } else if (item.suggestion.slot) {
      const auto& slot = *item.suggestion.slot;
      const Staff* r = in.snapshot.find_staff(slot.reviewer);
      std::string label = std::string(icon::calendar) + " Book " + short_when(slot.start, in.now, zone) + " · " +
                          (r ? r->initials : "?");
      if (toggle_button(label.c_str(), ImVec2(em * 13, button_h), false, state.targets,
                        "book:" + std::to_string(item.episode->id)))
        open_book_sheet(state, item.episode->id, slot.reviewer, slot.start);
    } else {
      const std::string why = std::string(icon::exclamation) + " " + item.suggestion.why;
      // When the words leave the buttons no room (1280 px) they wrap in the small face beside them:
      // two small lines fit the buttons' height, so every item keeps one height (the clipper).
      const float room = ImGui::GetContentRegionAvail().x - em * 18.5f;
      if (ImGui::CalcTextSize(why.c_str()).x <= room) {
        ImGui::TextColored(v4(colour::warning), "%s", why.c_str());
      } else {
        ImGui::PushFont(f.small);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + room);
        ImGui::TextColored(v4(colour::warning), "%s", why.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
      }
    }
    ImGui::SameLine();
    if (toggle_button((std::string(icon::stethoscope) + " Record review").c_str(), ImVec2(em * 10, button_h), false,
                      state.targets, "record:" + std::to_string(item.episode->id)))
      open_record_sheet(in, state, item.episode->id);
    ImGui::SameLine();
    if (toggle_button(selected ? "Now tap a slot" : "Pick a slot", ImVec2(em * 7.5f, button_h), selected, state.targets,
                      "select:" + std::to_string(item.episode->id)))
      state.selected_episode = selected ? std::nullopt : std::optional<Id>(item.episode->id);
    ImGui::PopID();
  }
}

void escalation_list(const FrameInput& in, UiState& state) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  const Zone zone = in.snapshot.zone();
  const auto& cascade = in.snapshot.review_rules.cascade;
  section_title(icon::exclamation, "Escalations to medical staff", f);
  if (in.reviews.escalations.empty()) ImGui::TextDisabled("No escalations this week.");
  int i = 0;
  for (const auto& x : in.reviews.escalations) {
    ImGui::PushID(i++);
    ImGui::Separator();
    const Person* p = in.snapshot.find_person(x.episode->person_id);
    if (x.open()) {
      pill(icon::warning, cascade[x.level].label + " now", colour::missed, colour::text, f.bold, em * 8.5f);
    } else {
      const Staff* by = in.snapshot.find_staff(x.ack->by);
      pill(icon::check, "Seen by " + (by ? by->initials : x.ack->by.str()), colour::done, colour::text, f.bold, em * 8.5f);
    }
    ImGui::SameLine();
    ImGui::BeginGroup();
    // Leave room for the Acknowledge button on the right.
    ImGui::PushTextWrapPos(ImGui::GetWindowContentRegionMax().x - (x.open() ? em * 10 : 0));
    ImGui::PushFont(f.bold);
    ImGui::Text("%s  %s · %s", person_label(p, state.privacy).c_str(), p ? p->local_id.c_str() : "",
                std::string(trigger_label(x.trigger)).c_str());
    ImGui::PopFont();
    ImGui::PushFont(f.small);
    std::string when = "fired " + ago(x.fired_at, in.now);
    if (x.open() && x.next_step_at)
      when += " · to " + cascade[x.level + 1].label + " at " + format_local_hm(*x.next_step_at, zone);
    ImGui::TextColored(v4(colour::text_dim), "%s · %s", x.detail.c_str(), when.c_str());
    if (x.open()) {
      const RiskThresholds t = thresholds_for(in.snapshot, x.episode->id);
      if (!t.narrative.empty()) ImGui::TextColored(v4(colour::warning), "Thresholds: %s", t.narrative.c_str());
    }
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    if (x.open()) {
      ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - em * 9.5f));
      if (toggle_button((std::string(icon::check) + " Acknowledge").c_str(), ImVec2(em * 9.2f, em * 2.2f), false,
                        state.targets, "ack:" + std::to_string(x.episode->id) + ":" + x.trigger))
        open_ack_sheet(state, x.episode->id, x.trigger, x.fired_at);
    }
    ImGui::PopID();
  }
}

// The latest admission-avoidance decisions, newest first. Entries are never edited: a correction
// is its own entry, and the original stays visible, marked as corrected.
void decision_log(const FrameInput& in, const UiState& state) {
  const Fonts& f = in.fonts;
  const Zone zone = in.snapshot.zone();
  section_title(icon::gavel, "Decision log (latest)", f);
  std::vector<const DecisionLogEntry*> entries;
  for (const auto& d : in.snapshot.decisions) {
    const Episode* e = in.snapshot.find_episode(d.episode_id);
    if (e && e->is_open()) entries.push_back(&d);
  }
  std::sort(entries.begin(), entries.end(), [](auto* a, auto* b) { return a->at > b->at; });
  if (entries.size() > 6) entries.resize(6);
  if (entries.empty()) ImGui::TextDisabled("No decisions logged for people on the caseload.");
  for (const DecisionLogEntry* d : entries) {
    const Episode* e = in.snapshot.find_episode(d->episode_id);
    const Person* p = e ? in.snapshot.find_person(e->person_id) : nullptr;
    const Staff* by = in.snapshot.find_staff(d->decided_by);
    bool corrected = std::any_of(in.snapshot.decisions.begin(), in.snapshot.decisions.end(),
                                 [&](const DecisionLogEntry& c) { return c.corrects && *c.corrects == d->id; });
    ImGui::PushFont(f.bold);
    ImGui::TextColored(v4(corrected ? colour::text_dim : colour::text), "#%lld  %s %s · %s%s", static_cast<long long>(d->id),
                       format_day_label(local_date_of(d->at, zone)).c_str(), format_local_hm(d->at, zone).c_str(),
                       person_label(p, state.privacy).c_str(), corrected ? "  (corrected below)" : "");
    ImGui::PopFont();
    ImGui::PushFont(f.small);
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(v4(colour::text), "%s%s — %s", d->corrects ? ("corrects #" + std::to_string(*d->corrects) + ": ").c_str() : "",
                       d->decision.c_str(), d->rationale.c_str());
    ImGui::TextColored(v4(colour::text_dim), "decided by %s · informed: %s", by ? by->name.c_str() : d->decided_by.str().c_str(),
                       d->informed.empty() ? "not recorded" : d->informed.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
  }
}

// Every rule with where it comes from, so nobody has to guess why a review is due.
void rules_list(const FrameInput& in) {
  const Fonts& f = in.fonts;
  const ReviewRules& r = in.snapshot.review_rules;
  section_title(icon::list, "When reviews are due (team rules, data/review_rules.json)", f);
  ImGui::PushFont(f.small);
  for (const RuleText* rule : {&r.first_review, &r.weekly_intensive, &r.set_at_last_review, &r.before_step_down,
                               &r.after_high_risk, &r.six_weeks, &r.before_closure}) {
    ImGui::TextColored(v4(colour::text), "%s", rule->label.c_str());
    ImGui::SameLine();
    ImGui::TextColored(v4(colour::text_dim), "— %s", rule->source.c_str());
  }
  std::string cascade;
  for (const auto& step : r.cascade)
    cascade += (cascade.empty() ? "" : " → ") + step.label + " (" + std::to_string(step.after.count()) + " min)";
  ImGui::TextColored(v4(colour::text), "Escalation cascade");
  ImGui::SameLine();
  ImGui::TextColored(v4(colour::text_dim), "— %s", cascade.c_str());
  ImGui::PopFont();
}

}  // namespace

void draw_reviews_screen(const FrameInput& in, UiState& state, float height) {
  const float em = in.fonts.em;
  const float width = ImGui::GetContentRegionAvail().x;
  const float left = std::max(width * 0.40f, em * 27);
  ImGui::BeginChild("review_slots", ImVec2(left, height), false, ImGuiWindowFlags_NoScrollbar);
  slot_grid(in, state, height);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("review_lists", ImVec2(0, height), false);
  escalation_list(in, state);  // the most urgent first
  ImGui::Spacing();
  ImGui::Spacing();
  due_list(in, state);
  ImGui::Spacing();
  ImGui::Spacing();
  decision_log(in, state);
  ImGui::Spacing();
  ImGui::Spacing();
  rules_list(in);
  drag_to_scroll();
  ImGui::EndChild();
  state.rows_below = 0;
}

}  // namespace vb::ui
