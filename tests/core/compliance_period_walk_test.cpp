// The measures counted period by period (reviews overdue now, six weeks without review, named worker)
// give the board's trend weeks from one walk over all the periods (compliance_detail.hpp's
// *_at functions, issue 6): each period's count of items and of met items equals that period counted
// on its own, for the trend weeks and for overlapping periods of other lengths, on demo teams whose
// weeks hold the clock changes (29 Mar / 25 Oct 2026, 28 Mar / 31 Oct 2027) and at the edges of a day.
#include "core/compliance.hpp"
#include "core/compliance_detail.hpp"
#include "support/demo_history.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>

using namespace vb;

TEST_CASE("compliance: one walk over many periods counts each period as that period counted on its own") {
  const ComplianceRules rules = default_compliance_rules();
  const std::pair<const char*, detail::PeriodsFunction> measures[] = {
      {"reviews-overdue-now", &detail::reviews_overdue_at},
      {"six-weeks-without-review", &detail::six_weeks_without_review_at},
      {"named-worker-half-contacts", &detail::named_worker_at}};
  std::map<std::string, size_t> items, unmet;
  for (std::uint64_t seed : {2u, 6u, 13u})
    for (const char* at : {"2026-04-20T00:30", "2026-11-02T09:00", "2027-04-01T19:45", "2027-11-15T23:59"}) {
      CAPTURE(seed);
      CAPTURE(at);
      for (const bool no_reviews : {false, true}) {
        CAPTURE(no_reviews);
        // Without any review held, six-week reviews are missed too (the demo holds them all).
        Snapshot s = test::demo_history(seed, at, 200);
        if (no_reviews) {
          s.reviews.clear();
          s.reindex();
        }
        const Instant now = *parse_instant(at, s.zone());
        const LocalDate today = local_date_of(now, s.zone());
        const MeasureData data = prepare_measure_data(s, plus_days(today, -90), today, now);
        // The 12 trend weeks, then overlapping periods: 28 days and 1 day to today, 10 days to 3 days
        // ago, 14 days to 40 days ago.
        std::vector<detail::PeriodAt> periods;
        for (long w = 11; w >= 0; --w) {
          const LocalDate to = plus_days(today, -7 * w);
          periods.push_back({plus_days(to, -6), to, std::min(now, data.day_end(to))});
        }
        for (const auto& [back, days] :
             {std::pair{0L, 28L}, std::pair{0L, 1L}, std::pair{3L, 10L}, std::pair{40L, 14L}}) {
          const LocalDate to = plus_days(today, -back);
          periods.push_back({plus_days(to, -(days - 1)), to, std::min(now, data.day_end(to))});
        }
        for (const auto& [id, fn] : measures) {
          CAPTURE(id);
          const MeasureRule* rule = rules.find(id);
          REQUIRE(rule != nullptr);
          const auto counts = fn(s, data, *rule, periods, now);
          REQUIRE(counts.size() == periods.size());
          for (size_t k = 0; k < periods.size(); ++k) {
            CAPTURE(k);
            const MeasureFigure alone = compute_measure(s, *rule, periods[k].from, periods[k].to, now, &data, false);
            size_t met = 0;
            for (const auto& i : alone.items) met += i.met ? 1 : 0;
            CHECK(counts[k].items == alone.items.size());
            CHECK(counts[k].met == met);
            items[id] += alone.items.size();
            unmet[id] += alone.items.size() - met;
          }
        }
      }
    }
  // Not an empty comparison: each measure had items, some of them not met.
  for (const auto& [id, fn] : measures) {
    const std::string name = id;
    CAPTURE(name);
    CHECK(items[id] > 20);
    CHECK(unmet[id] > 0);
  }
}
