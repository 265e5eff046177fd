// Spare capacity out of a loaded snapshot (see snapshot_compact.hpp).
#include "core/snapshot_compact.hpp"

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

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

// A text in a heap block (not inline, not a known word): the only kind that costs an allocation.
// (shares_storage_with is true of a text and itself exactly when it is held in a block.)
bool in_block(const PackedText& t) { return t.shares_storage_with(t); }

// Every PackedText of every row of `s`, f(text&): the texts pooling and compact_copy go through.
template <typename F>
void each_text(Snapshot& s, F&& f) {
  for (auto& x : s.staff) f(x.id);
  for (auto& p : s.people) {
    f(p.given_name);
    f(p.family_name);
  }
  for (auto& e : s.episodes) {
    f(e.zone);
    f(e.named_worker);
    f(e.closure_reason);
    f(e.closure_destination);
  }
  for (auto& p : s.plans)
    for (auto& ph : p.phases) {
      f(ph.label);
      f(ph.focus);
    }
  for (auto& v : s.visits) {
    f(v.staff1);
    f(v.staff2);
    f(v.reason);
    f(v.allocated_by);
  }
  for (auto& x : s.shifts) f(x.staff_id);
  for (auto& x : s.review_slots) f(x.reviewer);
  for (auto& r : s.reviews) {
    f(r.reviewer);
    f(r.decision);
    f(r.rationale);
  }
  for (auto& x : s.decisions) f(x.decided_by);
  for (auto& x : s.slot_patterns) f(x.reviewer);
  for (auto& x : s.leave) f(x.reviewer);
  for (auto& x : s.bookings) {
    f(x.reviewer);
    f(x.booked_by);
  }
  for (auto& x : s.risk_changes) f(x.by);
  for (auto& x : s.concerns) f(x.recorded_by);
  for (auto& x : s.escalation_acks) f(x.by);
  for (auto& x : s.reassessments) f(x.by);
  for (auto& x : s.plan_changes) f(x.by);
  for (auto& t : s.transition_records) {
    f(t.item);
    f(t.by);
    f(t.detail);
  }
  for (auto& x : s.key_people) f(x.ended_by);
  for (auto& x : s.carer_contacts) f(x.by);
}

// Long texts that many rows repeat (a phase's label and focus, a closure's reason, a transition's
// detail, a review's rationale written from a template) held once: every row's copy shares one heap
// block (PackedText copies share). Same characters in every row, so nothing read changes.
class TextPool {
 public:
  void share(PackedText& t) {
    if (!in_block(t)) return;  // inline or a known word: nothing on the heap
    const auto [it, fresh] = texts_.insert(t);
    if (!fresh && !it->shares_storage_with(t)) t = *it;
  }

 private:
  std::unordered_set<PackedText> texts_;
};

void pool_texts(Snapshot& s) {
  TextPool pool;
  each_text(s, [&](PackedText& t) { pool.share(t); });
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
std::size_t inner(KeyPerson& x) { return shrink(x.versions); }  // session 9
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

Snapshot compact_copy(const Snapshot& s) {
  // Every vector and string of the copy is allocated here, at its size (a vector's copy has no spare
  // capacity); its texts still share `s`'s blocks until they are made anew below.
  Snapshot out = s;
  // The distinct heap texts first (temporaries, freed together below: one run of free memory), then
  // each made anew once, in one run after them; every row's copy then shares its new block.
  std::unordered_map<std::string_view, std::uint32_t> slot;
  std::vector<std::string_view> distinct;
  each_text(out, [&](PackedText& t) {
    if (in_block(t) && slot.emplace(t.view(), static_cast<std::uint32_t>(distinct.size())).second)
      distinct.push_back(t.view());
  });
  std::vector<PackedText> made;
  made.reserve(distinct.size());
  for (const std::string_view text : distinct) made.emplace_back(text);
  each_text(out, [&](PackedText& t) {
    if (in_block(t)) t = made[slot.at(t.view())];
  });
  return out;
}

}  // namespace vb
