#pragma once
// Internals shared by the compliance measure files: the counting functions the registry names, and
// small helpers about episodes and visits at a moment. Nothing outside core/compliance*.cpp uses this.
#include "core/compliance.hpp"
#include "core/compliance_index.hpp"

#include "core/review_due.hpp"
#include "core/step_down.hpp"

#include <cstdint>
#include <map>

namespace vb::detail {

// Facts the step-down measures need for each of the 13 periods of a board, found once: judged
// step-downs whose day has ended do not depend on the period's as-at instant.
struct TransitionCache {
  // Every step-down (episode on the caseload that day, local date in the prepared range), by day and
  // then in the order of MeasureData::episodes: each period looks up its days instead of walking
  // every episode. The per-step-down answers that do not depend on the period are kept beside it.
  struct StepDownAt {
    const Episode* episode = nullptr;
    LocalDate day{};
    size_t order = 0;  // index in MeasureData::episodes
    std::optional<std::optional<ReassessmentSeen>> reassessed;  // once the day has ended
    // As day numbers (issue 6: no calendar conversion a step-down and period): `day`, and
    // step_down_needed_since of the episode on `day` (needed_since_day_on).
    long day_n = 0;
    long needed_since = 0;
  };
  bool step_downs_listed = false;
  std::vector<StepDownAt> step_downs;
  // From the snapshot's indexes, each the first time it is asked for.
  std::unordered_map<Id, std::vector<const KeyPerson*>> key_people;      // by person
  std::map<std::pair<Id, long>, bool> carer_told;                        // (key person, step-down day) by the deadline
  struct FollowUp {
    Instant due{};
    LocalDate due_day{};
    std::optional<Instant> first_done;  // the earliest done follow-up contact after closure
  };
  // By closed episode, in the order of MeasureData::episodes (a flat list: no node per episode).
  std::vector<std::optional<FollowUp>> follow_ups;
};
TransitionCache& transition_cache(const MeasureInput& in);

inline constexpr long visit_lookback_days = 7;

// Episode id -> (stamp, slot): what the per-day / per-week person indexes of the measures keep from
// one day (week) to the next, in one flat open-addressed table (no node per person, as
// std::unordered_map's operator[] made). operator[] is a map's: a new id starts at {0, 0}. The
// reference it returns is valid until the next operator[].
class StampedSlots {
 public:
  std::pair<long, size_t>& operator[](Id id) {
    if ((used_ + 1) * 2 > keys_.size()) grow();
    const size_t i = probe(id);
    if (!full_[i]) {
      full_[i] = 1;
      keys_[i] = id;
      values_[i] = {0, 0};
      ++used_;
    }
    return values_[i];
  }

 private:
  size_t probe(Id id) const {
    const size_t mask = keys_.size() - 1;  // a power of two
    std::uint64_t h = static_cast<std::uint64_t>(id) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
    size_t i = static_cast<size_t>(h) & mask;
    while (full_[i] && keys_[i] != id) i = (i + 1) & mask;
    return i;
  }
  void grow() {
    std::vector<Id> keys;
    std::vector<std::pair<long, size_t>> values;
    std::vector<char> full;
    keys.swap(keys_);
    values.swap(values_);
    full.swap(full_);
    const size_t n = keys.empty() ? 256 : keys.size() * 2;
    keys_.assign(n, 0);
    values_.assign(n, {0, 0});
    full_.assign(n, 0);
    used_ = 0;
    for (size_t j = 0; j < keys.size(); ++j)
      if (full[j]) {
        const size_t i = probe(keys[j]);
        full_[i] = 1;
        keys_[i] = keys[j];
        values_[i] = values[j];
        ++used_;
      }
  }
  std::vector<Id> keys_;
  std::vector<std::pair<long, size_t>> values_;
  std::vector<char> full_;
  size_t used_ = 0;
};

// Every review obligation that fell due on a local date in [from, to] (and whose due day has ended,
// or which was met), walked once from the episode's reviews with review_obligations_as_at.
// Fills data.review_history and data.review_history_why.
// `every_review`: walk every review of the episodes (the reference the bounded walk is tested against).
// With the snapshot's index (data.index built for it) each review's obligation is the index's.
void review_history_items(const Snapshot& s, MeasureData& data, LocalDate from, LocalDate to, Instant now,
                          bool every_review = false);
// The episode as it stood at `at`: open unless closed by then, stage from its plan for past instants.
Episode episode_as_at(const Snapshot& s, const Episode& e, Instant at, Instant now);
bool open_at(const Episode& e, Instant at);
// The same without copying the episode: open at `at`, and its stage then. `known_plan`: the
// episode's plan already looked up (it may be null), else looked up here.
struct EpisodeAsAt {
  bool open = true;
  Stage stage = Stage::intensive;
};
EpisodeAsAt state_as_at(const Snapshot& s, const Episode& e, Instant at, Instant now,
                        const ContactPlan* const* known_plan = nullptr);
// The same for the episode of `f` (state_as_at(s, *f.episode, at, now, &f.plan)), from the days its
// review facts worked out once (the first step-down, the plan's end): no walk of the plan's phases.
EpisodeAsAt state_as_at(const Snapshot& s, const ReviewFacts& f, Instant at, Instant now);
// The same with `at_day` = local_day_number(at, s.zone()) given by the caller (worked out once for
// every use of the same instant: a review's state and obligation, a trend week's episodes).
EpisodeAsAt state_as_at(const Snapshot& s, const ReviewFacts& f, Instant at, Instant now, long at_day);
// What review k of the episode of `facts` met (the history's rule, as held at any `now` after it).
// `then`: the episode's state a second before it, `at_day` that second's local day, when the caller
// has them; `days`: local midnights from a board's table.
ComplianceIndex::ReviewMet review_met(const Snapshot& s, const ReviewFacts& facts, size_t k,
                                      std::optional<EpisodeAsAt> then = std::nullopt,
                                      std::optional<long> at_day = std::nullopt, const MeasureData* days = nullptr);
// The next obligation of the episode as it stood at `at` (the front of review_obligations_as_at of
// episode_as_at), from facts looked up once; nullopt when it was closed then.
std::optional<ReviewObligation> next_review_then(const Snapshot& s, const ReviewFacts& f, Instant at, Instant now);
// The same with `at_day` = local_day_number(at, s.zone()) given.
std::optional<ReviewObligation> next_review_then(const Snapshot& s, const ReviewFacts& f, Instant at, Instant now, long at_day);

// Visits of one episode within the prepared range, in time order (empty when none).
std::span<const Visit* const> visits_of(const MeasureInput& in, Id episode);
// "2 h 05 min"
std::string duration_words(std::chrono::seconds d);
std::string when(Instant t, Zone zone);  // "Mon 23 Nov 09:40"

// The measures (compliance_reviews.cpp, compliance_visits.cpp, compliance_intensity.cpp,
// compliance_continuity.cpp, compliance_staffing.cpp).
std::vector<MeasureItem> reviews_on_time(const MeasureInput& in, const MeasureRule& rule);
std::vector<MeasureItem> reviews_overdue_now(const MeasureInput& in, const MeasureRule& rule);
std::vector<MeasureItem> six_weeks_without_review(const MeasureInput& in, const MeasureRule& rule);
std::vector<MeasureItem> outcome_same_day(const MeasureInput& in, const MeasureRule& rule);
std::vector<MeasureItem> missed_followed_up(const MeasureInput& in, const MeasureRule& rule);
std::vector<MeasureItem> long_visit_each_day(const MeasureInput& in, const MeasureRule& rule);
std::vector<MeasureItem> twice_daily_first_days(const MeasureInput& in, const MeasureRule& rule);
std::vector<MeasureItem> week_one_contacts(const MeasureInput& in, const MeasureRule& rule);
std::vector<MeasureItem> named_worker_continuity(const MeasureInput& in, const MeasureRule& rule);
std::vector<MeasureItem> staff_per_person_week(const MeasureInput& in, const MeasureRule& rule);
std::vector<MeasureItem> nights_staffed(const MeasureInput& in, const MeasureRule& rule);

// The step-down pathway (compliance_transitions.cpp).
std::vector<MeasureItem> risk_reassessed_at_step_down(const MeasureInput& in, const MeasureRule& rule);
std::vector<MeasureItem> carers_informed_of_step_down(const MeasureInput& in, const MeasureRule& rule);
std::vector<MeasureItem> follow_up_after_closure(const MeasureInput& in, const MeasureRule& rule);
std::vector<MeasureItem> bundle_complete_at_closure(const MeasureInput& in, const MeasureRule& rule);
std::vector<MeasureItem> safety_plan_updated_at_step_down(const MeasureInput& in, const MeasureRule& rule);
std::vector<MeasureItem> handover_summary_within_days(const MeasureInput& in, const MeasureRule& rule);

// step_down_needed_since(s, e, d) for the episode whose plan is `plan` (may be null), looked up once by
// the caller: the start of the phase covering the day before, walked in day numbers.
LocalDate needed_since_on(const ContactPlan* plan, LocalDate d);
// The same in day numbers: day_number(needed_since_on(plan, date_of_day_number(day))).
long needed_since_day_on(const ContactPlan* plan, long day);

// The measures counted period by period (reviews_overdue_now, six_weeks_without_review,
// named_worker_continuity) for several periods at once (the board's trend weeks, issue 6): [k]
// counts the items the measure gives for periods[k] (its dates and MeasureInput::as_at) and how many
// of them are met (their amounts are all 1). Each episode's facts are looked up once for all periods.
struct PeriodAt {
  LocalDate from{};
  LocalDate to{};
  Instant as_at{};
};
struct PeriodCount {
  size_t items = 0;
  size_t met = 0;
};
using PeriodsFunction = std::vector<PeriodCount> (*)(const Snapshot& s, const MeasureData& d, const MeasureRule& rule,
                                                     std::span<const PeriodAt> periods, Instant now);
std::vector<PeriodCount> reviews_overdue_at(const Snapshot& s, const MeasureData& d, const MeasureRule& rule,
                                            std::span<const PeriodAt> periods, Instant now);
std::vector<PeriodCount> six_weeks_without_review_at(const Snapshot& s, const MeasureData& d, const MeasureRule& rule,
                                                     std::span<const PeriodAt> periods, Instant now);
std::vector<PeriodCount> named_worker_at(const Snapshot& s, const MeasureData& d, const MeasureRule& rule,
                                         std::span<const PeriodAt> periods, Instant now);

// Out-of-hours planning (compliance_ooh.cpp).
std::vector<MeasureItem> ooh_allocated_before_shift(const MeasureInput& in, const MeasureRule& rule);

}  // namespace vb::detail
