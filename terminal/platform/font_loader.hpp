#pragma once
// Fonts from one function: clears the atlas, loads the text faces at the sizes the screens use,
// merges the icon font, and rescales the style. Sizes are in pixels of 1 em.
#include "ui/fonts.hpp"

#include <filesystem>
#include <vector>

namespace vb::platform {

// Throws std::runtime_error naming the file when a font cannot be loaded.
ui::Fonts load_fonts(const std::filesystem::path& fonts_dir, float em);
// The em for a screen of this size: readable from across a room on a wall screen, dense enough
// on a 1280x800 desk screen. `scale` is the user's setting (1 = default).
float em_for_screen(int width, int height, float scale = 1.0f);
// The code points the icons of ui/icons.hpp are drawn from once load_fonts has built the atlas, sorted.
std::vector<char32_t> icon_glyphs();

}  // namespace vb::platform
