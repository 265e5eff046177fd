// Named rectangles of tappable items, for tests that tap like a finger would.
#include "ui/hit_targets.hpp"

#include "ui/fonts.hpp"

namespace vb::ui {

void HitTargets::add_last_item(std::string name) {
  add(std::move(name), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

std::optional<ImVec2> HitTargets::centre(std::string_view name) const {
  for (auto it = items_.rbegin(); it != items_.rend(); ++it)
    if (it->name == name) return ImVec2((it->min.x + it->max.x) / 2, (it->min.y + it->max.y) / 2);
  return std::nullopt;
}

Fonts default_fonts() {
  ImFont* f = ImGui::GetIO().Fonts->Fonts.empty() ? nullptr : ImGui::GetIO().Fonts->Fonts[0];
  Fonts out{f, f, f, f, f ? f->FontSize : 13.0f};
  return out;
}

}  // namespace vb::ui
