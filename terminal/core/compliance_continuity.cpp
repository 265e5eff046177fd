// Continuity: the named worker is at (at least) half of a person's contacts in the period, and how
// many different staff a person sees in a week. A contact is a visit recorded as done; both workers
// of a double-up count.
#include "core/compliance_detail.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace vb::detail {

namespace {

// Done visits dated in [from, to] that had started by as-at, day by day.
template <typename F>
void each_contact(const MeasureInput& in, LocalDate from, LocalDate to, F&& f) {
  for (LocalDate day = from; day <= to; day = plus_days(day, 1))
    for (const Visit* v : in.data->visits_on(day))
      if (v->status == VisitStatus::done && v->window_start <= in.as_at) f(*v);
}

}  // namespace

std::vector<MeasureItem> named_worker_continuity(const MeasureInput& in, const MeasureRule& rule) {
  const double share = rule.param("share", 0.5);
  const int at_least = static_cast<int>(rule.param("min_contacts", 2));
  struct Count {
    Id id = 0;
    const Episode* e = nullptr;
    int contacts = 0;
    int with_named = 0;
    LocalDate last{};
  };
  // People in the order of their first contact; the index only finds a person's entry (a flat
  // table: no node per person).
  std::vector<Count> people;
  StampedSlots index;  // episode -> (1, entry of `people`)
  each_contact(in, in.from, in.to, [&](const Visit& v) {
    auto& slot = index[v.episode_id];
    if (slot.first == 0) {
      slot = {1, people.size()};
      people.push_back(Count{v.episode_id, in.s.find_episode(v.episode_id)});
    }
    Count& c = people[slot.second];
    ++c.contacts;
    c.last = v.date;
    if (c.e && !c.e->named_worker.empty() && (v.staff1 == c.e->named_worker || v.staff2 == c.e->named_worker))
      ++c.with_named;
  });
  std::erase_if(people, [&](const Count& c) { return !c.e || c.e->named_worker.empty() || c.contacts < at_least; });
  // A defined order: the lowest share of contacts with the named worker first, equal shares by
  // episode id (summarise then puts the not-met first and orders by day, keeping this order within a day).
  // (A trend week's figure does not depend on the order: integer counts.)
  if (!in.figure_only)
    std::sort(people.begin(), people.end(), [](const Count& a, const Count& b) {
      const long lhs = static_cast<long>(a.with_named) * b.contacts, rhs = static_cast<long>(b.with_named) * a.contacts;
      return lhs != rhs ? lhs < rhs : a.id < b.id;
    });
  std::vector<MeasureItem> out;
  out.reserve(people.size());
  for (const Count& c : people) {
    MeasureItem item;
    item.episode = c.id;
    item.day = c.last;
    item.met = c.with_named >= share * c.contacts - 1e-9;
    if (in.details)
      in.describe(item, "named worker " + c.e->named_worker + " at " + std::to_string(c.with_named) + " of " +
                    std::to_string(c.contacts) + " contacts");
    out.push_back(std::move(item));
  }
  return out;
}

std::vector<MeasureItem> staff_per_person_week(const MeasureInput& in, const MeasureRule& rule) {
  std::vector<MeasureItem> out;
  // Each block's people in the order of their first contact (the same order whatever the period).
  // The index keeps its entries from block to block (no allocation per person a block): an entry
  // stamped with an earlier block is a person not seen yet in this one.
  StampedSlots index;  // episode -> (block stamp, entry of `seen`)
  std::vector<std::pair<Id, std::vector<const StaffId*>>> seen;
  size_t used = 0;  // the block's entries of `seen` (the rest keep their lists' memory for the next block)
  long stamp = 0;
  // Seven-day blocks from the period's first day (the last may be shorter).
  for (LocalDate block = in.from; block <= in.to; block = plus_days(block, 7)) {
    used = 0;
    ++stamp;
    each_contact(in, block, std::min(plus_days(block, 6), in.to), [&](const Visit& v) {
      auto& slot = index[v.episode_id];
      if (slot.first != stamp) {
        slot = {stamp, used};
        if (used == seen.size()) seen.emplace_back();
        seen[used].first = v.episode_id;
        seen[used].second.clear();
        ++used;
      }
      auto& list = seen[slot.second].second;
      for (const StaffId* id : {&v.staff1, &v.staff2})
        if (!id->empty() && std::none_of(list.begin(), list.end(), [&](const StaffId* x) { return *x == *id; }))
          list.push_back(id);
    });
    for (size_t k = 0; k < used; ++k) {
      const Id episode = seen[k].first;
      auto& list = seen[k].second;
      if (list.empty()) continue;
      MeasureItem item;
      item.episode = episode;
      item.day = block;
      item.amount = static_cast<double>(list.size());
      item.met = item.amount <= rule.target + 1e-9;
      if (in.detail_on(block)) {
        std::sort(list.begin(), list.end(), [](const StaffId* a, const StaffId* b) { return *a < *b; });
        std::string text = std::to_string(list.size()) + " staff in the week from " + format_day_label(block) + ":";
        for (const StaffId* id : list) text += " " + *id;
        in.describe(item, std::move(text));
      }
      out.push_back(std::move(item));
    }
  }
  return out;
}

// named_worker_continuity's figure for several periods: each person's episode looked up once, and
// each period's contacts counted as that function counts them (the same people, the same test).
std::vector<PeriodCount> named_worker_at(const Snapshot& s, const MeasureData& d, const MeasureRule& rule,
                                         std::span<const PeriodAt> periods, Instant) {
  const double share = rule.param("share", 0.5);
  const int at_least = static_cast<int>(rule.param("min_contacts", 2));
  struct Count {
    const Episode* e = nullptr;
    size_t period = SIZE_MAX;  // the period counted last
    int contacts = 0;
    int with_named = 0;
  };
  std::vector<Count> people;  // every person seen in any period
  StampedSlots index;         // episode -> (1, entry of `people`)
  std::vector<size_t> seen;   // the period's entries of `people`
  std::vector<PeriodCount> out(periods.size());
  for (size_t k = 0; k < periods.size(); ++k) {
    seen.clear();
    const PeriodAt& p = periods[k];
    for (LocalDate day = p.from; day <= p.to; day = plus_days(day, 1))
      for (const Visit* v : d.visits_on(day)) {
        if (v->status != VisitStatus::done || v->window_start > p.as_at) continue;
        auto& slot = index[v->episode_id];
        if (slot.first == 0) {
          slot = {1, people.size()};
          people.push_back(Count{s.find_episode(v->episode_id)});
        }
        Count& c = people[slot.second];
        if (c.period != k) {
          c.period = k;
          c.contacts = c.with_named = 0;
          seen.push_back(slot.second);
        }
        ++c.contacts;
        if (c.e && !c.e->named_worker.empty() && (v->staff1 == c.e->named_worker || v->staff2 == c.e->named_worker))
          ++c.with_named;
      }
    for (const size_t j : seen) {
      const Count& c = people[j];
      if (!c.e || c.e->named_worker.empty() || c.contacts < at_least) continue;
      ++out[k].items;
      if (c.with_named >= share * c.contacts - 1e-9) ++out[k].met;
    }
  }
  return out;
}

}  // namespace vb::detail
