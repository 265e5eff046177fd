// Changing and removing a key person (session 7): the commands' checks in words (core/
// key_person_changes.hpp), the role (a clinician, as adding one), one audit row each through the store,
// removal as a soft end (the entry and its contact log stay; no contact can be logged after it), and
// the kiosk's Edit, Save changes, Remove with a reason and a confirm step.
#include <doctest/doctest.h>

#include "core/carers.hpp"
#include "core/key_person_changes.hpp"
#include "ui/carer_part.hpp"
#include "ui/headless.hpp"
#include "ui/key_person_edit.hpp"
#include "ui/sheet_fixtures.hpp"

using namespace vb;
using test::CarerPart;

namespace {

Instant now() { return test::sheet_now(); }

}  // namespace

TEST_CASE("key person changes: update and remove are checked, and each refusal says what and where") {
  const test::KeyPersonStart start;
  const auto& [s, episode, k, me] = start;
  REQUIRE(k);
  UpdateKeyPerson u{k->id, std::string("New Name"), std::nullopt, std::nullopt, std::nullopt, me, now()};
  CHECK_FALSE(command_problem(s, u));
  u.key_person = 999999;
  CHECK(*command_problem(s, u) == "key person 999999 does not exist");
  u.key_person = k->id;
  u.name = "  ";
  CHECK(command_problem(s, u)->starts_with("name: a key person needs a name"));
  u.name = std::string(201, 'a');
  CHECK(command_problem(s, u)->starts_with("name: at most 200 characters"));
  u.name.reset();
  CHECK(command_problem(s, u)->starts_with("nothing to change"));
  u.relationship = "";
  CHECK(command_problem(s, u)->starts_with("relationship:"));
  u.relationship = k->relationship;
  CHECK(command_problem(s, u)->find("already has these details") != std::string::npos);
  u.relationship.reset();
  u.consent_to_share = !k->consent_to_share;
  CHECK_FALSE(command_problem(s, u));

  RemoveKeyPerson r{k->id, "", "", me, now()};
  CHECK(command_problem(s, r)->starts_with("reason: say why"));
  r.reason = "moved_away";
  CHECK(command_problem(s, r)->find("'moved_away' is not one of no_longer_involved") != std::string::npos);
  r.reason = "other";
  CHECK(*command_problem(s, r) == "reason 'other': say why in the note");
  r.note = "now lives abroad, no contact";
  CHECK_FALSE(command_problem(s, r));
  r.reason = "no_longer_involved";
  CHECK_FALSE(command_problem(s, r));

  // The same role as adding one: a clinician.
  const StaffId viewer = test::member_with_role(s, Role::clinician, false);
  u.by = viewer;
  r.by = viewer;
  CHECK(command_problem(s, u)->find("without the clinician role: cannot change a family member's or carer's details") !=
        std::string::npos);
  CHECK(command_problem(s, r)->find("without the clinician role: cannot remove a family member or carer") != std::string::npos);
}

TEST_CASE("key person changes: a correction and a removal each write one audit row; removal keeps the entry and its contacts") {
  const test::KeyPersonStart start;
  const auto& [s, episode, k, me] = start;
  REQUIRE(k);
  const Id id = k->id;
  const auto contacts_before = s.carer_contacts_of(id).size();
  const UpdateKeyPerson u{id, std::string("Zoë O'Brien-Núñez"), std::string("partner"), std::string("07700 900123"), true, me, now()};
  const RemoveKeyPerson r{id, "other", "moved abroad", me, now() + std::chrono::minutes{5}};
  const auto result = test::apply_through_store(s, {u, r}, "key_person_edit");
  CHECK(result.audits == 2);
  const KeyPerson* after = find_key_person(result.snapshot, id);
  REQUIRE(after);  // a soft end: still there
  CHECK(after->name == "Zoë O'Brien-Núñez");
  CHECK(after->relationship == "partner");
  CHECK(after->contact == "07700 900123");
  CHECK(after->consent_to_share);
  REQUIRE(after->ended_at);
  CHECK(*after->ended_at == r.at);
  CHECK(after->ended_by == me);
  CHECK(after->end_reason == "other");
  CHECK(after->end_note == "moved abroad");
  CHECK(result.snapshot.carer_contacts_of(id).size() == contacts_before);
  const Id person = s.find_episode(episode)->person_id;
  const auto current = current_key_people(result.snapshot, person, r.at);
  CHECK(std::none_of(current.begin(), current.end(), [&](const KeyPerson* x) { return x->id == id; }));
  CHECK(current_key_people(result.snapshot, person, now()).size() == s.key_people_of(person).size());  // before the removal
  // After removal: no edit, no second removal, no contact logged with them.
  const Instant later = r.at + std::chrono::minutes{1};
  CHECK(command_problem(result.snapshot, UpdateKeyPerson{id, std::string("X Y"), {}, {}, {}, me, later})->find("was removed on") !=
        std::string::npos);
  CHECK(command_problem(result.snapshot, RemoveKeyPerson{id, "duplicate", "", me, later})->find("already") != std::string::npos);
  CHECK(command_problem(result.snapshot, LogCarerContact{episode, id, "no_answer", {}, "", me, later})->find("was removed") !=
        std::string::npos);
}

TEST_CASE("key person sheet: Edit fills the form, Save changes sends only a real change, and the store keeps it") {
  const test::KeyPersonStart start;
  const auto& [s, episode, k, me] = start;
  REQUIRE(k);
  CarerPart part(s, episode, me);
  auto& ui = part.ui;
  const std::string edit = "carer_edit:" + std::to_string(k->id);
  REQUIRE(ui.shows(edit));
  ui.tap(edit);
  CHECK(ui.state.key_person_edit == k->id);
  CHECK(ui.state.key_person_name == k->name);
  CHECK(ui.state.key_person_consent == (k->consent_to_share ? 1 : 0));
  // Unchanged: Save says nothing would change.
  CHECK(ui.shows("key_person_refused"));
  CHECK_FALSE(ui.tap("key_person_save"));
  // A new phone typed on the keypad.
  ui.tap("key_person_phone");
  REQUIRE(ui.state.keyboard.open());
  ui.tap("kb:cancel");
  ui.state.key_person_phone.clear();
  ui.tap("key_person_phone");
  for (auto key : {"kb:0", "kb:7", "kb:7", "kb:0", "kb:0", "kb:space", "kb:9", "kb:0", "kb:0", "kb:1", "kb:2", "kb:3"}) ui.tap(key);
  ui.tap("kb:done");
  CHECK(ui.state.key_person_phone == "07700 900123");
  auto c = ui.tap("key_person_save");
  REQUIRE(c);
  const auto& u = std::get<UpdateKeyPerson>(*c);
  CHECK(u.key_person == k->id);
  CHECK(*u.contact == "07700 900123");
  CHECK(*u.name == k->name);
  CHECK(u.by == me);
  CHECK_FALSE(ui.state.key_person_open);
  const auto result = test::apply_through_store(s, {*c}, "key_person_sheet_edit");
  CHECK(result.audits == 1);
  CHECK(find_key_person(result.snapshot, k->id)->contact == "07700 900123");
}

TEST_CASE("key person sheet: Remove asks why, then to confirm; Go back and No keep them; Yes removes them from the list") {
  const test::KeyPersonStart start;
  const auto& [s, episode, k, me] = start;
  REQUIRE(k);
  std::optional<Command> c;
  {  // one headless ImGui at a time
  CarerPart part(s, episode, me);
  auto& ui = part.ui;
  ui.tap("carer_edit:" + std::to_string(k->id));
  ui.tap("key_person_remove");
  CHECK(ui.shows("key_person_remove_reason:0"));
  CHECK_FALSE(ui.tap("key_person_remove_next"));  // no reason yet: nothing happens
  CHECK_FALSE(ui.state.key_person_remove_confirming);
  ui.tap("key_person_remove_reason:other");
  ui.tap("key_person_remove_reason_other");  // the keyboard opens on the Other box
  REQUIRE(ui.state.keyboard.open());
  for (auto key : {"kb:m", "kb:o", "kb:v", "kb:e", "kb:d"}) ui.tap(key);
  ui.tap("kb:done");
  CHECK(ui.state.key_person_remove_other == "Moved");
  ui.tap("key_person_remove_next");
  REQUIRE(ui.state.key_person_remove_confirming);
  CHECK_FALSE(ui.tap("key_person_remove_back"));  // No, keep them
  CHECK_FALSE(ui.state.key_person_remove_confirming);
  ui.tap("key_person_remove_next");
  c = ui.tap("key_person_remove_confirm");
  }
  REQUIRE(c);
  const auto& r = std::get<RemoveKeyPerson>(*c);
  CHECK(r.key_person == k->id);
  CHECK(r.reason == "other");
  CHECK(r.note == "Moved");
  const auto result = test::apply_through_store(s, {*c}, "key_person_sheet_remove");
  CHECK(result.audits == 1);
  // The sheet on the new data: no Edit for them, a line saying they were removed and why.
  CarerPart again(result.snapshot, episode, me);
  CHECK_FALSE(again.ui.shows("carer_edit:" + std::to_string(k->id)));
  CHECK(again.ui.shows("carer_removed"));
}

TEST_CASE("key person sheet: without the clinician role there is no Edit") {
  const test::KeyPersonStart start;
  const auto& [s, episode, k, clinician] = start;
  REQUIRE(k);
  CarerPart part(s, episode, test::member_with_role(s, Role::clinician, false));
  CHECK(part.ui.shows("closure_read_only"));
  CHECK_FALSE(part.ui.shows("carer_edit:" + std::to_string(k->id)));
}
