// Slot labels in narrow day columns: the time and the person's initials are shown whole, stacked on
// two lines when one line would be cut at the column edge, and every booked slot of a grid alike.
#include <doctest/doctest.h>

#include "ui/text_fit.hpp"

using namespace vb::ui;

namespace {
// A monospaced stand-in for the font: 8 px a character.
float mono(std::string_view t) { return 8.0f * static_cast<float>(t.size()); }
}  // namespace

TEST_CASE("ui text fit: a booked slot label stays on one line when the column has room") {
  const std::vector<std::string> labels = {"10:00 ZS", "14:00 LI"};  // 64 px each
  CHECK_FALSE(any_too_wide(labels, 64.0f, mono));
  CHECK(join_label("10:00", "ZS", false) == "10:00 ZS");
  CHECK(label_lines(join_label("10:00", "ZS", false)) == 1);
}

TEST_CASE("ui text fit: in a narrow column the time and initials stack instead of being cut") {
  const std::vector<std::string> labels = {"10:00 ZS", "14:00 LI+1"};  // 64 and 80 px
  const bool stacked = any_too_wide(labels, 70.0f, mono);
  CHECK(stacked);  // one label too wide stacks the whole grid, so cells keep one shape
  const std::string label = join_label("10:00", "ZS", stacked);
  CHECK(label == "10:00\nZS");
  CHECK(label_lines(label) == 2);
  // each stacked line fits the column whole
  CHECK(mono("10:00") <= 70.0f);
  CHECK(mono("LI+1") <= 70.0f);
}

TEST_CASE("ui text fit: a free slot shows only its time, never an empty second line") {
  CHECK(join_label("15:00", "", true) == "15:00");
  CHECK(label_lines(join_label("15:00", "", true)) == 1);
  CHECK_FALSE(any_too_wide({}, 10.0f, mono));
}

TEST_CASE("ui text fit: a line too long for its row is cut with '...' at a whole character, and the cut line fits") {
  CHECK(cut_to_width("Noted today", 88.0f, mono) == "Noted today");  // 88 px: fits whole, no dots
  const std::string cut = cut_to_width("Cleared Mon 23 Nov 09:40 · Sasha: no longer applies", 120.0f, mono);
  CHECK(cut.size() >= 3);
  CHECK(cut.substr(cut.size() - 3) == "...");
  CHECK(mono(cut) <= 120.0f);
  CHECK(cut == "Cleared Mon ...");  // 15 characters of 8 px: as much of the line as fits, then the dots
  // "·" is two bytes: a cut never leaves half of it (which would draw as a broken glyph).
  const std::string dot = cut_to_width("ab · cd", 48.0f, mono);  // "ab ·" is 5 bytes = 40 px + "..." 24 px > 48
  CHECK(dot == "ab ...");
  CHECK(cut_to_width("anything", 0.0f, mono) == "...");
}
