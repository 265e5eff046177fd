// Indexes over the snapshot's vectors so screens and rules look things up in O(1).
#include "core/snapshot.hpp"

#include <algorithm>

namespace vb {

namespace {
template <typename Map, typename Key, typename Vec>
auto lookup(const Map& map, const Key& key, const Vec& vec) -> decltype(&vec[0]) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &vec[it->second];
}
}  // namespace

void Snapshot::reindex() {
  staff_index_.clear();
  person_index_.clear();
  episode_index_.clear();
  visit_index_.clear();
  plan_by_episode_.clear();
  reviews_by_episode_.clear();
  staff_index_.reserve(staff.size());
  person_index_.reserve(people.size());
  episode_index_.reserve(episodes.size());
  visit_index_.reserve(visits.size());
  plan_by_episode_.reserve(plans.size());
  for (size_t i = 0; i < staff.size(); ++i) staff_index_[staff[i].id] = i;
  for (size_t i = 0; i < people.size(); ++i) person_index_[people[i].id] = i;
  for (size_t i = 0; i < episodes.size(); ++i) episode_index_[episodes[i].id] = i;
  for (size_t i = 0; i < visits.size(); ++i) visit_index_[visits[i].id] = i;
  for (size_t i = 0; i < plans.size(); ++i) plan_by_episode_[plans[i].episode_id] = i;
  std::vector<size_t> order(reviews.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return reviews[a].held_at < reviews[b].held_at; });
  for (size_t i : order) reviews_by_episode_[reviews[i].episode_id].push_back(i);
  zone_ = find_zone(team.time_zone);
  auto by_date = [](std::vector<size_t>& index, const auto& vec) {
    index.resize(vec.size());
    for (size_t i = 0; i < index.size(); ++i) index[i] = i;
    // Rows are read in id order, which is mostly date order: an already-sorted vector needs no sort.
    if (std::is_sorted(vec.begin(), vec.end(), [](const auto& a, const auto& b) { return a.date < b.date; })) return;
    std::stable_sort(index.begin(), index.end(), [&](size_t a, size_t b) { return vec[a].date < vec[b].date; });
  };
  by_date(visits_by_date_, visits);
  by_date(shifts_by_date_, shifts);
  reindex_by_episode();
}

const Staff* Snapshot::find_staff(std::string_view id) const {
  return lookup(staff_index_, std::string(id), staff);
}
const Person* Snapshot::find_person(Id id) const { return lookup(person_index_, id, people); }
const Episode* Snapshot::find_episode(Id id) const { return lookup(episode_index_, id, episodes); }
const Visit* Snapshot::find_visit(Id id) const { return lookup(visit_index_, id, visits); }
const ContactPlan* Snapshot::plan_for_episode(Id episode_id) const {
  return lookup(plan_by_episode_, episode_id, plans);
}
const ZoneRule* Snapshot::find_zone_rule(std::string_view name) const {
  for (const auto& z : zones)
    if (z.name == name) return &z;
  return nullptr;
}

std::vector<const Review*> Snapshot::reviews_of(Id episode_id) const {
  std::vector<const Review*> out;
  auto it = reviews_by_episode_.find(episode_id);
  if (it == reviews_by_episode_.end()) return out;
  for (size_t i : it->second) out.push_back(&reviews[i]);
  return out;
}

Zone Snapshot::zone() const { return zone_ ? zone_ : find_zone(team.time_zone); }

namespace {
// Elements of `vec` dated in [from, to], by date. Falls back to a scan when the index is stale.
template <typename T>
std::vector<const T*> dated(const std::vector<T>& vec, const std::vector<size_t>& index, LocalDate from, LocalDate to) {
  std::vector<const T*> out;
  if (index.size() != vec.size()) {
    std::vector<const T*> all;
    for (const auto& x : vec)
      if (x.date >= from && x.date <= to) all.push_back(&x);
    std::stable_sort(all.begin(), all.end(), [](const T* a, const T* b) { return a->date < b->date; });
    return all;
  }
  auto lo = std::partition_point(index.begin(), index.end(), [&](size_t i) { return vec[i].date < from; });
  auto hi = std::partition_point(lo, index.end(), [&](size_t i) { return vec[i].date <= to; });
  out.reserve(static_cast<size_t>(hi - lo));
  for (auto it = lo; it != hi; ++it) out.push_back(&vec[*it]);
  return out;
}
}  // namespace

std::vector<const Visit*> Snapshot::visits_dated(LocalDate from, LocalDate to) const {
  return dated(visits, visits_by_date_, from, to);
}
std::vector<const Shift*> Snapshot::shifts_dated(LocalDate from, LocalDate to) const {
  return dated(shifts, shifts_by_date_, from, to);
}

}  // namespace vb
