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
std::vector<const T*> rows_of(const std::vector<T>& vec, const std::vector<uint32_t>& index, Key key, Id id) {
  std::vector<const T*> out;
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
}

std::vector<const Visit*> Snapshot::visits_of(Id episode_id) const {
  return rows_of(visits, visits_by_episode_, by_episode, episode_id);
}
std::vector<const RiskChange*> Snapshot::risk_changes_of(Id episode_id) const {
  return rows_of(risk_changes, risk_changes_by_episode_, by_episode, episode_id);
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
  return rows_of(reassessments, reassessments_by_episode_, by_episode, episode_id);
}
std::vector<const PlanChange*> Snapshot::plan_changes_of(Id episode_id) const {
  return rows_of(plan_changes, plan_changes_by_episode_, by_episode, episode_id);
}
std::vector<const TransitionRecord*> Snapshot::transition_records_of(Id episode_id) const {
  return rows_of(transition_records, transition_records_by_episode_, by_episode, episode_id);
}
std::vector<const KeyPerson*> Snapshot::key_people_of(Id person_id) const {
  return rows_of(key_people, key_people_by_person_, [](const KeyPerson& k) { return k.person_id; }, person_id);
}
std::vector<const CarerContact*> Snapshot::carer_contacts_of(Id key_person_id) const {
  return rows_of(carer_contacts, carer_contacts_by_key_person_, [](const CarerContact& c) { return c.key_person_id; },
                 key_person_id);
}

}  // namespace vb
