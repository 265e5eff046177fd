// The compliance board's shared paths (facts looked up once and reused for many instants) give
// exactly what the straightforward computation gives, on demo teams whose history holds the clock
// changes (29 Mar / 25 Oct 2026, 28 Mar / 31 Oct 2027), at instants on those nights and around
// every review: the next review obligation as at an instant, every obligation as at it, the
// reassessment counted for a step-down with its needed-since date worked out once, and the phase
// covering a date.
#include "core/compliance.hpp"
#include "core/compliance_detail.hpp"
#include "core/contact_plan.hpp"
#include "core/demo_team.hpp"
#include "core/review_due.hpp"
#include "core/step_down.hpp"
#include "support/demo_history.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace vb;
using namespace std::chrono_literals;

namespace {

// The episode as it stood at `at`, copied and changed as the compliance history did before the
// shared path (the reference).
Episode reference_as_at(const Snapshot& s, const Episode& e, Instant at, Instant now) {
  Episode c = e;
  if (c.closed_at && *c.closed_at > at) c.closed_at.reset();
  if (at >= now || !c.is_open()) return c;
  if (e.is_open() && e.stage == Stage::intensive) return c;
  const ContactPlan* plan = s.plan_for_episode(e.id);
  if (!plan) {
    if (c.stage == Stage::closed) c.stage = Stage::intensive;
    return c;
  }
  const LocalDate d = local_date_of(at, s.zone());
  const auto steps = step_down_dates(*plan);
  if (steps.empty() || d < steps.front()) {
    c.stage = Stage::intensive;
    return c;
  }
  auto pos = plan_position(*plan, d);
  const bool last_phase = !pos || (plan->phases.size() > 1 && pos->phase == &plan->phases.back());
  c.stage = last_phase ? Stage::handover : Stage::step_down;
  return c;
}

std::vector<Instant> instants_of(const Snapshot& s, const Episode& e, const std::vector<Instant>& nights) {
  std::vector<Instant> out = nights;
  for (const Review* r : s.reviews_of(e.id)) {
    out.push_back(r->held_at - 1s);
    out.push_back(r->held_at);
  }
  out.push_back(e.accepted_at);
  out.push_back(e.accepted_at + date::days{41});
  out.push_back(e.accepted_at + date::days{42});
  if (e.closed_at) {
    out.push_back(*e.closed_at - 1s);
    out.push_back(*e.closed_at);
  }
  return out;
}

}  // namespace

TEST_CASE("compliance: the next review as at any instant, from facts looked up once, is the straightforward one") {
  const Zone london = find_zone("Europe/London");
  std::vector<Instant> nights;
  for (const char* day : {"2026-03-29", "2026-10-25", "2027-03-28", "2027-10-31"})
    for (const char* time : {"T00:30", "T00:59", "T01:00", "T01:30", "T02:00", "T02:30", "T12:00", "T23:59"})
      nights.push_back(*parse_instant(std::string(day) + time, london));
  size_t compared = 0, found = 0;
  for (std::uint64_t seed : {3u, 11u})
    for (const char* at : {"2027-04-01T19:45", "2027-11-15T23:59"}) {
      const Snapshot s = test::demo_history(seed, at, 420);
      const Instant now = *parse_instant(at, s.zone());
      for (const Episode& e : s.episodes) {
        const ReviewFacts facts = review_facts(s, e);
        for (Instant t : instants_of(s, e, nights)) {
          CAPTURE(e.id);
          CAPTURE(format_utc(t));
          const Episode then = reference_as_at(s, e, t, now);
          const detail::EpisodeAsAt state = detail::state_as_at(s, e, t, now, &facts.plan);
          CHECK(state.open == then.is_open());
          if (then.is_open()) CHECK(state.stage == then.stage);
          const auto list = review_obligations_as_at(s, then, std::min(t, now));
          const auto next = detail::next_review_then(s, facts, t, now);
          REQUIRE(next.has_value() == !list.empty());
          ++compared;
          if (!next) continue;
          ++found;
          CHECK(next->rule == list.front().rule);
          CHECK(next->due == list.front().due);
          const auto all = review_obligations_as_at(s, facts, state.stage, std::min(t, now));
          REQUIRE(all.size() == list.size());
          for (size_t i = 0; i < all.size(); ++i) {
            CHECK(all[i].rule == list[i].rule);
            CHECK(all[i].due == list[i].due);
          }
        }
      }
    }
  CHECK(compared > 5000);
  CHECK(found > 1000);
}

TEST_CASE("compliance: a step-down's reassessment with its needed-since date given is the one found without it") {
  size_t compared = 0, found = 0;
  for (std::uint64_t seed : {3u, 14u})
    for (const char* at : {"2026-11-02T09:00", "2027-04-01T19:45"}) {
      const Snapshot s = test::demo_history(seed, at, 420);
      const Instant now = *parse_instant(at, s.zone());
      for (const Episode& e : s.episodes)
        for (LocalDate d : step_down_days(s, e)) {
          const LocalDate since = step_down_needed_since(s, e, d);
          for (Instant t : {now, start_of_local_day(d, s.zone()) + 12h, end_of_local_day(d, s.zone()) - 1s}) {
            const auto a = reassessment_for_step_down(s, e, d, t);
            const auto b = reassessment_for_step_down(s, e, d, t, since);
            REQUIRE(a.has_value() == b.has_value());
            ++compared;
            if (!a) continue;
            ++found;
            CHECK(a->at == b->at);
            CHECK(a->by == b->by);
            CHECK(a->source == b->source);
          }
        }
    }
  CHECK(compared > 300);
  CHECK(found > 100);
}

TEST_CASE("step-down: the phase covering a date is the one phase_spans lists for it") {
  const Snapshot s = test::demo_history(11, "2027-04-01T19:45", 420);
  size_t compared = 0;
  for (const ContactPlan& plan : s.plans) {
    const auto spans = phase_spans(plan);
    for (long k = -3; k < 120; ++k) {
      const LocalDate d = plus_days(plan.start_date, k);
      std::optional<PhaseSpan> expected;
      for (const auto& sp : spans)
        if (!(d < sp.start) && d < sp.end) {
          expected = sp;
          break;
        }
      const auto got = span_on(plan, d);
      REQUIRE(got.has_value() == expected.has_value());
      ++compared;
      if (!got) continue;
      CHECK(got->index == expected->index);
      CHECK(got->start == expected->start);
      CHECK(got->end == expected->end);
    }
  }
  CHECK(compared > 1000);
}
