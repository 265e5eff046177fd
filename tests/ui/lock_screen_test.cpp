// The lock screen through real frames: a locked wall shows initials and a Sign in button; the PIN
// pad takes a name and digits from big keys and asks the app to check them; nothing is recorded
// while locked; Privacy now locks at once.
#include <doctest/doctest.h>

#include "support/small_team.hpp"
#include "ui/headless.hpp"
#include "ui/lock_screen.hpp"

#include <cfloat>

using namespace vb;
using vb::test::at;

namespace {

void lock(test::HeadlessUi& ui) {
  ui::lock_now(ui.state);
  ui.frame();
}

}  // namespace

TEST_CASE("lock screen: a locked board is the wall view with a Sign in button, and no tabs") {
  auto s = test::small_team();
  test::HeadlessUi ui(s, at("2026-11-23T10:30"));
  lock(ui);
  CHECK(ui.state.privacy);
  CHECK(ui.shows("sign_in"));
  CHECK_FALSE(ui.shows("tab:reviews"));
  CHECK_FALSE(ui.shows("privacy_now"));
  CHECK(ui.shows("visit:201"));  // the board is still there, in initials
}

TEST_CASE("lock screen: tapping a visit while locked opens the PIN pad, not the outcome sheet") {
  auto s = test::small_team();
  test::HeadlessUi ui(s, at("2026-11-23T10:30"));
  lock(ui);
  CHECK_FALSE(ui.tap("visit:201"));
  CHECK(ui.state.lock_pad_open);
  CHECK_FALSE(ui.state.visit_sheet);
  CHECK(ui.shows("pin:5"));
}

TEST_CASE("lock screen: a name and keypad digits ask to sign in with exactly that PIN, shown only as dots") {
  auto s = test::small_team();
  test::HeadlessUi ui(s, at("2026-11-23T10:30"));
  lock(ui);
  ui.tap("sign_in");
  REQUIRE(ui.shows("lock:staff:S02"));
  ui.tap("lock:staff:S02");
  for (const char* k : {"pin:4", "pin:8", "pin:2", "pin:9", "pin:back", "pin:6"}) ui.tap(k);
  CHECK(ui.state.pin_digits == "4826");
  CHECK_FALSE(ui.state.sign_in_request);
  ui.tap("pin:ok");
  REQUIRE(ui.state.sign_in_request);
  CHECK(ui.state.sign_in_request->staff == "S02");
  CHECK(ui.state.sign_in_request->pin == "4826");
  CHECK(ui.state.pin_digits.empty());  // the digits do not linger on screen
}

TEST_CASE("lock screen: too few digits or no name are explained and nothing is sent") {
  auto s = test::small_team();
  test::HeadlessUi ui(s, at("2026-11-23T10:30"));
  lock(ui);
  ui.tap("sign_in");
  ui.tap("pin:1");
  ui.tap("pin:ok");
  CHECK_FALSE(ui.state.sign_in_request);
  CHECK(ui.state.lock_message.find("name") != std::string::npos);
  ui.tap("lock:staff:S01");
  ui.tap("pin:2");
  ui.tap("pin:ok");
  CHECK_FALSE(ui.state.sign_in_request);
  CHECK(ui.state.lock_message.find("4 digits") != std::string::npos);
  ui.tap("lock:cancel");
  CHECK_FALSE(ui.state.lock_pad_open);
}

TEST_CASE("lock screen: once signed in, the person is the author of what they record") {
  auto s = test::small_team();
  test::HeadlessUi ui(s, at("2026-11-23T10:30"));
  lock(ui);
  ui::signed_in(ui.state, "S03");
  ui.frame();
  CHECK_FALSE(ui.state.privacy);
  ui.tap("visit:201");  // S02's visit
  ui.tap("status:done");
  auto command = ui.tap("save");
  REQUIRE(command);
  CHECK(std::get<MarkVisit>(*command).by == "S03");
}

TEST_CASE("lock screen: Privacy now locks at once and forgets who was signed in") {
  auto s = test::small_team();
  test::HeadlessUi ui(s, at("2026-11-23T10:30"));
  ui::signed_in(ui.state, "S03");
  ui.frame();
  ui.tap("visit:201");
  REQUIRE(ui.state.visit_sheet);
  ui::lock_now(ui.state);  // the sheet is modal; Privacy now is in the header when none is open
  ui.frame();
  ui::signed_in(ui.state, "S03");
  ui.frame();
  REQUIRE(ui.shows("privacy_now"));
  ui.tap("privacy_now");
  CHECK(ui.state.locked);
  CHECK(ui.state.signed_in.empty());
  CHECK(ui.state.privacy);
  CHECK(ui.shows("sign_in"));
}

TEST_CASE("lock screen: a signed-in shift coordinator clears a locked sign-in from the admin screen") {
  auto s = test::small_team();
  s.staff[0].locked = true;                        // S01
  s.staff[2].roles.push_back(Role::coordinator);  // S03
  test::HeadlessUi ui(s, at("2026-11-23T10:30"));
  ui::signed_in(ui.state, "S02");  // a clinician: sees the lock, cannot clear it
  ui.state.screen = ui::Screen::admin;
  ui.frame();
  CHECK_FALSE(ui.shows("clear_lock:S01"));
  ui::signed_in(ui.state, "S03");
  ui.frame();
  REQUIRE(ui.shows("clear_lock:S01"));
  auto command = ui.tap("clear_lock:S01");
  REQUIRE(command);
  const auto& clear = std::get<ClearLockout>(*command);
  CHECK(clear.staff == "S01");
  CHECK(clear.by == "S03");
  CHECK_FALSE(command_problem(s, *command));
}

TEST_CASE("lock screen: a name button shows the whole name, wrapped or smaller when long, and a locked account says so on its own line") {
  auto s = test::small_team();
  test::HeadlessUi ui(s, at("2026-11-23T10:30"));  // an ImGui context with its font
  const ui::Fonts f = ui::default_fonts();
  auto width = [](ImFont* font, const std::string& text) { return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x; };
  const std::string name = "Val Demo-Norbury";
  const float w = width(f.body, name);
  // Fits: one line, the body font, whole.
  auto fits = ui::fit_name_lines(name, false, f, w + 1);
  CHECK(fits.lines == std::vector<std::string>{name});
  CHECK_FALSE(fits.small);
  // Locked and fitting: the name whole on its line (the word "locked" is drawn beneath it).
  CHECK(ui::fit_name_lines(name, true, f, w + 1).lines == std::vector<std::string>{name});
  // Too wide: wrapped onto two lines that each fit, nothing lost.
  const float narrow = w * 0.6f;
  auto wrapped = ui::fit_name_lines(name, false, f, narrow);
  REQUIRE(wrapped.lines.size() == 2);
  CHECK(wrapped.lines[0] + wrapped.lines[1] == "Val Demo-Norbury");  // broken after the hyphen
  for (const auto& l : wrapped.lines) CHECK(width(wrapped.small ? f.small : f.body, l) <= narrow);
  // A word longer than the button is cut with "...", never drawn past the edge.
  auto cut = ui::fit_name_lines("Wolfeschlegelsteinhausenbergerdorff", false, f, narrow);
  for (const auto& l : cut.lines) CHECK(width(f.small, l) <= narrow);
}
