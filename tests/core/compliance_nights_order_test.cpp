// Nights staffed (compliance_staffing.cpp) works out a shift's night once a date (issue 6: shifts come
// date by date). Its figure and items equal the old per-shift count (the night of each shift's date
// looked up for every shift), with the prepared shifts in date order and shuffled.
#include "core/compliance.hpp"
#include "core/compliance_detail.hpp"
#include "support/demo_history.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <vector>

using namespace vb;

namespace {

// The old loop: each shift's date checked and its night found on its own.
struct Night {
  bool rota = false;
  int trained = 0;
  Id shift = 0;
};
std::vector<Night> nights_per_shift(const MeasureInput& in) {
  const LocalDate last = std::min(in.to, local_date_of(in.as_at, in.zone));
  const long days = (date::sys_days{last} - date::sys_days{in.from}).count() + 1;
  std::vector<Night> nights(static_cast<size_t>(std::max(days, 0L)));
  for (const Shift* sh : in.data->shifts) {
    if (sh->date < in.from || sh->date > last) continue;
    Night& n = nights[static_cast<size_t>((date::sys_days{sh->date} - date::sys_days{in.from}).count())];
    n.rota = true;
    if (sh->kind != ShiftKind::night) continue;
    if (!n.shift) n.shift = sh->id;
    const Staff* st = in.s.find_staff(sh->staff_id);
    if (st && st->has_skill("trained")) ++n.trained;
  }
  return nights;
}

}  // namespace

TEST_CASE("compliance: nights staffed counts each night as the per-shift count did, shifts in any order") {
  const ComplianceRules rules = default_compliance_rules();
  const auto found = std::find_if(rules.measures.begin(), rules.measures.end(),
                                  [](const MeasureRule& r) { return r.id == "nights-staffed-minimum"; });
  REQUIRE(found != rules.measures.end());
  MeasureRule rule = *found;
  std::mt19937 rng(11);
  size_t nights_seen = 0, not_met = 0, met = 0;
  for (std::uint64_t seed : {2u, 7u})
    for (const char* at : {"2026-03-30T09:00", "2026-10-26T00:30", "2026-11-23T23:59"}) {
      CAPTURE(seed);
      CAPTURE(at);
      const Snapshot s = test::demo_history(seed, at, 200);
      const Instant now = *parse_instant(at, s.zone());
      const LocalDate today = local_date_of(now, s.zone());
      MeasureData data = prepare_measure_data(s, plus_days(today, -83), today, now);
      for (int round = 0; round < 3; ++round) {
        if (round > 0) std::shuffle(data.shifts.begin(), data.shifts.end(), rng);
        for (long back : {0L, 27L, 83L}) {
          // The demo staffs its nights: a higher minimum now and then, so that some are not met.
          rule.params["min_trained"] = back == 27 ? 3 : 2;
          const LocalDate from = plus_days(today, -back);
          const Instant as_at = std::min(now, data.day_end(today));
          MeasureInput in{s, now, from, today, as_at, local_date_of(as_at, s.zone()), s.zone(), &data, false};
          const std::vector<MeasureItem> items = detail::nights_staffed(in, rule);
          const std::vector<Night> nights = nights_per_shift(in);
          std::vector<MeasureItem> expected;
          for (size_t k = 0; k < nights.size(); ++k) {
            if (!nights[k].rota) continue;
            MeasureItem item;
            item.day = plus_days(from, static_cast<long>(k));
            item.shift = nights[k].shift;
            item.met = nights[k].trained >= static_cast<int>(rule.param("min_trained", 2));
            expected.push_back(item);
          }
          REQUIRE(items.size() == expected.size());
          for (size_t i = 0; i < items.size(); ++i) {
            CHECK(items[i].day == expected[i].day);
            CHECK(items[i].shift == expected[i].shift);
            CHECK(items[i].met == expected[i].met);
            (items[i].met ? met : not_met) += 1;
          }
          nights_seen += items.size();
        }
      }
    }
  CHECK(nights_seen > 500);
  CHECK(not_met > 0);
  CHECK(met > 0);
}
