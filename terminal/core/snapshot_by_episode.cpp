// Per-episode indexes over the snapshot's vectors: each is the vector's indices stable-sorted by
// episode id, so the rows of one episode are found by binary search, in the vector's order.
// Rules that ran once per episode over the whole history (visits, risk changes, ...) were
// quadratic at trust scale; with these they cost the episode's own rows.
#include "core/snapshot.hpp"

#include <algorithm>

namespace vb {

namespace {

template <typename T, typename Key>
void build(std::vector<uint32_t>& index, const std::vector<T>& vec, Key key) {
  index.resize(vec.size());
  bool sorted = true;
  for (size_t i = 0; i < index.size(); ++i) {
    index[i] = static_cast<uint32_t>(i);
    if (i > 0 && key(vec[i]) < key(vec[i - 1])) sorted = false;
  }
  if (sorted) return;
  // Sorted as (key, position) pairs: contiguous, and the position keeps the vector's order.
  std::vector<std::pair<Id, uint32_t>> keyed(vec.size());
  for (size_t i = 0; i < vec.size(); ++i) keyed[i] = {key(vec[i]), static_cast<uint32_t>(i)};
  std::sort(keyed.begin(), keyed.end());
  for (size_t i = 0; i < keyed.size(); ++i) index[i] = keyed[i].second;
}

// The rows of `vec` whose key is `id`, in the vector's order. When the vectors changed since
// reindex() (a test or a writer that has not reindexed yet) it scans, as before the index.
template <typename T, typename Key>
std::vector<const T*> rows_of(const std::vector<T>& vec, const std::vector<uint32_t>& index, Key key, Id id,
                              const Snapshot::KeyRanges* ranges = nullptr) {
  std::vector<const T*> out;
  if (ranges && index.size() == vec.size() && ranges->built_for(index.size())) {
    // The key's range from the small table of keys: the binary search below touches a row per step.
    const auto [lo, hi] = ranges->of(id);
    out.reserve(hi - lo);
    for (uint32_t i = lo; i < hi; ++i) out.push_back(&vec[index[i]]);
    if (std::all_of(out.begin(), out.end(), [&](const T* x) { return key(*x) == id; })) return out;
    out.clear();
  }
  if (index.size() == vec.size()) {
    auto lo = std::partition_point(index.begin(), index.end(), [&](uint32_t i) { return key(vec[i]) < id; });
    auto hi = std::partition_point(lo, index.end(), [&](uint32_t i) { return key(vec[i]) <= id; });
    out.reserve(static_cast<size_t>(hi - lo));
    for (auto it = lo; it != hi; ++it) out.push_back(&vec[*it]);
    // A row whose key was edited in place since reindex(): scan instead.
    if (std::all_of(out.begin(), out.end(), [&](const T* x) { return key(*x) == id; })) return out;
    out.clear();
  }
  for (const auto& x : vec)
    if (key(x) == id) out.push_back(&x);
  return out;
}

constexpr auto by_episode = [](const auto& x) { return x.episode_id; };

}  // namespace

void Snapshot::reindex_by_episode() {
  build(visits_by_episode_, visits, by_episode);
  build(risk_changes_by_episode_, risk_changes, by_episode);
  build(concerns_by_episode_, concerns, by_episode);
  build(acks_by_episode_, escalation_acks, by_episode);
  build(thresholds_by_episode_, thresholds, by_episode);
  build(bookings_by_episode_, bookings, by_episode);
  build(reassessments_by_episode_, reassessments, by_episode);
  build(plan_changes_by_episode_, plan_changes, by_episode);
  build(transition_records_by_episode_, transition_records, by_episode);
  build(key_people_by_person_, key_people, [](const KeyPerson& k) { return k.person_id; });
  build(carer_contacts_by_key_person_, carer_contacts, [](const CarerContact& c) { return c.key_person_id; });
  build_key_ranges();
}

namespace {
template <typename T>
void ranges_of(Snapshot::KeyRanges& r, const std::vector<T>& vec, const std::vector<uint32_t>& index) {
  r.keys.clear();
  r.starts.clear();
  for (size_t i = 0; i < index.size(); ++i) {
    const Id key = vec[index[i]].episode_id;
    if (i > 0 && key == r.keys.back()) continue;
    if (i > 0 && key < r.keys.back()) {  // not sorted by key (cannot happen after reindex): no ranges
      r.keys.clear();
      r.starts.clear();
      return;
    }
    r.keys.push_back(key);
    r.starts.push_back(static_cast<uint32_t>(i));
  }
  r.starts.push_back(static_cast<uint32_t>(index.size()));
  r.keys.shrink_to_fit();
  r.starts.shrink_to_fit();
}
}  // namespace

std::pair<uint32_t, uint32_t> Snapshot::KeyRanges::of(Id id) const {
  auto it = std::lower_bound(keys.begin(), keys.end(), id);
  if (it == keys.end() || *it != id) return {0, 0};
  const auto k = static_cast<size_t>(it - keys.begin());
  return {starts[k], starts[k + 1]};
}

void Snapshot::build_key_ranges() {
  ranges_of(review_ranges_, reviews, reviews_by_episode_);
  ranges_of(visit_ranges_, visits, visits_by_episode_);
  ranges_of(reassessment_ranges_, reassessments, reassessments_by_episode_);
  ranges_of(plan_change_ranges_, plan_changes, plan_changes_by_episode_);
  ranges_of(transition_record_ranges_, transition_records, transition_records_by_episode_);
  ranges_of(risk_change_ranges_, risk_changes, risk_changes_by_episode_);
  episodes_by_closure_.resize(episodes.size());
  for (size_t i = 0; i < episodes.size(); ++i) episodes_by_closure_[i] = static_cast<uint32_t>(i);
  auto closure = [&](uint32_t i) { return episodes[i].closed_at.value_or(Instant::max()); };
  std::stable_sort(episodes_by_closure_.begin(), episodes_by_closure_.end(),
                   [&](uint32_t a, uint32_t b) { return closure(a) < closure(b); });
  episodes_by_closure_.shrink_to_fit();
}

std::vector<const Episode*> Snapshot::episodes_overlapping(Instant from, Instant to) const {
  std::vector<const Episode*> out;
  auto overlaps = [&](const Episode& e) { return e.accepted_at < to && (!e.closed_at || *e.closed_at >= from); };
  if (episodes_by_closure_.size() != episodes.size()) {
    for (const auto& e : episodes)
      if (overlaps(e)) out.push_back(&e);
    return out;
  }
  // Those not closed before `from` are a suffix of the index; of them, the ones accepted before `to`.
  auto it = std::partition_point(episodes_by_closure_.begin(), episodes_by_closure_.end(), [&](uint32_t i) {
    return episodes[i].closed_at && *episodes[i].closed_at < from;
  });
  std::vector<uint32_t> at;
  for (; it != episodes_by_closure_.end(); ++it)
    if (overlaps(episodes[*it])) at.push_back(*it);
  std::sort(at.begin(), at.end());
  out.reserve(at.size());
  for (uint32_t i : at) out.push_back(&episodes[i]);
  return out;
}

std::vector<const Visit*> Snapshot::visits_of(Id episode_id) const {
  return rows_of(visits, visits_by_episode_, by_episode, episode_id, &visit_ranges_);
}
std::vector<const RiskChange*> Snapshot::risk_changes_of(Id episode_id) const {
  return rows_of(risk_changes, risk_changes_by_episode_, by_episode, episode_id, &risk_change_ranges_);
}
std::vector<const Concern*> Snapshot::concerns_of(Id episode_id) const {
  return rows_of(concerns, concerns_by_episode_, by_episode, episode_id);
}
std::vector<const EscalationAck*> Snapshot::escalation_acks_of(Id episode_id) const {
  return rows_of(escalation_acks, acks_by_episode_, by_episode, episode_id);
}
const RiskThresholds* Snapshot::thresholds_of(Id episode_id) const {
  auto rows = rows_of(thresholds, thresholds_by_episode_, by_episode, episode_id);
  return rows.empty() ? nullptr : rows.front();
}
std::vector<const ReviewBooking*> Snapshot::bookings_of(Id episode_id) const {
  return rows_of(bookings, bookings_by_episode_, by_episode, episode_id);
}
std::vector<const RiskReassessment*> Snapshot::reassessments_of(Id episode_id) const {
  return rows_of(reassessments, reassessments_by_episode_, by_episode, episode_id, &reassessment_ranges_);
}
std::vector<const PlanChange*> Snapshot::plan_changes_of(Id episode_id) const {
  return rows_of(plan_changes, plan_changes_by_episode_, by_episode, episode_id, &plan_change_ranges_);
}
std::vector<const TransitionRecord*> Snapshot::transition_records_of(Id episode_id) const {
  return rows_of(transition_records, transition_records_by_episode_, by_episode, episode_id, &transition_record_ranges_);
}
std::vector<const KeyPerson*> Snapshot::key_people_of(Id person_id) const {
  return rows_of(key_people, key_people_by_person_, [](const KeyPerson& k) { return k.person_id; }, person_id);
}
std::vector<const CarerContact*> Snapshot::carer_contacts_of(Id key_person_id) const {
  return rows_of(carer_contacts, carer_contacts_by_key_person_, [](const CarerContact& c) { return c.key_person_id; },
                 key_person_id);
}

}  // namespace vb
