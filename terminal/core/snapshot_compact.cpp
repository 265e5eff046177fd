// Spare capacity out of a loaded snapshot (see snapshot_compact.hpp).
#include "core/snapshot_compact.hpp"

#include <unordered_set>

namespace vb {

namespace {

template <typename T>
std::size_t shrink(std::vector<T>& v) {
  const std::size_t spare = (v.capacity() - v.size()) * sizeof(T);
  if (spare) v.shrink_to_fit();
  return spare;
}
template <typename T>
std::size_t shrink(CompactVector<T>& v) {
  const std::size_t spare = (v.capacity() - v.size()) * sizeof(T);
  if (spare) v.shrink_to_fit();
  return spare;
}

// Long texts that many rows repeat (a phase's label and focus, a closure's reason, a transition's
// detail, a review's rationale written from a template) held once: every row's copy shares one heap
// block (PackedText copies share). Same characters in every row, so nothing read changes.
class TextPool {
 public:
  void share(PackedText& t) {
    if (t.size() <= 7) return;  // inline: nothing on the heap
    const auto [it, fresh] = texts_.insert(t);
    if (!fresh && !it->shares_storage_with(t)) t = *it;
  }

 private:
  std::unordered_set<PackedText> texts_;
};

void pool_texts(Snapshot& s) {
  TextPool pool;
  for (auto& p : s.people) {
    pool.share(p.given_name);
    pool.share(p.family_name);
  }
  for (auto& e : s.episodes) {
    pool.share(e.zone);
    pool.share(e.named_worker);
    pool.share(e.closure_reason);
    pool.share(e.closure_destination);
  }
  for (auto& p : s.plans)
    for (auto& ph : p.phases) {
      pool.share(ph.label);
      pool.share(ph.focus);
    }
  for (auto& v : s.visits) {
    pool.share(v.staff1);
    pool.share(v.staff2);
    pool.share(v.reason);
    pool.share(v.allocated_by);
  }
  for (auto& x : s.shifts) pool.share(x.staff_id);
  for (auto& r : s.reviews) {
    pool.share(r.reviewer);
    pool.share(r.decision);
    pool.share(r.rationale);
  }
  for (auto& t : s.transition_records) {
    pool.share(t.item);
    pool.share(t.by);
    pool.share(t.detail);
  }
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
  pool_texts(s);
  return table(s.zones) + table(s.staff) + table(s.people) + table(s.episodes) + table(s.plans) + table(s.visits) +
         table(s.shifts) + table(s.review_slots) + table(s.reviews) + table(s.decisions) + table(s.slot_patterns) +
         table(s.leave) + table(s.bookings) + table(s.risk_changes) + table(s.concerns) + table(s.thresholds) +
         table(s.escalation_acks) + table(s.reassessments) + table(s.plan_changes) + table(s.transition_records) +
         table(s.key_people) + table(s.carer_contacts);
}

}  // namespace vb
