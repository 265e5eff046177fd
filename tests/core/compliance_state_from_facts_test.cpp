// An episode's state at an instant (open, stage) worked out from its review facts' days (the first
// step-down, the plan's end: compliance_detail.hpp, issue 6) equals the per-call walk of its plan's
// phases: every episode of demo teams, every local day of their plans and either side, at midnight,
// a second after, 01:30 (the missing / repeated hour on change nights) and a second before midnight,
// across the clock changes (29 Mar / 25 Oct 2026, 28 Mar / 31 Oct 2027).
#include "core/compliance_detail.hpp"
#include "core/contact_plan.hpp"
#include "core/review_due.hpp"
#include "support/demo_history.hpp"

#include <doctest/doctest.h>

using namespace vb;
using namespace std::chrono_literals;

TEST_CASE("compliance: an episode's past stage from its review facts equals the walk of its plan, across clock changes") {
  size_t stepped = 0, handover = 0, compared = 0;
  for (std::uint64_t seed : {4u, 9u})
    for (const char* at : {"2026-11-02T09:00", "2027-11-15T23:59"}) {
      CAPTURE(seed);
      CAPTURE(at);
      const Snapshot s = test::demo_history(seed, at, 400);
      const Instant now = *parse_instant(at, s.zone());
      for (const Episode& e : s.episodes) {
        const ReviewFacts f = review_facts(s, e);
        if (!f.plan) continue;
        CAPTURE(e.id);
        const LocalDate first = plus_days(f.plan->start_date, -2);
        const LocalDate last = f.plan_end ? plus_days(*f.plan_end, 2) : plus_days(f.plan->start_date, 60);
        for (LocalDate d = first; d <= last; d = plus_days(d, 1)) {
          const Instant midnight = start_of_local_day(d, s.zone());
          for (const Instant t : {midnight, midnight + 1s, midnight + 90min, end_of_local_day(d, s.zone()) - 1s}) {
            const detail::EpisodeAsAt walked = detail::state_as_at(s, e, t, now, &f.plan);
            const detail::EpisodeAsAt from_facts = detail::state_as_at(s, f, t, now);
            CHECK(from_facts.open == walked.open);
            CHECK(from_facts.stage == walked.stage);
            stepped += walked.stage == Stage::step_down;
            handover += walked.stage == Stage::handover;
            ++compared;
          }
        }
      }
    }
  CHECK(compared > 10000);
  CHECK(stepped > 100);
  CHECK(handover > 100);
}
