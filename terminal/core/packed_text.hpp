#pragma once
// Short text that repeats across hundreds of thousands of rows (staff ids, transition items, review
// decisions) in 8 bytes instead of std::string's 32 (issue 7, memory at trust scale): up to 7 characters
// inline ("T01-S07"), a known domain word (a pointer to a constant table: no copy), or else a heap
// block shared by copies (reference counted, atomically; s8B): copying a long text is one increment, and
// a snapshot can hold a text many rows repeat once (core/snapshot_compact.cpp pools them).
// Self-contained: no global mutable state, safe to build on the loader's thread.
// Behaves like a string value: ==, <=>, hashing and ordering as std::string; view()/str() for the text.
#include <bit>
#include <compare>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace vb {

class PackedText {
 public:
  PackedText() noexcept = default;
  PackedText(std::string_view text);  // NOLINT(google-explicit-constructor): a drop-in for std::string
  PackedText(const std::string& text) : PackedText(std::string_view(text)) {}
  PackedText(const char* text) : PackedText(std::string_view(text)) {}
  PackedText(const PackedText& other);
  PackedText(PackedText&& other) noexcept : word_(other.word_) { other.word_ = 0; }
  PackedText& operator=(const PackedText& other);
  PackedText& operator=(PackedText&& other) noexcept;
  ~PackedText() { release(); }

  std::string_view view() const noexcept;
  std::string str() const { return std::string(view()); }
  operator std::string_view() const noexcept { return view(); }  // NOLINT(google-explicit-constructor)
  operator std::string() const { return str(); }  // NOLINT(google-explicit-constructor)
  bool empty() const noexcept { return word_ == 0; }
  std::size_t size() const noexcept { return view().size(); }
  void clear() noexcept {
    release();
    word_ = 0;
  }
  // True when both hold the same heap block (a copy, or pooled): for tests and memory accounting.
  bool shares_storage_with(const PackedText& other) const noexcept;

  // Same text, same answer: each text has one form (inline iff <= 7 chars, else a known word, else heap).
  friend bool operator==(const PackedText& a, const PackedText& b) noexcept {
    return a.word_ == b.word_ || (a.on_heap() && b.on_heap() && a.view() == b.view());
  }
  friend std::strong_ordering operator<=>(const PackedText& a, const PackedText& b) noexcept {
    return a.view().compare(b.view()) <=> 0;
  }
  // Mixed comparisons with text (std::string, literals) compare the characters.
  friend bool operator==(const PackedText& a, std::string_view b) noexcept { return a.view() == b; }
  friend bool operator==(const PackedText& a, const std::string& b) noexcept { return a.view() == b; }
  friend bool operator==(const PackedText& a, const char* b) noexcept { return a.view() == b; }
  friend std::strong_ordering operator<=>(const PackedText& a, std::string_view b) noexcept {
    return a.view().compare(b) <=> 0;
  }
  friend std::strong_ordering operator<=>(const PackedText& a, const std::string& b) noexcept {
    return a.view().compare(b) <=> 0;
  }
  friend std::strong_ordering operator<=>(const PackedText& a, const char* b) noexcept {
    return a.view().compare(b) <=> 0;
  }
  friend std::string operator+(const PackedText& a, std::string_view b) { return a.str().append(b); }
  friend std::string operator+(std::string_view a, const PackedText& b) { return std::string(a).append(b.view()); }
  friend std::string operator+(const std::string& a, const PackedText& b) { return std::string(a).append(b.view()); }
  friend std::string operator+(const char* a, const PackedText& b) { return std::string(a).append(b.view()); }
  friend std::string operator+(const PackedText& a, const std::string& b) { return a.str().append(b); }
  friend std::string operator+(const PackedText& a, const char* b) { return a.str().append(b); }
  friend std::ostream& operator<<(std::ostream& os, const PackedText& t);

 private:
  static_assert(std::endian::native == std::endian::little, "inline characters follow the tag byte");
  // word_: 0 empty; low bit 1: inline, (low byte >> 1) characters in the next bytes; low bits 10: a
  // const std::string_view* into the known words; low bits 00: a shared heap block (size, references, chars, NUL).
  bool on_heap() const noexcept { return word_ != 0 && (word_ & 3u) == 0; }
  void release() noexcept;
  std::uint64_t word_ = 0;
};

// Staff ids ("S07", "T01-S07") as scripts and the roster use them.
using StaffId = PackedText;

}  // namespace vb

template <>
struct std::hash<vb::PackedText> {
  std::size_t operator()(const vb::PackedText& t) const noexcept { return std::hash<std::string_view>{}(t.view()); }
};
