// Admin screen, Staff and access (issue 7): a signed-in admin's taps emit exactly the command they
// say (roles, PIN entered twice, clear PIN, clear lockout); anyone else is told why not, in words.
#include <doctest/doctest.h>

#include "core/commands.hpp"
#include "support/small_team.hpp"
#include "ui/access_panel.hpp"
#include "ui/headless.hpp"
#include "ui/lock_screen.hpp"

using namespace vb;
using vb::test::at;

namespace {

const Instant now = at("2026-11-23T10:30");

// S01 administers the terminal; S02 is a nurse with a PIN; S03 is locked after wrong PINs.
Snapshot team() {
  Snapshot s = vb::test::small_team();
  s.staff[0].roles.push_back(Role::admin);
  for (auto& m : s.staff) m.has_pin = true;
  s.staff[2].locked = true;
  s.staff[2].locked_at = at("2026-11-23T07:55");
  for (int i = 0; i < 10; ++i) s.staff[2].sign_in_failures.push_back(at("2026-11-23T07:40") + std::chrono::minutes(i));
  s.reindex();
  return s;
}

void open_access(test::HeadlessUi& ui, const StaffId& admin, const StaffId& person) {
  ui::signed_in(ui.state, admin);
  ui.state.screen = ui::Screen::admin;
  ui.frame();
  REQUIRE(ui.shows("access_staff:" + person));
  ui.tap("access_staff:" + person);
}

void type(test::HeadlessUi& ui, const std::string& digits) {
  for (char d : digits) CHECK_FALSE(ui.tap(std::string("access_pin:") + d));
}

}  // namespace

TEST_CASE("ui access: a signed-in admin grants and revokes a role with one tap on its chip") {
  const Snapshot s = team();
  test::HeadlessUi ui(s, now, 1920, 1080);
  open_access(ui, "S01", "S02");
  auto grant = ui.tap("role:S02:coordinator");
  REQUIRE(grant);
  const auto& g = std::get<GrantRole>(*grant);
  CHECK(g.staff == "S02");
  CHECK(g.role == Role::coordinator);
  CHECK(g.by == "S01");
  CHECK(g.at == now);
  auto revoke = ui.tap("role:S02:clinician");
  REQUIRE(revoke);
  const auto& r = std::get<RevokeRole>(*revoke);
  CHECK(r.staff == "S02");
  CHECK(r.role == Role::clinician);
  CHECK(r.by == "S01");
  CHECK_FALSE(command_problem(s, *revoke));
}

TEST_CASE("ui access: the last admin's own admin chip does nothing, and says why") {
  const Snapshot s = team();
  test::HeadlessUi ui(s, now, 1920, 1080);
  open_access(ui, "S01", "S01");
  REQUIRE(ui.shows("role:S01:admin"));
  CHECK_FALSE(ui.tap("role:S01:admin"));
}

TEST_CASE("ui access: Set PIN takes the new PIN twice on the keypad and emits SetPin only when both match") {
  const Snapshot s = team();
  test::HeadlessUi ui(s, now, 1920, 1080);
  open_access(ui, "S01", "S02");
  CHECK_FALSE(ui.tap("access:set_pin"));
  REQUIRE(ui.shows("access_pin:5"));
  type(ui, "25");
  CHECK_FALSE(ui.tap("access_pin:ok"));  // too short: stays on the first entry
  CHECK(ui.state.access_message.find("4 to 8 digits") != std::string::npos);
  type(ui, "80");
  CHECK_FALSE(ui.tap("access_pin:ok"));
  type(ui, "2581");  // the second entry differs
  CHECK_FALSE(ui.tap("access_pin:ok"));
  CHECK(ui.state.access_message == "The two PINs differ: nothing was set. Enter the new PIN again.");
  CHECK(ui.state.access_pin_first.empty());
  type(ui, "2581");
  CHECK_FALSE(ui.tap("access_pin:ok"));
  type(ui, "2589");
  CHECK_FALSE(ui.tap("access_pin:back"));
  type(ui, "1");
  auto c = ui.tap("access_pin:ok");
  REQUIRE(c);
  const auto& p = std::get<SetPin>(*c);
  CHECK(p.staff == "S02");
  CHECK(p.pin == "2581");
  CHECK(p.by == "S01");
  CHECK_FALSE(command_problem(s, *c));
  CHECK_FALSE(ui.state.access_pin_pad);  // closed, nothing typed kept
  CHECK(ui.state.access_pin_digits.empty());
  CHECK(ui.state.access_pin_first.empty());
}

TEST_CASE("ui access: Cancel closes the keypad without a command; locking wipes what was typed") {
  const Snapshot s = team();
  test::HeadlessUi ui(s, now, 1920, 1080);
  open_access(ui, "S01", "S02");
  ui.tap("access:set_pin");
  type(ui, "1234");
  CHECK_FALSE(ui.tap("access_pin:cancel"));
  CHECK_FALSE(ui.state.access_pin_pad);
  CHECK(ui.state.access_pin_digits.empty());
  ui.tap("access:set_pin");
  type(ui, "98");
  ui::lock_now(ui.state);
  CHECK(ui.state.access_pin_digits.empty());
  CHECK_FALSE(ui.state.access_pin_pad);
}

TEST_CASE("ui access: Clear PIN and Clear lockout emit their commands for the person shown") {
  const Snapshot s = team();
  test::HeadlessUi ui(s, now, 1920, 1080);
  open_access(ui, "S01", "S03");
  auto unlock = ui.tap("access:clear_lockout");
  REQUIRE(unlock);
  CHECK(std::get<ClearLockout>(*unlock).staff == "S03");
  CHECK(std::get<ClearLockout>(*unlock).by == "S01");
  CHECK_FALSE(command_problem(s, *unlock));
  auto clear = ui.tap("access:clear_pin");
  REQUIRE(clear);
  CHECK(std::get<ClearPin>(*clear).staff == "S03");
  CHECK(std::get<ClearPin>(*clear).by == "S01");
  // S02 is not locked: Clear lockout is shown but does nothing.
  ui.tap("access_staff:S02");
  CHECK_FALSE(ui.tap("access:clear_lockout"));
}

TEST_CASE("ui access: a locked person's PIN state is in words with when and how many wrong tries") {
  const Snapshot s = team();
  const auto w = ui::pin_state_words(*s.find_staff("S03"), now, s.zone());
  CHECK(w.headline == "Locked since Mon 23 Nov 07:55, until cleared");
  CHECK(w.detail.find("after 10 wrong PINs") == 0);
  Staff fresh = *s.find_staff("S02");
  fresh.has_pin = false;
  CHECK(ui::pin_state_words(fresh, now, s.zone()).headline == "No PIN: cannot sign in here");
  fresh.has_pin = true;
  fresh.sign_in_failures = {now - std::chrono::seconds(30), now - std::chrono::seconds(20), now - std::chrono::seconds(10),
                            now - std::chrono::seconds(5)};
  CHECK(ui::pin_state_words(fresh, now, s.zone()).detail.find("4 wrong PINs since the last sign-in; next try from") == 0);
}

TEST_CASE("ui access: someone who is not an admin sees why not, and no chips or PIN buttons") {
  const Snapshot s = team();
  test::HeadlessUi ui(s, now, 1920, 1080);
  ui::signed_in(ui.state, "S02");
  ui.state.screen = ui::Screen::admin;
  ui.frame();
  CHECK(ui.shows("admin_section:staff"));
  CHECK_FALSE(ui.shows("access_refused"));  // not an admin: the Admin tab opens on Backups
  ui.tap("admin_section:staff");
  CHECK(ui.shows("access_refused"));
  CHECK_FALSE(ui.shows("access_staff:S01"));
  CHECK_FALSE(ui.shows("role:S02:admin"));
  CHECK_FALSE(ui.shows("access:set_pin"));
}
