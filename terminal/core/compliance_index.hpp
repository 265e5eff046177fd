#pragma once
// What the compliance board needs of a snapshot that does not depend on `now` (issue 6): each
// episode's review facts and, for each of its reviews, the obligation that review met; the
// out-of-hours shift windows of the dates its visits and shifts span. Built once
// per snapshot (the kiosk: by the first compliance board after a load or a command changed it), so
// the board's recompute each minute is the measures and what does depend on `now`. Pure, as the rest
// of core: the board from an index equals the board computed fresh (tests/core/compliance_index_test).
#include "core/ooh_allocation.hpp"
#include "core/review_due.hpp"
#include "core/snapshot.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace vb {

struct ComplianceIndex {
  // The obligation a review met, as the review history counts it (every review, as held at any
  // `now` after it: an episode's state a second before a past review does not depend on `now`).
  struct ReviewMet {  // 24 bytes: one per review of the snapshot
    const RuleText* rule = nullptr;
    Instant due{};
    std::int32_t due_day = 0;  // local day number of `due`
    bool counted = false;      // false: the episode was closed then, nothing was due, or not before closure
    bool on_time = false;      // held before the end of the day it fell due
  };
  // The episodes indexed: those not closed before `episodes_from` (every one when unset). A board
  // works out an episode left out itself (as without an index), so any `now` gets the same board.
  std::optional<Instant> episodes_from;
  static constexpr std::uint32_t none = ~std::uint32_t{0};
  std::vector<std::uint32_t> slot;  // by position in the snapshot's `episodes`: index in `facts`, or none
  std::vector<ReviewFacts> facts;
  // facts[i].reviews[k] met review_met[review_met_starts[i] + k].
  std::vector<ReviewMet> review_met;
  std::vector<std::uint32_t> review_met_starts;  // facts.size() + 1

  // The out-of-hours shift windows (core/ooh_windows_range) of every date from a week before the
  // snapshot's first visit or shift (or its history_from) to the day after its last:
  // ooh_windows[k] = ooh_shift_windows(s, ooh_first + k days).
  LocalDate ooh_first{};
  std::vector<OohShiftWindows> ooh_windows;
  // Those of first..last, or empty when some of those dates are not held.
  std::span<const OohShiftWindows> ooh_windows_of(LocalDate first, LocalDate last) const;

  // Which snapshot it was built from (its review rules are pointed at: a moved snapshot is another),
  // and the rows it points into (reloaded, copied or compacted since: other rows, the index unused).
  const Snapshot* snapshot = nullptr;
  const Episode* episodes = nullptr;
  size_t episode_count = 0;
  const Review* reviews = nullptr;
  size_t review_count = 0;
  const ContactPlan* plans = nullptr;
  size_t plan_count = 0;
  // True when built from `s`'s rows as they are now (their places and counts; a command edits rows in
  // place too: the kiosk rebuilds the index on every data change, app/terminal_model.hpp).
  bool built_for(const Snapshot& s) const;
  // The facts of the episode at `position` in the snapshot's `episodes`, and what each of its reviews
  // met; null / empty when it was left out.
  const ReviewFacts* facts_of(size_t position) const;
  std::span<const ReviewMet> met_by_reviews_of(size_t position) const;
};

// `episodes_from`: index only the episodes not closed before it (the kiosk: the snapshot's
// history_from, as index_compliance_for does; a board's 13 weeks start after it for days to come).
ComplianceIndex index_compliance(const Snapshot& s, std::optional<Instant> episodes_from = std::nullopt);
// The kiosk's index of its working set: the episodes not closed before the snapshot's history_from
// (those its rows are loaded for); every episode of a full snapshot.
ComplianceIndex index_compliance_for(const Snapshot& s);

}  // namespace vb
