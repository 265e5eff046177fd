// "Still loading" in place of a screen's rows (ui/still_loading.hpp).
#include "ui/still_loading.hpp"

#include "ui/icons.hpp"
#include "ui/theme.hpp"

#include <string>

namespace vb::ui {

void draw_still_loading(const FrameInput& in, float body_h) {
  const float em = in.fonts.em;
  ImGui::BeginChild("still_loading", ImVec2(0, body_h), false, ImGuiWindowFlags_NoScrollbar);
  ImGui::Dummy(ImVec2(0, em * 3));
  ImGui::Indent(em * 2);
  ImGui::PushFont(in.fonts.big);
  const std::string title = std::string(icon::refresh) + "  Still loading the team's history";
  ImGui::TextUnformatted(title.c_str());
  ImGui::PopFont();
  ImGui::Dummy(ImVec2(0, em * 0.5f));
  ImGui::PushTextWrapPos(em * 40);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour::text_dim), "%s",
                     "This screen shows the last weeks of visits, reviews and shifts. They are still being read; "
                     "the screen fills in by itself in a moment.");
  ImGui::PopTextWrapPos();
  ImGui::Unindent(em * 2);
  ImGui::EndChild();
}

}  // namespace vb::ui
