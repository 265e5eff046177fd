// Indexes over the snapshot's vectors so screens and rules look rows up by id without a scan: sorted
// (id, position) vectors, binary-searched (hash maps until s6B: ~40 bytes a row instead of 16).
#include "core/snapshot.hpp"

#include <algorithm>

namespace vb {

namespace {
template <typename Map, typename Key, typename Vec>
auto lookup(const Map& map, const Key& key, const Vec& vec) -> decltype(&vec[0]) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &vec[it->second];
}

using IdPositions = std::vector<std::pair<Id, uint32_t>>;

// (key, position) of every row, sorted; rows come in id order, so usually already sorted, and then
// no pairs are kept: the rows are searched themselves.
template <typename Index, typename Vec, typename Key>
void index_by(Index& index, const Vec& vec, Key key) {
  index.pairs.clear();
  index.sorted_rows = 0;
  if (std::is_sorted(vec.begin(), vec.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); })) {
    index.pairs.shrink_to_fit();
    index.sorted_rows = static_cast<uint32_t>(vec.size());
    return;
  }
  index.pairs.reserve(vec.size());
  for (size_t i = 0; i < vec.size(); ++i) index.pairs.emplace_back(key(vec[i]), static_cast<uint32_t>(i));
  std::sort(index.pairs.begin(), index.pairs.end());
}

// The row of `id`: the last one with it, as a map filled in order would hold.
template <typename Index, typename Vec, typename Key>
auto find_row(const Index& index, Id id, const Vec& vec, Key key) -> decltype(&vec[0]) {
  if (index.pairs.empty()) {
    const auto end = vec.begin() + static_cast<std::ptrdiff_t>(std::min<size_t>(index.sorted_rows, vec.size()));
    auto it = std::upper_bound(vec.begin(), end, id, [&](Id k, const auto& row) { return k < key(row); });
    if (it == vec.begin() || key(*std::prev(it)) != id) return nullptr;
    return &*std::prev(it);
  }
  const IdPositions& pairs = index.pairs;
  auto it = std::upper_bound(pairs.begin(), pairs.end(), id, [](Id k, const auto& e) { return k < e.first; });
  if (it == pairs.begin() || std::prev(it)->first != id) return nullptr;
  return &vec[std::prev(it)->second];
}

const auto by_id = [](const auto& row) { return row.id; };
const auto by_episode = [](const auto& row) { return row.episode_id; };
}  // namespace

void Snapshot::reindex() {
  staff_index_.clear();
  staff_index_.reserve(staff.size());
  for (size_t i = 0; i < staff.size(); ++i) staff_index_[staff[i].id] = i;
  index_by(person_index_, people, by_id);
  index_by(episode_index_, episodes, by_id);
  index_by(visit_index_, visits, by_id);
  index_by(plan_by_episode_, plans, by_episode);
  // Reviews by episode, each episode's oldest first (equal times in the vector's order).
  reviews_by_episode_.resize(reviews.size());
  for (size_t i = 0; i < reviews.size(); ++i) reviews_by_episode_[i] = static_cast<uint32_t>(i);
  std::stable_sort(reviews_by_episode_.begin(), reviews_by_episode_.end(), [&](uint32_t a, uint32_t b) {
    if (reviews[a].episode_id != reviews[b].episode_id) return reviews[a].episode_id < reviews[b].episode_id;
    return reviews[a].held_at < reviews[b].held_at;
  });
  reviews_by_episode_.shrink_to_fit();
  zone_ = find_zone(team.time_zone);
  auto by_date = [](std::vector<uint32_t>& index, const auto& vec) {
    index.resize(vec.size());
    for (size_t i = 0; i < index.size(); ++i) index[i] = static_cast<uint32_t>(i);
    // Rows are read in id order, which is mostly date order: an already-sorted vector needs no sort.
    if (std::is_sorted(vec.begin(), vec.end(), [](const auto& a, const auto& b) { return a.date < b.date; })) return;
    std::stable_sort(index.begin(), index.end(), [&](uint32_t a, uint32_t b) { return vec[a].date < vec[b].date; });
  };
  by_date(visits_by_date_, visits);
  by_date(shifts_by_date_, shifts);
  reindex_by_episode();
}

const Staff* Snapshot::find_staff(std::string_view id) const {
  return lookup(staff_index_, std::string(id), staff);
}
const Person* Snapshot::find_person(Id id) const { return find_row(person_index_, id, people, by_id); }
const Episode* Snapshot::find_episode(Id id) const { return find_row(episode_index_, id, episodes, by_id); }
const Visit* Snapshot::find_visit(Id id) const { return find_row(visit_index_, id, visits, by_id); }
const ContactPlan* Snapshot::plan_for_episode(Id episode_id) const {
  return find_row(plan_by_episode_, episode_id, plans, by_episode);
}
const ZoneRule* Snapshot::find_zone_rule(std::string_view name) const {
  for (const auto& z : zones)
    if (z.name == name) return &z;
  return nullptr;
}

std::vector<const Review*> Snapshot::reviews_of(Id episode_id) const {
  std::vector<const Review*> out;
  if (reviews_by_episode_.size() != reviews.size()) {  // rows added since reindex(): scan
    for (const auto& r : reviews)
      if (r.episode_id == episode_id) out.push_back(&r);
    std::stable_sort(out.begin(), out.end(), [](const Review* a, const Review* b) { return a->held_at < b->held_at; });
    return out;
  }
  if (review_ranges_.built_for(reviews_by_episode_.size())) {
    // The episode's range from the small table of keys (snapshot_by_episode.cpp).
    const auto [first, last] = review_ranges_.of(episode_id);
    out.reserve(last - first);
    bool same = true;
    for (uint32_t i = first; i < last; ++i) {
      out.push_back(&reviews[reviews_by_episode_[i]]);
      same = same && out.back()->episode_id == episode_id;
    }
    if (same) return out;
    out.clear();
  }
  auto lo = std::partition_point(reviews_by_episode_.begin(), reviews_by_episode_.end(),
                                 [&](uint32_t i) { return reviews[i].episode_id < episode_id; });
  for (auto it = lo; it != reviews_by_episode_.end() && reviews[*it].episode_id == episode_id; ++it)
    out.push_back(&reviews[*it]);
  return out;
}

Zone Snapshot::zone() const { return zone_ ? zone_ : find_zone(team.time_zone); }

namespace {
// Elements of `vec` dated in [from, to], by date. Falls back to a scan when the index is stale.
template <typename T>
std::vector<const T*> dated(const std::vector<T>& vec, const std::vector<uint32_t>& index, LocalDate from, LocalDate to) {
  std::vector<const T*> out;
  if (index.size() != vec.size()) {
    std::vector<const T*> all;
    for (const auto& x : vec)
      if (x.date >= from && x.date <= to) all.push_back(&x);
    std::stable_sort(all.begin(), all.end(), [](const T* a, const T* b) { return a->date < b->date; });
    return all;
  }
  auto lo = std::partition_point(index.begin(), index.end(), [&](uint32_t i) { return vec[i].date < from; });
  auto hi = std::partition_point(lo, index.end(), [&](uint32_t i) { return vec[i].date <= to; });
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
