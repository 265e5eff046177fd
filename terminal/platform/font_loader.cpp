// Inter for text (highly legible at distance), Fork Awesome icons merged in.
// The atlas holds only what the screens draw: the text ranges below and the icons of ui/icons.hpp
// (not the font's 700-odd), each face rasterised once, and its height is not rounded up to a power
// of two. At 1080p that is a 1024x1024 atlas instead of 2048x4096 (4 MiB instead of 32 MiB, and
// again as much for the GL texture); ImGuiBinding frees the CPU copy once it is uploaded.
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

// Every icon in ui/icons.hpp (app_tests checks none is missing).
const char* const used_icons[] = {
    ui::icon::check,       ui::icon::times,     ui::icon::clock,         ui::icon::warning,      ui::icon::ban,
    ui::icon::redo,        ui::icon::moon,      ui::icon::users,         ui::icon::user,         ui::icon::user_times,
    ui::icon::lock,        ui::icon::eye_slash, ui::icon::eye,           ui::icon::calendar,     ui::icon::home,
    ui::icon::phone,       ui::icon::video,     ui::icon::hospital,      ui::icon::arrow_up,     ui::icon::arrow_down,
    ui::icon::question,    ui::icon::exclamation, ui::icon::circle_o,    ui::icon::refresh,      ui::icon::gavel,
    ui::icon::stethoscope, ui::icon::list,      ui::icon::chevron_down,  ui::icon::database,     ui::icon::flag,
    ui::icon::sun,         ui::icon::arrow_left, ui::icon::unlock,       ui::icon::sign_in,      ui::icon::chevron_left,
    ui::icon::chevron_right, ui::icon::key,    ui::icon::check_square,  ui::icon::square,       ui::icon::eraser,
    ui::icon::shield,
};

char32_t decode_utf8(const char* s) {
  const auto* u = reinterpret_cast<const unsigned char*>(s);
  if (u[0] < 0x80) return u[0];
  if ((u[0] & 0xE0) == 0xC0) return static_cast<char32_t>(((u[0] & 0x1F) << 6) | (u[1] & 0x3F));
  if ((u[0] & 0xF0) == 0xE0) return static_cast<char32_t>(((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F));
  return static_cast<char32_t>(((u[0] & 0x07) << 18) | ((u[1] & 0x3F) << 12) | ((u[2] & 0x3F) << 6) | (u[3] & 0x3F));
}

// ImGui keeps a pointer to the ranges until the atlas is built: static storage, pairs of [c, c].
const ImWchar* icon_ranges() {
  static const std::vector<ImWchar> ranges = [] {
    std::vector<ImWchar> r;
    for (char32_t c : icon_glyphs()) {
      r.push_back(static_cast<ImWchar>(c));
      r.push_back(static_cast<ImWchar>(c));
    }
    r.push_back(0);
    return r;
  }();
  return ranges.data();
}

ImFont* add(ImFontAtlas* atlas, const std::filesystem::path& file, float px, bool with_icons,
            const std::filesystem::path& icon_file) {
  if (!std::filesystem::exists(file)) throw std::runtime_error("font file missing: " + file.string());
  ImFontConfig cfg;
  // Horizontal oversampling buys sub-pixel placement for small text; from ~20 px up it is not
  // visible, and it doubles the glyphs' area in the atlas.
  cfg.OversampleH = px < 20.0f ? 2 : 1;
  cfg.OversampleV = 1;
  ImFont* font = atlas->AddFontFromFileTTF(file.c_str(), px, &cfg, text_ranges);
  if (!font) throw std::runtime_error("cannot load font " + file.string());
  if (with_icons) {
    if (!std::filesystem::exists(icon_file)) throw std::runtime_error("font file missing: " + icon_file.string());
    ImFontConfig icons;
    icons.MergeMode = true;
    icons.OversampleH = 1;  // icons are drawn at whole-pixel positions anyway
    icons.OversampleV = 1;
    icons.GlyphMinAdvanceX = px;
    icons.GlyphOffset = ImVec2(0, px * 0.05f);
    if (!atlas->AddFontFromFileTTF(icon_file.c_str(), px * 0.9f, &icons, icon_ranges()))
      throw std::runtime_error("cannot load icon font " + icon_file.string());
  }
  return font;
}

}  // namespace

std::vector<char32_t> icon_glyphs() {
  std::vector<char32_t> glyphs;
  for (const char* icon : used_icons) glyphs.push_back(decode_utf8(icon));
  std::sort(glyphs.begin(), glyphs.end());
  glyphs.erase(std::unique(glyphs.begin(), glyphs.end()), glyphs.end());
  return glyphs;
}

float em_for_screen(int width, int height, float scale) {
  float by_height = static_cast<float>(height) / 42.0f;
  float by_width = static_cast<float>(width) / 66.0f;
  return std::clamp(std::min(by_height, by_width) * scale, 14.0f, 48.0f);
}

ui::Fonts load_fonts(const std::filesystem::path& dir, float em) {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  atlas->Clear();
  atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
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
