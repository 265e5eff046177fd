// The Bundle and closure sheet's Care flags section: noting a flag (record_transition_item, as `apply`
// spells it) and clearing one with a reason from a list (clear_care_flag), both applied by the store
// with their audit rows; someone without the clinician role sees the flags and no buttons.
#include <doctest/doctest.h>

#include "core/care_flags.hpp"
#include "core/demo_team.hpp"
#include "core/transition_bundle.hpp"
#include "store/command_store.hpp"
#include "store/database.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "ui/care_flags_section.hpp"
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

Id open_episode_with_plan(const Snapshot& s) {
  for (const auto& e : s.episodes)
    if (e.is_open() && s.plan_for_episode(e.id)) return e.id;
  return 0;
}

bool stands(const Snapshot& s, Id episode, std::string_view flag) {
  for (const auto& f : care_flag_states(s, episode))
    if (f.flag == flag) return f.on;
  return false;
}

struct FlagsPart {
  test::HeadlessUi ui;
  FlagsPart(const Snapshot& s, Id episode, const StaffId& me) : ui(s, now(), 1920, 1080) {
    ui.state.signed_in = me;
    ui.tap("tab:plans");
    ui.state.plan_episode = episode;
    ui.frame();
    ui.tap("plan_action:closure");
    ui.tap("closure_tab:flags");
  }
};

// Applies `commands` to `s` written to a fresh database; returns the snapshot and the audit rows.
std::pair<Snapshot, int> applied(const Snapshot& s, const std::vector<Command>& commands) {
  auto r = test::apply_through_store(s, commands, "care_flags");
  return {std::move(r.snapshot), r.audits};
}

}  // namespace

TEST_CASE("care flags: tapping a flag and Note flag notes it; tapping it again and a reason clears it; the store keeps both") {
  const Snapshot s = demo();
  const Id episode = open_episode_with_plan(s);
  REQUIRE(episode != 0);
  REQUIRE_FALSE(stands(s, episode, "lives_alone"));
  const StaffId me = with_role(s, Role::clinician, true);
  std::optional<Command> noted;
  {
  FlagsPart part(s, episode, me);
  auto& ui = part.ui;
  REQUIRE(ui.shows("care_flag:lives_alone"));
  CHECK_FALSE(ui.tap("care_flag:lives_alone"));
  noted = ui.tap("care_flag_save");
  REQUIRE(noted);
  const auto& r = std::get<RecordTransitionItem>(*noted);
  CHECK(r.episode == episode);
  CHECK(r.item == "lives_alone");
  CHECK(r.by == me);
  CHECK(ui.state.care_flag.empty());
  }  // one headless UI (one ImGui context) at a time

  auto [after_note, n1] = applied(s, {*noted});
  CHECK(n1 == 1);
  CHECK(stands(after_note, episode, "lives_alone"));
  const auto flags = bundle_status(after_note, episode).flags;
  CHECK(std::find(flags.begin(), flags.end(), "lives_alone") != flags.end());

  // On the noted snapshot: tap it, the reason list shows; Save waits for a reason.
  FlagsPart again(after_note, episode, me);
  auto& ui2 = again.ui;
  ui2.tap("care_flag:lives_alone");
  REQUIRE(ui2.shows("care_flag_reason:0"));
  CHECK_FALSE(ui2.tap("care_flag_save"));
  ui2.tap("care_flag_reason:other");
  CHECK_FALSE(ui2.tap("care_flag_save"));  // Other with nothing typed: still no reason
  ui2.tap("care_flag_reason:1");           // Recorded in error
  auto cleared = ui2.tap("care_flag_save");
  REQUIRE(cleared);
  const auto& c = std::get<ClearCareFlag>(*cleared);
  CHECK(c.episode == episode);
  CHECK(c.flag == "lives_alone");
  CHECK(c.reason == std::string(ui::care_flag_clear_reasons()[1].value));
  CHECK(c.by == me);

  auto [after_clear, n2] = applied(after_note, {*cleared});
  CHECK(n2 == 1);
  CHECK_FALSE(stands(after_clear, episode, "lives_alone"));
  const auto left = bundle_status(after_clear, episode).flags;
  CHECK(std::find(left.begin(), left.end(), "lives_alone") == left.end());
  // The history keeps both rows: who noted it and who cleared it, why.
  int rows = 0;
  for (const TransitionRecord* x : after_clear.transition_records_of(episode))
    if (x->item == "lives_alone") ++rows;
  CHECK(rows == 2);
  for (const auto& f : care_flag_states(after_clear, episode))
    if (f.flag == "lives_alone") CHECK(f.detail == "recorded in error");
}

TEST_CASE("care flags: a note and a clear in one apply batch end with the flag cleared, two audit rows") {
  const Snapshot s = demo();
  const Id episode = open_episode_with_plan(s);
  const StaffId me = with_role(s, Role::clinician, true);
  auto [after, audits] = applied(s, {RecordTransitionItem{episode, "substance_misuse", "", me, now()},
                                     ClearCareFlag{episode, "substance_misuse", "no longer applies", me, now()}});
  CHECK(audits == 2);
  CHECK_FALSE(stands(after, episode, "substance_misuse"));
}

TEST_CASE("care flags: someone without the clinician role sees the flags but cannot note or clear them") {
  Snapshot s = demo();
  const Id episode = open_episode_with_plan(s);
  const StaffId me = with_role(s, Role::clinician, true);
  s.transition_records.push_back(TransitionRecord{999999, episode, "lives_alone", now() - std::chrono::hours{2}, me, ""});
  s.reindex();
  const StaffId viewer = with_role(s, Role::clinician, false);
  REQUIRE_FALSE(viewer.empty());
  FlagsPart part(s, episode, viewer);
  auto& ui = part.ui;
  CHECK(ui.shows("closure_read_only"));
  REQUIRE(ui.shows("care_flag:lives_alone"));
  ui.tap("care_flag:lives_alone");
  CHECK(ui.state.care_flag.empty());
  CHECK_FALSE(ui.shows("care_flag_save"));
  const auto p = command_problem(s, ClearCareFlag{episode, "lives_alone", "no longer applies", viewer, now()});
  REQUIRE(p);
  CHECK(p->find("without the clinician role: cannot clear a care flag") != std::string::npos);
}

TEST_CASE("care flags: clearing a flag that is not noted, or without a reason, is refused in words") {
  Snapshot s = demo();
  const Id episode = open_episode_with_plan(s);
  const StaffId me = with_role(s, Role::clinician, true);
  auto p = command_problem(s, ClearCareFlag{episode, "ward_discharge_14d", "no longer applies", me, now()});
  REQUIRE(p);
  CHECK(p->find("is not noted on episode") != std::string::npos);
  CHECK(command_problem(s, ClearCareFlag{episode, "lives_on_mars", "x", me, now()})->find("is not a care flag") != std::string::npos);
  s.transition_records.push_back(TransitionRecord{999999, episode, "ward_discharge_14d", now() - std::chrono::hours{2}, me, ""});
  s.reindex();
  CHECK(command_problem(s, ClearCareFlag{episode, "ward_discharge_14d", "", me, now()})->find("needs a reason") != std::string::npos);
  CHECK_FALSE(command_problem(s, ClearCareFlag{episode, "ward_discharge_14d", "no longer applies", me, now()}));
  // Only clear_care_flag clears: a transition item with a "cleared: " detail is refused.
  CHECK(command_problem(s, RecordTransitionItem{episode, "ward_discharge_14d", "cleared: x", me, now()}));
}

TEST_CASE("care flags: a clear dated before the note it would clear (or a note before the clear) is refused, not silently lost") {
  Snapshot s = demo();
  const Id episode = open_episode_with_plan(s);
  const StaffId me = with_role(s, Role::clinician, true);
  const Instant noted = now() - std::chrono::hours{2};
  s.transition_records.push_back(TransitionRecord{999997, episode, "lives_alone", noted, me, ""});
  s.reindex();
  // Recorded from paper with an earlier time: it would sort before the note, and the flag would still stand.
  auto p = command_problem(s, ClearCareFlag{episode, "lives_alone", "no longer applies", me, noted - std::chrono::minutes{30}});
  REQUIRE(p);
  CHECK(p->find("a clear must be at or after the note it clears") != std::string::npos);
  CHECK_FALSE(command_problem(s, ClearCareFlag{episode, "lives_alone", "no longer applies", me, noted}));
  s.transition_records.push_back(TransitionRecord{999998, episode, "lives_alone", noted + std::chrono::hours{1}, me, "cleared: no longer applies"});
  s.reindex();
  CHECK_FALSE(care_flag_stands(s, episode, "lives_alone"));
  p = command_problem(s, RecordTransitionItem{episode, "lives_alone", "", me, noted + std::chrono::minutes{30}});
  REQUIRE(p);
  CHECK(p->find("a note must be at or after the clear it undoes") != std::string::npos);
  CHECK_FALSE(command_problem(s, RecordTransitionItem{episode, "lives_alone", "", me, now()}));
}

TEST_CASE("care flags: clearing 'discharged from a ward within 14 days' gives back the 7-day follow-up window") {
  Snapshot s = demo();
  const Id episode = open_episode_with_plan(s);
  const StaffId me = with_role(s, Role::clinician, true);
  Episode e = *s.find_episode(episode);
  e.suicide_risk_identified = false;
  const Instant closed = now();
  s.transition_records.push_back(TransitionRecord{999998, episode, "ward_discharge_14d", closed - std::chrono::hours{5}, me, ""});
  s.reindex();
  CHECK(follow_up_due(s, e, closed) == closed + std::chrono::hours{72});
  s.transition_records.push_back(
      TransitionRecord{999999, episode, "ward_discharge_14d", closed - std::chrono::hours{1}, me, "cleared: recorded in error"});
  s.reindex();
  CHECK(follow_up_due(s, e, closed) > closed + std::chrono::hours{72});
  // A clear after closure does not move the window set at closure (a late call would turn into an on-time one).
  s.transition_records.pop_back();
  s.transition_records.push_back(
      TransitionRecord{999999, episode, "ward_discharge_14d", closed + std::chrono::hours{100}, me, "cleared: recorded in error"});
  s.reindex();
  CHECK(follow_up_due(s, e, closed) == closed + std::chrono::hours{72});
  s.transition_records.pop_back();
  s.transition_records.push_back(
      TransitionRecord{999999, episode, "ward_discharge_14d", closed - std::chrono::hours{1}, me, "cleared: recorded in error"});
  s.reindex();
  // As the bundle stood before the clearing, the flag stood.
  const auto before = bundle_status_as_at(s, episode, closed - std::chrono::hours{2}).flags;
  CHECK(std::find(before.begin(), before.end(), "ward_discharge_14d") != before.end());
}
