// Label dynamic programmes over one staff member's routes (enumeration and pricing).
#include "core/allocation_routes.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace vb::alloc {
namespace {

std::vector<int> candidates(const Instance& in, int s) {
  std::vector<int> c;
  for (int v = 0; v < in.nv; ++v)
    if (in.can(s, v)) c.push_back(v);
  return c;
}

struct Key {
  std::uint64_t mask;
  int last;
  bool operator==(const Key& o) const { return mask == o.mask && last == o.last; }
};
struct KeyHash {
  std::size_t operator()(const Key& k) const { return std::hash<std::uint64_t>()(k.mask * 131 + k.last); }
};

}  // namespace

bool enumerate_routes(const Instance& in, int s, std::size_t limit, std::vector<Column>* out) {
  out->clear();
  const std::vector<int> cand = candidates(in, s);
  if (cand.size() > 64) return false;
  const int n = static_cast<int>(cand.size());
  std::uint64_t pinmask = 0;
  for (int a = 0; a < n; ++a)
    if (in.pinned(s, cand[a])) pinmask |= std::uint64_t{1} << a;

  struct L {
    std::uint64_t mask;
    int last, time, travel, busy, cnt, parent;
    bool dead;
  };
  std::vector<L> labels;
  std::unordered_map<Key, std::vector<int>, KeyHash> at;
  std::vector<int> layer, next;

  auto extend = [&](int from, int a) {
    const L* p = from >= 0 ? &labels[from] : nullptr;
    const int v = cand[a];
    const int t0 = p ? p->time : in.shift_start[s];
    const int tr = p ? in.tv(cand[p->last], v) : in.bt(s, v);
    const int st = std::max(t0 + tr, in.early[v]);
    if (st > in.late[v]) return;
    const int end = st + in.dur[v];
    if (end > in.shift_end[s]) return;
    const int cnt = (p ? p->cnt : 0) + 1, busy = (p ? p->busy : 0) + in.dur[v];
    if (cnt > in.cap_visits[s] || busy > in.cap_minutes[s]) return;
    const int travel = (p ? p->travel : 0) + tr;
    const std::uint64_t mask = (p ? p->mask : 0) | (std::uint64_t{1} << a);
    auto& list = at[Key{mask, a}];
    for (int e : list)
      if (labels[e].time <= end && labels[e].travel <= travel) return;
    std::erase_if(list, [&](int e) {
      if (end <= labels[e].time && travel <= labels[e].travel) {
        labels[e].dead = true;
        return true;
      }
      return false;
    });
    list.push_back(static_cast<int>(labels.size()));
    next.push_back(static_cast<int>(labels.size()));
    labels.push_back(L{mask, a, end, travel, busy, cnt, from, false});
  };

  for (int a = 0; a < n; ++a) extend(-1, a);
  while (!next.empty()) {
    if (labels.size() > limit) return false;
    layer.swap(next);
    next.clear();
    for (int i : layer) {
      if (labels[i].dead) continue;
      for (int a = 0; a < n; ++a)
        if (!(labels[i].mask >> a & 1)) extend(i, a);
      if (labels.size() > limit) return false;
    }
  }

  // The best order of each visit set: least travel, then earliest finish, then first found.
  std::unordered_map<std::uint64_t, int> best;
  std::vector<std::uint64_t> order;
  for (int i = 0; i < static_cast<int>(labels.size()); ++i) {
    const L& l = labels[i];
    if (l.dead || (l.mask & pinmask) != pinmask) continue;
    auto [it, fresh] = best.try_emplace(l.mask, i);
    if (fresh) {
      order.push_back(l.mask);
      continue;
    }
    const L& b = labels[it->second];
    if (l.travel < b.travel || (l.travel == b.travel && l.time < b.time)) it->second = i;
  }
  for (std::uint64_t m : order) {
    const L& l = labels[best[m]];
    Column c;
    c.staff = s;
    for (int i = best[m]; i >= 0; i = labels[i].parent) c.visits.push_back(cand[labels[i].last]);
    std::reverse(c.visits.begin(), c.visits.end());
    c.cost = static_cast<long long>(l.travel) * AllocationWeights::travel_per_min + fairness_cost(l.busy);
    for (int v : c.visits) c.cost += in.pf(s, v);
    out->push_back(std::move(c));
  }
  return true;
}

Pricing price_routes(const Instance& in, int s, const std::vector<double>& visit_duals, double staff_dual,
                     int ng_size, std::size_t max_columns, std::size_t label_limit) {
  Pricing out;
  out.min_reduced_cost = std::min(0.0, -staff_dual);
  const std::vector<int> cand = candidates(in, s);
  const int n = static_cast<int>(cand.size());
  if (n == 0) return out;
  if (n > 64) {
    out.complete = false;
    return out;
  }
  // ng-neighbourhoods: each visit remembers itself and its nearest candidates.
  std::vector<std::uint64_t> ng(n, 0);
  for (int a = 0; a < n; ++a) {
    std::vector<std::pair<int, int>> near;
    for (int b = 0; b < n; ++b) near.emplace_back(in.tv(cand[a], cand[b]), b);
    std::sort(near.begin(), near.end());
    ng[a] = std::uint64_t{1} << a;
    for (int k = 0; k < n && k < ng_size; ++k) ng[a] |= std::uint64_t{1} << near[k].second;
  }
  const bool capped_count = in.cap_visits[s] < 1000;

  struct L {
    int last, time, busy, cnt, parent;
    double rc;           // without fairness and staff dual
    long long cost;      // travel + continuity, without fairness
    std::uint64_t mem;
    bool dead;
  };
  std::vector<L> labels;
  std::vector<std::vector<int>> at(n);
  const int horizon = in.shift_end[s] - in.shift_start[s] + 1;
  std::vector<std::vector<int>> bucket(std::max(horizon, 1));

  auto extend = [&](int from, int a) {
    const L* p = from >= 0 ? &labels[from] : nullptr;
    const int v = cand[a];
    if (p && (p->mem >> a & 1)) return;
    const int t0 = p ? p->time : in.shift_start[s];
    const int tr = p ? in.tv(cand[p->last], v) : in.bt(s, v);
    const int st = std::max(t0 + tr, in.early[v]);
    if (st > in.late[v]) return;
    const int end = st + in.dur[v];
    if (end > in.shift_end[s]) return;
    const int cnt = (p ? p->cnt : 0) + 1, busy = (p ? p->busy : 0) + in.dur[v];
    if (cnt > in.cap_visits[s] || busy > in.cap_minutes[s]) return;
    const long long cost = (p ? p->cost : 0) + tr * AllocationWeights::travel_per_min + in.pf(s, v);
    const double rc = (p ? p->rc : 0.0) + static_cast<double>(tr * AllocationWeights::travel_per_min + in.pf(s, v)) -
                      visit_duals[v];
    const std::uint64_t mem = ((p ? p->mem : 0) & ng[a]) | (std::uint64_t{1} << a);
    auto& list = at[a];
    for (int e : list) {
      const L& x = labels[e];
      if (x.time <= end && x.rc <= rc + 1e-9 && x.busy <= busy && (!capped_count || x.cnt <= cnt) &&
          (x.mem & ~mem) == 0)
        return;
    }
    std::erase_if(list, [&](int e) {
      L& x = labels[e];
      if (end <= x.time && rc <= x.rc + 1e-9 && busy <= x.busy && (!capped_count || cnt <= x.cnt) &&
          (mem & ~x.mem) == 0) {
        x.dead = true;
        return true;
      }
      return false;
    });
    list.push_back(static_cast<int>(labels.size()));
    bucket[end - in.shift_start[s]].push_back(static_cast<int>(labels.size()));
    labels.push_back(L{a, end, busy, cnt, from, rc, cost, mem, false});
  };

  for (int a = 0; a < n; ++a) extend(-1, a);
  std::vector<std::pair<double, int>> negative;
  for (int t = 0; t < horizon; ++t) {
    for (size_t k = 0; k < bucket[t].size(); ++k) {
      const int i = bucket[t][k];
      if (labels[i].dead) continue;
      const double final_rc = labels[i].rc + static_cast<double>(fairness_cost(labels[i].busy)) - staff_dual;
      if (final_rc < out.min_reduced_cost) out.min_reduced_cost = final_rc;
      if (final_rc < -1e-6) negative.emplace_back(final_rc, i);
      for (int a = 0; a < n; ++a) extend(i, a);
      if (labels.size() > label_limit) {
        out.complete = false;
        return out;
      }
    }
  }
  std::sort(negative.begin(), negative.end());
  for (auto& [rc, i] : negative) {
    if (out.columns.size() >= max_columns) break;
    Column c;
    c.staff = s;
    for (int j = i; j >= 0; j = labels[j].parent) c.visits.push_back(cand[labels[j].last]);
    std::reverse(c.visits.begin(), c.visits.end());
    c.cost = labels[i].cost + fairness_cost(labels[i].busy);
    out.columns.push_back(std::move(c));
  }
  return out;
}

}  // namespace vb::alloc
