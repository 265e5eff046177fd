// The compliance board's shortcuts at trust scale (issue 6, session 9) give exactly the answers of
// the definitions they replace: local day numbers are the local dates', at every quarter hour and a
// second either side of each clock change; the review obligations from the facts' worked-out
// step-down days are those worked out per call; an episode's stage at an instant is plan_position's.
#include "core/compliance.hpp"
#include "core/compliance_detail.hpp"
#include "core/contact_plan.hpp"
#include "core/day_number.hpp"
#include "core/demo_team.hpp"
#include "core/review_due.hpp"
#include "support/demo_history.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace vb;
using namespace std::chrono_literals;

namespace {

// The stage as state_as_at worked it out before day numbers: step_down_dates and plan_position.
Stage stage_by_plan_position(const ContactPlan& plan, LocalDate d) {
  const auto steps = step_down_dates(plan);
  if (steps.empty() || d < steps.front()) return Stage::intensive;
  auto pos = plan_position(plan, d);
  const bool last_phase = !pos || (plan.phases.size() > 1 && pos->phase == &plan.phases.back());
  return last_phase ? Stage::handover : Stage::step_down;
}

}  // namespace

TEST_CASE("day numbers: an instant's local day number is its local date's, across the clock changes") {
  const Zone zone = find_zone("Europe/London");
  std::vector<Instant> at;
  for (Instant t = *parse_instant("2025-10-20T00:00", zone); t < *parse_instant("2028-01-05T00:00", zone); t += 15min)
    at.push_back(t);
  for (const char* change : {"2025-10-26T01:00:00Z", "2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z", "2027-03-28T01:00:00Z",
                             "2027-10-31T01:00:00Z"}) {
    const Instant c = *parse_instant(change, zone);
    for (auto d : {-3601s, -3600s, -1s, 0s, 1s, 3599s, 3600s, 3601s}) at.push_back(c + d);
  }
  size_t n = 0;
  for (const Instant t : at) {
    const LocalDate d = local_date_of(t, zone);
    CHECK(local_day_number(t, zone) == day_number(d));
    CHECK(date_of_day_number(day_number(d)) == d);
    ++n;
  }
  CHECK(n > 70000);
  // Midnight either side of a change: the day before and the day itself.
  const Instant midnight = start_of_local_day(LocalDate{date::year{2026} / 10 / 25}, zone);
  CHECK(local_day_number(midnight - 1s, zone) + 1 == local_day_number(midnight, zone));
  CHECK(date_of_day_number(local_day_number(midnight, zone)) == LocalDate{date::year{2026} / 10 / 25});
}

TEST_CASE("day numbers: review obligations from the facts' step-down days are those worked out per call") {
  size_t compared = 0, with_step = 0;
  for (std::uint64_t seed : {3u, 11u}) {
    const Snapshot s = test::demo_history(seed, "2027-11-15T23:59", 420);
    for (const auto& e : s.episodes) {
      const ReviewFacts fast = review_facts(s, e);
      ReviewFacts slow = fast;  // without the worked-out days: each_obligation's per-call path
      slow.plan_step_down_starts.clear();
      slow.plan_step_down_phase.clear();
      slow.plan_end_start.reset();
      std::vector<Instant> at;
      for (LocalDate d : fast.plan_step_downs)
        for (long k = -9; k <= 9; ++k)
          for (auto h : {0h, 1h, 2h, 23h}) at.push_back(start_of_local_day(plus_days(d, k), s.zone()) + h - 1s);
      if (fast.plan_end)
        for (long k = -2; k <= 2; ++k) at.push_back(start_of_local_day(plus_days(*fast.plan_end, k), s.zone()));
      at.push_back(e.accepted_at + 36h);
      for (const Instant t : at)
        for (Stage stage : {Stage::intensive, Stage::step_down, Stage::handover}) {
          const auto a = next_review_as_at(s, fast, stage, t), b = next_review_as_at(s, slow, stage, t);
          REQUIRE(a.has_value() == b.has_value());
          if (a) {
            CHECK(a->rule == b->rule);
            CHECK(a->due == b->due);
            with_step += a->rule == &s.review_rules.before_step_down;
          }
          const auto la = review_obligations_as_at(s, fast, stage, t), lb = review_obligations_as_at(s, slow, stage, t);
          REQUIRE(la.size() == lb.size());
          for (size_t i = 0; i < la.size(); ++i) {
            CHECK(la[i].rule == lb[i].rule);
            CHECK(la[i].due == lb[i].due);
          }
          ++compared;
        }
    }
  }
  CHECK(compared > 5000);
  CHECK(with_step > 100);
}

TEST_CASE("day numbers: an episode's stage at an instant is the one plan_position gives, at clock changes") {
  size_t compared = 0, stepped = 0;
  for (std::uint64_t seed : {3u, 14u}) {
    const Snapshot s = test::demo_history(seed, "2027-11-15T23:59", 700);
    const Instant now = *parse_instant("2027-11-15T23:59", s.zone());
    for (const auto& e : s.episodes) {
      if (e.is_open() && e.stage == Stage::intensive) continue;  // intensive then, without the plan
      const ContactPlan* plan = s.plan_for_episode(e.id);
      if (!plan) continue;
      for (long k = -3; k <= 130; ++k)
        for (auto h : {0s, 1s, 3600s, 7199s, 86399s}) {
          const Instant t = start_of_local_day(plus_days(plan->start_date, k), s.zone()) + h;
          if (t >= now || (e.closed_at && *e.closed_at <= t)) continue;
          const Stage want = stage_by_plan_position(*plan, local_date_of(t, s.zone()));
          CHECK(detail::state_as_at(s, e, t, now).stage == want);
          CHECK(detail::state_as_at(s, e, t, now, &plan).stage == want);
          stepped += want != Stage::intensive;
          ++compared;
        }
    }
  }
  CHECK(compared > 5000);
  CHECK(stepped > 1000);
}
