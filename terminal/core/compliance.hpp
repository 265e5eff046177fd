#pragma once
// Compliance figures: each measure counts items (episodes, visits, nights) over a period of local
// dates, as at an instant, and compares the result with its target. Pure: the snapshot, the rules,
// `now` and the period are arguments. The registry (compliance_registry.cpp) maps each rule id in
// data/compliance_rules.json to the one function that counts it.
#include "core/compliance_rules.hpp"
#include "core/ooh_allocation.hpp"
#include "core/review_due.hpp"
#include "core/snapshot.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vb {

enum class RagState { no_data, red, amber, green };
std::string_view to_string(RagState s);  // "no-data", "red", "amber", "green"
std::string_view rag_label(RagState s);   // "No data", "Off target", "Near target", "On target"

// One thing behind a figure: a visit, an episode on a day, a night. `met` says which side it is on.
struct MeasureItem {
  Id episode = 0;      // 0 when the item is not about one person
  Id visit = 0;        // the visit, when the item is one
  Id shift = 0;        // a shift on that night, for staffing
  LocalDate day{};     // the local date the item is counted on
  bool met = true;
  double amount = 1;   // average measures: this item's contribution (e.g. distinct staff that week)
  // Its detail text ("followed up after 6 h 10 min", "1 trained on shift"): 1 + its index in the
  // figure's `texts` (MeasureFigure::detail); 0: none. Issue 6: no std::string in the 64k items of a
  // board (most lists are never opened), each item a plain value.
  std::uint32_t text = 0;
};

struct MeasureFigure {
  LocalDate from{};
  LocalDate to{};
  double numerator = 0;
  double denominator = 0;
  double value = 0;  // share 0..1, count, or average
  RagState state = RagState::no_data;
  std::vector<MeasureItem> items;  // not met first, then by day
  std::vector<std::string> texts;  // the items' detail text, in no order (see MeasureItem::text)
  // An item's detail text ("" when it has none).
  std::string_view detail(const MeasureItem& i) const { return i.text ? std::string_view(texts[i.text - 1]) : std::string_view(); }
};

struct MeasureData;
struct ComplianceIndex;  // compliance_index.hpp
namespace detail {
struct TransitionCache;  // compliance_detail.hpp
}

// What a measure function sees: the whole snapshot, now, and the period (inclusive local dates).
// `as_at` is the end of the period or now, whichever is earlier; `as_at_day` its local date.
struct MeasureInput {
  const Snapshot& s;
  Instant now{};
  LocalDate from{};
  LocalDate to{};
  Instant as_at{};
  LocalDate as_at_day{};
  Zone zone = nullptr;
  const MeasureData* data = nullptr;  // prepared once for a range of dates covering the period
  bool details = true;                // false: no detail text (trend figures)
  // True when local day `d` has ended by as_at.
  bool ended(LocalDate d) const { return d < as_at_day; }
  // Detail text only for items counted on or after this day (the board counts each measure once over
  // the whole trend range and writes text only for the current period's items).
  LocalDate details_from{};
  bool detail_on(LocalDate d) const { return details && !(d < details_from); }
  // True when the items will only be tallied into a figure (a trend week): their order does not
  // matter, so a measure may leave them unsorted.
  bool figure_only = false;
  // Where the measure's detail text goes (the figure's `texts`); describe() adds an item's.
  std::vector<std::string>* texts = nullptr;
  void describe(MeasureItem& item, std::string text) const {
    if (!texts) return;
    texts->push_back(std::move(text));
    item.text = static_cast<std::uint32_t>(texts->size());
  }
};

using MeasureFunction = std::vector<MeasureItem> (*)(const MeasureInput& in, const MeasureRule& rule);

struct MeasureEntry {
  std::string_view id;
  MeasureFunction count;
};
// Every measure this build can count. A rule whose id is not here is refused when rules are read.
const std::vector<MeasureEntry>& measure_registry();
MeasureFunction find_measure(std::string_view id);

// Numerator, denominator, value and state from the items, by the rule's unit and target. `texts`:
// the items' detail text (MeasureItem::text), kept as the figure's.
MeasureFigure summarise(const MeasureRule& rule, std::vector<MeasureItem> items, LocalDate from, LocalDate to,
                        std::vector<std::string> texts = {});
RagState rag_state(const MeasureRule& rule, double value, double denominator);

// Precomputed data shared by every measure over a range of dates (build once, use for every period).
struct MeasureData {
  LocalDate first{};  // first date covered (the range's first day less a week) and last
  LocalDate last{};
  // Visits dated in [first, last], as spans of two flat lists (issue 6: no list per day or per
  // episode). By day from `first`, each day's in time order: day k's are
  // day_visits[day_visit_starts[k], day_visit_starts[k + 1]).
  std::vector<const Visit*> day_visits;
  std::vector<std::uint32_t> day_visit_starts;
  std::span<const Visit* const> visits_on(LocalDate d) const;  // empty outside the range
  // By episode, each episode's in time order (window start, then id); episode_visit_starts holds
  // (episode id, where its visits start) by id, each running to the next one's start.
  std::vector<const Visit*> episode_visits;
  std::vector<std::pair<Id, std::uint32_t>> episode_visit_starts;
  std::span<const Visit* const> visits_of_episode(Id episode) const;  // empty when none
  // Review obligations that fell due in the range (see detail::review_history_items).
  std::vector<MeasureItem> review_history;  // without detail text: see review_history_why
  // What each review_history item's detail says, formatted only when a figure's details are asked for.
  struct ReviewWhy {
    const RuleText* rule = nullptr;
    Instant due{};
    std::optional<Instant> held;  // else not held: `closed` says before closure, or not yet
    bool closed = false;
  };
  std::vector<ReviewWhy> review_history_why;  // parallel to review_history
  std::vector<const Shift*> shifts;      // starting on a date in the range
  std::vector<const Episode*> episodes;  // on the caseload at some point of [first, last + 1 day]
  std::vector<Instant> day_starts;       // local midnight of first .. last + 1
  Instant day_start(LocalDate d) const;  // from the table inside it, else computed
  Instant day_end(LocalDate d) const { return day_start_n(date::sys_days{d}.time_since_epoch().count() + 1); }
  Zone zone = nullptr;
  // The out-of-hours windows around a date (core/ooh_allocation), worked out the first time asked.
  const OohShiftWindows& ooh_windows_on(LocalDate d) const;
  const Snapshot* snapshot = nullptr;
  mutable std::vector<std::optional<OohShiftWindows>> ooh_windows;  // [0] = first
  mutable OohShiftWindows ooh_outside;                               // a date outside the range
  // The step-down measures' per-episode facts, worked out once for every period (compliance_transitions.cpp).
  mutable std::shared_ptr<detail::TransitionCache> transitions;
  // What the review obligations need of each episode (parallel to `episodes`), looked up once: the
  // snapshot's index's when `index` was built for it, else own_review_facts'.
  std::vector<const ReviewFacts*> review_facts;
  std::vector<ReviewFacts> own_review_facts;
  // The snapshot's compliance index (what does not depend on now), or null: then worked out here.
  const ComplianceIndex* index = nullptr;
  // `first` as a day number (days since 1970-01-01), and day_start of a day number (issue 6: a
  // measure's loops step in day numbers, without a calendar conversion a step).
  long first_day = 0;
  Instant day_start_n(long day) const {
    const long i = day - first_day;
    if (i >= 0 && i < static_cast<long>(day_starts.size())) return day_starts[static_cast<size_t>(i)];
    return day_start_outside(day);
  }
  Instant day_start_outside(long day) const;  // computed: a day outside the table
};
// `index`: the snapshot's (index_compliance), used when built for `s`; the data are the same without.
MeasureData prepare_measure_data(const Snapshot& s, LocalDate from, LocalDate to, Instant now,
                                 const ComplianceIndex* index = nullptr);

// One measure over one period. `data` (optional) must have been prepared for a range covering the
// period; otherwise it is prepared here.
MeasureFigure compute_measure(const Snapshot& s, const MeasureRule& rule, LocalDate from, LocalDate to, Instant now,
                              const MeasureData* data = nullptr, bool details = true);

struct MeasureResult {
  const MeasureRule* rule = nullptr;
  MeasureFigure current;             // the last period_days local days up to today
  std::vector<MeasureFigure> weeks;  // trend_weeks seven-day periods, oldest first; the last ends today
  // The board leaves the current items' detail text empty until the list is opened (write_measure_details).
  bool details_written = false;
};

struct ComplianceBoard {
  LocalDate today{};
  Instant now{};
  std::vector<MeasureResult> measures;  // in the rules' order
};

// `index`: the snapshot's (core/compliance_index.hpp: what does not depend on now, built once per
// snapshot), used when built for `s`; the board is the same without it.
ComplianceBoard build_compliance_board(const Snapshot& s, const ComplianceRules& rules, Instant now,
                                       const ComplianceIndex* index = nullptr);

// One measure's tile on the board (as build_compliance_board): a measure counted by day is counted
// once over the whole range (period and trend) as at now, each item on its day, and each period takes
// the items of its days; the others are counted period by period. `data` prepared for that range.
// `week_items`: keep each trend week's items too (sorted as summarise does; for tests).
// `details` false: the current items without their detail text (the board; see write_measure_details).
MeasureResult compute_measure_result(const Snapshot& s, const MeasureRule& rule, const ComplianceRules& rules, Instant now,
                                     const MeasureData& data, bool week_items = false, bool details = true);
// The board is built without the detail text of any list (most are never opened): this writes one
// tile's (the current period counted on its own, with text; the same items in the same order).
// Returns true when it wrote them (false: already written, or no such measure on the board).
bool write_measure_details(const Snapshot& s, ComplianceBoard& b, std::string_view measure_id,
                           const ComplianceIndex* index = nullptr);
// Whether a measure's items for a past period are exactly those of a count as at now on the
// period's days (judged on its own day, once that day has ended, by facts fixed by then). Not so for
// the as-at-now measures, the 4-hour follow-up (pending as at the period's end) and the per-person
// share over the whole period; staff a week only when the period is whole weeks.
bool counted_by_day(std::string_view id, const ComplianceRules& rules);

// Helpers shared by the measure files.
Instant end_of_local_day(LocalDate d, Zone zone);  // the first instant of the next day
// Inline (issue 6): it runs in every measure's loops.
inline LocalDate plus_days(LocalDate d, long n) {
  // Within the first 28 days of one month the day field moves alone (every month has them); the
  // calendar conversion costs more than the rest of a step. (A valid month is enough: the conversion
  // below is linear in the day field, so even a day past the month's end lands where the day field
  // alone says.)
  const long day = static_cast<long>(static_cast<unsigned>(d.day())) + n;
  if (day >= 1 && day <= 28 && d.month().ok()) return LocalDate{d.year(), d.month(), date::day{static_cast<unsigned>(day)}};
  return LocalDate{date::sys_days{d} + date::days{n}};
}

}  // namespace vb
