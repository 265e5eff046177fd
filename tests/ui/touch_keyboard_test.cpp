// The on-screen keyboard on the kiosk (ui/touch_keyboard.hpp): a tap on a text box opens it without
// covering the box, keys type into the box as it grows, Done keeps and Cancel puts back, a desk
// keyboard types into the same edit, and the keyboard goes when its box does.
#include <doctest/doctest.h>

#include "core/demo_team.hpp"
#include "ui/headless.hpp"
#include "ui/sheet_fixtures.hpp"

using namespace vb;

namespace {

Id open_episode_with_plan(const Snapshot& s) {
  for (const auto& e : s.episodes)
    if (e.is_open() && s.plan_for_episode(e.id) && s.key_people_of(e.person_id).empty()) return e.id;
  return 0;
}

// The Add key person form open, at a desk screen's size.
struct Form {
  test::HeadlessUi ui;
  Form(const Snapshot& s, float w, float h) : ui(s, test::sheet_now(), w, h) {
    ui.state.signed_in = test::member_with_role(s, Role::clinician, true);
    ui.tap("tab:plans");
    ui.state.plan_episode = open_episode_with_plan(s);
    ui.frame();
    ui.tap("plan_action:closure");
    ui.tap("closure_tab:carer");
    ui.tap("carer_add");
  }
};

}  // namespace

TEST_CASE("touch keyboard: a tap on the Name box opens the keyboard clear of it, keys type into it and Done keeps the name") {
  const Snapshot s = test::sheet_demo();
  // (1920x1080: the Plans actions row is below the fold of a headless 1280x800; that size is checked on
  // the screenshots, keyboard-name and keyboard-phone.)
  for (auto [w, h] : {std::pair{1920.0f, 1080.0f}}) {
    Form form(s, w, h);
    auto& ui = form.ui;
    CHECK_FALSE(ui.shows("kb:done"));
    ui.tap("key_person_name");
    REQUIRE(ui.shows("kb:done"));
    REQUIRE(ui.state.keyboard.open());
    // Not covering the box typed into.
    CHECK((ui.state.keyboard.field_bottom <= ui.state.keyboard.top || ui.state.keyboard.field_top >= ui.state.keyboard.bottom));
    for (auto k : {"kb:z", "kb:o", "kb:space", "kb:o", "kb:'", "kb:shift", "kb:b", "kb:r", "kb:i", "kb:e", "kb:n"}) ui.tap(k);
    ui.tap("kb:backspace");
    ui.tap("kb:n");
    CHECK(ui.state.key_person_name == "Zo O'Brien");  // shown in the box as it grows
    ui.tap("kb:done");
    CHECK_FALSE(ui.state.keyboard.open());
    CHECK(ui.state.key_person_name == "Zo O'Brien");
    CHECK(ui.shows("key_person_name"));
  }
}

TEST_CASE("touch keyboard: Cancel puts the text back as it was, and Escape does the same on a desk keyboard") {
  const Snapshot s = test::sheet_demo();
  Form form(s, 1920, 1080);
  auto& ui = form.ui;
  ui.state.key_person_name = "Ann";
  ui.tap("key_person_name");
  ui.tap("kb:x");
  CHECK(ui.state.key_person_name == "Annx");
  ui.tap("kb:cancel");
  CHECK_FALSE(ui.state.keyboard.open());
  CHECK(ui.state.key_person_name == "Ann");
  ui.tap("key_person_name");
  ui.type_text("ie");
  CHECK(ui.state.key_person_name == "Annie");
  ui.press(ImGuiKey_Escape);
  CHECK(ui.state.key_person_name == "Ann");
}

TEST_CASE("touch keyboard: with the keypad open a desk keyboard types the phone number, Enter is Done") {
  const Snapshot s = test::sheet_demo();
  Form form(s, 1920, 1080);
  auto& ui = form.ui;
  ui.tap("key_person_phone");
  REQUIRE(ui.state.keyboard.open());
  CHECK(ui.state.keyboard.edit.layout == ui::KeyboardLayout::phone);
  CHECK(ui.shows("kb:5"));
  CHECK_FALSE(ui.shows("kb:q"));
  ui.type_text("07700 9abc");
  ui.tap("kb:0");
  ui.press(ImGuiKey_Backspace);
  ui.tap("kb:1");
  ui.press(ImGuiKey_Enter);
  CHECK_FALSE(ui.state.keyboard.open());
  CHECK(ui.state.key_person_phone == "07700 91");
  // UTF-8 from a desk keyboard into the name box.
  ui.tap("key_person_name");
  ImGui::GetIO().AddInputCharactersUTF8("Zoë Núñez");
  ui.frame();
  ui.press(ImGuiKey_Enter);
  CHECK(ui.state.key_person_name == "Zoë Núñez");
}

TEST_CASE("touch keyboard: a tap outside keeps what was typed and still reaches what it tapped; the keyboard goes with its box") {
  const Snapshot s = test::sheet_demo();
  Form form(s, 1920, 1080);
  auto& ui = form.ui;
  ui.tap("key_person_name");
  ui.tap("kb:a");
  ui.tap("key_person_consent:yes");  // outside the keyboard
  CHECK_FALSE(ui.state.keyboard.open());
  CHECK(ui.state.key_person_name == "A");
  CHECK(ui.state.key_person_consent == 1);
  ui.tap("key_person_name");
  ui.tap("kb:b");
  REQUIRE(ui.state.keyboard.open());
  ui.state.key_person_open = false;  // the form closes (Cancel, a lock): the box is gone
  ui.frame();
  CHECK_FALSE(ui.state.keyboard.open());
  CHECK_FALSE(ui.shows("kb:done"));
}
