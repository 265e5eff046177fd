#pragma once
// Fork Awesome (Font Awesome 4.7 codepoints) icons as UTF-8, merged into the text font.

namespace vb::ui::icon {

inline constexpr const char* check = "\xef\x80\x8c";
inline constexpr const char* times = "\xef\x80\x8d";
inline constexpr const char* clock = "\xef\x80\x97";
inline constexpr const char* warning = "\xef\x81\xb1";
inline constexpr const char* ban = "\xef\x81\x9e";
inline constexpr const char* redo = "\xef\x80\x9e";
inline constexpr const char* moon = "\xef\x86\x86";
inline constexpr const char* users = "\xef\x83\x80";
inline constexpr const char* user = "\xef\x80\x87";
inline constexpr const char* user_times = "\xef\x88\xb5";
inline constexpr const char* lock = "\xef\x80\xa3";
inline constexpr const char* eye_slash = "\xef\x81\xb0";
inline constexpr const char* eye = "\xef\x81\xae";
inline constexpr const char* calendar = "\xef\x81\xb3";
inline constexpr const char* home = "\xef\x80\x95";
inline constexpr const char* phone = "\xef\x82\x95";
inline constexpr const char* video = "\xef\x80\xbd";
inline constexpr const char* hospital = "\xef\x83\xb8";
inline constexpr const char* arrow_up = "\xef\x81\xa2";
inline constexpr const char* arrow_down = "\xef\x81\xa3";
inline constexpr const char* question = "\xef\x84\xa8";
inline constexpr const char* exclamation = "\xef\x81\xaa";
inline constexpr const char* circle_o = "\xef\x84\x8c";
inline constexpr const char* refresh = "\xef\x80\xa1";
inline constexpr const char* gavel = "\xef\x83\xa3";
inline constexpr const char* stethoscope = "\xef\x83\xb1";
inline constexpr const char* list = "\xef\x80\xba";
inline constexpr const char* chevron_down = "\xef\x81\xb8";
inline constexpr const char* database = "\xef\x87\x80";
inline constexpr const char* flag = "\xef\x80\xa4";
inline constexpr const char* sun = "\xef\x86\x85";
inline constexpr const char* arrow_left = "\xef\x81\xa0";
inline constexpr const char* unlock = "\xef\x82\x9c";
inline constexpr const char* sign_in = "\xef\x82\x90";
inline constexpr const char* chevron_left = "\xef\x81\x93";
inline constexpr const char* chevron_right = "\xef\x81\x94";

// Staff and access (issue 7).
inline constexpr const char* key = "\xef\x82\x84";             // U+F084
inline constexpr const char* check_square = "\xef\x81\x86";    // U+F046 (check-square-o)
inline constexpr const char* square = "\xef\x82\x96";          // U+F096 (square-o)
inline constexpr const char* eraser = "\xef\x84\xad";          // U+F12D
inline constexpr const char* shield = "\xef\x84\xb2";          // U+F132

inline constexpr unsigned short first = 0xf000;
inline constexpr unsigned short last = 0xf2e0;

}  // namespace vb::ui::icon
