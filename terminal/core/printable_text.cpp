// Control characters out of display text (see printable_text.hpp for why).
#include "core/printable_text.hpp"

namespace vb {

bool is_hidden_control(char32_t c) {
  if (c < 0x20) return c != '\t' && c != '\n' && c != '\r';
  return c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

namespace {

// Length in bytes of a control character at text[i], or 0. C1 controls are C2 80..C2 9F in UTF-8.
std::size_t control_at(std::string_view text, std::size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) return is_hidden_control(b) ? 1 : 0;
  if (b == 0xC2 && i + 1 < text.size()) {
    const auto n = static_cast<unsigned char>(text[i + 1]);
    if (n >= 0x80 && n <= 0x9F) return 2;
  }
  return 0;
}

}  // namespace

std::string printable_text(std::string text) {
  std::size_t i = 0;
  while (i < text.size() && control_at(text, i) == 0) ++i;
  if (i == text.size()) return text;
  std::string out = text.substr(0, i);
  out.reserve(text.size() + 2);
  while (i < text.size()) {
    if (const std::size_t n = control_at(text, i)) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      i += n;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace vb
