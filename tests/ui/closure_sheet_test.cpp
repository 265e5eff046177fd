// The plans screen's "Bundle and closure" sheet: taps emit exactly the command the JSON `apply` would
// take (RecordTransitionItem, LogCarerContact, CloseEpisode) by the signed-in person, the store applies
// it, an incomplete bundle needs an override reason, and a person without the role sees no buttons.
#include <doctest/doctest.h>

#include "core/carers.hpp"
#include "core/demo_team.hpp"
#include "core/transition_bundle.hpp"
#include "store/command_store.hpp"
#include "store/database.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "ui/closure_sheet.hpp"
#include "ui/headless.hpp"
#include "ui/sheet_fixtures.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>

using namespace vb;

namespace {

Instant now() { return test::sheet_now(); }
Snapshot demo() { return test::sheet_demo(); }
StaffId with_role(const Snapshot& s, Role r, bool has) { return test::member_with_role(s, r, has); }

// An open episode with a plan whose transition bundle is part done (missing `item`).
Id part_done_episode(const Snapshot& s, std::string_view item) {
  for (const auto& e : s.episodes) {
    if (!e.is_open() || !s.plan_for_episode(e.id)) continue;
    const auto b = bundle_status(s, e.id);
    const auto missing = b.missing();
    if (!b.complete() && missing.size() < b.items.size() && std::find(missing.begin(), missing.end(), item) != missing.end())
      return e.id;
  }
  return 0;
}

Id complete_episode(const Snapshot& s) {
  for (const auto& e : s.episodes)
    if (e.is_open() && s.plan_for_episode(e.id) && bundle_status(s, e.id).complete()) return e.id;
  return 0;
}

// The sheet open on `episode`, `me` signed in.
struct Sheet {
  test::HeadlessUi ui;
  Sheet(const Snapshot& s, Id episode, const StaffId& me) : ui(s, now(), 1920, 1080) {
    ui.state.signed_in = me;
    ui.tap("tab:plans");
    ui.state.plan_episode = episode;
    ui.frame();
    CHECK_FALSE(ui.tap("plan_action:closure"));
    ui.frame();
  }
};

Snapshot applied(const Snapshot& s, const Command& c) { return test::apply_through_store(s, {c}, "closure_sheet").snapshot; }

}  // namespace

TEST_CASE("ui closure sheet: ticking a bundle item records it with a detail from the list, and the store keeps it") {
  Snapshot s = demo();
  const Id episode = part_done_episode(s, "handover_summary_sent");
  REQUIRE(episode != 0);
  const StaffId me = with_role(s, Role::clinician, true);
  Sheet sheet(s, episode, me);
  auto& ui = sheet.ui;
  REQUIRE(ui.shows("bundle_item:handover_summary_sent"));
  CHECK_FALSE(ui.shows("bundle_save"));  // nothing chosen yet
  CHECK_FALSE(ui.tap("bundle_item:handover_summary_sent"));
  CHECK(ui.state.closure_item == "handover_summary_sent");
  CHECK_FALSE(ui.tap("bundle_save"));  // the date it was sent is not chosen yet: Save does nothing
  CHECK_FALSE(ui.tap("bundle_detail:0"));  // "Sent today"
  auto c = ui.tap("bundle_save");
  REQUIRE(c);
  auto* r = std::get_if<RecordTransitionItem>(&*c);
  REQUIRE(r);
  CHECK(r->episode == episode);
  CHECK(r->item == "handover_summary_sent");
  CHECK(r->detail == "2026-11-23");
  CHECK(r->by == me);
  CHECK(r->at == now());
  CHECK(ui.state.plan_action == "closure");  // the sheet stays open for the next item
  CHECK(ui.state.closure_item.empty());

  const Snapshot after = applied(s, *c);
  const auto b = bundle_status(after, episode);
  const auto it = std::find_if(b.items.begin(), b.items.end(), [](const BundleItem& i) { return i.item == "handover_summary_sent"; });
  REQUIRE(it != b.items.end());
  CHECK(it->done);
  CHECK(it->by == me);
  CHECK(it->detail == "2026-11-23");
}

TEST_CASE("ui closure sheet: the receiving service comes from a list, without typing") {
  Snapshot s = demo();
  const Id episode = part_done_episode(s, "handover_summary_sent");
  REQUIRE(episode != 0);
  Sheet sheet(s, episode, with_role(s, Role::clinician, true));
  auto& ui = sheet.ui;
  ui.tap("bundle_item:joint_meeting");
  CHECK_FALSE(ui.tap("bundle_cancel"));  // changed their mind: nothing recorded, nothing chosen
  CHECK(ui.state.closure_item.empty());
  CHECK_FALSE(ui.shows("bundle_save"));
  ui.tap("bundle_item:receiving_service");  // done already: recording again is a new record, the latest counts
  ui.tap("bundle_detail:0");
  auto c = ui.tap("bundle_save");
  REQUIRE(c);
  CHECK(std::get<RecordTransitionItem>(*c).detail == "cmht");
  CHECK_FALSE(command_problem(s, *c));
}

TEST_CASE("ui closure sheet: logging a carer contact with what was shared emits LogCarerContact the store accepts") {
  Snapshot s = demo();
  const Id episode = part_done_episode(s, "handover_summary_sent");
  REQUIRE(episode != 0);
  const Id person = s.find_episode(episode)->person_id;
  // A consenting carer and one without consent, so both show.
  const Id next = s.key_people.empty() ? 1 : std::max_element(s.key_people.begin(), s.key_people.end(), [](auto& a, auto& b) { return a.id < b.id; })->id + 1;
  s.key_people.push_back(KeyPerson{next, person, "Robin Carer", "partner", "07700 900123", true});
  s.key_people.push_back(KeyPerson{next + 1, person, "Alex Brother", "brother", "07700 900456", false});
  s.reindex();
  const StaffId me = with_role(s, Role::clinician, true);
  Sheet sheet(s, episode, me);
  auto& ui = sheet.ui;
  CHECK_FALSE(ui.tap("closure_tab:carer"));
  CHECK(ui.state.closure_section == "carer");
  REQUIRE(ui.shows("carer:" + std::to_string(next)));
  // The brother has not consented: reached, but nothing can be shared.
  ui.tap("carer:" + std::to_string(next + 1));
  ui.tap("carer_outcome:reached");
  ui.tap("carer_shared:step_down");
  CHECK(ui.state.carer_shared.empty());
  // The partner: reached, told of the step-down and why (tapped in any order, recorded in list order).
  ui.tap("carer:" + std::to_string(next));
  ui.tap("carer_outcome:reached");
  ui.tap("carer_shared:step_down");
  ui.tap("carer_shared:rationale");
  ui.tap("carer_shared:practical_guidance");
  ui.tap("carer_shared:practical_guidance");  // a second tap takes it off again
  auto c = ui.tap("carer_save");
  REQUIRE(c);
  auto* l = std::get_if<LogCarerContact>(&*c);
  REQUIRE(l);
  CHECK(l->episode == episode);
  CHECK(l->key_person == next);
  CHECK(l->outcome == "reached");
  CHECK(l->shared == std::vector<std::string>{"rationale", "step_down"});
  CHECK(l->by == me);

  const Snapshot after = applied(s, *c);
  const auto contacts = after.carer_contacts_of(next);
  REQUIRE(contacts.size() == 1);
  CHECK(contacts.front()->shared == std::vector<std::string>{"rationale", "step_down"});
  CHECK(contacts.front()->by == me);
}

TEST_CASE("ui closure sheet: a person with no key people is told so in words; the only thing to tap is Add key person") {
  Snapshot s = demo();
  Id episode = 0;
  for (const auto& e : s.episodes)
    if (e.is_open() && s.plan_for_episode(e.id) && s.key_people_of(e.person_id).empty()) episode = e.id;
  REQUIRE(episode != 0);
  Sheet sheet(s, episode, with_role(s, Role::clinician, true));
  auto& ui = sheet.ui;
  ui.tap("closure_tab:carer");
  CHECK(ui.shows("carer_none"));
  CHECK(ui.shows("carer_add"));
  CHECK_FALSE(ui.shows("carer_outcome:reached"));
  CHECK_FALSE(ui.shows("carer_save"));
}

TEST_CASE("ui closure sheet: closing with an incomplete bundle needs an override reason, then a confirmation") {
  Snapshot s = demo();
  const Id episode = part_done_episode(s, "handover_summary_sent");
  REQUIRE(episode != 0);
  const StaffId me = with_role(s, Role::clinician, true);
  Sheet sheet(s, episode, me);
  auto& ui = sheet.ui;
  ui.tap("closure_tab:close");
  CHECK(ui.shows("close_bundle_missing"));
  REQUIRE(ui.shows("close_override:0"));
  ui.tap("close_reason:0");
  ui.tap("close_destination:1");
  CHECK_FALSE(ui.tap("close_next"));  // no override reason yet: nothing happens
  CHECK_FALSE(ui.state.close_confirming);
  ui.tap("close_override:0");
  CHECK_FALSE(ui.tap("close_next"));  // the confirmation step, no command yet
  CHECK(ui.state.close_confirming);
  REQUIRE(ui.shows("close_yes"));
  // Go back keeps the choices; Close again and confirm.
  ui.tap("close_back");
  CHECK_FALSE(ui.state.close_confirming);
  ui.tap("close_next");
  auto c = ui.tap("close_yes");
  REQUIRE(c);
  auto* x = std::get_if<CloseEpisode>(&*c);
  REQUIRE(x);
  CHECK(x->episode == episode);
  CHECK(x->reason == std::string(ui::closure_reasons()[0].value));
  CHECK(x->destination == "gp");
  CHECK(x->override_reason == std::string(ui::override_reasons()[0].value));
  CHECK(x->by == me);
  CHECK(ui.state.plan_action.empty());  // the sheet closes

  const Snapshot after = applied(s, *c);
  const Episode* e = after.find_episode(episode);
  REQUIRE(e);
  CHECK_FALSE(e->is_open());
  CHECK(e->closure_destination == "gp");
  // Future planned visits went; a follow-up call was added.
  int follow_ups = 0;
  for (const Visit* v : after.visits_of(episode)) {
    // (a planned follow-up of a missed visit is history and stays, as plan_generation keeps it)
    if (v->status == VisitStatus::planned && !v->follow_up_of) CHECK(is_open_follow_up(*e, *v));
    if (is_open_follow_up(*e, *v)) ++follow_ups;
  }
  CHECK(follow_ups == 1);
}

TEST_CASE("ui closure sheet: with a complete bundle closing needs no override reason") {
  Snapshot s = demo();
  const Id episode = complete_episode(s);
  REQUIRE(episode != 0);
  Sheet sheet(s, episode, with_role(s, Role::clinician, true));
  auto& ui = sheet.ui;
  ui.tap("closure_tab:close");
  CHECK(ui.shows("close_bundle_complete"));
  CHECK_FALSE(ui.shows("close_override:0"));
  ui.tap("close_reason:1");
  ui.tap("close_destination:0");
  ui.tap("close_next");
  auto c = ui.tap("close_yes");
  REQUIRE(c);
  auto& x = std::get<CloseEpisode>(*c);
  CHECK(x.override_reason.empty());
  CHECK(x.destination == "cmht");
  CHECK_FALSE(command_problem(s, *c));
  CHECK_FALSE(applied(s, *c).find_episode(episode)->is_open());
}

TEST_CASE("ui closure sheet: someone without the clinician role sees the bundle and who can, but no buttons") {
  Snapshot s = demo();
  const Id episode = part_done_episode(s, "handover_summary_sent");
  REQUIRE(episode != 0);
  const StaffId viewer = with_role(s, Role::clinician, false);
  REQUIRE_FALSE(viewer.empty());
  Sheet sheet(s, episode, viewer);
  auto& ui = sheet.ui;
  CHECK(ui.shows("closure_read_only"));
  REQUIRE(ui.shows("bundle_item:handover_summary_sent"));  // the state shows
  ui.tap("bundle_item:handover_summary_sent");
  CHECK(ui.state.closure_item.empty());  // but a tap records nothing
  CHECK_FALSE(ui.shows("bundle_save"));
  ui.tap("closure_tab:close");
  CHECK(ui.shows("close_bundle_missing"));
  CHECK_FALSE(ui.shows("close_reason:0"));
  CHECK_FALSE(ui.shows("close_next"));
  ui.tap("closure_tab:carer");
  CHECK_FALSE(ui.shows("carer_save"));
  // The same refusal `apply` gives, in words.
  auto p = command_problem(s, RecordTransitionItem{episode, "co_produced_plan", "", viewer, now()});
  REQUIRE(p);
  CHECK(p->find("without the clinician role: cannot record a transition bundle item") != std::string::npos);
}

TEST_CASE("ui closure sheet: with no one signed in, the author chosen from those on shift must hold the role") {
  Snapshot s = demo();
  const Id episode = part_done_episode(s, "handover_summary_sent");
  REQUIRE(episode != 0);
  test::HeadlessUi ui(s, now(), 1920, 1080);
  ui.tap("tab:plans");
  ui.state.plan_episode = episode;
  ui.frame();
  ui.tap("plan_action:closure");
  ui.tap("bundle_item:co_produced_plan");
  ui.state.acting = with_role(s, Role::clinician, false);
  ui.frame();
  CHECK_FALSE(ui.tap("bundle_save"));  // refused in words, Save disabled
  ui.state.acting = with_role(s, Role::clinician, true);
  auto c = ui.tap("bundle_save");
  REQUIRE(c);
  CHECK(std::get<RecordTransitionItem>(*c).by == ui.state.acting);
}
