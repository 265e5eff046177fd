// Visit chips and pills drawn straight into the window's draw list, sized in ems.
#include "ui/widgets.hpp"

#include "ui/icons.hpp"
#include "ui/text_fit.hpp"
#include "ui/theme.hpp"

#include <cfloat>
#include <utility>

namespace vb::ui {

float chip_width(const Fonts& f) { return f.em * 8.0f; }

std::string cut_to(ImFont* font, std::string text, float width) {
  return cut_to_width(std::move(text), width, [font](std::string_view t) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, t.data(), t.data() + t.size()).x;
  });
}

void drag_to_scroll(ImGuiHoveredFlags over) {
  if (ImGui::IsWindowHovered(over) && ImGui::IsMouseDragging(ImGuiMouseButton_Left))
    ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
}

int rows_below_view(float row_pitch) {
  const float remaining = ImGui::GetScrollMaxY() - ImGui::GetScrollY();
  return remaining > 1 ? static_cast<int>(remaining / row_pitch + 0.999f) : 0;
}

std::string words(std::string_view snake_case) {
  std::string out(snake_case);
  for (char& c : out)
    if (c == '_') c = ' ';
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string zone_label(std::string_view zone) { return words(zone); }

std::string person_label(const Person* p, bool privacy) {
  if (!p) return "?";
  return privacy ? p->initials() : p->display_name();
}

std::string staff_initials(const Snapshot& s, const StaffId& id) {
  const Staff* st = s.find_staff(id);
  return st ? st->initials : id.str();
}

bool visit_chip(const Snapshot& s, const BoardVisit& bv, const Fonts& f, HitTargets& targets, bool show_person,
                LocalDate day) {
  const Visit& v = *bv.visit;
  Zone zone = s.zone();
  const float em = f.em;
  const ImVec2 size(chip_width(f), em * 2.3f);
  ImGui::PushID(static_cast<int>(v.id));
  ImVec2 p = ImGui::GetCursorScreenPos();
  bool tapped = ImGui::InvisibleButton("chip", size);
  targets.add_last_item("visit:" + std::to_string(v.id));
  ImGui::PopID();
  // Scrolled out of view: laid out and tappable as before, but not drawn (the clip rect would
  // hide it anyway). A trust's Today board draws a few screens of its ~600 rows, not all of them.
  if (!ImGui::IsItemVisible()) return tapped;

  ChipStyle st = visit_chip_style(v.status, bv.missed, v.allocated());
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float r = em * 0.3f;
  ImVec2 q(p.x + size.x, p.y + size.y);
  dl->AddRectFilled(p, q, st.fill, r);
  if (bv.needs_follow_up) dl->AddRect(p, q, colour::warning, r, 0, em * 0.18f);
  if (ImGui::IsItemActive()) dl->AddRect(p, q, colour::text, r, 0, 2.0f);

  // Line 1: icon + time window; line 2: status word + who.
  const float pad = em * 0.35f;
  const bool other_day = v.date != day;
  std::string window = other_day ? date::format("%a ", v.date) + format_local_hm(v.window_start, zone)
                                 : format_local_hm(v.window_start, zone) + "–" + format_local_hm(v.window_end, zone);
  std::string line1 = std::string(st.icon) + " " + window;
  if (v.out_of_hours) line1 += std::string(" ") + icon::moon;
  dl->AddText(f.bold, em, ImVec2(p.x + pad, p.y + em * 0.1f), st.ink, line1.c_str());

  std::string who;
  if (show_person) {
    who = bv.person ? person_label(bv.person, true) : "?";
  } else if (v.allocated()) {
    who = staff_initials(s, v.staff1);
    if (!v.staff2.empty()) who += "+" + staff_initials(s, v.staff2);
  } else {
    who = v.double_up ? "needs 2" : "";
  }
  if (v.double_up) who = std::string(icon::users) + " " + who;
  std::string line2 = std::string(st.word) + (who.empty() ? "" : " · " + who);
  if (other_day) line2 = "No follow-up yet";
  dl->PushClipRect(p, q, true);
  dl->AddText(f.body, em * 0.92f, ImVec2(p.x + pad, p.y + em * 1.15f), st.ink, line2.c_str());
  dl->PopClipRect();
  return tapped;
}

bool toggle_button(const char* label, ImVec2 size, bool selected, HitTargets& targets, std::string name) {
  if (selected) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(colour::accent));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(colour::accent));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour::text_dark));
  }
  bool pressed = ImGui::Button(label, size);
  if (selected) ImGui::PopStyleColor(3);
  targets.add_last_item(std::move(name));
  return pressed;
}

void staff_choice(const std::vector<const Staff*>& people, StaffId& chosen, const Fonts& f, HitTargets& targets,
                  const std::string& prefix) {
  const float width = f.em * 10.5f;
  const float avail = ImGui::GetContentRegionAvail().x;
  const int per_line = std::max(1, static_cast<int>(avail / (width + ImGui::GetStyle().ItemSpacing.x)));
  for (size_t i = 0; i < people.size(); ++i) {
    if (i % static_cast<size_t>(per_line) != 0) ImGui::SameLine();
    std::string label = people[i]->name + "##" + people[i]->id;
    if (toggle_button(label.c_str(), ImVec2(width, f.em * 2.2f), chosen == people[i]->id, targets, prefix + ":" + people[i]->id))
      chosen = people[i]->id;
  }
}

float pill_width(const char* icon_text, std::string_view text, ImFont* font) {
  std::string label = icon_text ? std::string(icon_text) + " " + std::string(text) : std::string(text);
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str()).x + font->FontSize * 0.8f;
}

void pill(const char* icon_text, std::string_view text, ImU32 fill, ImU32 ink, ImFont* font, float min_width) {
  const float size = font->FontSize;
  std::string label = icon_text ? std::string(icon_text) + " " + std::string(text) : std::string(text);
  ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, label.c_str());
  const float pad_x = size * 0.4f, pad_y = size * 0.15f;
  ImVec2 box(std::max(ts.x + pad_x * 2, min_width), ts.y + pad_y * 2);
  ImVec2 p = ImGui::GetCursorScreenPos();
  if (ImGui::IsRectVisible(box)) {  // out of view: laid out only (the clip rect would hide it anyway)
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + box.x, p.y + box.y), fill, size * 0.25f);
    if (fill == IM_COL32(0, 0, 0, 255)) dl->AddRect(p, ImVec2(p.x + box.x, p.y + box.y), colour::text_dim, size * 0.25f);
    dl->AddText(font, size, ImVec2(p.x + pad_x, p.y + pad_y), ink, label.c_str());
  }
  ImGui::Dummy(box);
}

}  // namespace vb::ui
