// The kiosk's fonts: every icon a screen can draw is in the atlas, and the atlas stays small (it is
// held twice, as ImGui's pixels until upload and as the GL texture, on a board that never sleeps).
#include <doctest/doctest.h>

#include "platform/font_loader.hpp"

#include <imgui.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

char32_t from_hex_utf8(const std::string& escaped) {  // "\xef\x80\x8c" -> U+F00C
  std::vector<unsigned> b;
  for (std::size_t i = 0; i + 3 < escaped.size() + 1; i += 4) b.push_back(std::stoul(escaped.substr(i + 2, 2), nullptr, 16));
  if (b.size() == 3) return static_cast<char32_t>(((b[0] & 0x0F) << 12) | ((b[1] & 0x3F) << 6) | (b[2] & 0x3F));
  if (b.size() == 2) return static_cast<char32_t>(((b[0] & 0x1F) << 6) | (b[1] & 0x3F));
  return b.empty() ? 0 : b[0];
}

struct AtlasSize {
  int w = 0, h = 0;
};

AtlasSize atlas_for(int width, int height) {
  ImGui::CreateContext();
  vb::platform::load_fonts(VB_FONTS_DIR, vb::platform::em_for_screen(width, height));
  unsigned char* pixels = nullptr;
  AtlasSize a;
  ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &a.w, &a.h);
  ImGui::DestroyContext();
  return a;
}

}  // namespace

TEST_CASE("fonts: every icon named in ui/icons.hpp is loaded into the atlas") {
  const std::string header = read(std::string(VB_SOURCE_DIR) + "/terminal/ui/icons.hpp");
  REQUIRE(!header.empty());
  const std::regex icon(R"re(inline constexpr const char\* (\w+) = "((?:\\x[0-9a-fA-F]{2})+)")re");
  const auto loaded = vb::platform::icon_glyphs();
  int seen = 0;
  for (auto it = std::sregex_iterator(header.begin(), header.end(), icon); it != std::sregex_iterator(); ++it) {
    ++seen;
    const char32_t c = from_hex_utf8((*it)[2]);
    INFO("icon " << (*it)[1] << " (add it to used_icons in platform/font_loader.cpp)");
    CHECK(std::binary_search(loaded.begin(), loaded.end(), c));
  }
  CHECK(seen >= 30);
}

TEST_CASE("fonts: the atlas of a 1080p wall screen or a 1280x800 desk screen is at most 2 MiB of RGBA") {
  for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1280, 800}}) {
    const AtlasSize a = atlas_for(w, h);
    INFO(w << "x" << h << ": atlas " << a.w << "x" << a.h);
    CHECK(a.w * a.h * 4 <= 2 * 1024 * 1024);
  }
}

TEST_CASE("fonts: each face's lookup table ends at the text's last code point, and every icon still has its glyph") {
  ImGui::CreateContext();
  const vb::ui::Fonts f = vb::platform::load_fonts(VB_FONTS_DIR, vb::platform::em_for_screen(1920, 1080));
  for (ImFont* font : {f.body, f.bold, f.big, f.small}) {
    // Text ranges end at U+2193; the icons sit among the control characters below U+00A0.
    CHECK(font->IndexLookup.Size <= 0x2194);
    CHECK(font->IndexAdvanceX.Size <= 0x2194);
    for (char32_t c : vb::platform::icon_glyphs()) {
      INFO("icon code point " << static_cast<unsigned>(c));
      const ImFontGlyph* g = font->FindGlyphNoFallback(static_cast<ImWchar>(c));
      REQUIRE(g != nullptr);
      CHECK(g->Visible);
      CHECK(g->AdvanceX >= f.em * 0.5f);
    }
    // Fork Awesome's own code points are no longer in the face: text holding them shows the fallback.
    CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(0xF00C)) == nullptr);
  }
  ImGui::DestroyContext();
}
