// Inter for text (highly legible at distance), Fork Awesome icons merged in.
#include "platform/font_loader.hpp"

#include "ui/icons.hpp"
#include "ui/theme.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace vb::platform {

namespace {

// Latin-1, general punctuation (– — · …), arrows.
const ImWchar text_ranges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x2193, 0};
const ImWchar icon_ranges[] = {ui::icon::first, ui::icon::last, 0};

ImFont* add(ImFontAtlas* atlas, const std::filesystem::path& file, float px, bool with_icons,
            const std::filesystem::path& icon_file) {
  if (!std::filesystem::exists(file)) throw std::runtime_error("font file missing: " + file.string());
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  ImFont* font = atlas->AddFontFromFileTTF(file.c_str(), px, &cfg, text_ranges);
  if (!font) throw std::runtime_error("cannot load font " + file.string());
  if (with_icons) {
    if (!std::filesystem::exists(icon_file)) throw std::runtime_error("font file missing: " + icon_file.string());
    ImFontConfig icons;
    icons.MergeMode = true;
    icons.GlyphMinAdvanceX = px;
    icons.GlyphOffset = ImVec2(0, px * 0.05f);
    if (!atlas->AddFontFromFileTTF(icon_file.c_str(), px * 0.9f, &icons, icon_ranges))
      throw std::runtime_error("cannot load icon font " + icon_file.string());
  }
  return font;
}

}  // namespace

float em_for_screen(int width, int height, float scale) {
  float by_height = static_cast<float>(height) / 42.0f;
  float by_width = static_cast<float>(width) / 66.0f;
  return std::clamp(std::min(by_height, by_width) * scale, 14.0f, 48.0f);
}

ui::Fonts load_fonts(const std::filesystem::path& dir, float em) {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  atlas->Clear();
  const auto regular = dir / "Inter-Regular.otf";
  const auto semibold = dir / "Inter-SemiBold.otf";
  const auto icons = dir / "forkawesome-webfont.ttf";
  ui::Fonts f;
  f.em = em;
  f.body = add(atlas, regular, em, true, icons);
  f.bold = add(atlas, semibold, em, true, icons);
  f.big = add(atlas, semibold, std::round(em * 1.6f), true, icons);
  f.small = add(atlas, regular, std::round(em * 0.82f), true, icons);
  if (!atlas->Build()) throw std::runtime_error("cannot build the font atlas");
  ImGui::GetIO().FontDefault = f.body;
  ui::apply_style(em);
  return f;
}

}  // namespace vb::platform
