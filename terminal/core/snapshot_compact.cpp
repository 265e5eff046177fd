// Spare capacity out of a loaded snapshot (see snapshot_compact.hpp).
#include "core/snapshot_compact.hpp"

namespace vb {

namespace {

template <typename T>
std::size_t shrink(std::vector<T>& v) {
  const std::size_t spare = (v.capacity() - v.size()) * sizeof(T);
  if (spare) v.shrink_to_fit();
  return spare;
}

// The vectors inside rows: only the types that hold any.
std::size_t inner(Staff& x) { return shrink(x.skills) + shrink(x.roles) + shrink(x.sign_in_failures); }
std::size_t inner(ContactPlan& x) {
  std::size_t n = shrink(x.phases);
  for (auto& ph : x.phases) n += shrink(ph.weekdays) + shrink(ph.windows);
  return n;
}
std::size_t inner(Visit& x) { return shrink(x.required_skills); }
std::size_t inner(Review& x) { return shrink(x.risk_domains); }
std::size_t inner(CarerContact& x) { return shrink(x.shared); }
template <typename T>
std::size_t inner(T&) {
  return 0;
}

template <typename T>
std::size_t table(std::vector<T>& v) {
  std::size_t n = shrink(v);
  for (auto& row : v) n += inner(row);
  return n;
}

}  // namespace

std::size_t compact_snapshot(Snapshot& s) {
  return table(s.zones) + table(s.staff) + table(s.people) + table(s.episodes) + table(s.plans) + table(s.visits) +
         table(s.shifts) + table(s.review_slots) + table(s.reviews) + table(s.decisions) + table(s.slot_patterns) +
         table(s.leave) + table(s.bookings) + table(s.risk_changes) + table(s.concerns) + table(s.thresholds) +
         table(s.escalation_acks) + table(s.reassessments) + table(s.plan_changes) + table(s.transition_records) +
         table(s.key_people) + table(s.carer_contacts);
}

}  // namespace vb
