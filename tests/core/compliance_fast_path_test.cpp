// The fast paths behind the compliance and outcomes screens give exactly what the straightforward
// computations give: cached UTC offsets, the snapshot's date index, figure-only trend weeks and the
// outcomes' re-presentation lookup (on a demo team, against reference computations written out here).
#include "core/compliance.hpp"
#include "core/demo_team.hpp"
#include "core/outcomes.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <limits>
#include <map>

using namespace vb;

namespace {

Instant reference_from_local(LocalDateTime local, Zone zone) {
  auto info = zone->get_info(local);
  if (info.result == date::local_info::nonexistent) return info.second.begin;
  return Instant{local.time_since_epoch() - info.first.offset};
}

Snapshot demo(std::uint64_t seed, int history_days) {
  DemoOptions o;
  o.seed = seed;
  o.now = *parse_instant("2026-11-23T10:30", find_zone("Europe/London"));
  o.history_days = history_days;
  return generate_demo_team(o);
}

bool by_time(const Visit* a, const Visit* b) {
  return a->window_start != b->window_start ? a->window_start < b->window_start : a->id < b->id;
}

}  // namespace

TEST_CASE("local time: cached offsets give the zone's own answers across both clock changes, zones interleaved") {
  const Zone london = find_zone("Europe/London");
  const Zone other = find_zone("America/New_York");
  for (const char* start : {"2026-03-27T00:00:00Z", "2026-10-23T00:00:00Z", "2027-03-26T00:00:00Z", "2027-10-29T00:00:00Z"}) {
    const Instant t0 = parse_stored_utc(start);
    for (Instant t = t0; t < t0 + date::days{5}; t += std::chrono::seconds{7 * 60 + 13}) {
      CHECK(to_local(t, london) == london->to_local(t));
      CHECK(to_local(t, other) == other->to_local(t));
      const LocalDateTime local = london->to_local(t) + std::chrono::minutes{37};
      CHECK(from_local(local, london) == reference_from_local(local, london));
      CHECK(from_local(local, other) == reference_from_local(local, other));
    }
  }
  // Every local midnight and 01:30 (inside the gap / the repeated hour on change nights) of 800 days.
  for (LocalDate d = *parse_date("2026-01-01"); d < *parse_date("2028-03-11"); d = plus_days(d, 1)) {
    const LocalDateTime midnight{date::local_days{d}};
    CHECK(start_of_local_day(d, london) == reference_from_local(midnight, london));
    CHECK(from_local(midnight + std::chrono::minutes{90}, london) ==
          reference_from_local(midnight + std::chrono::minutes{90}, london));
    CHECK(local_date_of(start_of_local_day(d, london), london) == d);
  }
}

namespace {

// The prepared day and episode spans equal a scan of every visit, each day's and each episode's
// sorted in time order (the hash map of lists they replace, issue 6); returns the visits seen.
size_t spans_equal_a_scan(const Snapshot& s, const MeasureData& d, LocalDate today) {
  std::map<LocalDate, std::vector<const Visit*>> days;
  std::map<Id, std::vector<const Visit*>> episodes;
  for (const auto& v : s.visits)
    if (v.date >= d.first && v.date <= today) {
      days[v.date].push_back(&v);
      episodes[v.episode_id].push_back(&v);
    }
  size_t seen = 0;
  for (LocalDate day = d.first; day <= today; day = plus_days(day, 1)) {
    auto expected = days[day];
    std::sort(expected.begin(), expected.end(), by_time);
    const auto got = d.visits_on(day);
    CHECK(std::vector<const Visit*>(got.begin(), got.end()) == expected);
    seen += expected.size();
  }
  CHECK(d.visits_on(plus_days(d.first, -1)).empty());
  CHECK(d.visits_on(plus_days(today, 2)).empty());
  CHECK(d.episode_visit_starts.size() == episodes.size());
  CHECK(d.episode_visits.size() == seen);
  for (auto& [episode, expected] : episodes) {
    CAPTURE(episode);
    std::sort(expected.begin(), expected.end(), by_time);
    const auto got = d.visits_of_episode(episode);
    CHECK(std::vector<const Visit*>(got.begin(), got.end()) == expected);
  }
  // Episodes without a visit in the range (and ids between or beyond those with one): none.
  for (const auto& e : s.episodes)
    if (!episodes.count(e.id)) CHECK(d.visits_of_episode(e.id).empty());
  CHECK(d.visits_of_episode(0).empty());
  CHECK(d.visits_of_episode(std::numeric_limits<Id>::max()).empty());
  return seen;
}

}  // namespace

TEST_CASE("compliance: visits and shifts prepared from the date index equal a scan of the whole history") {
  const Snapshot s = demo(5, 400);
  const LocalDate today = local_date_of(*parse_instant("2026-11-23T10:30", s.zone()), s.zone());
  const LocalDate from = plus_days(today, -83);
  const MeasureData d = prepare_measure_data(s, from, today, *parse_instant("2026-11-23T10:30", s.zone()));
  CHECK(spans_equal_a_scan(s, d, today) > 500);
  // Shifts: those dated in the period, each date's in the snapshot's order.
  std::vector<const Shift*> shifts;
  for (const auto& sh : s.shifts)
    if (sh.date >= from && sh.date <= today) shifts.push_back(&sh);
  std::stable_sort(shifts.begin(), shifts.end(), [](const Shift* a, const Shift* b) { return a->date < b->date; });
  CHECK(shifts.size() > 100);
  CHECK(d.shifts == shifts);
}

TEST_CASE("compliance: the visit spans hold when visits are stored out of time order and some dates disagree with their start") {
  Snapshot s = demo(7, 200);
  const Instant now = *parse_instant("2026-11-23T10:30", s.zone());
  const LocalDate today = local_date_of(now, s.zone());
  // Rows in reverse (each day's out of time order) and every 37th visit dated the day before its start
  // (an episode's visits by date are then not in time order: the spans must sort them by start).
  std::reverse(s.visits.begin(), s.visits.end());
  size_t moved = 0;
  for (size_t i = 0; i < s.visits.size(); i += 37)
    if (s.visits[i].date > plus_days(today, -80) && s.visits[i].date <= today) {
      s.visits[i].date = plus_days(s.visits[i].date, -1);
      ++moved;
    }
  s.reindex();
  CHECK(moved > 20);
  const MeasureData d = prepare_measure_data(s, plus_days(today, -83), today, now);
  CHECK(spans_equal_a_scan(s, d, today) > 500);
}

TEST_CASE("compliance: each trend week on the board equals that week computed on its own") {
  const Snapshot s = demo(6, 200);
  const Instant now = *parse_instant("2026-11-23T10:30", s.zone());
  const auto rules = default_compliance_rules();
  ComplianceBoard board = build_compliance_board(s, rules, now);
  for (const auto& rule : rules.measures) write_measure_details(s, board, rule.id);  // as when each list is opened
  for (const auto& m : board.measures) {
    CAPTURE(m.rule->id);
    // The current figure with its items and detail, from data prepared for that period alone.
    const MeasureFigure current = compute_measure(s, *m.rule, m.current.from, m.current.to, now);
    CHECK(m.current.numerator == current.numerator);
    CHECK(m.current.denominator == current.denominator);
    CHECK(m.current.state == current.state);
    REQUIRE(m.current.items.size() == current.items.size());
    for (size_t i = 0; i < current.items.size(); ++i) {
      CHECK(m.current.items[i].episode == current.items[i].episode);
      CHECK(m.current.items[i].met == current.items[i].met);
      CHECK(m.current.detail(m.current.items[i]) == current.detail(current.items[i]));
    }
    REQUIRE(m.weeks.size() == static_cast<size_t>(rules.trend_weeks));
    for (const auto& w : m.weeks) {
      const MeasureFigure alone = compute_measure(s, *m.rule, w.from, w.to, now);
      CHECK(w.numerator == alone.numerator);
      CHECK(w.denominator == alone.denominator);
      CHECK(w.value == alone.value);
      CHECK(w.state == alone.state);
    }
  }
}

TEST_CASE("outcomes: re-presentation and admissions after closure equal a scan of every episode") {
  const Snapshot s = demo(7, 400);
  const Instant now = *parse_instant("2026-11-23T10:30", s.zone());
  const LocalDate today = local_date_of(now, s.zone());
  const Outcomes o = compute_outcomes(s, plus_days(today, -364), today, now);
  size_t counted30 = 0, counted90 = 0, hits30 = 0, hits90 = 0;
  for (Id id : o.closed) {
    const Episode& e = *s.find_episode(id);
    // The earliest other episode of the person accepted after the closure (and by now).
    const Episode* next = nullptr;
    for (const auto& other : s.episodes)
      if (other.person_id == e.person_id && other.id != e.id && other.accepted_at > *e.closed_at &&
          other.accepted_at <= now && (!next || other.accepted_at < next->accepted_at))
        next = &other;
    for (int window : {30, 90}) {
      if (*e.closed_at + date::days{window} > now) continue;  // pending
      ++(window == 30 ? counted30 : counted90);
      if (next && next->accepted_at - *e.closed_at <= date::days{window}) ++(window == 30 ? hits30 : hits90);
    }
  }
  CHECK(o.re_presentation_30d.counted.size() == counted30);
  CHECK(o.re_presentation_90d.counted.size() == counted90);
  CHECK(o.re_presentation_90d.counted.size() > 50);
  CHECK(o.re_presentation_90d.hits.size() == hits90);
  CHECK(o.re_presentation_30d.hits.size() == hits30);
}
