#pragma once
// Where each tappable thing was drawn this frame, by a stable name ("visit:812", "save").
// Headless tests tap by name; the kiosk does not need it but it costs only a few entries a frame.
#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace vb::ui {

class HitTargets {
 public:
  void clear() { items_.clear(); }
  void add(std::string name, ImVec2 min, ImVec2 max) { items_.push_back({std::move(name), min, max}); }
  // Records the last item ImGui drew under `name`.
  void add_last_item(std::string name);
  std::optional<ImVec2> centre(std::string_view name) const;
  bool contains(std::string_view name) const { return centre(name).has_value(); }
  size_t size() const { return items_.size(); }

 private:
  struct Item {
    std::string name;
    ImVec2 min, max;
  };
  std::vector<Item> items_;
};

}  // namespace vb::ui
