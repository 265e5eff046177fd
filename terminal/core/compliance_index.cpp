// The compliance board's per-snapshot index (see compliance_index.hpp).
#include "core/compliance_index.hpp"

#include "core/compliance_detail.hpp"
#include "core/ooh_windows_range.hpp"

#include <algorithm>

namespace vb {

bool ComplianceIndex::built_for(const Snapshot& s) const {
  return snapshot == &s && episodes == s.episodes.data() && episode_count == s.episodes.size() &&
         reviews == s.reviews.data() && review_count == s.reviews.size() && plans == s.plans.data() &&
         plan_count == s.plans.size() && slot.size() == s.episodes.size() &&
         review_met_starts.size() == facts.size() + 1;
}

const ReviewFacts* ComplianceIndex::facts_of(size_t position) const {
  return position < slot.size() && slot[position] != none ? &facts[slot[position]] : nullptr;
}

std::span<const ComplianceIndex::ReviewMet> ComplianceIndex::met_by_reviews_of(size_t position) const {
  if (position >= slot.size() || slot[position] == none) return {};
  const size_t i = slot[position];
  return std::span<const ReviewMet>(review_met).subspan(review_met_starts[i], review_met_starts[i + 1] - review_met_starts[i]);
}

std::span<const OohShiftWindows> ComplianceIndex::ooh_windows_of(LocalDate first, LocalDate last) const {
  const long a = (date::sys_days{first} - date::sys_days{ooh_first}).count();
  const long b = (date::sys_days{last} - date::sys_days{ooh_first}).count();
  if (ooh_windows.empty() || a < 0 || b < a || b >= static_cast<long>(ooh_windows.size())) return {};
  return std::span<const OohShiftWindows>(ooh_windows).subspan(static_cast<size_t>(a), static_cast<size_t>(b - a + 1));
}

ComplianceIndex index_compliance(const Snapshot& s, std::optional<Instant> episodes_from) {
  ComplianceIndex x;
  x.episodes_from = episodes_from;
  x.snapshot = &s;
  x.episodes = s.episodes.data();
  x.episode_count = s.episodes.size();
  x.reviews = s.reviews.data();
  x.review_count = s.reviews.size();
  x.plans = s.plans.data();
  x.plan_count = s.plans.size();
  x.slot.assign(s.episodes.size(), ComplianceIndex::none);
  std::vector<const Review*> reviews;
  for (size_t p = 0; p < s.episodes.size(); ++p) {
    const Episode& e = s.episodes[p];
    if (episodes_from && e.closed_at && *e.closed_at < *episodes_from) continue;
    x.slot[p] = static_cast<std::uint32_t>(x.facts.size());
    reviews.clear();
    s.each_review_of(e.id, [&](const Review& r) { reviews.push_back(&r); });
    x.facts.push_back(review_facts(s, e, reviews));
    x.review_met_starts.push_back(static_cast<std::uint32_t>(x.review_met.size()));
    // Every review (the board's walk skips those meeting an obligation due before its range: their
    // items fall outside it anyway).
    for (size_t k = 0; k < x.facts.back().reviews.size(); ++k) x.review_met.push_back(detail::review_met(s, x.facts.back(), k));
  }
  x.review_met_starts.push_back(static_cast<std::uint32_t>(x.review_met.size()));
  // The dates a board may ask windows for: its range's lookback week before the first visit or shift
  // (or the history's start) up to the day after the last (a board past them works its own out).
  std::optional<LocalDate> lo, hi;
  auto span_date = [&](LocalDate d) {
    if (!lo || d < *lo) lo = d;
    if (!hi || *hi < d) hi = d;
  };
  for (const Visit& v : s.visits) span_date(v.date);
  for (const Shift& sh : s.shifts) span_date(sh.date);
  if (s.history_from && lo) lo = std::max(*lo, local_date_of(*s.history_from, s.zone()));
  if (lo) {
    x.ooh_first = plus_days(*lo, -8);
    x.ooh_windows = ooh_shift_windows_range(s, x.ooh_first, plus_days(*hi, 1));
  }
  // Kept beside the snapshot all day (issue 7): no spare capacity.
  x.facts.shrink_to_fit();
  x.review_met.shrink_to_fit();
  x.ooh_windows.shrink_to_fit();
  for (ReviewFacts& f : x.facts) {
    f.reviews.shrink_to_fit();
    f.raised_to_high.shrink_to_fit();
    f.plan_step_downs.shrink_to_fit();
    f.plan_step_down_starts.shrink_to_fit();
    f.plan_step_down_phase.shrink_to_fit();
  }
  return x;
}

ComplianceIndex index_compliance_for(const Snapshot& s) { return index_compliance(s, s.history_from); }

}  // namespace vb
