// The on-screen keyboard's layouts and editing (ui/keyboard_layout.hpp).
#include "ui/keyboard_layout.hpp"

#include <array>

namespace vb::ui {

namespace {

constexpr Key t(std::string_view lower, std::string_view upper = "") { return Key{KeyKind::text, lower, upper, 1.0f}; }
constexpr Key backspace{KeyKind::backspace, "", "", 1.5f};
constexpr Key shift{KeyKind::shift, "", "", 1.5f};

// Letters: QWERTY as on a desk keyboard; the apostrophe and hyphen beside them for O'Brien-Núñez.
constexpr std::array<Key, 11> l1{t("q", "Q"), t("w", "W"), t("e", "E"), t("r", "R"), t("t", "T"), t("y", "Y"),
                                 t("u", "U"), t("i", "I"), t("o", "O"), t("p", "P"), backspace};
constexpr std::array<Key, 11> l2{t("a", "A"), t("s", "S"), t("d", "D"), t("f", "F"), t("g", "G"), t("h", "H"),
                                 t("j", "J"), t("k", "K"), t("l", "L"), t("'"), t("-")};
constexpr std::array<Key, 10> l3{shift, t("z", "Z"), t("x", "X"), t("c", "C"), t("v", "V"), t("b", "B"),
                                 t("n", "N"), t("m", "M"), t(","), t(".")};
constexpr std::array<Key, 3> l4{Key{KeyKind::to_symbols, "", "", 2.0f}, Key{KeyKind::to_accents, "", "", 2.0f},
                                Key{KeyKind::space, "", "", 6.0f}};
constexpr std::array<std::span<const Key>, 4> letters{l1, l2, l3, l4};

// Accented letters of the Latin-1 range (the fonts' atlas holds those).
constexpr std::array<Key, 11> a1{t("à", "À"), t("á", "Á"), t("â", "Â"), t("ä", "Ä"), t("ã", "Ã"), t("å", "Å"),
                                 t("æ", "Æ"), t("ç", "Ç"), t("è", "È"), t("é", "É"), backspace};
constexpr std::array<Key, 10> a2{t("ê", "Ê"), t("ë", "Ë"), t("ì", "Ì"), t("í", "Í"), t("î", "Î"), t("ï", "Ï"),
                                 t("ñ", "Ñ"), t("ò", "Ò"), t("ó", "Ó"), t("ô", "Ô")};
constexpr std::array<Key, 11> a3{shift, t("ö", "Ö"), t("õ", "Õ"), t("ø", "Ø"), t("ù", "Ù"), t("ú", "Ú"),
                                 t("û", "Û"), t("ü", "Ü"), t("ý", "Ý"), t("ÿ"), t("ß")};
constexpr std::array<Key, 3> a4{Key{KeyKind::to_letters, "", "", 2.0f}, Key{KeyKind::to_symbols, "", "", 2.0f},
                                Key{KeyKind::space, "", "", 6.0f}};
constexpr std::array<std::span<const Key>, 4> accents{a1, a2, a3, a4};

// Digits and the signs a short note needs.
constexpr std::array<Key, 11> s1{t("1"), t("2"), t("3"), t("4"), t("5"), t("6"), t("7"), t("8"), t("9"), t("0"), backspace};
constexpr std::array<Key, 10> s2{t("-"), t("/"), t(":"), t(";"), t("("), t(")"), t("£"), t("&"), t("@"), t("\"")};
constexpr std::array<Key, 10> s3{t("."), t(","), t("?"), t("!"), t("'"), t("+"), t("#"), t("%"), t("*"), t("=")};
constexpr std::array<Key, 3> s4{Key{KeyKind::to_letters, "", "", 2.0f}, Key{KeyKind::to_accents, "", "", 2.0f},
                                Key{KeyKind::space, "", "", 6.0f}};
constexpr std::array<std::span<const Key>, 4> symbols{s1, s2, s3, s4};

// A phone keypad: 1 2 3 on top, as on a telephone.
constexpr std::array<Key, 4> p1{t("1"), t("2"), t("3"), backspace};
constexpr std::array<Key, 4> p2{t("4"), t("5"), t("6"), t("+")};
constexpr std::array<Key, 4> p3{t("7"), t("8"), t("9"), t("-")};
constexpr std::array<Key, 4> p4{t("("), t("0"), t(")"), Key{KeyKind::space, "", "", 1.5f}};
constexpr std::array<std::span<const Key>, 4> phone{p1, p2, p3, p4};

bool phone_character(char32_t c) { return (c >= '0' && c <= '9') || c == ' ' || c == '+' || c == '(' || c == ')' || c == '-'; }

// The length of the UTF-8 sequence starting with byte `b` (1 for a stray continuation byte).
std::size_t sequence_length(unsigned char b) {
  if (b >= 0xF0) return 4;
  if (b >= 0xE0) return 3;
  if (b >= 0xC0) return 2;
  return 1;
}

char32_t decode(std::string_view s) {
  const auto u = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  if (s.size() == 1) return u(0);
  if (s.size() == 2) return ((u(0) & 0x1Fu) << 6) | (u(1) & 0x3Fu);
  if (s.size() == 3) return ((u(0) & 0x0Fu) << 12) | ((u(1) & 0x3Fu) << 6) | (u(2) & 0x3Fu);
  return ((u(0) & 0x07u) << 18) | ((u(1) & 0x3Fu) << 12) | ((u(2) & 0x3Fu) << 6) | (u(3) & 0x3Fu);
}

// After a space or a hyphen a name's next part starts with a capital (Núñez, O'Brien-Núñez).
void after_typing(KeyboardEdit& e, std::string_view typed) {
  if (e.shift == KeyShift::once) e.shift = KeyShift::off;
  if (e.field == FieldKind::name && e.shift == KeyShift::off && (typed == " " || typed == "-")) e.shift = KeyShift::once;
}

}  // namespace

std::span<const std::span<const Key>> keyboard_rows(KeyboardLayout layout) {
  switch (layout) {
    case KeyboardLayout::letters: return letters;
    case KeyboardLayout::accents: return accents;
    case KeyboardLayout::symbols: return symbols;
    case KeyboardLayout::phone: return phone;
  }
  return letters;
}

std::string_view key_name(const Key& k) {
  switch (k.kind) {
    case KeyKind::text: return k.lower;
    case KeyKind::space: return "space";
    case KeyKind::backspace: return "backspace";
    case KeyKind::shift: return "shift";
    case KeyKind::to_letters: return "abc";
    case KeyKind::to_accents: return "àé";
    case KeyKind::to_symbols: return "123";
  }
  return "";
}

const Key* find_key(KeyboardLayout layout, std::string_view name) {
  for (const auto& row : keyboard_rows(layout))
    for (const Key& k : row)
      if (key_name(k) == name) return &k;
  return nullptr;
}

KeyboardEdit start_edit(std::string text, std::size_t limit, FieldKind field) {
  KeyboardEdit e;
  e.text = std::move(text);
  e.limit = limit;
  e.field = field;
  e.layout = field == FieldKind::phone ? KeyboardLayout::phone : KeyboardLayout::letters;
  if (field != FieldKind::phone && e.text.empty()) e.shift = KeyShift::once;
  return e;
}

std::string_view key_label(const KeyboardEdit& e, const Key& k) {
  switch (k.kind) {
    case KeyKind::text: return e.shift != KeyShift::off && !k.upper.empty() ? k.upper : k.lower;
    case KeyKind::space: return "space";
    case KeyKind::backspace: return "delete";
    case KeyKind::shift: return e.shift == KeyShift::caps ? "CAPS" : "shift";
    case KeyKind::to_letters: return "abc";
    case KeyKind::to_accents: return "àé";
    case KeyKind::to_symbols: return "123";
  }
  return "";
}

KeyResult press_key(KeyboardEdit& e, const Key& k) {
  switch (k.kind) {
    case KeyKind::text: {
      const std::string_view piece = key_label(e, k);
      if (!append_within(e.text, piece, e.limit)) return KeyResult::refused;
      after_typing(e, piece);
      return KeyResult::typed;
    }
    case KeyKind::space:
      if (!append_within(e.text, " ", e.limit)) return KeyResult::refused;
      after_typing(e, " ");
      return KeyResult::typed;
    case KeyKind::backspace: return erase_last_character(e.text) ? KeyResult::typed : KeyResult::refused;
    case KeyKind::shift:  // off -> once -> caps -> off: a second tap holds capitals, a third lets go
      e.shift = e.shift == KeyShift::off ? KeyShift::once : e.shift == KeyShift::once ? KeyShift::caps : KeyShift::off;
      return KeyResult::changed_layout;
    case KeyKind::to_letters: e.layout = KeyboardLayout::letters; return KeyResult::changed_layout;
    case KeyKind::to_accents: e.layout = KeyboardLayout::accents; return KeyResult::changed_layout;
    case KeyKind::to_symbols: e.layout = KeyboardLayout::symbols; return KeyResult::changed_layout;
  }
  return KeyResult::refused;
}

std::size_t type_text(KeyboardEdit& e, std::string_view utf8) {
  std::size_t typed = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    std::size_t n = sequence_length(static_cast<unsigned char>(utf8[i]));
    if (i + n > utf8.size()) break;  // a cut sequence at the end: dropped
    const std::string_view piece = utf8.substr(i, n);
    i += n;
    const char32_t c = decode(piece);
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) continue;  // control characters
    if (e.field == FieldKind::phone && !phone_character(c)) continue;
    if (!append_within(e.text, piece, e.limit)) continue;
    if (e.shift == KeyShift::once) e.shift = KeyShift::off;  // a desk keyboard has its own shift
    ++typed;
  }
  return typed;
}

bool append_within(std::string& text, std::string_view piece, std::size_t limit) {
  if (piece.empty() || text.size() + piece.size() > limit) return false;
  text.append(piece);
  return true;
}

bool erase_last_character(std::string& text) {
  if (text.empty()) return false;
  std::size_t i = text.size() - 1;
  // Back over continuation bytes (10xxxxxx) to the character's first byte.
  while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  text.erase(i);
  return true;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace vb::ui
