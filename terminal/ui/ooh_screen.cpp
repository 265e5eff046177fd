// Out of hours: the coordinator's screen for an evening, a night, a weekend day or a bank holiday.
#include "ui/ooh_screen.hpp"

#include "core/ooh_board_cache.hpp"
#include "core/visit_fit.hpp"
#include "ui/bank_holiday_words.hpp"
#include "ui/icons.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace vb::ui {

namespace {

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

std::string hm(Instant t, Zone z) { return format_local_hm(t, z); }

// On a bank holiday the title says so in words for every part of the day:
// "Fri 25 Dec · Christmas Day (bank holiday) · Evening 17:00–21:00". For a narrow screen,
// `shorter` 1 drops the day window's "Day" word, 2 also the weekday and the part's word (the
// highlighted button says which part).
std::string window_title(const OohWindow& w, const Snapshot& s, int shorter = 0) {
  const Zone z = s.zone();
  std::string day = format_day_label(w.date);
  if (shorter >= 2 && day.size() > 4) day = day.substr(4);  // "Fri 25 Dec" -> "25 Dec"
  std::string label = w.label + " ";
  if (const BankHoliday* h = s.rota_rules.bank_holidays.on(w.date)) {
    day += " · " + bank_holiday_words(*h);
    if (w.part == OohPart::day || shorter >= 2) label = shorter >= 1 ? "" : "Day ";
  }
  return day + " · " + label + hm(w.start, z) + "–" + hm(w.end, z);
}

// The longest title that fits `width` in the current font (the shortest however long).
std::string fitting_title(const OohWindow& w, const Snapshot& s, float width) {
  for (int shorter = 0; shorter < 2; ++shorter) {
    std::string t = window_title(w, s, shorter);
    if (ImGui::CalcTextSize(t.c_str()).x <= width) return t;
  }
  return window_title(w, s, 2);
}

std::string staff_name(const Snapshot& s, const StaffId& id) {
  const Staff* st = s.find_staff(id);
  return st ? st->name : id.str();
}

std::string who_goes(const Snapshot& s, const StaffId& a, const StaffId& b) {
  if (a.empty()) return "";
  return b.empty() ? staff_name(s, a) : staff_name(s, a) + " + " + staff_name(s, b);
}

std::string minutes_words(int m) {
  return std::to_string(m / 60) + " h " + (m % 60 < 10 ? "0" : "") + std::to_string(m % 60);
}

const char* gap_icon(GapKind k) {
  switch (k) {
    case GapKind::unallocated: return icon::user_times;
    case GapKind::double_up_short:
    case GapKind::high_risk_one_worker: return icon::users;
    case GapKind::under_minimum: return icon::moon;
    case GapKind::over_capacity: return icon::clock;
    case GapKind::outside_shift: return icon::calendar;
    case GapKind::two_places: return icon::exclamation;
  }
  return icon::warning;
}

const OohVisit* find_row(const OohBoard& b, Id id) {
  for (const auto& v : b.visits)
    if (v.visit->id == id) return &v;
  return nullptr;
}

std::string visit_line(const OohVisit& v, Zone z, bool privacy) {
  return hm(v.visit->window_start, z) + "–" + hm(v.visit->window_end, z) + " " + person_label(v.person, privacy);
}

// Day before / window kinds / day after, then the window's title; "Propose" on the right.
void window_bar(const FrameInput& in, UiState& state, const OohWindow& w) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  const ImVec2 size(0, em * 2.4f);
  ImGui::PushFont(f.bold);
  auto go = [&](LocalDate d, OohPart p) {
    state.ooh_date = d;
    state.ooh_part = p;
    state.ooh_visit.reset();
    state.ooh_first.clear();
  };
  if (toggle_button((std::string(icon::chevron_left) + " Day before").c_str(), size, false, state.targets, "ooh_prev"))
    go(date::year_month_day{date::sys_days{w.date} - date::days{1}}, w.part);
  ImGui::SameLine();
  if (toggle_button((std::string(icon::sun) + " Evening").c_str(), size, w.part == OohPart::evening, state.targets, "ooh_evening"))
    go(w.date, OohPart::evening);
  ImGui::SameLine();
  if (toggle_button((std::string(icon::moon) + " Night").c_str(), size, w.part == OohPart::night, state.targets, "ooh_night"))
    go(w.date, OohPart::night);
  if (is_out_of_hours_day(in.snapshot.rota_rules, w.date)) {
    ImGui::SameLine();
    const char* day_word = in.snapshot.rota_rules.bank_holidays.on(w.date) ? " Bank holiday" : " Weekend day";
    if (toggle_button((std::string(icon::calendar) + day_word).c_str(), size, w.part == OohPart::day, state.targets, "ooh_day"))
      go(w.date, OohPart::day);
  }
  ImGui::SameLine();
  if (toggle_button(("Day after " + std::string(icon::chevron_right)).c_str(), size, false, state.targets, "ooh_next"))
    go(date::year_month_day{date::sys_days{w.date} + date::days{1}}, w.part);
  ImGui::SameLine(0, em);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + em * 0.5f);
  const float propose_w = em * 8.5f;
  const float title_room = ImGui::GetWindowContentRegionMax().x - propose_w - ImGui::GetCursorPosX() - em * 0.5f;
  const std::string title = fitting_title(w, in.snapshot, title_room);
  // Still too wide (a long holiday name at 1280 px): the regular face, which is narrower.
  const bool narrow = ImGui::CalcTextSize(title.c_str()).x > title_room;
  if (narrow) ImGui::PushFont(f.body);
  ImGui::TextUnformatted(title.c_str());
  if (narrow) ImGui::PopFont();
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - propose_w);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() - em * 0.5f);
  if (toggle_button((std::string(icon::refresh) + " Propose").c_str(), ImVec2(propose_w, em * 2.4f), state.propose_requested,
                    state.targets, "propose")) {
    state.propose_requested = true;
    state.proposal_ignored = false;
  }
  ImGui::PopFont();
}

void readiness_line(const FrameInput& in, const OohBoard& b) {
  const Fonts& f = in.fonts;
  ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x;
  const float h = f.em * 2.2f;
  const ImU32 fill = b.ready ? colour::done : colour::missed;
  ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + w, p.y + h), fill, f.em * 0.25f);
  std::string line = std::string(b.ready ? icon::check : icon::warning) + "  " + b.readiness;
  ImGui::GetWindowDrawList()->AddText(f.bold, f.em * 1.15f, ImVec2(p.x + f.em * 0.6f, p.y + f.em * 0.5f), colour::text,
                                      line.c_str());
  ImGui::Dummy(ImVec2(w, h));
}

// Who is coordinating: the author of every allocation made here.
void coordinator_line(const FrameInput& in, UiState& state, const OohBoard& b) {
  const Fonts& f = in.fonts;
  if (!state.acting.empty()) {
    if (toggle_button("Change##coordinator", ImVec2(f.em * 6, f.em * 2.2f), false, state.targets, "coordinator_change"))
      state.acting.clear();
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + f.em * 0.45f);
    ImGui::TextColored(v4(colour::text_dim), "%s Coordinating: %s", icon::user, staff_name(in.snapshot, state.acting).c_str());
    return;
  }
  ImGui::PushFont(f.bold);
  ImGui::TextColored(v4(colour::warning), "%s Who is coordinating? Tap your name to allocate:", icon::question);
  ImGui::PopFont();
  std::vector<const Staff*> people;
  for (const auto& w : b.staff) people.push_back(w.staff);
  if (people.empty())
    for (const auto& st : in.snapshot.staff)
      if (st.active) people.push_back(&st);
  staff_choice(people, state.acting, f, state.targets, "coordinator");
}

void visits_panel(const FrameInput& in, UiState& state, const OohBoard& b, std::optional<Command>& out) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  const Zone zone = in.snapshot.zone();
  ImGui::PushFont(f.bold);
  ImGui::Text("%s Visits (%d)", icon::list, static_cast<int>(b.visits.size()));
  ImGui::PopFont();
  if (b.visits.empty()) ImGui::TextColored(v4(colour::text_dim), "No visits in this window.");
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
  if (!b.visits.empty() && ImGui::BeginTable("ooh_visits", 3, flags)) {
    ImGui::TableSetupColumn("When", ImGuiTableColumnFlags_WidthFixed, em * 6.8f);
    ImGui::TableSetupColumn("Who · risk", ImGuiTableColumnFlags_WidthFixed, em * 9.5f);
    ImGui::TableSetupColumn("Staff · gaps", ImGuiTableColumnFlags_WidthStretch);
    for (const auto& ov : b.visits) {
      const Visit& v = *ov.visit;
      ImGui::TableNextRow(ImGuiTableRowFlags_None, em * 2.9f);
      ImGui::PushID(static_cast<int>(v.id));
      ImGui::TableNextColumn();
      const bool selected = state.ooh_visit == v.id;
      std::string when = hm(v.window_start, zone) + "–" + hm(v.window_end, zone);
      ImGui::PushFont(f.bold);
      if (toggle_button(when.c_str(), ImVec2(em * 6.6f, em * 2.6f), selected, state.targets, "ooh_visit:" + std::to_string(v.id))) {
        state.ooh_visit = selected ? std::nullopt : std::optional<Id>(v.id);
        state.ooh_first.clear();
      }
      ImGui::PopFont();
      ImGui::TableNextColumn();
      ImGui::PushFont(f.bold);
      ImGui::TextUnformatted(person_label(ov.person, state.privacy).c_str());
      ImGui::PopFont();
      if (ov.episode) {
        RiskLevel r = ov.episode->risk;
        ImGui::PushFont(f.small);
        pill(r == RiskLevel::high ? icon::exclamation : nullptr, risk_label(r), risk_colour(r),
             r == RiskLevel::medium ? colour::text_dark : colour::text, f.small);
        if (ov.needs_two) {
          ImGui::SameLine();
          pill(icon::users, "two staff", colour::planned, colour::text, f.small);
        }
        ImGui::PopFont();
      }
      ImGui::TableNextColumn();
      if (v.status != VisitStatus::planned) {
        ChipStyle st = visit_chip_style(v.status, false, true);
        pill(st.icon, std::string(st.word) + " · " + who_goes(in.snapshot, v.staff1, v.staff2), st.fill, st.ink, f.body);
      } else if (!v.allocated()) {
        pill(icon::user_times, "Nobody allocated", colour::warning, colour::text_dark, f.bold);
      } else {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(v4(ov.covered ? colour::text : colour::warning), "%s %s", ov.covered ? icon::check : icon::user,
                           who_goes(in.snapshot, v.staff1, v.staff2).c_str());
        ImGui::PopTextWrapPos();
      }
      ImGui::PushFont(f.small);
      ImGui::PushTextWrapPos(0);
      for (const auto& g : b.gaps)
        if (g.visit == v.id && g.kind != GapKind::unallocated)
          ImGui::TextColored(v4(colour::missed), "%s %s: %s", gap_icon(g.kind), std::string(gap_word(g.kind)).c_str(),
                             g.detail.c_str());
      ImGui::PopTextWrapPos();
      ImGui::PopFont();
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  (void)out;
}

void gaps_panel(const FrameInput& in, const OohBoard& b) {
  const Fonts& f = in.fonts;
  if (b.gaps.empty()) return;
  ImGui::Spacing();
  ImGui::PushFont(f.bold);
  ImGui::TextColored(v4(colour::missed), "%s Gaps (%d)", icon::warning, static_cast<int>(b.gaps.size()));
  ImGui::PopFont();
  ImGui::PushTextWrapPos(0);
  for (const auto& g : b.gaps)
    ImGui::TextColored(v4(colour::missed), "%s %s — %s", gap_icon(g.kind), std::string(gap_word(g.kind)).c_str(), g.text.c_str());
  ImGui::PopTextWrapPos();
}

// The worker's shift and visits on a bar spanning the window.
void timeline(const FrameInput& in, const OohBoard& b, const OohWorker& w, bool privacy) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 p = ImGui::GetCursorScreenPos();
  const float width = std::max(ImGui::GetContentRegionAvail().x - em * 0.3f, em * 4);
  const float h = em * 2.0f;
  const double span = static_cast<double>((b.window.end - b.window.start).count());
  auto x_of = [&](Instant t) {
    double r = static_cast<double>((t - b.window.start).count()) / span;
    return p.x + static_cast<float>(std::clamp(r, 0.0, 1.0)) * width;
  };
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), colour::row_alt, em * 0.2f);
  // A tick on every hour of the window, so a glance tells when.
  const Instant first_hour = date::ceil<std::chrono::hours>(b.window.start);
  for (Instant t = first_hour; t < b.window.end; t += std::chrono::hours{1})
    dl->AddLine(ImVec2(x_of(t), p.y), ImVec2(x_of(t), p.y + h), colour::planned, 1.0f);
  for (const Shift* sh : w.shifts)
    dl->AddRectFilled(ImVec2(x_of(sh->start), p.y + h * 0.75f), ImVec2(x_of(sh->end), p.y + h), colour::planned);
  for (const Visit* v : w.visits) {
    Instant start = v->window_start;
    Instant end = start + std::chrono::minutes{visit_minutes(*v)};
    const OohVisit* row = find_row(b, v->id);
    const bool gap = row && row->has_gap;
    ImVec2 a(x_of(start), p.y + em * 0.1f), z(std::max(x_of(end), x_of(start) + em * 0.6f), p.y + h * 0.7f);
    dl->AddRectFilled(a, z, gap ? colour::missed : colour::accent, em * 0.15f);
    std::string label = row ? person_label(row->person, true) : "";
    if (gap) label = std::string(icon::warning) + label;
    ImVec2 ts = f.small->CalcTextSizeA(f.small->FontSize, FLT_MAX, 0, label.c_str());
    if (ts.x < z.x - a.x - em * 0.2f)
      dl->AddText(f.small, f.small->FontSize, ImVec2(a.x + em * 0.15f, a.y + em * 0.1f), gap ? colour::text : colour::text_dark,
                  label.c_str());
  }
  (void)privacy;
  ImGui::Dummy(ImVec2(width, h));
}

// Edit rota: staff not on shift in this window, each a button that puts them on its shift.
void add_shift_choices(const FrameInput& in, UiState& state, const OohBoard& b, std::optional<Command>& out) {
  const Fonts& f = in.fonts;
  const ShiftKind kind = b.window.part == OohPart::night ? ShiftKind::night
                         : b.window.part == OohPart::day ? ShiftKind::early
                                                         : ShiftKind::twilight;
  const ShiftPattern* p = shift_pattern(in.snapshot.rota_rules, kind, b.window.date);
  if (!p) return;
  ImGui::Spacing();
  ImGui::PushFont(f.bold);
  std::string k(to_string(kind));
  ImGui::Text("%s Add to the %s %s on %s:", icon::calendar, k.c_str(), pattern_times(*p).c_str(),
              format_day_label(b.window.date).c_str());
  ImGui::PopFont();
  std::vector<const Staff*> off;
  for (const auto& st : in.snapshot.staff) {
    if (!st.active) continue;
    bool on = std::any_of(b.staff.begin(), b.staff.end(), [&](const OohWorker& w) { return w.staff == &st && !w.shifts.empty(); });
    if (!on) off.push_back(&st);
  }
  const float width = f.em * 10.5f;
  const int per_line = std::max(1, static_cast<int>(ImGui::GetContentRegionAvail().x / (width + ImGui::GetStyle().ItemSpacing.x)));
  for (size_t i = 0; i < off.size(); ++i) {
    if (i % static_cast<size_t>(per_line) != 0) ImGui::SameLine();
    std::string label = "+ " + off[i]->name + "##add" + off[i]->id;
    if (toggle_button(label.c_str(), ImVec2(width, f.em * 2.2f), false, state.targets, "add_shift:" + off[i]->id)) {
      if (state.acting.empty()) {
        state.notice = "Choose who is coordinating first";
        state.notice_is_error = true;
        state.notice_at = in.now;
      } else {
        out = AddShift{off[i]->id, kind, b.window.date, state.acting, in.now};
      }
    }
  }
}

void staff_panel(const FrameInput& in, UiState& state, const OohBoard& b, std::optional<Command>& out) {
  const Fonts& f = in.fonts;
  const float em = f.em;
  const Zone zone = in.snapshot.zone();
  const OohVisit* chosen = state.ooh_visit ? find_row(b, *state.ooh_visit) : nullptr;
  if (state.ooh_visit && !chosen) state.ooh_visit.reset();
  ImGui::PushFont(f.bold);
  ImGui::Text("%s Staff on shift (%d)", icon::users, static_cast<int>(b.staff.size()));
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::PushFont(f.small);
  ImGui::TextColored(v4(colour::text_dim), "  timeline %s → %s, a mark each hour", hm(b.window.start, zone).c_str(),
                     hm(b.window.end, zone).c_str());
  ImGui::PopFont();
  const float edit_w = em * 8.0f;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - edit_w));
  if (toggle_button((std::string(icon::calendar) + " Edit rota").c_str(), ImVec2(edit_w, em * 2.2f), state.ooh_edit_rota,
                    state.targets, "edit_rota"))
    state.ooh_edit_rota = !state.ooh_edit_rota;
  auto need_coordinator = [&]() {
    if (!state.acting.empty()) return false;
    state.notice = "Choose who is coordinating first";
    state.notice_is_error = true;
    state.notice_at = in.now;
    return true;
  };
  if (chosen) {
    const Visit& v = *chosen->visit;
    std::string hint = v.double_up ? (state.ooh_first.empty() ? "Tap the first of two workers for "
                                                              : "Tap the second worker (first: " + staff_name(in.snapshot, state.ooh_first) + ") for ")
                                   : "Tap a worker for ";
    ImGui::PushFont(f.bold);
    ImGui::TextColored(v4(colour::accent), "%s %s%s", icon::arrow_down, hint.c_str(), visit_line(*chosen, zone, state.privacy).c_str());
    ImGui::PopFont();
    if (toggle_button((std::string(icon::times) + " Cancel").c_str(), ImVec2(em * 7, em * 2.4f), false, state.targets, "ooh_cancel")) {
      state.ooh_visit.reset();
      state.ooh_first.clear();
    }
    if (v.status == VisitStatus::planned && (v.allocated() || !v.staff2.empty())) {
      ImGui::SameLine();
      if (toggle_button((std::string(icon::user_times) + " Unallocate").c_str(), ImVec2(em * 9, em * 2.4f), false,
                        state.targets, "ooh_unallocate")) {
        if (state.acting.empty()) {
          state.notice = "Choose who is coordinating first";
          state.notice_is_error = true;
          state.notice_at = in.now;
        } else {
          out = UnallocateVisit{v.id, "", state.acting, in.now};
          state.ooh_visit.reset();
        }
      }
    }
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
  if (b.staff.empty()) {
    ImGui::TextColored(v4(colour::missed), "%s Nobody is on shift in this window.", icon::warning);
    if (state.ooh_edit_rota) add_shift_choices(in, state, b, out);
    return;
  }
  if (!ImGui::BeginTable("ooh_staff", 2, flags)) return;
  ImGui::TableSetupColumn("Staff", ImGuiTableColumnFlags_WidthFixed, em * 10.5f);
  ImGui::TableSetupColumn("Timeline", ImGuiTableColumnFlags_WidthStretch);
  for (const auto& w : b.staff) {
    ImGui::TableNextRow(ImGuiTableRowFlags_None, em * 3.0f);
    ImGui::PushID(w.staff->id.str().c_str());
    ImGui::TableNextColumn();
    const bool picked = state.ooh_first == w.staff->id;
    std::string label = w.staff->name + "##pick";
    ImGui::PushFont(f.bold);
    if (toggle_button(label.c_str(), ImVec2(em * 10.2f, em * 2.5f), picked, state.targets, "ooh_staff:" + w.staff->id) && chosen) {
      const Visit& v = *chosen->visit;
      if (state.acting.empty()) {
        state.notice = "Choose who is coordinating first";
        state.notice_is_error = true;
        state.notice_at = in.now;
      } else if (v.double_up && state.ooh_first.empty()) {
        state.ooh_first = w.staff->id;
      } else if (v.double_up && state.ooh_first == w.staff->id) {
        state.ooh_first.clear();  // tapped again: not chosen after all
      } else {
        StaffId first = v.double_up ? state.ooh_first : w.staff->id;
        StaffId second = v.double_up ? w.staff->id : "";
        out = AllocateVisit{v.id, first, second, state.acting, in.now};
        state.ooh_visit.reset();
        state.ooh_first.clear();
      }
    }
    ImGui::PopFont();
    ImGui::TableNextColumn();
    ImGui::PushFont(f.small);
    std::string shifts;
    for (const Shift* sh : w.shifts) {
      std::string kind(to_string(sh->kind));
      kind[0] = static_cast<char>(kind[0] - 'a' + 'A');
      shifts += (shifts.empty() ? "" : ", ") + kind + " " + hm(sh->start, zone) + "–" + hm(sh->end, zone);
    }
    ImGui::TextColored(v4(colour::text_dim), "%s · %d visit%s · booked %s of %s", shifts.c_str(),
                       static_cast<int>(w.visits.size()), w.visits.size() == 1 ? "" : "s",
                       minutes_words(w.booked_minutes).c_str(), minutes_words(w.capacity_minutes).c_str());
    if (w.over_capacity) {
      ImGui::SameLine();
      ImGui::TextColored(v4(colour::missed), "%s Over capacity", icon::clock);
    }
    ImGui::PopFont();
    if (state.ooh_edit_rota) {
      for (const Shift* sh : w.shifts) {
        std::string label = std::string(icon::times) + " Remove " + std::string(to_string(sh->kind)) + "##" + std::to_string(sh->id);
        if (toggle_button(label.c_str(), ImVec2(em * 9.5f, em * 2.2f), false, state.targets, "remove_shift:" + std::to_string(sh->id)) &&
            !need_coordinator())
          out = RemoveShift{sh->id, "", state.acting, in.now};
        ImGui::SameLine();
      }
      ImGui::NewLine();
    } else {
      timeline(in, b, w, state.privacy);
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
  if (state.ooh_edit_rota) add_shift_choices(in, state, b, out);
}

void proposal_panel(const FrameInput& in, UiState& state, const OohBoard& b, std::optional<Command>& out) {
  const OohProposalView* p = in.ooh_proposal;
  if (!p || state.proposal_ignored) return;
  const Fonts& f = in.fonts;
  const float em = f.em;
  const Zone zone = in.snapshot.zone();
  ImGui::PushFont(f.bold);
  ImGui::PushTextWrapPos(0.0f);  // the summary wraps in the half-width panel at 1280, never cut
  ImGui::TextColored(v4(colour::accent), "%s Proposal: %s", icon::list, p->summary.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  auto ready_to_act = [&]() {
    if (!state.acting.empty()) return true;
    state.notice = "Choose who is coordinating first";
    state.notice_is_error = true;
    state.notice_at = in.now;
    return false;
  };
  if (!p->rows.empty()) {
    if (toggle_button((std::string(icon::check) + " Accept all").c_str(), ImVec2(em * 9, em * 2.4f), false, state.targets,
                      "accept_all") &&
        ready_to_act()) {
      AllocateVisits batch;
      batch.by = state.acting;
      batch.at = in.now;
      for (const auto& r : p->rows) batch.allocations.push_back(AllocateVisit{r.visit, r.staff1, r.staff2, state.acting, in.now});
      out = batch;
      state.proposal_ignored = true;
    }
    ImGui::SameLine();
  }
  if (toggle_button((std::string(icon::times) + " Ignore").c_str(), ImVec2(em * 7, em * 2.4f), false, state.targets, "ignore_proposal"))
    state.proposal_ignored = true;
  for (const auto& r : p->rows) {
    ImGui::PushID(static_cast<int>(r.visit));
    const OohVisit* row = find_row(b, r.visit);
    std::string what = row ? visit_line(*row, zone, state.privacy) : "visit " + std::to_string(r.visit);
    if (toggle_button("Accept", ImVec2(em * 5.5f, em * 2.4f), false, state.targets, "accept:" + std::to_string(r.visit)) &&
        ready_to_act())
      out = AllocateVisit{r.visit, r.staff1, r.staff2, state.acting, in.now};
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::PushFont(f.bold);
    ImGui::PushTextWrapPos(0);  // a double-up's two names wrap rather than run past the panel
    ImGui::Text("%s → %s", what.c_str(), who_goes(in.snapshot, r.staff1, r.staff2).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::PushFont(f.small);
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(v4(colour::text_dim), "%s", r.explanation.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::EndGroup();
    ImGui::PopID();
  }
  ImGui::PushTextWrapPos(0);
  for (const auto& bl : p->blocked) {
    const OohVisit* row = find_row(b, bl.visit);
    std::string what = row ? visit_line(*row, zone, state.privacy) : "visit " + std::to_string(bl.visit);
    ImGui::TextColored(v4(colour::missed), "%s %s — %s", icon::ban, what.c_str(), bl.rule.c_str());
  }
  for (const auto& k : p->kept_out) {
    const OohVisit* row = k.visit ? find_row(b, k.visit) : nullptr;
    std::string what = row ? visit_line(*row, zone, state.privacy) : k.visit ? "visit " + std::to_string(k.visit) : "";
    const Staff* who = k.staff.empty() ? nullptr : in.snapshot.find_staff(k.staff);
    std::string name = who ? who->name : k.staff.str();
    ImGui::TextColored(v4(colour::warning), "%s %s%s%s — allocation not kept: %s", icon::warning, what.c_str(),
                       name.empty() ? "" : " with ", name.c_str(), k.why.c_str());
  }
  ImGui::PopTextWrapPos();
  ImGui::Separator();
  ImGui::Spacing();
}

}  // namespace

OohWindow shown_ooh_window(const Snapshot& s, const UiState& state, Instant now) {
  if (state.ooh_date && state.ooh_part) return ooh_window(s, *state.ooh_date, *state.ooh_part);
  return current_ooh_window(s, now);
}

std::optional<Command> draw_ooh_screen(const FrameInput& in, UiState& state, float height) {
  const Snapshot& s = in.snapshot;
  const OohWindow w = shown_ooh_window(s, state, in.now);
  std::optional<Command> out;
  // Derived between frames for the window shown (the app's OohBoardCache); a window just chosen
  // with the bar has its board from the next frame on.
  if (!in.ooh_board || !OohBoardCache::same_window(in.ooh_board->window, w)) {
    ImGui::BeginChild("ooh", ImVec2(0, height), false, ImGuiWindowFlags_NoScrollWithMouse);
    window_bar(in, state, w);
    ImGui::TextColored(v4(colour::text_dim), "%s Preparing %s ...", icon::clock, window_title(w, s).c_str());
    ImGui::EndChild();
    return out;
  }
  const OohBoard& b = *in.ooh_board;

  ImGui::BeginChild("ooh", ImVec2(0, height), false, ImGuiWindowFlags_NoScrollWithMouse);
  window_bar(in, state, w);
  readiness_line(in, b);
  // Who is coordinating is asked only when someone starts to allocate, so the wall view stays calm.
  if (!state.acting.empty() || state.ooh_visit || state.ooh_edit_rota || (in.ooh_proposal && !state.proposal_ignored))
    coordinator_line(in, state, b);
  const float em = in.fonts.em;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float left_w = avail * 0.5f;
  const float body_h = ImGui::GetContentRegionAvail().y;
  ImGui::BeginChild("ooh_left", ImVec2(left_w, body_h), false);
  // A proposal is what the coordinator is deciding on: first, where the eye starts.
  proposal_panel(in, state, b, out);
  visits_panel(in, state, b, out);
  gaps_panel(in, b);
  drag_to_scroll(ImGuiHoveredFlags_None);
  ImGui::EndChild();
  ImGui::SameLine(0, em * 0.8f);
  ImGui::BeginChild("ooh_right", ImVec2(0, body_h), false);
  staff_panel(in, state, b, out);
  drag_to_scroll(ImGuiHoveredFlags_None);
  ImGui::EndChild();
  ImGui::EndChild();
  return out;
}

}  // namespace vb::ui
