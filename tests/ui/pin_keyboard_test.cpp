// A desk keyboard on both PIN pads (the sign-in pad and the Admin screen's Set PIN keypad): digits
// from the main row or the number pad, Backspace, Enter to go on, Escape to cancel; touch stays the
// first way. Keys do nothing while no pad is open, and the PIN is kept only as long as before.
#include <doctest/doctest.h>

#include "core/commands.hpp"
#include "core/sign_in_policy.hpp"
#include "support/small_team.hpp"
#include "ui/headless.hpp"
#include "ui/lock_screen.hpp"
#include "ui/pin_pad.hpp"

using namespace vb;
using vb::test::at;

namespace {

const Instant now = at("2026-11-23T10:30");

Snapshot team_with_admin() {
  Snapshot s = vb::test::small_team();
  s.staff[0].roles.push_back(Role::admin);
  for (auto& m : s.staff) m.has_pin = true;
  s.reindex();
  return s;
}

void open_sign_in_pad(test::HeadlessUi& ui, const StaffId& who) {
  ui::lock_now(ui.state);
  ui.frame();
  ui.tap("sign_in");
  REQUIRE(ui.state.lock_pad_open);
  ui.tap("lock:staff:" + who);
}

void open_set_pin(test::HeadlessUi& ui, const StaffId& admin, const StaffId& person) {
  ui::signed_in(ui.state, admin);
  ui.state.screen = ui::Screen::admin;
  ui.frame();
  REQUIRE(ui.shows("access_staff:" + person));
  ui.tap("access_staff:" + person);
  ui.tap("access:set_pin");
  REQUIRE(ui.state.access_pin_pad);
}

}  // namespace

TEST_CASE("pin keyboard: both pads take at most as many digits as a PIN may have") {
  CHECK_FALSE(pin_form_problem(std::string(ui::pin_pad::max_digits, '7')));
  CHECK(pin_form_problem(std::string(ui::pin_pad::max_digits + 1, '7')));
}

TEST_CASE("pin keyboard: typing a PIN and Enter on the sign-in pad asks to sign in with exactly it") {
  auto s = test::small_team();
  test::HeadlessUi ui(s, now);
  open_sign_in_pad(ui, "S02");
  ui.type_text("48");
  ui.type_text("29");
  CHECK(ui.state.pin_digits == "4829");
  ui.press(ImGuiKey_Backspace);
  CHECK(ui.state.pin_digits == "482");
  ui.type_text("6x");  // not a digit: ignored
  CHECK(ui.state.pin_digits == "4826");
  CHECK_FALSE(ui.state.sign_in_request);
  ui.press(ImGuiKey_Enter);
  REQUIRE(ui.state.sign_in_request);
  CHECK(ui.state.sign_in_request->staff == "S02");
  CHECK(ui.state.sign_in_request->pin == "4826");
  CHECK(ui.state.pin_digits.empty());  // not kept on the pad
}

TEST_CASE("pin keyboard: the number pad's Enter signs in too, and a short PIN is explained, not sent") {
  auto s = test::small_team();
  test::HeadlessUi ui(s, now);
  open_sign_in_pad(ui, "S01");
  ui.type_text("12");
  ui.press(ImGuiKey_KeyPadEnter);
  CHECK_FALSE(ui.state.sign_in_request);
  CHECK(ui.state.lock_message.find("4 digits") != std::string::npos);
  ui.type_text("34");
  CHECK(ui.state.lock_message.empty());  // typing again clears it
  ui.press(ImGuiKey_KeyPadEnter);
  REQUIRE(ui.state.sign_in_request);
  CHECK(ui.state.sign_in_request->pin == "1234");
}

TEST_CASE("pin keyboard: the sign-in pad stops at the most digits a PIN may have") {
  auto s = test::small_team();
  test::HeadlessUi ui(s, now);
  open_sign_in_pad(ui, "S01");
  ui.type_text("1234567890");
  CHECK(ui.state.pin_digits.size() == ui::pin_pad::max_digits);
  CHECK(ui.state.pin_digits == "12345678");
}

TEST_CASE("pin keyboard: Escape closes the sign-in pad and forgets the digits typed") {
  auto s = test::small_team();
  test::HeadlessUi ui(s, now);
  open_sign_in_pad(ui, "S01");
  ui.type_text("987");
  ui.press(ImGuiKey_Escape);
  CHECK_FALSE(ui.state.lock_pad_open);
  CHECK(ui.state.pin_digits.empty());
  CHECK_FALSE(ui.state.sign_in_request);
}

TEST_CASE("pin keyboard: keys do nothing on a locked board whose pad is not open") {
  auto s = test::small_team();
  test::HeadlessUi ui(s, now);
  ui::lock_now(ui.state);
  ui.frame();
  ui.type_text("1234");
  ui.press(ImGuiKey_Enter);
  ui.press(ImGuiKey_Backspace);
  CHECK_FALSE(ui.state.lock_pad_open);
  CHECK(ui.state.pin_digits.empty());
  CHECK_FALSE(ui.state.sign_in_request);
  CHECK(ui.shows("sign_in"));  // still the locked wall view
}

TEST_CASE("pin keyboard: Set PIN on the Admin screen takes the new PIN twice from the keyboard") {
  const Snapshot s = team_with_admin();
  test::HeadlessUi ui(s, now, 1920, 1080);
  open_set_pin(ui, "S01", "S02");
  ui.type_text("2580");
  ui.press(ImGuiKey_Backspace);
  ui.type_text("1");
  CHECK(ui.state.access_pin_digits == "2581");
  CHECK_FALSE(ui.press(ImGuiKey_Enter));  // Next: the same again
  CHECK(ui.state.access_pin_digits.empty());
  ui.type_text("2581");
  auto c = ui.press(ImGuiKey_KeyPadEnter);  // Save
  REQUIRE(c);
  const auto& p = std::get<SetPin>(*c);
  CHECK(p.staff == "S02");
  CHECK(p.pin == "2581");
  CHECK(p.by == "S01");
  CHECK_FALSE(ui.state.access_pin_pad);
  CHECK(ui.state.access_pin_digits.empty());
  CHECK(ui.state.access_pin_first.empty());
}

TEST_CASE("pin keyboard: Escape cancels Set PIN without a command and wipes both entries") {
  const Snapshot s = team_with_admin();
  test::HeadlessUi ui(s, now, 1920, 1080);
  open_set_pin(ui, "S01", "S02");
  ui.type_text("4444");
  ui.press(ImGuiKey_Enter);
  ui.type_text("44");
  CHECK_FALSE(ui.press(ImGuiKey_Escape));
  CHECK_FALSE(ui.state.access_pin_pad);
  CHECK(ui.state.access_pin_digits.empty());
  CHECK(ui.state.access_pin_first.empty());
}

TEST_CASE("pin keyboard: on the Admin screen with no keypad open, keys set no PIN") {
  const Snapshot s = team_with_admin();
  test::HeadlessUi ui(s, now, 1920, 1080);
  ui::signed_in(ui.state, "S01");
  ui.state.screen = ui::Screen::admin;
  ui.frame();
  ui.tap("access_staff:S02");
  CHECK_FALSE(ui.type_text("2581"));
  CHECK_FALSE(ui.press(ImGuiKey_Enter));
  CHECK_FALSE(ui.press(ImGuiKey_Escape));
  CHECK_FALSE(ui.state.access_pin_pad);
  CHECK(ui.state.access_pin_digits.empty());
  CHECK(ui.state.signed_in == "S01");  // Escape did not lock or sign anyone out
}
