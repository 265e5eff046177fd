// The step-down gate, step up, fidelity flags and the plan screen's position words.
#include <doctest/doctest.h>

#include "core/commands.hpp"
#include "core/fidelity.hpp"
#include "core/plan_view.hpp"
#include "core/step_down.hpp"
#include "core/step_down_words.hpp"
#include "support/one_episode_team.hpp"
#include "support/phase_fixture.hpp"

using namespace vb;

namespace {

Zone london() { return find_zone("Europe/London"); }
LocalDate day(const char* s) { return *parse_date(s); }
Instant local(const char* s) { return *parse_instant(s, london()); }

// Episode 1 accepted Mon 2 Nov 2026 09:00; its plan: twice daily 3, daily 7, alternate days 7,
// every 3 days 14 — step-downs on Thu 5 Nov (reviewed the day before), Thu 12 Nov and Thu 19 Nov.
Snapshot team() {
  Snapshot s = test::one_episode_team(local("2026-11-02T09:00"), Stage::step_down);
  s.staff[0].initials = "NN";
  Staff consultant;
  consultant.id = "S09";
  consultant.name = "Consultant";
  consultant.initials = "CC";
  consultant.skills = {"senior_reviewer"};
  s.staff.push_back(consultant);
  s.people[0].given_name = "Test";
  s.people[0].family_name = "Person";
  s.episodes[0].named_worker = "S01";
  ContactPlan plan;
  plan.id = 1;
  plan.episode_id = 1;
  plan.start_date = day("2026-11-02");
  plan.phases = {phase_of("Twice daily", 2, 0, 3), phase_of("Daily", 1, 0, 7), phase_of("Alternate days", 0, 2, 7),
                 phase_of("Every 3 days", 0, 3, 14)};
  s.plans = {plan};
  Review r;
  r.id = 100;
  r.episode_id = 1;
  r.reviewer = "S09";
  r.held_at = local("2026-11-04T11:00");
  r.decision = "step_down";
  s.reviews = {r};
  s.reindex();
  return s;
}

Visit done(Id id, const char* date, int minutes) {
  Visit v;
  v.id = id;
  v.episode_id = 1;
  v.date = day(date);
  v.window_start = local((std::string(date) + "T09:00").c_str());
  v.window_end = v.window_start + std::chrono::hours{3};
  v.status = VisitStatus::done;
  v.outcome_at = v.window_end;
  v.duration_min = minutes;
  return v;
}

}  // namespace

TEST_CASE("step-down gate: blocked without a reassessment for the transition; a senior review or a reassessment with its author unblocks it") {
  Snapshot s = team();
  const Instant now = local("2026-11-10T10:00");  // two days before the scheduled step-down
  // The flag names the scheduled step-down it is about; the gate for stepping down now names today,
  // and needs a reassessment from an earlier day (the window runs back from the transition).
  CHECK(step_down_blocked_text(s, s.episodes[0], now) ==
        "step-down blocked: no risk reassessment since Mon 09 Nov for the step-down on Thu 12 Nov");
  auto check = check_step_down_now(s, s.plans[0], now);  // stepping down now, from Daily (since 5 Nov)
  CHECK(check.blocked);
  CHECK(check.problem.find("no risk reassessment since Sat 07 Nov for a step-down on Tue 10 Nov") != std::string::npos);
  CHECK(step_down_command_problem(s, StepDown{1, "", "S01", now}).value().find("step-down blocked") != std::string::npos);

  // A reassessment before the window does not count.
  s.reassessments = {RiskReassessment{1, 1, local("2026-11-06T15:00"), "S01", RiskLevel::medium, "early"}};
  CHECK(check_step_down_now(s, s.plans[0], now).blocked);
  // One in the window does; so does a senior review.
  s.reassessments.push_back(RiskReassessment{2, 1, local("2026-11-09T15:00"), "S01", RiskLevel::low, "settled"});
  CHECK(step_down_blocked_text(s, s.episodes[0], now).empty());
  auto ok = check_step_down_now(s, s.plans[0], now);
  CHECK(ok.problem.empty());
  REQUIRE(ok.reassessment);
  CHECK(ok.reassessment->by == "S01");
  CHECK_FALSE(step_down_command_problem(s, StepDown{1, "", "S01", now}));
  s.reassessments.clear();
  Review r;
  r.id = 2;
  r.episode_id = 1;
  r.reviewer = "S09";
  r.held_at = local("2026-11-10T09:00");
  r.decision = "step_down";
  s.reviews.push_back(r);
  s.reindex();
  auto by_review = check_step_down_now(s, s.plans[0], now);
  CHECK(by_review.problem.empty());
  CHECK(by_review.reassessment->source == "senior review");
  CHECK(by_review.reassessment->by == "S09");
}

TEST_CASE("step-down gate: a step-down that went ahead without a reassessment stays flagged for a week") {
  Snapshot s = team();
  CHECK(step_down_blocked_text(s, s.episodes[0], local("2026-11-12T10:00")) ==
        "step-down today blocked: no risk reassessment since Mon 09 Nov");
  CHECK(step_down_blocked_text(s, s.episodes[0], local("2026-11-14T10:00")) ==
        "stepped down Thu 12 Nov without a risk reassessment");
  // A reassessment after the day does not make it right; a week later the flag goes.
  s.reassessments = {RiskReassessment{1, 1, local("2026-11-13T15:00"), "S01", RiskLevel::low, "late"}};
  CHECK_FALSE(step_down_blocked_text(s, s.episodes[0], local("2026-11-14T10:00")).empty());
  s.reassessments.push_back(RiskReassessment{2, 1, local("2026-11-18T15:00"), "S01", RiskLevel::low, "for the 19th"});
  CHECK(step_down_blocked_text(s, s.episodes[0], local("2026-11-19T10:00")) ==
        "stepped down Thu 12 Nov without a risk reassessment");
  CHECK(step_down_blocked_text(s, s.episodes[0], local("2026-11-20T10:00")).empty());
  // Too early to warn.
  CHECK(step_down_blocked_text(s, s.episodes[0], local("2026-11-08T10:00")).empty());
}

TEST_CASE("step-down: never to a phase with more contact; step-up needs a reason and a more intensive phase behind") {
  Snapshot s = team();
  s.plans[0].phases[2] = phase_of("Three times daily", 3, 0, 7);
  s.reassessments = {RiskReassessment{1, 1, local("2026-11-09T15:00"), "S01", RiskLevel::low, "settled"}};
  auto check = check_step_down_now(s, s.plans[0], local("2026-11-10T10:00"));
  CHECK(check.problem.find("that is a step up") != std::string::npos);

  Snapshot t = team();
  CHECK(step_up_problem(t.plans[0], day("2026-11-03")).value().find("already the most intensive") != std::string::npos);
  CHECK_FALSE(step_up_problem(t.plans[0], day("2026-11-10")));
  CHECK(step_down_command_problem(t, StepUp{1, "", 7, "S01", local("2026-11-10T10:00")}).value().find("reason") !=
        std::string::npos);
  auto up = plan_stepped_up(t.plans[0], day("2026-11-10"), 4);
  // Daily 5-9 Nov, twice daily 10-13 Nov, then daily again for the 2 days left, then the rest.
  REQUIRE(up.phases.size() == 6);
  CHECK(up.phases[1].length_days == 5);
  CHECK(up.phases[2].label == "Twice daily");
  CHECK(up.phases[2].length_days == 4);
  CHECK(up.phases[3].label == "Daily");
  CHECK(up.phases[3].length_days == 2);
  for (size_t i = 0; i < up.phases.size(); ++i) CHECK(up.phases[i].sequence == static_cast<int>(i) + 1);
}

TEST_CASE("fidelity: twice daily on the first three days, seven contacts in week one, a 30-minute visit each visit day, review at six weeks") {
  Snapshot s = team();
  s.visits = {done(1, "2026-11-02", 45), done(2, "2026-11-02", 30), done(3, "2026-11-03", 40),
              done(4, "2026-11-04", 60), done(5, "2026-11-04", 30), done(6, "2026-11-05", 20),
              done(7, "2026-11-07", 45)};
  auto early = check_fidelity(s, s.episodes[0], local("2026-11-05T12:00"));
  REQUIRE(early.first_days_short.size() == 1);
  CHECK(early.first_days_short[0] == day("2026-11-03"));
  CHECK_FALSE(early.first_week_over);
  CHECK(early.short_visit_days.empty());  // 5 Nov has not ended yet
  auto later = check_fidelity(s, s.episodes[0], local("2026-11-10T12:00"));
  CHECK(later.first_week_contacts == 7);
  CHECK(later.first_week_over);
  REQUIRE(later.short_visit_days.size() == 1);
  CHECK(later.short_visit_days[0] == day("2026-11-05"));
  auto flags = later.flags();
  REQUIRE(flags.size() == 2);
  CHECK(flags[0] == "twice daily not met: Tue 03 Nov");
  CHECK(flags[1] == "1 visit day without a 30-min visit");
  s.visits.pop_back();
  CHECK(check_fidelity(s, s.episodes[0], local("2026-11-10T12:00")).flags()[1] == "first week: 6 of 7 contacts");
  CHECK_FALSE(check_fidelity(s, s.episodes[0], local("2026-12-14T08:00")).six_week_review);
  CHECK(check_fidelity(s, s.episodes[0], local("2026-12-14T09:00")).six_week_review);
}

TEST_CASE("plan screen: today's position, the next change, and a density that falls phase by phase") {
  Snapshot s = team();
  auto v = build_plan_view(s, s.episodes[0], local("2026-11-20T10:00"));
  CHECK(v.phase_label == "Every 3 days");
  CHECK(v.position == "step-down day 9 of 21");
  CHECK(v.next_change == "Thu 03 Dec: handover");
  CHECK(build_plan_view(s, s.episodes[0], local("2026-11-13T10:00")).next_change ==
        "Thu 19 Nov: Alternate days → Every 3 days");
  CHECK(build_plan_view(s, s.episodes[0], local("2026-11-03T10:00")).position == "intensive day 2 of 10");
  auto first = build_plan_view(s, s.episodes[0], local("2026-11-02T08:00"));
  int before = 100;
  int per_phase_max = 0;
  int last_phase = 0;
  for (const auto& d : first.days) {
    if (d.phase < 0) continue;
    if (d.phase != last_phase) {
      CHECK(per_phase_max <= before);
      before = per_phase_max;
      per_phase_max = 0;
      last_phase = d.phase;
    }
    per_phase_max = std::max(per_phase_max, d.planned);
  }
  CHECK(first.days.size() == static_cast<size_t>(plan_view_days_back + plan_view_days_ahead + 1));
}

TEST_CASE("step-down words: the Step down button's reason and the header's flag tell one story") {
  Snapshot s = team();
  const Instant now = local("2026-11-10T10:00");  // two days before the scheduled step-down (Thu 12 Nov)
  // The header names the planned step-down and its day; the button says it is about stepping down
  // today, ahead of that one, which is why it needs a reassessment from an earlier day.
  CHECK(step_down_blocked_text(s, s.episodes[0], now) ==
        "step-down blocked: no risk reassessment since Mon 09 Nov for the step-down on Thu 12 Nov");
  const auto gate = check_step_down_now(s, s.plans[0], now);
  CHECK(step_down_today_words(s, s.episodes[0], gate, now) ==
        "To step down today (Tue 10 Nov), ahead of the plan's step-down on Thu 12 Nov: no risk reassessment since "
        "Sat 07 Nov. Record a senior review or a risk reassessment first.");
  // A reason that is not about a reassessment is said as the gate says it.
  StepDownCheck last;
  last.problem = "'Weekly' is the last phase of the plan: there is nothing to step down to";
  CHECK(step_down_today_words(s, s.episodes[0], last, now) ==
        "Step down not possible: 'Weekly' is the last phase of the plan: there is nothing to step down to");
  // A reassessment in the window for today: nothing to say.
  s.reassessments = {RiskReassessment{1, 1, local("2026-11-09T15:00"), "S01", RiskLevel::low, "settled"}};
  CHECK(step_down_today_words(s, s.episodes[0], check_step_down_now(s, s.plans[0], now), now).empty());
}
