#pragma once
// The on-screen keyboard's pure part (ui/touch_keyboard draws it): the key layouts (letters in the
// familiar QWERTY order with an apostrophe and a hyphen for names, accented letters, digits and signs,
// a phone keypad), what one key press does to the text being typed (shift once or caps, a limit in
// bytes that never cuts a character in two, a backspace that removes one whole UTF-8 character), and
// characters from a desk keyboard put through the same limit and filter. No ImGui here.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace vb::ui {

enum class KeyboardLayout { letters, accents, symbols, phone };
enum class KeyKind { text, space, backspace, shift, to_letters, to_accents, to_symbols };

struct Key {
  KeyKind kind = KeyKind::text;
  std::string_view lower;  // what a text key types, and its label
  std::string_view upper;  // with shift or caps ("" = the same as lower)
  float width = 1.0f;      // in key widths
};

// The rows of a layout, top to bottom.
std::span<const std::span<const Key>> keyboard_rows(KeyboardLayout layout);
// The key named `name` ("q", "'", "space", "backspace", "shift", "123", "abc", "àé") in `layout`, or null.
const Key* find_key(KeyboardLayout layout, std::string_view name);
// Its stable name (for hit targets): the text of a text key, else space/backspace/shift/abc/àé/123.
std::string_view key_name(const Key& k);

// What a field holds decides the layout it opens with and what a desk keyboard may type into it.
enum class FieldKind { name, text, phone };
enum class KeyShift { off, once, caps };

struct KeyboardEdit {
  std::string text;
  std::size_t limit = 200;  // bytes, as the commands check lengths
  FieldKind field = FieldKind::text;
  KeyboardLayout layout = KeyboardLayout::letters;
  KeyShift shift = KeyShift::off;
};

// Starts typing into a field holding `text`: a phone number on the keypad, anything else on letters;
// a name or a sentence starts with a capital when empty.
KeyboardEdit start_edit(std::string text, std::size_t limit, FieldKind field);

enum class KeyResult { typed, refused, changed_layout };
// One tap. `refused`: nothing changed (the limit reached, nothing to delete).
KeyResult press_key(KeyboardEdit& e, const Key& k);
// The label a key shows now (upper case while shift or caps is on).
std::string_view key_label(const KeyboardEdit& e, const Key& k);

// Characters from a desk keyboard (UTF-8): each printable one the field allows is appended while it
// fits; control characters and, in a phone field, anything but digits, spaces, + ( ) - are dropped.
// Returns how many characters were typed.
std::size_t type_text(KeyboardEdit& e, std::string_view utf8);

// The keyboard on screen (ui/touch_keyboard): which field it types into ("" = closed), the edit, and
// what Cancel puts back. `target` is the field's text, set by the field each frame it is drawn and
// good for that frame only (the keyboard closes, writing nothing, in a frame its field is not drawn).
struct OnScreenKeyboard {
  std::string field;
  std::string label;
  KeyboardEdit edit;
  std::string original;
  std::string* target = nullptr;
  bool field_drawn = false;
  bool opened_now = false;
  float field_top = 0, field_bottom = 0;  // where the field is on screen, pixels
  float left = 0, top = 0, right = 0, bottom = 0;  // where the keyboard was drawn last frame
  bool open() const { return !field.empty(); }
};

// `piece` appended whole when the result fits in `limit` bytes; false (unchanged) otherwise.
bool append_within(std::string& text, std::string_view piece, std::size_t limit);
// Removes the last whole UTF-8 character; false when empty.
bool erase_last_character(std::string& text);
// Characters (code points) in UTF-8 text.
std::size_t utf8_length(std::string_view text);

}  // namespace vb::ui
