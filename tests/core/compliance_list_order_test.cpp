// The order of a compliance tile's list (issue 6): not met first, then by day, and within a day the
// order the measure gives. The named-worker list's own order is defined (the lowest share of contacts
// with the named worker first, equal shares by episode id), not a hash map's; and the counting sort
// the lists are put in order with gives exactly what a stable sort on (met, day) gives.
#include "core/compliance.hpp"
#include "support/compliance_fixture.hpp"
#include "support/small_team.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <vector>

using namespace vb;
using vb::test::at;
using vb::test::Fixture;

namespace {

LocalDate day(const char* d) { return *parse_date(d); }

MeasureFigure named_worker(const Snapshot& s, const char* from, const char* to) {
  const auto rules = default_compliance_rules();
  const MeasureRule* rule = rules.find("named-worker-half-contacts");
  REQUIRE(rule != nullptr);
  return compute_measure(s, *rule, day(from), day(to), at("2026-11-23T10:30"));
}

std::vector<Id> episodes_of(const MeasureFigure& f) {
  std::vector<Id> out;
  for (const auto& i : f.items) out.push_back(i.episode);
  return out;
}

}  // namespace

TEST_CASE("compliance: the named-worker list puts the lowest share first, then by episode id, within a day") {
  Fixture fx;
  // Every person's last contact is on 12 Nov, so only the measure's own order separates them.
  // Shares of contacts with the named worker (S01): 40 -> 0/3, 30 -> 1/3, 20 -> 1/4, 10 -> 1/3,
  // 50 -> 2/3, 60 -> 2/2, 70 -> 3/4.
  struct Person {
    Id episode;
    int contacts;
    int with_named;
  };
  const std::vector<Person> people{{40, 3, 0}, {30, 3, 1}, {20, 4, 1}, {10, 3, 1}, {50, 3, 2}, {60, 2, 2}, {70, 4, 3}};
  Id visit = 1000;
  const char* days[] = {"2026-11-09T10:00", "2026-11-10T10:00", "2026-11-11T10:00", "2026-11-12T10:00"};
  const char* ends[] = {"2026-11-09T11:00", "2026-11-10T11:00", "2026-11-11T11:00", "2026-11-12T11:00"};
  for (const auto& p : people) {
    fx.episode(p.episode, "2026-11-01T10:00", "S01");
    for (int k = 0; k < p.contacts; ++k) {
      const int d = 4 - p.contacts + k;  // the last contact on 12 Nov
      fx.visit(++visit, p.episode, days[d], ends[d], VisitStatus::done, ends[d], k < p.with_named ? "S01" : "S02");
    }
  }
  const MeasureFigure f = named_worker(fx.done(), "2026-11-09", "2026-11-15");
  CHECK(f.denominator == 7);
  CHECK(f.numerator == 3);  // 50, 60 and 70 have their named worker at half or more
  // Not met: 40 (0 of 3) lowest, then 20 (1 of 4), then the two at 1 of 3 by id (10, 30); met: 50 (2 of 3),
  // 70 (3 of 4), 60 (2 of 2).
  CHECK(episodes_of(f) == std::vector<Id>{40, 20, 10, 30, 50, 70, 60});
  for (size_t i = 0; i < f.items.size(); ++i) CHECK(f.items[i].met == (i >= 4));
}

TEST_CASE("compliance: a list is not met first, then by day, equal ones in the measure's order") {
  std::mt19937 rng(7);
  MeasureRule rule;
  rule.id = "x";
  for (int round = 0; round < 200; ++round) {
    // Days within a few weeks (the usual list), and now and then years apart (the other path).
    const long span = round % 10 == 0 ? 3000 + round * 10 : 1 + round % 40;
    std::vector<MeasureItem> items(static_cast<size_t>(rng() % 300));
    for (size_t i = 0; i < items.size(); ++i) {
      items[i].episode = static_cast<Id>(i);
      items[i].day = LocalDate{date::sys_days{day("2024-01-01")} + date::days{static_cast<long>(rng() % static_cast<unsigned>(span))}};
      items[i].met = rng() % 3 != 0;
    }
    // Each item's text given in reverse (an item's text is its own, wherever it goes in the list).
    std::vector<std::string> texts;
    for (size_t i = items.size(); i-- > 0;) {
      texts.push_back(std::to_string(i));
      items[i].text = static_cast<std::uint32_t>(texts.size());
    }
    std::vector<MeasureItem> expected = items;
    std::stable_sort(expected.begin(), expected.end(), [](const MeasureItem& a, const MeasureItem& b) {
      return a.met != b.met ? !a.met : a.day < b.day;
    });
    const MeasureFigure f = summarise(rule, items, day("2024-01-01"), day("2030-01-01"), texts);
    REQUIRE(f.items.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      CHECK(f.items[i].episode == expected[i].episode);
      CHECK(f.detail(f.items[i]) == std::to_string(expected[i].episode));
    }
  }
}
