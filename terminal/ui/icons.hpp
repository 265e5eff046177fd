#pragma once
// Fork Awesome icons as UTF-8, merged into the text font. Each icon is drawn from a control
// character's code point (U+0001..U+001F without tab/LF/CR, then U+0080.. without U+0085): platform/
// font_loader loads the Fork Awesome glyph (code point in the comment) and renumbers it after the
// atlas is built, so the faces' lookup tables end at the text's last code point (U+2193), not at
// U+F235 (about 1.3 MiB less). Text from people or files never holds these characters: the store
// replaces them when it reads text (core/printable_text.hpp). A new icon takes the next free code
// and goes into used_icons in platform/font_loader.cpp with its Fork Awesome code point.

namespace vb::ui::icon {

inline constexpr const char* check = "\x01";  // U+0001, Fork Awesome U+F00C
inline constexpr const char* times = "\x02";  // U+0002, Fork Awesome U+F00D
inline constexpr const char* clock = "\x03";  // U+0003, Fork Awesome U+F017
inline constexpr const char* warning = "\x04";  // U+0004, Fork Awesome U+F071
inline constexpr const char* ban = "\x05";  // U+0005, Fork Awesome U+F05E
inline constexpr const char* redo = "\x06";  // U+0006, Fork Awesome U+F01E
inline constexpr const char* moon = "\x07";  // U+0007, Fork Awesome U+F186
inline constexpr const char* users = "\x08";  // U+0008, Fork Awesome U+F0C0
inline constexpr const char* user = "\x0b";  // U+000B, Fork Awesome U+F007
inline constexpr const char* user_times = "\x0c";  // U+000C, Fork Awesome U+F235
inline constexpr const char* lock = "\x0e";  // U+000E, Fork Awesome U+F023
inline constexpr const char* eye_slash = "\x0f";  // U+000F, Fork Awesome U+F070
inline constexpr const char* eye = "\x10";  // U+0010, Fork Awesome U+F06E
inline constexpr const char* calendar = "\x11";  // U+0011, Fork Awesome U+F073
inline constexpr const char* home = "\x12";  // U+0012, Fork Awesome U+F015
inline constexpr const char* phone = "\x13";  // U+0013, Fork Awesome U+F095
inline constexpr const char* video = "\x14";  // U+0014, Fork Awesome U+F03D
inline constexpr const char* hospital = "\x15";  // U+0015, Fork Awesome U+F0F8
inline constexpr const char* arrow_up = "\x16";  // U+0016, Fork Awesome U+F062
inline constexpr const char* arrow_down = "\x17";  // U+0017, Fork Awesome U+F063
inline constexpr const char* question = "\x18";  // U+0018, Fork Awesome U+F128
inline constexpr const char* exclamation = "\x19";  // U+0019, Fork Awesome U+F06A
inline constexpr const char* circle_o = "\x1a";  // U+001A, Fork Awesome U+F10C
inline constexpr const char* refresh = "\x1b";  // U+001B, Fork Awesome U+F021
inline constexpr const char* gavel = "\x1c";  // U+001C, Fork Awesome U+F0E3
inline constexpr const char* stethoscope = "\x1d";  // U+001D, Fork Awesome U+F0F1
inline constexpr const char* list = "\x1e";  // U+001E, Fork Awesome U+F03A
inline constexpr const char* chevron_down = "\x1f";  // U+001F, Fork Awesome U+F078
inline constexpr const char* database = "\xc2\x80";  // U+0080, Fork Awesome U+F1C0
inline constexpr const char* flag = "\xc2\x81";  // U+0081, Fork Awesome U+F024
inline constexpr const char* sun = "\xc2\x82";  // U+0082, Fork Awesome U+F185
inline constexpr const char* arrow_left = "\xc2\x83";  // U+0083, Fork Awesome U+F060
inline constexpr const char* unlock = "\xc2\x84";  // U+0084, Fork Awesome U+F09C
inline constexpr const char* sign_in = "\xc2\x86";  // U+0086, Fork Awesome U+F090
inline constexpr const char* chevron_left = "\xc2\x87";  // U+0087, Fork Awesome U+F053
inline constexpr const char* chevron_right = "\xc2\x88";  // U+0088, Fork Awesome U+F054

// Staff and access (issue 7).
inline constexpr const char* key = "\xc2\x89";  // U+0089, Fork Awesome U+F084
inline constexpr const char* check_square = "\xc2\x8a";  // U+008A, Fork Awesome U+F046 (check-square-o)
inline constexpr const char* square = "\xc2\x8b";  // U+008B, Fork Awesome U+F096 (square-o)
inline constexpr const char* eraser = "\xc2\x8c";  // U+008C, Fork Awesome U+F12D
inline constexpr const char* shield = "\xc2\x8d";  // U+008D, Fork Awesome U+F132

}  // namespace vb::ui::icon
