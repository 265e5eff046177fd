// Display text never holds control characters, because the kiosk's icons are drawn from them.
#include <doctest/doctest.h>

#include "core/printable_text.hpp"

#include <string>

using vb::printable_text;

TEST_CASE("printable text: ordinary names and notes come back unchanged") {
  CHECK(printable_text("Amélie O'Brien-Ndlovu") == "Amélie O'Brien-Ndlovu");
  CHECK(printable_text("line one\nline two\ttabbed\r\n") == "line one\nline two\ttabbed\r\n");
  CHECK(printable_text("08:00–09:30 · £5 → ok …") == "08:00–09:30 · £5 → ok …");
  CHECK(printable_text("") == "");
}

TEST_CASE("printable text: C0 and C1 control characters and DEL become U+FFFD, so text never shows an icon") {
  CHECK(printable_text("A\x01" "B") == "A\xEF\xBF\xBD" "B");
  CHECK(printable_text("\x1b[31mred") == "\xEF\xBF\xBD[31mred");
  CHECK(printable_text("x\x7f") == "x\xEF\xBF\xBD");
  CHECK(printable_text("\xC2\x80\xC2\x9F") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // U+0080, U+009F
  CHECK(printable_text("\xC2\xA0\xC2\xA3") == "\xC2\xA0\xC2\xA3");          // NBSP and £ stay
  for (char32_t c = 0; c < 0x100; ++c) {
    const bool hidden = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    CHECK(vb::is_hidden_control(c) == hidden);
  }
}

TEST_CASE("printable text: invalid UTF-8 is left for the renderer to show as a replacement") {
  CHECK(printable_text("a\xC2") == "a\xC2");
  CHECK(printable_text("\x80z") == "\x80z");
}
