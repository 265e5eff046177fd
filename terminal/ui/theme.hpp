#pragma once
// Colours and sizes of the board. Okabe-Ito based, so status colours stay apart for colour-blind
// readers; every status also carries an icon and a word, never colour alone.
#include "core/vocabulary.hpp"

#include <imgui.h>

#include <string_view>

namespace vb::ui {

namespace colour {
inline constexpr ImU32 background = IM_COL32(16, 24, 32, 255);
inline constexpr ImU32 panel = IM_COL32(28, 38, 50, 255);
inline constexpr ImU32 row_alt = IM_COL32(22, 31, 42, 255);
inline constexpr ImU32 header = IM_COL32(8, 14, 20, 255);
inline constexpr ImU32 text = IM_COL32(245, 247, 250, 255);
inline constexpr ImU32 text_dim = IM_COL32(176, 188, 200, 255);
inline constexpr ImU32 text_dark = IM_COL32(10, 14, 18, 255);
inline constexpr ImU32 done = IM_COL32(0, 158, 115, 255);        // bluish green
inline constexpr ImU32 planned = IM_COL32(60, 76, 94, 255);      // slate
inline constexpr ImU32 missed = IM_COL32(213, 94, 0, 255);       // vermillion
inline constexpr ImU32 cancelled = IM_COL32(96, 100, 108, 255);  // grey
inline constexpr ImU32 rescheduled = IM_COL32(86, 180, 233, 255);  // sky blue
inline constexpr ImU32 warning = IM_COL32(240, 228, 66, 255);    // yellow
inline constexpr ImU32 risk_high = IM_COL32(213, 94, 0, 255);
inline constexpr ImU32 risk_medium = IM_COL32(230, 159, 0, 255);
inline constexpr ImU32 risk_low = IM_COL32(96, 110, 124, 255);
inline constexpr ImU32 accent = IM_COL32(86, 180, 233, 255);
inline constexpr ImU32 error = IM_COL32(200, 40, 40, 255);
}  // namespace colour

struct ChipStyle {
  ImU32 fill;
  ImU32 ink;
  const char* icon;
  std::string_view word;
};

ChipStyle visit_chip_style(VisitStatus status, bool missed, bool allocated);
ImU32 risk_colour(RiskLevel r);
// Zone colours for the default zone names; unknown (team-defined) zones get a neutral colour.
ImU32 zone_colour(std::string_view zone);
ImU32 zone_ink(std::string_view zone);

// ImGui style for the kiosk: large paddings, touch-sized frames, sized from the font size.
void apply_style(float font_px);
// The window, table and text colours of the day view or the night view (out of hours: black
// background, whiter text, the same colour-blind-safe status colours, icons and words as by day).
void apply_palette(bool night);
// What the frame is cleared to.
ImU32 background_colour(bool night);

}  // namespace vb::ui
