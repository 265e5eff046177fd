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
#include <string>

namespace vb::platform {

namespace {

// Latin-1, general punctuation (– — · …), arrows.
const ImWchar text_ranges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x2193, 0};

// Every icon in ui/icons.hpp (app_tests checks none is missing) with the Fork Awesome code point
// its glyph is loaded from; the glyph is then renumbered to the icon's own code point.
struct UsedIcon {
  const char* text;
  char32_t font_code;
};
const UsedIcon used_icons[] = {
    {ui::icon::check, 0xF00C},
    {ui::icon::times, 0xF00D},
    {ui::icon::clock, 0xF017},
    {ui::icon::warning, 0xF071},
    {ui::icon::ban, 0xF05E},
    {ui::icon::redo, 0xF01E},
    {ui::icon::moon, 0xF186},
    {ui::icon::users, 0xF0C0},
    {ui::icon::user, 0xF007},
    {ui::icon::user_times, 0xF235},
    {ui::icon::lock, 0xF023},
    {ui::icon::eye_slash, 0xF070},
    {ui::icon::eye, 0xF06E},
    {ui::icon::calendar, 0xF073},
    {ui::icon::home, 0xF015},
    {ui::icon::phone, 0xF095},
    {ui::icon::video, 0xF03D},
    {ui::icon::hospital, 0xF0F8},
    {ui::icon::arrow_up, 0xF062},
    {ui::icon::arrow_down, 0xF063},
    {ui::icon::question, 0xF128},
    {ui::icon::exclamation, 0xF06A},
    {ui::icon::circle_o, 0xF10C},
    {ui::icon::refresh, 0xF021},
    {ui::icon::gavel, 0xF0E3},
    {ui::icon::stethoscope, 0xF0F1},
    {ui::icon::list, 0xF03A},
    {ui::icon::chevron_down, 0xF078},
    {ui::icon::database, 0xF1C0},
    {ui::icon::flag, 0xF024},
    {ui::icon::sun, 0xF185},
    {ui::icon::arrow_left, 0xF060},
    {ui::icon::unlock, 0xF09C},
    {ui::icon::sign_in, 0xF090},
    {ui::icon::chevron_left, 0xF053},
    {ui::icon::chevron_right, 0xF054},
    {ui::icon::key, 0xF084},
    {ui::icon::check_square, 0xF046},
    {ui::icon::square, 0xF096},
    {ui::icon::eraser, 0xF12D},
    {ui::icon::shield, 0xF132},
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
    std::vector<char32_t> codes;
    for (const UsedIcon& icon : used_icons) codes.push_back(icon.font_code);
    std::sort(codes.begin(), codes.end());
    for (char32_t c : codes) {
      r.push_back(static_cast<ImWchar>(c));
      r.push_back(static_cast<ImWchar>(c));
    }
    r.push_back(0);
    return r;
  }();
  return ranges.data();
}

// Gives each merged icon glyph its icon's code point and rebuilds the face's lookup tables, which
// ImGui sizes to the highest code point: ~8.6k entries instead of ~62k (6 B each, four faces).
void renumber_icons(ImFont* font) {
  for (const UsedIcon& icon : used_icons) {
    const auto code = static_cast<ImWchar>(decode_utf8(icon.text));
    if (font->FindGlyphNoFallback(code))
      throw std::runtime_error("the text font has a glyph at icon code point " + std::to_string(code) +
                               " (see ui/icons.hpp)");
  }
  for (ImFontGlyph& g : font->Glyphs) {
    for (const UsedIcon& icon : used_icons) {
      if (g.Codepoint == icon.font_code) {
        g.Codepoint = decode_utf8(icon.text);
        break;
      }
    }
  }
  font->BuildLookupTable();
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
  for (const UsedIcon& icon : used_icons) glyphs.push_back(decode_utf8(icon.text));
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
  for (ImFont* font : {f.body, f.bold, f.big, f.small}) renumber_icons(font);
  ImGui::GetIO().FontDefault = f.body;
  ui::apply_style(em);
  return f;
}

}  // namespace vb::platform
