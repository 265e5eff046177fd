// The snapshot's indexes the compliance board reads at trust scale (issue 6) give exactly what the
// straightforward lists and scans give: an episode's rows walked in place of its *_of list, the
// episodes on the caseload over a range from the index by closure in place of a scan, and the
// step-down's needed-since date with the plan looked up once in place of step_down_needed_since.
// On demo teams whose history holds the clock changes (29 Mar / 25 Oct 2026, 28 Mar / 31 Oct 2027).
#include "core/compliance.hpp"
#include "core/carers.hpp"
#include "core/compliance_detail.hpp"
#include "core/day_number.hpp"
#include "core/demo_team.hpp"
#include "core/step_down.hpp"
#include "support/demo_history.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace vb;
using namespace std::chrono_literals;

namespace {

template <typename T>
std::vector<const T*> pointers(const std::vector<T>& v) {
  std::vector<const T*> out;
  for (const auto& x : v) out.push_back(&x);
  return out;
}

// Every episode's rows walked with each_*_of are its *_of list, in the same order.
void check_rows(const Snapshot& s) {
  size_t compared = 0;
  for (const auto& e : s.episodes) {
    std::vector<const Review*> reviews;
    s.each_review_of(e.id, [&](const Review& r) { reviews.push_back(&r); });
    CHECK(reviews == s.reviews_of(e.id));
    std::vector<const Visit*> visits;
    s.each_visit_of(e.id, [&](const Visit& r) { visits.push_back(&r); });
    CHECK(visits == s.visits_of(e.id));
    std::vector<const RiskReassessment*> reassessments;
    s.each_reassessment_of(e.id, [&](const RiskReassessment& r) { reassessments.push_back(&r); });
    CHECK(reassessments == s.reassessments_of(e.id));
    std::vector<const PlanChange*> changes;
    s.each_plan_change_of(e.id, [&](const PlanChange& r) { changes.push_back(&r); });
    CHECK(changes == s.plan_changes_of(e.id));
    std::vector<const TransitionRecord*> records;
    s.each_transition_record_of(e.id, [&](const TransitionRecord& r) { records.push_back(&r); });
    CHECK(records == s.transition_records_of(e.id));
    std::vector<const RiskChange*> risks;
    s.each_risk_change_of(e.id, [&](const RiskChange& r) { risks.push_back(&r); });
    CHECK(risks == s.risk_changes_of(e.id));
    compared += reviews.size() + visits.size() + reassessments.size() + changes.size() + records.size() + risks.size();
  }
  CHECK(compared > 1000);
}

// The straightforward scan prepare_measure_data did before the index.
std::vector<const Episode*> scanned(const Snapshot& s, Instant from, Instant to) {
  std::vector<const Episode*> out;
  for (const auto& e : s.episodes)
    if (e.accepted_at < to && (!e.closed_at || *e.closed_at >= from)) out.push_back(&e);
  return out;
}

}  // namespace

TEST_CASE("trust indexes: an episode's rows walked in place are its lists, before and after rows change") {
  for (std::uint64_t seed : {3u, 11u}) {
    Snapshot s = test::demo_history(seed, "2027-11-15T23:59", 420);
    check_rows(s);
    // Rows added without reindex(): the walk falls back to the lists (which scan).
    Review extra = s.reviews.front();
    extra.id = 999999;
    s.reviews.push_back(extra);
    std::vector<const Review*> reviews;
    s.each_review_of(extra.episode_id, [&](const Review& r) { reviews.push_back(&r); });
    CHECK(reviews == s.reviews_of(extra.episode_id));
    CHECK(std::find(reviews.begin(), reviews.end(), &s.reviews.back()) != reviews.end());
    s.reindex();
    check_rows(s);
  }
}

TEST_CASE("trust indexes: the episodes on the caseload over a range are the scan's, at clock changes and midnights") {
  for (std::uint64_t seed : {3u, 11u}) {
    const Snapshot s = test::demo_history(seed, "2027-11-15T23:59", 420);
    const Zone zone = s.zone();
    std::vector<Instant> edges;
    for (const char* t : {"2026-03-29T00:00", "2026-03-29T01:30", "2026-10-25T00:00", "2026-10-25T01:30", "2027-03-28T00:00",
                          "2027-10-31T00:00", "2027-10-31T01:59", "2027-11-15T23:59", "2030-01-01T00:00", "2020-01-01T00:00"})
      edges.push_back(*parse_instant(t, zone));
    // Exactly at acceptances and closures, and a second either side.
    for (size_t i = 0; i < s.episodes.size(); i += 7) {
      const Episode& e = s.episodes[i];
      for (auto d : {-1s, 0s, 1s}) {
        edges.push_back(e.accepted_at + d);
        if (e.closed_at) edges.push_back(*e.closed_at + d);
      }
    }
    size_t compared = 0;
    for (size_t a = 0; a < edges.size(); ++a)
      for (size_t b = a; b < edges.size(); b += 5) {
        const Instant from = std::min(edges[a], edges[b]), to = std::max(edges[a], edges[b]);
        CHECK(s.episodes_overlapping(from, to) == scanned(s, from, to));
        CHECK(s.episodes_overlapping(to, from) == scanned(s, to, from));
        ++compared;
      }
    CHECK(compared > 1000);
    // The vector changed since reindex(): a scan, the same answer.
    Snapshot changed = s;
    changed.episodes.push_back(s.episodes.front());
    changed.episodes.back().id = 999999;
    CHECK(changed.episodes_overlapping(edges[0], edges[7]) == scanned(changed, edges[0], edges[7]));
  }
}

TEST_CASE("trust indexes: a step-down's needed-since date with its plan looked up once is step_down_needed_since") {
  size_t compared = 0;
  for (std::uint64_t seed : {3u, 11u, 14u}) {
    const Snapshot s = test::demo_history(seed, "2027-04-01T19:45", 420);
    for (const auto& e : s.episodes) {
      const ContactPlan* plan = s.plan_for_episode(e.id);
      std::vector<LocalDate> days = step_down_days(s, e);
      // Around every step-down, and the plan's every day boundary near its phases.
      std::vector<LocalDate> more;
      for (LocalDate d : days)
        for (long k = -4; k <= 4; ++k) more.push_back(plus_days(d, k));
      if (plan)
        for (long k = -2; k <= 120; ++k) more.push_back(plus_days(plan->start_date, k));
      for (LocalDate d : more) {
        CHECK(detail::needed_since_on(plan, d) == step_down_needed_since(s, e, d));
        CHECK(detail::needed_since_day_on(plan, day_number(d)) == day_number(step_down_needed_since(s, e, d)));
        ++compared;
      }
    }
  }
  CHECK(compared > 5000);
}

TEST_CASE("trust indexes: a carer's deadline from the board's table of local midnights is carer_inform_deadline") {
  // The step-down measures take the deadline (23:59:59 local on the 7th day after) from
  // MeasureData::day_start_n: the same instant inside the table and past its ends, over both clock changes.
  const Snapshot s = test::demo_history(3, "2027-04-01T19:45", 420);
  const Instant now = *parse_instant("2026-11-30T12:00", s.zone());
  const MeasureData data = prepare_measure_data(s, LocalDate{date::year{2026} / 3 / 10}, LocalDate{date::year{2026} / 11 / 5}, now);
  size_t compared = 0;
  for (long n = data.first_day - 20; n <= day_number(data.last) + 20; ++n) {
    const LocalDate d = date_of_day_number(n);
    CAPTURE(d);
    CHECK(data.day_start_n(n + step_down_after_days + 1) - std::chrono::seconds{1} == carer_inform_deadline(d, s.zone()));
    ++compared;
  }
  CHECK(compared > 270);
}
