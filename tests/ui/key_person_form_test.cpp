// The carer part of the Bundle and closure sheet, continued (session 6): adding a key person on the
// kiosk (the name typed on a desk keyboard, the rest tapped), each field's problem said under it, the
// refusal without the role, and "Other" among what was shared with its words kept and shown.
#include <doctest/doctest.h>

#include "core/carers.hpp"
#include "core/demo_team.hpp"
#include "store/command_store.hpp"
#include "store/database.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "ui/carer_part.hpp"
#include "ui/headless.hpp"
#include "ui/sheet_fixtures.hpp"
#include "ui/key_person_form.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>

using namespace vb;
using test::CarerPart;  // the sheet open on an episode's carer part, `me` signed in (none: empty)

namespace {

Instant now() { return test::sheet_now(); }
Snapshot demo() { return test::sheet_demo(); }
StaffId with_role(const Snapshot& s, Role r, bool has) { return test::member_with_role(s, r, has); }

Id open_episode_with_plan(const Snapshot& s, bool with_key_people) {
  for (const auto& e : s.episodes)
    if (e.is_open() && s.plan_for_episode(e.id) && s.key_people_of(e.person_id).empty() != with_key_people) return e.id;
  return 0;
}

Snapshot applied(const Snapshot& s, const Command& c) { return test::apply_through_store(s, {c}, "key_person_form").snapshot; }

}  // namespace

TEST_CASE("key person form: a name typed on the keyboard and three taps add a key person, and the store keeps them") {
  const Snapshot s = demo();
  const Id episode = open_episode_with_plan(s, false);
  REQUIRE(episode != 0);
  const Id person = s.find_episode(episode)->person_id;
  const StaffId me = with_role(s, Role::clinician, true);
  CarerPart part(s, episode, me);
  auto& ui = part.ui;
  REQUIRE(ui.shows("carer_none"));
  REQUIRE(ui.shows("carer_add"));
  CHECK_FALSE(ui.tap("carer_add"));
  REQUIRE(ui.shows("key_person_name"));
  ui.frame();
  // The name box has the keyboard as the form opens: typing goes straight in.
  ui.type_text("  Robin Carer ");
  CHECK(ui.state.key_person_name == "  Robin Carer ");
  ui.tap("key_person_relationship:2");  // Partner
  ui.tap("key_person_consent:yes");
  ui.tap("key_person_phone");
  ui.type_text("07700 900123");
  auto c = ui.tap("key_person_save");
  REQUIRE(c);
  const auto* k = std::get_if<AddKeyPerson>(&*c);
  REQUIRE(k);
  CHECK(k->person == person);
  CHECK(k->name == "Robin Carer");  // trimmed
  CHECK(k->relationship == "partner");
  CHECK(k->consent_to_share);
  CHECK(k->contact == "07700 900123");
  CHECK(k->by == me);
  CHECK(k->at == now());
  CHECK_FALSE(ui.state.key_person_open);  // the form closes, back to the carer part
  CHECK(ui.state.key_person_name.empty());

  const Snapshot after = applied(s, *c);
  const auto people = after.key_people_of(person);
  REQUIRE(people.size() == 1);
  CHECK(people.front()->name == "Robin Carer");
  CHECK(people.front()->relationship == "partner");
  CHECK(people.front()->consent_to_share);
  CHECK(people.front()->contact == "07700 900123");
}

TEST_CASE("key person form: Save on a wrong form says what is wrong under each field and adds no one") {
  const Snapshot s = demo();
  const Id episode = open_episode_with_plan(s, true);
  REQUIRE(episode != 0);
  CarerPart part(s, episode, with_role(s, Role::clinician, true));
  auto& ui = part.ui;
  REQUIRE(ui.shows("carer_add"));  // beside the key people already there
  ui.tap("carer_add");
  CHECK_FALSE(ui.shows("key_person_problem:name"));  // nothing said before Save
  CHECK_FALSE(ui.tap("key_person_save"));
  CHECK(ui.shows("key_person_problem:name"));
  CHECK(ui.shows("key_person_problem:relationship"));
  CHECK(ui.shows("key_person_problem:consent"));
  CHECK_FALSE(ui.shows("key_person_problem:phone"));  // optional: empty is fine
  // Fix some: the messages go as each is put right; a bad phone number gets its own.
  ui.tap("key_person_name");
  ui.type_text("Sam Friend");
  ui.tap("key_person_relationship:other");
  ui.tap("key_person_consent:no");
  ui.tap("key_person_phone");
  ui.type_text("call after 6");
  CHECK_FALSE(ui.tap("key_person_save"));
  CHECK_FALSE(ui.shows("key_person_problem:name"));
  CHECK(ui.shows("key_person_problem:relationship"));  // Other chosen, nothing typed under it
  CHECK_FALSE(ui.shows("key_person_problem:consent"));
  CHECK(ui.shows("key_person_problem:phone"));
  const auto p = ui::key_person_problems(ui.state);
  CHECK(p.relationship.find("box under Other") != std::string::npos);
  CHECK(p.phone.find("Phone:") == 0);
  // Typed relationship, phone cleared: saved, consent "no" recorded as no.
  ui.state.key_person_relationship_other = "neighbour";
  ui.state.key_person_phone.clear();
  ui.frame();
  auto c = ui.tap("key_person_save");
  REQUIRE(c);
  const auto& k = std::get<AddKeyPerson>(*c);
  CHECK(k.relationship == "neighbour");
  CHECK_FALSE(k.consent_to_share);
  CHECK(k.contact.empty());
  CHECK_FALSE(command_problem(s, *c));
}

TEST_CASE("key person form: a name of spaces or one letter is refused in words") {
  ui::UiState st;
  st.key_person_relationship = 0;
  st.key_person_consent = 1;
  st.key_person_name = "   ";
  CHECK(ui::key_person_problems(st).name.find("Name is empty") == 0);
  st.key_person_name = "J";
  CHECK(ui::key_person_problems(st).name.find("two letters") != std::string::npos);
  st.key_person_name = "Jo";
  CHECK_FALSE(ui::key_person_problems(st).any());
  CHECK(ui::key_person_command(st, 7, "S01", now())->relationship == "mother");
}

TEST_CASE("key person form: someone without the clinician role cannot open it; an author without it is refused in words") {
  const Snapshot s = demo();
  const Id episode = open_episode_with_plan(s, false);
  REQUIRE(episode != 0);
  const StaffId viewer = with_role(s, Role::clinician, false);
  REQUIRE_FALSE(viewer.empty());
  {
    CarerPart part(s, episode, viewer);
    CHECK(part.ui.shows("closure_read_only"));
    CHECK(part.ui.shows("carer_none"));
    CHECK_FALSE(part.ui.shows("carer_add"));
  }
  // No one signed in: the author chosen from those on shift lacks the role -> the refusal, nothing saved.
  CarerPart part(s, episode, "");
  auto& ui = part.ui;
  ui.tap("carer_add");
  ui.state.key_person_name = "Robin Carer";
  ui.state.key_person_relationship = 0;
  ui.state.key_person_consent = 1;
  ui.state.acting = viewer;
  ui.frame();
  CHECK(ui.shows("key_person_refused"));
  CHECK_FALSE(ui.tap("key_person_save"));
  CHECK(ui.state.key_person_open);
  const auto p = command_problem(s, AddKeyPerson{s.find_episode(episode)->person_id, "Robin Carer", "mother", "", true, viewer, now()});
  REQUIRE(p);
  CHECK(p->find("without the clinician role: cannot add a family member or carer") != std::string::npos);
  ui.state.acting = with_role(s, Role::clinician, true);
  ui.frame();
  auto c = ui.tap("key_person_save");
  REQUIRE(c);
  CHECK(std::get<AddKeyPerson>(*c).by == ui.state.acting);
}

TEST_CASE("carer contact: 'Other' among what was shared takes typed words, kept as the note and shown with the contact") {
  Snapshot s = demo();
  const Id episode = open_episode_with_plan(s, false);
  REQUIRE(episode != 0);
  const Id person = s.find_episode(episode)->person_id;
  const Id next = std::max_element(s.key_people.begin(), s.key_people.end(), [](auto& a, auto& b) { return a.id < b.id; })->id + 1;
  s.key_people.push_back(KeyPerson{next, person, "Robin Carer", "partner", "", true});
  s.reindex();
  const StaffId me = with_role(s, Role::clinician, true);
  CarerPart part(s, episode, me);
  auto& ui = part.ui;
  ui.tap("carer_outcome:reached");
  CHECK_FALSE(ui.shows("carer_other"));
  ui.tap("carer_shared:escalation_routes");
  ui.tap("carer_shared:other");
  REQUIRE(ui.shows("carer_other"));
  CHECK_FALSE(ui.tap("carer_save"));  // "other" with no words: refused in words, Save disabled
  ui.tap("carer_other");
  ui.type_text("Gave the crisis line card");
  auto c = ui.tap("carer_save");
  REQUIRE(c);
  const auto& l = std::get<LogCarerContact>(*c);
  CHECK(l.shared == std::vector<std::string>{"escalation_routes", "other"});
  CHECK(l.note == "Gave the crisis line card");
  CHECK(ui.state.carer_other.empty());

  const Snapshot after = applied(s, *c);
  const auto contacts = after.carer_contacts_of(next);
  REQUIRE(contacts.size() == 1);
  CHECK(contacts.front()->shared == std::vector<std::string>{"escalation_routes", "other"});
  CHECK(contacts.front()->note == "Gave the crisis line card");
  // And the same words without "other" are refused by the rule `apply` shares.
  auto no_words = l;
  no_words.note = " ";
  CHECK(command_problem(s, no_words)->find("'other' was shared: say what in the note") != std::string::npos);
}
