// Outcome figures on a hand-built fixture whose answers are counted by hand in the comments.
#include "core/outcomes.hpp"
#include "support/compliance_fixture.hpp"
#include "support/small_team.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace vb;
using vb::test::at;
using vb::test::Fixture;

namespace {

LocalDate day(const char* d) { return *parse_date(d); }
bool has(const std::vector<Id>& ids, Id id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

// Person 1 has episodes 1 (closed 1 Jun), 11 (accepted 25 Jun: 24 days later) and 12 (accepted 20 Oct).
// Person 2: episode 2 closed 10 Jun; back as episode 21 on 8 Aug (59 days later), which ended on a ward 20 Aug.
// Person 3: episode 3 closed to a ward 15 Jun. Person 4: episode 4 closed 30 Jun, never back.
// Person 5: episode 5 closed 25 Nov (window not elapsed by now, 1 Dec).
Snapshot history() {
  Fixture fx;
  fx.episode(1, "2026-05-10T10:00");
  fx.close(1, "2026-06-01T12:00", "cmht");  // 22 days
  fx.episode(2, "2026-05-01T10:00");
  fx.close(2, "2026-06-10T12:00", "gp");  // 40 days
  fx.episode(3, "2026-06-05T10:00");
  fx.close(3, "2026-06-15T12:00", "inpatient");  // 10 days
  fx.episode(4, "2026-05-01T10:00");
  fx.close(4, "2026-06-30T12:00", "gp");  // 60 days
  fx.episode(5, "2026-11-01T10:00");
  fx.close(5, "2026-11-25T12:00", "voluntary");
  auto again = [&](Id id, Id person, const char* accepted) {
    Episode& e = fx.episode(id, accepted);
    e.person_id = person;
    fx.s.people.pop_back();  // the same person, no new one
  };
  again(11, 1, "2026-06-25T09:00");
  fx.close(11, "2026-07-20T12:00", "gp");
  again(12, 1, "2026-10-20T09:00");
  again(21, 2, "2026-08-08T09:00");
  fx.close(21, "2026-08-20T12:00", "inpatient");
  // Decision log: episode 1 considered admission (avoided); episode 3 decided to admit; episode 4's
  // entry was corrected to mention admission; a routine entry for episode 2 is not a consideration.
  auto decide = [&](Id id, Id episode, const char* when, const char* decision, const char* options) {
    DecisionLogEntry d;
    d.id = id;
    d.episode_id = episode;
    d.at = at(when);
    d.decided_by = "S02";
    d.decision = decision;
    d.options_considered = options;
    fx.s.decisions.push_back(d);
    return &fx.s.decisions.back();
  };
  decide(1, 1, "2026-05-20T10:00", "Continue home treatment", "admission; crisis house; home treatment");
  decide(2, 3, "2026-06-14T10:00", "Admit to inpatient ward", "home treatment; admission");
  decide(3, 2, "2026-05-20T10:00", "Continue home treatment", "increase visits");
  decide(4, 4, "2026-06-01T10:00", "Continue home treatment", "increase visits");
  decide(5, 4, "2026-06-01T11:00", "Continue home treatment", "admission considered and declined; increase visits")->corrects = 4;
  return fx.done();
}

}  // namespace

TEST_CASE("outcomes: episodes opened and closed, lengths and destinations for a period") {
  const Snapshot s = history();
  auto o = compute_outcomes(s, day("2026-06-01"), day("2026-06-30"), at("2026-12-01T09:00"));
  CHECK(o.opened == std::vector<Id>{3, 11});
  CHECK(o.closed.size() == 4);  // 1, 2, 3, 4
  CHECK(o.admitted == std::vector<Id>{3});
  // Lengths 10, 22, 40, 60: median 31, quartiles 19 and 45 (linear interpolation), 3 under six weeks.
  CHECK(o.length.median == doctest::Approx(31));
  CHECK(o.length.q1 == doctest::Approx(19));
  CHECK(o.length.q3 == doctest::Approx(45));
  CHECK(o.length.under_six_weeks == 3);
  REQUIRE(o.destinations.size() == 3);
  CHECK(o.destinations[0].name == "gp");
  CHECK(o.destinations[0].episodes.size() == 2);
}

TEST_CASE("outcomes: re-presentation within 30 and 90 days counts elapsed time from the closure") {
  const Snapshot s = history();
  auto o = compute_outcomes(s, day("2026-06-01"), day("2026-06-30"), at("2026-12-01T09:00"));
  // Back within 30 days: episode 1 (24 days). Within 90: 1 and 2 (59 days). Of 4 closures each.
  CHECK(o.re_presentation_30d.counted.size() == 4);
  CHECK(o.re_presentation_30d.hits == std::vector<Id>{1});
  CHECK(o.re_presentation_90d.counted.size() == 4);
  CHECK(o.re_presentation_90d.hits.size() == 2);
  CHECK(has(o.re_presentation_90d.hits, 2));
  // Admitted within 90 days after (closures not to a ward: 1, 2, 4): episode 2's person was admitted 20 Aug.
  CHECK(o.admitted_within_90d_after.counted.size() == 3);
  CHECK(o.admitted_within_90d_after.hits == std::vector<Id>{2});
  // A closure 6 days ago is pending for both windows, not counted as "did not come back".
  auto recent = compute_outcomes(s, day("2026-11-01"), day("2026-11-30"), at("2026-12-01T09:00"));
  CHECK(recent.closed == std::vector<Id>{5});
  CHECK(recent.re_presentation_30d.counted.empty());
  CHECK(recent.re_presentation_30d.pending == 1);
  CHECK(recent.re_presentation_90d.pending == 1);
}

TEST_CASE("outcomes: exactly 30 days after closure is still a re-presentation within 30 days") {
  Fixture fx;
  fx.episode(1, "2026-03-01T10:00");
  fx.close(1, "2026-03-10T12:00", "gp");
  Episode& back = fx.episode(2, "2026-04-09T13:00");  // 30 days later by the clock: spring change in between
  back.person_id = 1;
  fx.s.people.pop_back();
  auto o = compute_outcomes(fx.done(), day("2026-03-01"), day("2026-03-31"), at("2026-12-01T09:00"));
  // 10 Mar 12:00 GMT to 9 Apr 13:00 BST is exactly 30 x 24 h elapsed.
  CHECK(o.re_presentation_30d.hits == std::vector<Id>{1});
}

TEST_CASE("outcomes: admissions considered from the decision log, avoided unless admitted") {
  const Snapshot s = history();
  auto o = compute_outcomes(s, day("2026-05-01"), day("2026-06-30"), at("2026-12-01T09:00"));
  // Considered: 1 (options), 3 (decision to admit), 4 (its correction mentions admission). Not 2.
  CHECK(o.admission_considered == std::vector<Id>{1, 3, 4});
  CHECK(o.admission_avoided == std::vector<Id>{1, 4});
  auto rows = outcome_rows(o);
  auto row = [&](const char* id) {
    for (const auto& r : rows)
      if (r.id == id) return r;
    FAIL("no row " << id);
    return OutcomeRow{};
  };
  CHECK(row("admissions-considered").value == 3);
  CHECK(row("admissions-avoided").numerator == 2);
  CHECK(row("admissions-avoided").denominator == 3);
  CHECK(row("re-presentation-30d").denominator == 4);
  CHECK(row("closure-destination-gp").numerator == 2);
}
