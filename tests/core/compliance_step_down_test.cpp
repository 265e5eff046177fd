// The step-down pathway's compliance measures on hand-built fixtures: step-downs with a risk
// reassessment, carers told, follow-up after closure within its window, bundle complete at closure.
// Each expected figure is counted by hand in the comments; boundaries are exact to the minute.
#include "core/compliance.hpp"
#include "core/transition_bundle.hpp"
#include "support/compliance_fixture.hpp"
#include "support/small_team.hpp"

#include <doctest/doctest.h>

using namespace vb;
using vb::test::at;
using vb::test::Fixture;
using vb::test::figure;

namespace {

LocalDate day(const char* d) { return *parse_date(d); }

bool lists(const MeasureFigure& f, Id episode, bool met) {
  for (const auto& i : f.items)
    if (i.episode == episode && i.met == met) return true;
  return false;
}

// Daily for 10 days from 1 Nov, then alternate days: a scheduled step-down on Wed 11 Nov.
void daily_then_alternate(Snapshot& s, Id episode) {
  ContactPlan p;
  p.id = episode;
  p.episode_id = episode;
  p.start_date = day("2026-11-01");
  ContactPhase daily;
  daily.label = "Daily";
  daily.visits_per_day = 1;
  daily.length_days = 10;
  daily.sequence = 1;
  ContactPhase alternate;
  alternate.label = "Alternate days";
  alternate.every_n_days = 2;
  alternate.length_days = 14;
  alternate.sequence = 2;
  p.phases = {daily, alternate};
  s.plans.push_back(p);
}

void commanded_step_down(Snapshot& s, Id episode, const char* when) {
  s.plan_changes.push_back(PlanChange{episode, episode, at(when), "S01", "step_down", "Daily", "Alternate days", ""});
}

void reassessed(Snapshot& s, Id episode, const char* when) {
  s.reassessments.push_back(RiskReassessment{episode * 10 + static_cast<Id>(s.reassessments.size()), episode, at(when),
                                             "S02", RiskLevel::medium, "reassessed"});
}

void key_person(Snapshot& s, Id id, Id person, bool consent) {
  s.key_people.push_back(KeyPerson{id, person, "Carer " + std::to_string(id), "mother", "07700 900000", consent});
}

void carer_contact(Snapshot& s, Id key, Id episode, const char* when, const char* outcome, bool told) {
  CarerContact c{static_cast<Id>(s.carer_contacts.size() + 1), key, episode, at(when), "S01", outcome, {}, ""};
  if (told) c.shared = {"rationale", "step_down"};
  s.carer_contacts.push_back(c);
}

void follow_up(Fixture& fx, Id id, Id episode, const char* done_at) {
  fx.visit(id, episode, done_at, done_at, VisitStatus::done, done_at).reason = follow_up_reason;
}

void record_all_items(Snapshot& s, Id episode, const char* when, std::string_view except = "") {
  for (auto item : transition_items())
    if (item != except)
      s.transition_records.push_back(TransitionRecord{static_cast<Id>(s.transition_records.size() + 1), episode,
                                                      std::string(item), at(when), "S01", "done"});
}

}  // namespace

TEST_CASE("compliance: a step-down counts as reassessed from 00:00 three days before up to 23:59 on its day") {
  Fixture fx;
  for (Id e = 1; e <= 3; ++e) fx.episode(e, "2026-11-01T10:00");
  daily_then_alternate(fx.s, 1);
  daily_then_alternate(fx.s, 2);
  reassessed(fx.s, 1, "2026-11-08T00:00");  // scheduled step-down Wed 11 Nov: from Sun 8 Nov counts
  reassessed(fx.s, 2, "2026-11-07T23:59");  // one minute too early
  commanded_step_down(fx.s, 3, "2026-11-15T14:00");
  fx.review(30, 3, "2026-11-15T23:59");  // a senior review at the end of the day counts
  auto f = figure(fx.done(), "risk-reassessed-at-step-down", "2026-11-10", "2026-11-16", "2026-11-23T08:30");
  CHECK(f.denominator == 3);
  CHECK(f.numerator == 2);
  CHECK(lists(f, 1, true));
  CHECK(lists(f, 2, false));
  CHECK(lists(f, 3, true));
  CHECK_FALSE(f.items.front().met);
  CHECK(f.state == RagState::red);  // 67% against 100% (amber from 90%)

  // On the step-down day itself a step-down without a reassessment is pending, not missed.
  auto today = figure(fx.s, "risk-reassessed-at-step-down", "2026-11-11", "2026-11-11", "2026-11-11T12:00");
  CHECK(today.denominator == 1);
  CHECK(lists(today, 1, true));
  // A reassessment after the step-down day does not make it right (00:00 the next day still does, as
  // for the board's flag: reassessments up to the day's end count).
  reassessed(fx.s, 2, "2026-11-12T00:01");
  CHECK(figure(fx.done(), "risk-reassessed-at-step-down", "2026-11-10", "2026-11-16", "2026-11-23T08:30").numerator == 2);
}

TEST_CASE("compliance: consenting carers count as told of a step-down from 3 days before to the end of day 7 after") {
  // Each step-down is judged on its seventh day after (Tue 17 Nov for 10 Nov), when the board stops flagging it.
  Fixture fx;
  for (Id e = 1; e <= 5; ++e) {
    fx.episode(e, "2026-11-01T10:00");
    commanded_step_down(fx.s, e, "2026-11-10T12:00");
  }
  key_person(fx.s, 1, 1, true);
  carer_contact(fx.s, 1, 1, "2026-11-07T00:00", "reached", true);  // first minute that counts
  key_person(fx.s, 2, 2, true);
  key_person(fx.s, 3, 2, false);                                    // no consent: not asked about
  carer_contact(fx.s, 2, 2, "2026-11-17T23:59", "reached", true);   // last minute of day 7
  key_person(fx.s, 4, 3, true);
  carer_contact(fx.s, 4, 3, "2026-11-18T00:00", "reached", true);   // a minute late
  // Episode 4: no key person, nobody to tell (not counted).
  key_person(fx.s, 5, 5, true);
  carer_contact(fx.s, 5, 5, "2026-11-10T18:00", "message_left", false);
  auto f = figure(fx.done(), "carers-informed-of-step-down", "2026-11-17", "2026-11-17", "2026-11-23T08:30");
  CHECK(figure(fx.s, "carers-informed-of-step-down", "2026-11-10", "2026-11-16", "2026-11-23T08:30").denominator == 0);
  CHECK(f.denominator == 4);
  CHECK(f.numerator == 2);
  CHECK(lists(f, 1, true));
  CHECK(lists(f, 2, true));
  CHECK(lists(f, 3, false));
  CHECK(lists(f, 5, false));
  // Within the week only those already told count; the others are pending.
  auto mid = figure(fx.s, "carers-informed-of-step-down", "2026-11-10", "2026-11-17", "2026-11-15T12:00");
  CHECK(mid.denominator == 1);
  CHECK(lists(mid, 1, true));
}

TEST_CASE("compliance: follow-up after closure: 48 h suicide risk, 72 h ward, 23:59 day 7; exactly on time counts") {
  Fixture fx;
  for (Id e = 1; e <= 4; ++e) fx.episode(e, "2026-11-01T10:00");
  fx.s.episodes[0].suicide_risk_identified = true;
  fx.close(1, "2026-11-10T10:00", "gp");
  follow_up(fx, 10, 1, "2026-11-12T10:00");  // exactly 48 h
  fx.close(2, "2026-11-10T10:00", "inpatient");
  follow_up(fx, 20, 2, "2026-11-13T10:01");  // 72 h and a minute
  fx.close(3, "2026-11-10T10:00", "gp");
  follow_up(fx, 30, 3, "2026-11-17T23:59");  // 23:59 on day 7
  fx.close(4, "2026-11-10T10:00", "gp");     // never followed up
  // Judged on the day each follow-up falls due: 12, 13, 17 and 17 Nov.
  auto f = figure(fx.done(), "follow-up-after-closure-in-window", "2026-11-10", "2026-11-17", "2026-11-23T08:30");
  CHECK(f.denominator == 4);
  CHECK(figure(fx.s, "follow-up-after-closure-in-window", "2026-11-10", "2026-11-16", "2026-11-23T08:30").denominator == 2);
  CHECK(f.numerator == 2);
  CHECK(lists(f, 1, true));
  CHECK(lists(f, 2, false));
  CHECK(lists(f, 3, true));
  CHECK(lists(f, 4, false));
  // While the windows are open and nothing is done yet, nothing is counted.
  CHECK(figure(fx.s, "follow-up-after-closure-in-window", "2026-11-10", "2026-11-17", "2026-11-11T12:00").denominator == 0);
}

TEST_CASE("compliance: a 48 h follow-up window is elapsed time across the October clock change") {
  Fixture fx;
  for (Id e = 1; e <= 2; ++e) {
    fx.episode(e, "2026-10-01T10:00");
    fx.s.episodes.back().suicide_risk_identified = true;
    fx.close(e, "2026-10-23T12:00", "gp");  // 11:00 UTC; due Sun 25 Oct 11:00 UTC = 11:00 GMT
  }
  follow_up(fx, 10, 1, "2026-10-25T11:00");
  follow_up(fx, 20, 2, "2026-10-25T11:01");
  auto f = figure(fx.done(), "follow-up-after-closure-in-window", "2026-10-25", "2026-10-25", "2026-11-23T08:30");
  CHECK(f.denominator == 2);
  CHECK(lists(f, 1, true));
  CHECK(lists(f, 2, false));
}

TEST_CASE("compliance: a bundle counts as complete at closure only with every item recorded by the closure instant") {
  Fixture fx;
  for (Id e = 1; e <= 3; ++e) fx.episode(e, "2026-11-01T10:00");
  record_all_items(fx.s, 1, "2026-11-09T10:00");
  fx.close(1, "2026-11-10T10:00", "gp");
  record_all_items(fx.s, 2, "2026-11-09T10:00", "handover_summary_sent");
  record_all_items(fx.s, 2, "2026-11-10T10:01");  // completed a minute after closing: closed with an override
  fx.close(2, "2026-11-10T10:00", "gp");
  record_all_items(fx.s, 3, "2026-11-10T10:00");  // at the closure instant
  fx.close(3, "2026-11-10T10:00", "cmht");
  auto f = figure(fx.done(), "bundle-complete-at-closure", "2026-11-10", "2026-11-10", "2026-11-23T08:30");
  CHECK(f.denominator == 3);
  CHECK(f.numerator == 2);
  CHECK(lists(f, 1, true));
  CHECK(lists(f, 2, false));
  CHECK(lists(f, 3, true));
  CHECK(f.detail(f.items.front()).find("handover summary") != std::string::npos);
  // The bundle as it stands now is complete for all three.
  CHECK(bundle_status(fx.s, 2).complete());
}

TEST_CASE("compliance: a safety plan update counts for a step-down in the reassessment's window") {
  Fixture fx;
  for (Id e = 1; e <= 3; ++e) {
    fx.episode(e, "2026-11-01T10:00");
    daily_then_alternate(fx.s, e);  // step-down Wed 11 Nov
  }
  auto update = [&](Id e, const char* when) {
    fx.s.transition_records.push_back(TransitionRecord{static_cast<Id>(fx.s.transition_records.size() + 1), e,
                                                       "safety_plan_updated", at(when), "S01", "v2"});
  };
  update(1, "2026-11-08T00:00");  // first minute of the window
  update(2, "2026-11-07T23:59");  // a minute before it
  update(3, "2026-11-11T23:59");  // last minute of the step-down day
  auto f = figure(fx.done(), "safety-plan-updated-at-step-down", "2026-11-11", "2026-11-11", "2026-11-23T08:30");
  CHECK(f.denominator == 3);
  CHECK(f.numerator == 2);
  CHECK(lists(f, 2, false));
  // During the step-down day a missing update is pending.
  CHECK(figure(fx.s, "safety-plan-updated-at-step-down", "2026-11-11", "2026-11-11", "2026-11-11T12:00").denominator == 1);
}

TEST_CASE("compliance: a handover summary counts when sent by 23:59 on the third day after closure") {
  Fixture fx;
  for (Id e = 1; e <= 3; ++e) {
    fx.episode(e, "2026-11-01T10:00");
    fx.close(e, "2026-11-10T10:00", "gp");  // judged on Fri 13 Nov
  }
  auto sent = [&](Id e, const char* when) {
    fx.s.transition_records.push_back(TransitionRecord{static_cast<Id>(fx.s.transition_records.size() + 1), e,
                                                       "handover_summary_sent", at(when), "S01", "sent"});
  };
  sent(1, "2026-11-09T16:00");  // before closure
  sent(2, "2026-11-13T23:59");  // last minute
  sent(3, "2026-11-14T00:00");  // a minute late
  auto f = figure(fx.done(), "handover-summary-within-3-days", "2026-11-13", "2026-11-13", "2026-11-23T08:30");
  CHECK(f.denominator == 3);
  CHECK(f.numerator == 2);
  CHECK(lists(f, 3, false));
  CHECK(figure(fx.s, "handover-summary-within-3-days", "2026-11-10", "2026-11-12", "2026-11-23T08:30").denominator == 0);
  // On the third day itself one not yet sent is pending.
  CHECK(figure(fx.s, "handover-summary-within-3-days", "2026-11-13", "2026-11-13", "2026-11-13T12:00").denominator == 1);
}
