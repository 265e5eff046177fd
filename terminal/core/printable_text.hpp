#pragma once
// Text for people to read never holds control characters: the kiosk draws its icons from those code
// points (U+0001..U+001F, U+0080..U+009F, see ui/icons.hpp), so a stray one in a name typed or
// imported would otherwise show as an icon.
#include <string>
#include <string_view>

namespace vb {

// True for the code points printable_text replaces: C0 controls other than tab, line feed and
// carriage return, DEL, and the C1 controls.
bool is_hidden_control(char32_t c);

// `text` with every such control character replaced by U+FFFD (drawn as the font's "?").
// Invalid UTF-8 is left as it is (ImGui decodes it to U+FFFD itself). Returns `text` unchanged,
// without copying its characters, when there is nothing to replace.
std::string printable_text(std::string text);

}  // namespace vb
