// Export ranges: local dates in the team's zone, inclusive at both ends; no range means everything.
#include "archive/export_filter.hpp"

#include <algorithm>

namespace vb::archive {

namespace {

bool in_range(LocalDate d, const ExportRange& r) { return (!r.from || d >= *r.from) && (!r.to || d <= *r.to); }

template <class T>
void by_id(std::vector<const T*>& v) {
  std::sort(v.begin(), v.end(), [](const T* a, const T* b) { return a->id < b->id; });
}

}  // namespace

std::vector<const Visit*> visits_in(const Snapshot& s, const ExportRange& range) {
  std::vector<const Visit*> out;
  for (const auto& v : s.visits) {
    if (in_range(v.date, range)) out.push_back(&v);
  }
  by_id(out);
  return out;
}

std::vector<const Episode*> episodes_in(const Snapshot& s, const ExportRange& range) {
  std::vector<const Episode*> out;
  const Zone zone = s.zone();
  for (const auto& e : s.episodes) {
    bool started = !range.to || local_date_of(e.accepted_at, zone) <= *range.to;
    bool not_ended = !range.from || !e.closed_at || local_date_of(*e.closed_at, zone) >= *range.from;
    if (started && not_ended) out.push_back(&e);
  }
  by_id(out);
  return out;
}

std::vector<const Review*> reviews_in(const Snapshot& s, const ExportRange& range) {
  std::vector<const Review*> out;
  for (const auto& r : s.reviews) {
    if (in_range(local_date_of(r.held_at, s.zone()), range)) out.push_back(&r);
  }
  by_id(out);
  return out;
}

std::string person_local_id(const Snapshot& s, Id episode_id) {
  const Episode* e = s.find_episode(episode_id);
  const Person* p = e ? s.find_person(e->person_id) : nullptr;
  return p ? p->local_id : "";
}

}  // namespace vb::archive
