// The on-screen keyboard's pure part (ui/keyboard_layout.hpp): each kind of key, shift and caps, the
// byte limit that never cuts a character, a UTF-8 safe backspace, names with accents and apostrophes,
// and a desk keyboard's characters through the same filter.
#include <doctest/doctest.h>

#include "ui/keyboard_layout.hpp"

using namespace vb::ui;

namespace {

void tap(KeyboardEdit& e, std::string_view name) {
  const Key* k = find_key(e.layout, name);
  REQUIRE_MESSAGE(k, "no key '" << std::string(name) << "' on this layout");
  press_key(e, *k);
}

}  // namespace

TEST_CASE("touch keyboard: letters are in QWERTY order, with an apostrophe and a hyphen for names, and keys are big enough") {
  const auto rows = keyboard_rows(KeyboardLayout::letters);
  REQUIRE(rows.size() == 4);
  std::string first;
  for (const Key& k : rows[0])
    if (k.kind == KeyKind::text) first += k.lower;
  CHECK(first == "qwertyuiop");
  CHECK(find_key(KeyboardLayout::letters, "'"));
  CHECK(find_key(KeyboardLayout::letters, "-"));
  for (auto layout : {KeyboardLayout::letters, KeyboardLayout::accents, KeyboardLayout::symbols, KeyboardLayout::phone}) {
    CHECK(find_key(layout, "backspace"));
    CHECK(find_key(layout, "space"));
    for (const auto& row : keyboard_rows(layout))
      for (const Key& k : row) CHECK(k.width >= 1.0f);
  }
  // The phone keypad has every digit and + ( ) -, and no letters.
  for (std::string_view d : {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "+", "(", ")", "-"})
    CHECK(find_key(KeyboardLayout::phone, d));
  CHECK_FALSE(find_key(KeyboardLayout::phone, "a"));
}

TEST_CASE("touch keyboard: 'Zoë O'Brien-Núñez' types on the letter and accent keys, capitals coming by themselves") {
  KeyboardEdit e = start_edit("", 200, FieldKind::name);
  CHECK(e.layout == KeyboardLayout::letters);
  CHECK(e.shift == KeyShift::once);  // a name starts with a capital
  tap(e, "z");
  tap(e, "o");
  tap(e, "àé");
  tap(e, "ë");
  CHECK(e.text == "Zoë");
  tap(e, "abc");
  tap(e, "space");  // the next part starts with a capital again
  CHECK(e.shift == KeyShift::once);
  tap(e, "o");
  tap(e, "'");
  tap(e, "shift");
  tap(e, "b");
  for (auto c : {"r", "i", "e", "n"}) tap(e, c);
  tap(e, "-");
  CHECK(e.shift == KeyShift::once);  // after a hyphen too
  tap(e, "n");
  tap(e, "àé");
  tap(e, "ú");
  tap(e, "ñ");
  tap(e, "abc");
  tap(e, "e");
  tap(e, "z");
  CHECK(e.text == "Zoë O'Brien-Núñez");
  CHECK(utf8_length(e.text) == 17);
}

TEST_CASE("touch keyboard: shift is one capital, a second tap holds capitals, a third lets go") {
  KeyboardEdit e = start_edit("x", 50, FieldKind::text);
  CHECK(e.shift == KeyShift::off);  // not empty: no automatic capital
  tap(e, "shift");
  tap(e, "a");
  tap(e, "a");
  CHECK(e.text == "xAa");
  tap(e, "shift");
  tap(e, "shift");
  CHECK(e.shift == KeyShift::caps);
  tap(e, "b");
  tap(e, "c");
  CHECK(e.text == "xAaBC");
  tap(e, "shift");
  tap(e, "d");
  CHECK(e.text == "xAaBCd");
  // Shift shows on the keys' labels.
  const Key* q = find_key(KeyboardLayout::letters, "q");
  CHECK(key_label(e, *q) == "q");
  e.shift = KeyShift::once;
  CHECK(key_label(e, *q) == "Q");
}

TEST_CASE("touch keyboard: backspace takes one whole character, even a two-byte one, and does nothing when empty") {
  KeyboardEdit e = start_edit("Núñ", 200, FieldKind::name);
  tap(e, "backspace");
  CHECK(e.text == "Nú");
  tap(e, "backspace");
  CHECK(e.text == "N");
  tap(e, "backspace");
  CHECK(e.text.empty());
  CHECK(press_key(e, *find_key(e.layout, "backspace")) == KeyResult::refused);
  std::string four = "a\xF0\x9F\x98\x80";  // a, then a four-byte character
  CHECK(erase_last_character(four));
  CHECK(four == "a");
}

TEST_CASE("touch keyboard: the limit stops typing and never cuts a character in two") {
  KeyboardEdit e = start_edit("abc", 4, FieldKind::text);
  tap(e, "àé");
  CHECK(press_key(e, *find_key(e.layout, "é")) == KeyResult::refused);  // 2 bytes do not fit in the 1 left
  CHECK(e.text == "abc");
  tap(e, "abc");
  CHECK(press_key(e, *find_key(e.layout, "d")) == KeyResult::typed);
  CHECK(press_key(e, *find_key(e.layout, "e")) == KeyResult::refused);
  CHECK(press_key(e, *find_key(e.layout, "space")) == KeyResult::refused);
  CHECK(e.text == "abcd");
  CHECK(type_text(e, "xyz") == 0);
}

TEST_CASE("touch keyboard: a phone number opens on the keypad and a desk keyboard types only what a number holds") {
  KeyboardEdit e = start_edit("", 40, FieldKind::phone);
  CHECK(e.layout == KeyboardLayout::phone);
  CHECK(e.shift == KeyShift::off);
  tap(e, "0");
  tap(e, "7");
  tap(e, "space");
  CHECK(type_text(e, "700 a9(0)1-2\n") == 11);
  CHECK(e.text == "07 700 9(0)1-2");
}

TEST_CASE("touch keyboard: a desk keyboard types UTF-8 names whole and drops control characters") {
  KeyboardEdit e = start_edit("", 200, FieldKind::name);
  CHECK(type_text(e, "Zoë O'Brien-Núñez\t\x01") == 17);
  CHECK(e.text == "Zoë O'Brien-Núñez");
  CHECK(e.shift == KeyShift::off);  // a desk keyboard has its own shift
  CHECK(type_text(e, "\xC3") == 0);   // a cut sequence is dropped
  CHECK(e.text == "Zoë O'Brien-Núñez");
  // Digits and signs for a short note.
  KeyboardEdit note = start_edit("", 100, FieldKind::text);
  tap(note, "123");
  CHECK(note.layout == KeyboardLayout::symbols);
  tap(note, "2");
  tap(note, "4");
  tap(note, "/");
  tap(note, "7");
  CHECK(note.text == "24/7");
}
