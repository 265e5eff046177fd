// Turning a measure's items into a figure with its state, and the compliance screen's board:
// every measure over the last 28 days and over each of the last 12 weeks.
#include "core/compliance.hpp"

#include "core/compliance_detail.hpp"
#include "core/compliance_index.hpp"
#include "core/day_number.hpp"
#include "core/ooh_windows_range.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace vb {

std::string_view to_string(RagState s) {
  switch (s) {
    case RagState::red:
      return "red";
    case RagState::amber:
      return "amber";
    case RagState::green:
      return "green";
    case RagState::no_data:
      break;
  }
  return "no-data";
}

std::string_view rag_label(RagState s) {
  switch (s) {
    case RagState::red:
      return "Off target";
    case RagState::amber:
      return "Near target";
    case RagState::green:
      return "On target";
    case RagState::no_data:
      break;
  }
  return "No data";
}

std::string_view to_string(MeasureUnit u) {
  switch (u) {
    case MeasureUnit::count:
      return "count";
    case MeasureUnit::average:
      return "average";
    case MeasureUnit::share:
      break;
  }
  return "share";
}

std::string_view to_string(Direction d) { return d == Direction::lower_is_better ? "lower" : "higher"; }

Instant end_of_local_day(LocalDate d, Zone zone) { return start_of_local_day(plus_days(d, 1), zone); }

RagState rag_state(const MeasureRule& rule, double value, double denominator) {
  // A count of problems is meaningful with nothing to look at (zero problems); a share is not.
  if (denominator <= 0 && rule.unit != MeasureUnit::count) return RagState::no_data;
  constexpr double eps = 1e-9;
  if (rule.direction == Direction::higher_is_better) {
    if (value + eps >= rule.target) return RagState::green;
    if (value + eps >= rule.amber) return RagState::amber;
    return RagState::red;
  }
  if (value - eps <= rule.target) return RagState::green;
  if (value - eps <= rule.amber) return RagState::amber;
  return RagState::red;
}

namespace {

// What a figure needs from its items, added up in the items' order.
struct Tally {
  double met = 0;
  double sum = 0;
  size_t n = 0;
  void add(const MeasureItem& i) {
    if (i.met) ++met;
    sum += i.amount;
    ++n;
  }
};

MeasureFigure figure_of(const MeasureRule& rule, const Tally& t, LocalDate from, LocalDate to) {
  MeasureFigure f;
  f.from = from;
  f.to = to;
  const double met = t.met, sum = t.sum;
  f.denominator = static_cast<double>(t.n);
  switch (rule.unit) {
    case MeasureUnit::share:
      f.numerator = met;
      f.value = f.denominator > 0 ? met / f.denominator : 0;
      break;
    case MeasureUnit::count:
      f.numerator = f.denominator - met;
      f.value = f.numerator;
      break;
    case MeasureUnit::average:
      f.numerator = sum;
      f.value = f.denominator > 0 ? sum / f.denominator : 0;
      break;
  }
  f.state = rag_state(rule, f.value, f.denominator);
  return f;
}

// The figure's numbers from the items; items themselves are left out (see summarise).
MeasureFigure figure_of(const MeasureRule& rule, const std::vector<MeasureItem>& items, LocalDate from, LocalDate to) {
  Tally t;
  for (const auto& i : items) t.add(i);
  return figure_of(rule, t, from, to);
}

// compute_measure_result's split of the items counted once over [from, today] (the board: trend
// weeks without their items): the current period's figure with its items in summarise's order, and
// each trend week's figure into `weeks`. Each item's day number is worked out once and each current
// item moved once (straight into its place of summarise's stable counting sort on (met, day)).
MeasureFigure current_and_tallies(const MeasureRule& rule, std::vector<MeasureItem>& all, LocalDate from,
                                  LocalDate period_from, LocalDate trend_from, LocalDate today, int trend_weeks,
                                  std::vector<MeasureFigure>& weeks) {
  auto number = [](LocalDate d) { return date::sys_days{d}.time_since_epoch().count(); };
  const long from_n = number(from), today_n = number(today), trend_n = number(trend_from), period_n = number(period_from);
  std::vector<Tally> tallies(static_cast<size_t>(trend_weeks));
  Tally current;
  // Counting-sort bucket of each current item (met after not met, then by day); -1: not current.
  const auto span = static_cast<std::int32_t>(today_n - period_n + 1);
  std::vector<std::int32_t> bucket(all.size(), -1);
  std::vector<std::uint32_t> start(2 * static_cast<size_t>(std::max(span, 0)) + 1, 0);
  // Items come day by day: a day's number is worked out when the day changes (told by the packed
  // date, one comparison instead of year_month_day's three).
  std::uint32_t last_key = date_key(today);
  long last_n = today_n;
  for (size_t i = 0; i < all.size(); ++i) {
    const MeasureItem& item = all[i];
    if (const std::uint32_t key = date_key(item.day); key != last_key) {
      last_key = key;
      last_n = number(item.day);
    }
    const long n = last_n;
    if (n < from_n || today_n < n) continue;
    if (!(n < trend_n)) tallies[static_cast<size_t>((n - trend_n) / 7)].add(item);
    if (n < period_n) continue;
    current.add(item);
    bucket[i] = static_cast<std::int32_t>((item.met ? span : 0) + (n - period_n));
    ++start[static_cast<size_t>(bucket[i]) + 1];
  }
  MeasureFigure f = figure_of(rule, current, period_from, today);
  for (size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
  f.items.resize(current.n);
  for (size_t i = 0; i < all.size(); ++i)
    if (bucket[i] >= 0) f.items[start[static_cast<size_t>(bucket[i])]++] = std::move(all[i]);
  for (int w = 0; w < trend_weeks; ++w) {
    const LocalDate to = plus_days(trend_from, 7L * w + 6);
    weeks.push_back(figure_of(rule, tallies[static_cast<size_t>(w)], plus_days(to, -6), to));
  }
  return f;
}

}  // namespace

MeasureFigure summarise(const MeasureRule& rule, std::vector<MeasureItem> items, LocalDate from, LocalDate to,
                        std::vector<std::string> texts) {
  MeasureFigure f = figure_of(rule, items, from, to);
  f.texts = std::move(texts);
  // Not met first, then by day, equal ones in their order: a stable sort. Items span a few weeks of
  // days, so a counting sort on (met, day) places each item once (the same order as the sort below).
  if (!items.empty()) {
    std::vector<std::int32_t> day(items.size());
    for (size_t i = 0; i < items.size(); ++i)
      day[i] = static_cast<std::int32_t>(date::sys_days{items[i].day}.time_since_epoch().count());
    const auto [lo, hi] = std::minmax_element(day.begin(), day.end());
    constexpr long most_days = 4096;
    if (static_cast<long>(*hi) - *lo < most_days) {
      const auto first = *lo;
      const auto span = static_cast<size_t>(*hi - first + 1);
      std::vector<std::uint32_t> start(2 * span + 1, 0);
      for (size_t i = 0; i < items.size(); ++i) day[i] = static_cast<std::int32_t>((items[i].met ? span : 0) + static_cast<size_t>(day[i] - first));
      for (const auto b : day) ++start[static_cast<size_t>(b) + 1];
      for (size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
      f.items.resize(items.size());
      for (size_t i = 0; i < items.size(); ++i) f.items[start[static_cast<size_t>(day[i])]++] = std::move(items[i]);
      return f;
    }
  }
  std::vector<std::pair<std::int64_t, std::uint32_t>> order(items.size());
  for (size_t i = 0; i < items.size(); ++i)
    order[i] = {(items[i].met ? (std::int64_t{1} << 40) : 0) + date::sys_days{items[i].day}.time_since_epoch().count(),
                static_cast<std::uint32_t>(i)};
  std::sort(order.begin(), order.end());
  f.items.reserve(items.size());
  for (const auto& [key, i] : order) f.items.push_back(std::move(items[i]));
  return f;
}

Instant MeasureData::day_start(LocalDate d) const { return day_start_n(date::sys_days{d}.time_since_epoch().count()); }

Instant MeasureData::day_start_outside(long day) const {
  return start_of_local_day(LocalDate{date::sys_days{date::days{day}}}, zone);
}

std::span<const Visit* const> MeasureData::visits_on(LocalDate d) const {
  const auto i = date::sys_days{d}.time_since_epoch().count() - first_day;
  if (i < 0 || i + 1 >= static_cast<long>(day_visit_starts.size())) return {};
  const auto k = static_cast<size_t>(i);
  return std::span<const Visit* const>(day_visits).subspan(day_visit_starts[k], day_visit_starts[k + 1] - day_visit_starts[k]);
}

std::span<const Visit* const> MeasureData::visits_of_episode(Id episode) const {
  auto it = std::lower_bound(episode_visit_starts.begin(), episode_visit_starts.end(), episode,
                             [](const std::pair<Id, std::uint32_t>& e, Id id) { return e.first < id; });
  if (it == episode_visit_starts.end() || it->first != episode) return {};
  const size_t end = it + 1 == episode_visit_starts.end() ? episode_visits.size() : (it + 1)->second;
  return std::span<const Visit* const>(episode_visits).subspan(it->second, end - it->second);
}

const OohShiftWindows& MeasureData::ooh_windows_on(LocalDate d) const {
  const auto i = date::sys_days{d}.time_since_epoch().count() - first_day;
  if (i < 0 || i >= static_cast<long>(day_starts.size())) return ooh_outside = ooh_shift_windows(*snapshot, d);
  if (ooh_windows.size() < day_starts.size()) {
    // The first ask: every date of the range at once (each date's windows worked out once), from
    // the snapshot's index when it holds them.
    const LocalDate last_day = plus_days(first, static_cast<long>(day_starts.size()) - 1);
    if (const auto held = index ? index->ooh_windows_of(first, last_day) : std::span<const OohShiftWindows>(); !held.empty()) {
      ooh_windows.assign(held.begin(), held.end());
    } else {
      const auto all = ooh_shift_windows_range(*snapshot, first, last_day);
      ooh_windows.assign(all.begin(), all.end());
    }
  }
  return *ooh_windows[static_cast<size_t>(i)];
}

namespace {

bool by_time(const Visit* a, const Visit* b) {
  return a->window_start != b->window_start ? a->window_start < b->window_start : a->id < b->id;
}

// The visits dated in [d.first, d.last] (`dated`: from the snapshot's date index, by date) into the
// day and episode spans: day by day, each day's sorted in time order; by episode in time order overall.
void place_visits(MeasureData& d, std::vector<const Visit*> dated) {
  auto by_date = [](const Visit* a, const Visit* b) { return a->date < b->date; };
  if (!std::is_sorted(dated.begin(), dated.end(), by_date)) std::stable_sort(dated.begin(), dated.end(), by_date);
  const size_t days = d.day_starts.size();
  d.day_visit_starts.assign(days + 1, 0);
  // By date: a date's number is worked out when the date changes.
  LocalDate last_date = d.first;
  size_t k_of_last = 0;
  for (const Visit* v : dated) {
    if (v->date != last_date) {
      last_date = v->date;
      k_of_last = static_cast<size_t>((date::sys_days{v->date} - date::sys_days{d.first}).count());
    }
    ++d.day_visit_starts[k_of_last + 1];
  }
  for (size_t k = 1; k <= days; ++k) d.day_visit_starts[k] += d.day_visit_starts[k - 1];
  for (size_t k = 0; k < days; ++k) {
    const auto first = dated.begin() + d.day_visit_starts[k], last = dated.begin() + d.day_visit_starts[k + 1];
    if (!std::is_sorted(first, last, by_time)) std::sort(first, last, by_time);
  }
  d.day_visits = std::move(dated);
  // In time order overall: the days one after another, unless some visit's date and start disagree.
  std::vector<const Visit*> sorted;
  const std::vector<const Visit*>* in_time = &d.day_visits;
  if (!std::is_sorted(d.day_visits.begin(), d.day_visits.end(), by_time)) {
    sorted = d.day_visits;
    std::sort(sorted.begin(), sorted.end(), by_time);
    in_time = &sorted;
  }
  // By episode: each visit's episode gets a slot (a flat table: no node per episode), the episodes
  // are ordered by id, and each visit goes to its episode's next place (time order kept).
  detail::StampedSlots slots;  // episode -> (1, slot)
  std::vector<Id> ids;
  std::vector<std::uint32_t> next;  // a slot's count, then its next place
  std::vector<std::uint32_t> slot_of(in_time->size());
  for (size_t i = 0; i < in_time->size(); ++i) {
    auto& slot = slots[(*in_time)[i]->episode_id];
    if (slot.first == 0) {
      slot = {1, ids.size()};
      ids.push_back((*in_time)[i]->episode_id);
      next.push_back(0);
    }
    slot_of[i] = static_cast<std::uint32_t>(slot.second);
    ++next[slot.second];
  }
  std::vector<std::uint32_t> order(ids.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<std::uint32_t>(k);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return ids[a] < ids[b]; });
  d.episode_visit_starts.reserve(ids.size());
  std::uint32_t at = 0;
  for (const std::uint32_t k : order) {
    d.episode_visit_starts.emplace_back(ids[k], at);
    at += std::exchange(next[k], at);
  }
  d.episode_visits.resize(in_time->size());
  for (size_t i = 0; i < in_time->size(); ++i) d.episode_visits[next[slot_of[i]]++] = (*in_time)[i];
}

}  // namespace

MeasureData prepare_measure_data(const Snapshot& s, LocalDate from, LocalDate to, Instant now,
                                 const ComplianceIndex* index) {
  MeasureData d;
  if (index && index->built_for(s)) d.index = index;
  d.zone = s.zone();
  d.snapshot = &s;
  // Week-one measures look back a week before a period's first day.
  d.first = plus_days(from, -detail::visit_lookback_days);
  d.first_day = date::sys_days{d.first}.time_since_epoch().count();
  d.last = to;
  for (LocalDate day = d.first; day <= plus_days(to, 1); day = plus_days(day, 1))
    d.day_starts.push_back(start_of_local_day(day, d.zone));
  const Instant range_start = d.day_starts.front();
  const Instant range_end = d.day_starts.back();
  place_visits(d, s.visits_dated(d.first, to));
  d.shifts = s.shifts_dated(from, to);
  d.episodes = s.episodes_overlapping(range_start, range_end);
  d.review_facts.reserve(d.episodes.size());
  d.own_review_facts.reserve(d.episodes.size());  // no reallocation: review_facts points into it
  // Each episode's reviews walked in place into one buffer (review_facts copies them): the same
  // reviews in the same order as reviews_of, without a list built per episode.
  std::vector<const Review*> reviews;
  for (const Episode* e : d.episodes) {
    if (const ReviewFacts* f = d.index ? d.index->facts_of(static_cast<size_t>(e - s.episodes.data())) : nullptr) {
      d.review_facts.push_back(f);  // worked out once for the snapshot
      continue;
    }
    reviews.clear();
    s.each_review_of(e->id, [&](const Review& r) { reviews.push_back(&r); });
    d.own_review_facts.push_back(review_facts(s, *e, reviews, d.first_day, d.day_starts));  // midnights from the table
    d.review_facts.push_back(&d.own_review_facts.back());
  }
  detail::review_history_items(s, d, from, to, now);
  return d;
}

namespace {

// `keep_items` false: the figure only (trend), without sorting or keeping the items.
MeasureFigure compute(const Snapshot& s, const MeasureRule& rule, LocalDate from, LocalDate to, Instant now,
                      const MeasureData* data, bool details, bool keep_items) {
  MeasureData own;
  // Data prepared for a range that does not cover this period would silently miss items: prepare afresh.
  if (!data || from < plus_days(data->first, detail::visit_lookback_days) || to > data->last) {
    own = prepare_measure_data(s, from, to, now, data ? data->index : nullptr);
    data = &own;
  }
  const Instant as_at = std::min(now, data->day_end(to));
  MeasureInput in{s, now, from, to, as_at, local_date_of(as_at, data->zone), data->zone, data, details};
  MeasureFunction fn = find_measure(rule.id);
  if (!fn) return summarise(rule, {}, from, to);
  in.figure_only = !keep_items;
  if (!keep_items) return figure_of(rule, fn(in, rule), from, to);
  std::vector<std::string> texts;
  if (details) in.texts = &texts;
  std::vector<MeasureItem> items = fn(in, rule);
  return summarise(rule, std::move(items), from, to, std::move(texts));
}

}  // namespace

MeasureFigure compute_measure(const Snapshot& s, const MeasureRule& rule, LocalDate from, LocalDate to, Instant now,
                              const MeasureData* data, bool details) {
  return compute(s, rule, from, to, now, data, details, true);
}

bool counted_by_day(std::string_view id, const ComplianceRules& rules) {
  if (id == "reviews-overdue-now" || id == "six-weeks-without-review" || id == "missed-visit-follow-up-4h" ||
      id == "named-worker-half-contacts")
    return false;
  if (id == "staff-per-person-week") return rules.period_days % 7 == 0;
  return find_measure(id) != nullptr;
}

MeasureResult compute_measure_result(const Snapshot& s, const MeasureRule& rule, const ComplianceRules& rules, Instant now,
                                     const MeasureData& data, bool week_items, bool details) {
  MeasureResult r;
  r.rule = &rule;
  const LocalDate today = local_date_of(now, data.zone);
  const LocalDate period_from = plus_days(today, -(rules.period_days - 1));
  const LocalDate trend_from = plus_days(today, -(7 * rules.trend_weeks - 1));
  const LocalDate from = std::min(period_from, trend_from);
  const bool covered = !(from < plus_days(data.first, detail::visit_lookback_days)) && !(data.last < today);
  // The measures counted period by period: their trend weeks (figures only) in one walk.
  const detail::PeriodsFunction periods_at = rule.id == "reviews-overdue-now"          ? &detail::reviews_overdue_at
                                             : rule.id == "six-weeks-without-review"   ? &detail::six_weeks_without_review_at
                                             : rule.id == "named-worker-half-contacts" ? &detail::named_worker_at
                                                                                       : nullptr;
  if (covered && periods_at && !week_items && rules.trend_weeks > 0) {
    r.current = compute(s, rule, period_from, today, now, &data, details, true);
    r.details_written = details;
    std::vector<detail::PeriodAt> weeks;
    for (int w = rules.trend_weeks - 1; w >= 0; --w) {
      const LocalDate to = plus_days(today, -7L * w);
      weeks.push_back({plus_days(to, -6), to, std::min(now, data.day_end(to))});
    }
    const auto counts = periods_at(s, data, rule, weeks, now);
    for (size_t w = 0; w < weeks.size(); ++w) {
      // The Tally of counts[w].items items (amount 1 each), counts[w].met of them met.
      Tally t;
      t.met = static_cast<double>(counts[w].met);
      t.sum = static_cast<double>(counts[w].items);
      t.n = counts[w].items;
      r.weeks.push_back(figure_of(rule, t, weeks[w].from, weeks[w].to));
    }
    return r;
  }
  if (!covered || !counted_by_day(rule.id, rules) || rules.trend_weeks <= 0) {
    r.current = compute(s, rule, period_from, today, now, &data, details, true);
    r.details_written = details;
    for (int w = rules.trend_weeks - 1; w >= 0; --w) {
      const LocalDate to = plus_days(today, -7L * w);
      // The trend needs the figures only: no detail text, items neither sorted nor kept.
      r.weeks.push_back(compute(s, rule, plus_days(to, -6), to, now, &data, false, week_items));
    }
    return r;
  }
  // Once over [from, today] as at now (the current period and the last week end today, as at now);
  // detail text only for the current period's items.
  const Instant as_at = std::min(now, data.day_end(today));
  MeasureInput in{s, now, from, today, as_at, local_date_of(as_at, data.zone), data.zone, &data, details};
  r.details_written = details;
  in.details_from = period_from;
  std::vector<std::string> texts;
  if (details) in.texts = &texts;
  std::vector<MeasureItem> all = find_measure(rule.id)(in, rule);
  if (!week_items) {
    r.current = current_and_tallies(rule, all, from, period_from, trend_from, today, rules.trend_weeks, r.weeks);
    r.current.texts = std::move(texts);
    return r;
  }
  std::vector<MeasureItem> current;
  std::vector<Tally> tallies(static_cast<size_t>(rules.trend_weeks));
  std::vector<std::vector<MeasureItem>> weeks(week_items ? tallies.size() : 0);
  // Compared as day numbers (one conversion an item).
  auto number = [](LocalDate d) { return date::sys_days{d}.time_since_epoch().count(); };
  const long from_n = number(from), today_n = number(today), trend_n = number(trend_from), period_n = number(period_from);
  current.reserve(all.size());
  for (auto& item : all) {
    const long n = number(item.day);
    if (n < from_n || today_n < n) continue;
    if (!(n < trend_n)) {
      const auto w = static_cast<size_t>((n - trend_n) / 7);
      tallies[w].add(item);
      if (week_items) {
        weeks[w].push_back(item);
        weeks[w].back().text = 0;  // a week's items without text (as a trend week counted alone)
      }
    }
    if (!(n < period_n)) current.push_back(std::move(item));
  }
  r.current = summarise(rule, std::move(current), period_from, today, std::move(texts));
  for (int w = 0; w < rules.trend_weeks; ++w) {
    const LocalDate to = plus_days(trend_from, 7L * w + 6);
    r.weeks.push_back(week_items ? summarise(rule, std::move(weeks[static_cast<size_t>(w)]), plus_days(to, -6), to)
                                 : figure_of(rule, tallies[static_cast<size_t>(w)], plus_days(to, -6), to));
  }
  return r;
}

ComplianceBoard build_compliance_board(const Snapshot& s, const ComplianceRules& rules, Instant now,
                                       const ComplianceIndex* index) {
  ComplianceBoard b;
  b.now = now;
  const Zone zone = s.zone();
  b.today = local_date_of(now, zone);
  const LocalDate period_from = plus_days(b.today, -(rules.period_days - 1));
  const LocalDate trend_from = plus_days(b.today, -(7 * rules.trend_weeks - 1));
  const MeasureData data = prepare_measure_data(s, std::min(period_from, trend_from), b.today, now, index);
  for (const auto& rule : rules.measures) b.measures.push_back(compute_measure_result(s, rule, rules, now, data, false, false));
  return b;
}

bool write_measure_details(const Snapshot& s, ComplianceBoard& b, std::string_view measure_id,
                           const ComplianceIndex* index) {
  for (auto& r : b.measures) {
    if (!r.rule || r.rule->id != measure_id || r.details_written) continue;
    const MeasureData data = prepare_measure_data(s, r.current.from, r.current.to, b.now, index);
    MeasureFigure alone = compute_measure(s, *r.rule, r.current.from, r.current.to, b.now, &data);
    r.current.items = std::move(alone.items);
    r.current.texts = std::move(alone.texts);
    r.details_written = true;
    return true;
  }
  return false;
}

}  // namespace vb
