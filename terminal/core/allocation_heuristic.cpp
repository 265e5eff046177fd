// Regret-2 insertion with coverage first, and ruin-and-recreate large-neighbourhood search on top.
#include "core/allocation_heuristic.hpp"

#include <algorithm>
#include <limits>
#include <random>

namespace vb::alloc {
namespace {

constexpr long long inf = std::numeric_limits<long long>::max() / 4;

struct Search {
  const Instance* in;
  Routes routes;
  std::vector<long long> rcost;  // per staff
  std::vector<int> count;        // staff on each visit
  std::vector<long long> bonus;  // per visit: grows each time it drops out
  // Cache of the cheapest insertion of visit v into staff s's route: cost delta and position.
  std::vector<long long> best_delta;
  std::vector<int> best_pos;
  std::vector<char> dirty;  // per staff

  explicit Search(const Instance& i) : in(&i) {
    routes.assign(in->ns, {});
    rcost.assign(in->ns, 0);
    count.assign(in->nv, 0);
    bonus.assign(in->nv, 0);
    best_delta.assign(static_cast<size_t>(in->nv) * in->ns, inf);
    best_pos.assign(static_cast<size_t>(in->nv) * in->ns, -1);
    dirty.assign(in->ns, 1);
  }

  long long value() const {
    long long v = 0;
    for (auto c : rcost) v += c;
    for (int i = 0; i < in->nv; ++i)
      if (count[i] < in->need[i]) v += in->uncovered_cost[i];
    return v;
  }

  bool in_route(int s, int v) const { return std::find(routes[s].begin(), routes[s].end(), v) != routes[s].end(); }

  void evaluate(int v, int s) {
    const size_t k = static_cast<size_t>(v) * in->ns + s;
    best_delta[k] = inf;
    best_pos[k] = -1;
    if (!in->can(s, v) || in_route(s, v)) return;
    auto& r = routes[s];
    std::vector<int> trial;
    trial.reserve(r.size() + 1);
    for (size_t pos = 0; pos <= r.size(); ++pos) {
      trial.assign(r.begin(), r.begin() + static_cast<long>(pos));
      trial.push_back(v);
      trial.insert(trial.end(), r.begin() + static_cast<long>(pos), r.end());
      RouteTiming t;
      if (!time_route(*in, s, trial, &t)) continue;
      const long long d = t.cost - rcost[s];
      if (d < best_delta[k]) {
        best_delta[k] = d;
        best_pos[k] = static_cast<int>(pos);
      }
    }
  }

  void set_route(int s, std::vector<int> r) {
    RouteTiming t;
    time_route(*in, s, r, &t);
    routes[s] = std::move(r);
    rcost[s] = t.cost;
    dirty[s] = 1;
  }

  void insert(int v, int s) {
    const size_t k = static_cast<size_t>(v) * in->ns + s;
    auto r = routes[s];
    r.insert(r.begin() + best_pos[k], v);
    set_route(s, std::move(r));
    ++count[v];
  }

  void remove(int v) {
    for (int s = 0; s < in->ns; ++s) {
      if (in->pinned(s, v)) continue;
      auto& r = routes[s];
      auto it = std::find(r.begin(), r.end(), v);
      if (it == r.end()) continue;
      auto copy = r;
      copy.erase(copy.begin() + (it - r.begin()));
      set_route(s, std::move(copy));
      --count[v];
    }
  }

  // Regret-2 insertion of the pending visits; visits that cannot be placed stay uncovered.
  void recreate(std::vector<int> pending) {
    std::sort(pending.begin(), pending.end());
    for (int v : pending)
      for (int s = 0; s < in->ns; ++s) evaluate(v, s);
    std::fill(dirty.begin(), dirty.end(), 0);
    while (!pending.empty()) {
      long long best_score = -inf;
      int best_i = -1, s1 = -1, s2 = -1;
      for (size_t i = 0; i < pending.size(); ++i) {
        const int v = pending[i];
        const int want = in->need[v] - count[v];
        // The three cheapest staff for v.
        long long c[3] = {inf, inf, inf};
        int who[3] = {-1, -1, -1};
        for (int s = 0; s < in->ns; ++s) {
          const long long d = best_delta[static_cast<size_t>(v) * in->ns + s];
          if (d >= inf) continue;
          for (int j = 0; j < 3; ++j)
            if (d < c[j]) {
              for (int m = 2; m > j; --m) {
                c[m] = c[m - 1];
                who[m] = who[m - 1];
              }
              c[j] = d;
              who[j] = s;
              break;
            }
        }
        long long first, second;
        if (want <= 1) {
          first = c[0];
          second = c[1];
        } else {
          first = c[1] >= inf ? inf : c[0] + c[1];
          second = c[2] >= inf ? inf : c[0] + c[2];
        }
        if (first >= inf) continue;
        const long long regret = std::min(second, in->uncovered_cost[v] + first) - first;
        const long long score = regret + bonus[v] * 1000 + in->uncovered_cost[v];
        if (score > best_score) {
          best_score = score;
          best_i = static_cast<int>(i);
          s1 = who[0];
          s2 = want >= 2 ? who[1] : -1;
        }
      }
      if (best_i < 0) break;  // nothing left can be placed
      const int v = pending[best_i];
      insert(v, s1);
      if (s2 >= 0) insert(v, s2);
      pending.erase(pending.begin() + best_i);
      for (int s = 0; s < in->ns; ++s)
        if (dirty[s]) {
          for (int u : pending) evaluate(u, s);
          dirty[s] = 0;
        }
    }
    for (int v : pending) ++bonus[v];
  }

  // A double-up that ended with only one (unpinned) worker is taken off them: it cannot be done.
  void drop_half_double_ups() {
    for (int v = 0; v < in->nv; ++v)
      if (count[v] > 0 && count[v] < in->need[v]) remove(v);
  }
};

std::vector<int> uncovered_visits(const Search& s) {
  std::vector<int> out;
  for (int v = 0; v < s.in->nv; ++v)
    if (s.count[v] < s.in->need[v]) out.push_back(v);
  return out;
}

}  // namespace

long long routes_value(const Instance& in, const Routes& routes) {
  long long total = 0;
  std::vector<int> count(in.nv, 0);
  for (int s = 0; s < in.ns; ++s) {
    RouteTiming t;
    time_route(in, s, routes[s], &t);
    total += t.cost;
    for (int v : routes[s]) ++count[v];
  }
  for (int v = 0; v < in.nv; ++v)
    if (count[v] < in.need[v]) total += in.uncovered_cost[v];
  return total;
}

Routes heuristic_routes(const Instance& in, const HeuristicOptions& opt) {
  Search cur(in);
  for (int s = 0; s < in.ns; ++s) {
    cur.set_route(s, in.pins_of[s]);
    for (int v : in.pins_of[s]) ++cur.count[v];
  }
  cur.recreate(uncovered_visits(cur));
  cur.drop_half_double_ups();

  std::vector<int> movable;  // visits with at least one unpinned place
  std::vector<char> coverable(in.nv, 0);
  for (int v = 0; v < in.nv; ++v) {
    if (in.pinned_count[v] < in.need[v]) movable.push_back(v);
    int able = 0;
    for (int s = 0; s < in.ns; ++s) able += in.can(s, v) ? 1 : 0;
    coverable[v] = able >= in.need[v];
  }
  int iterations = opt.iterations;
  if (iterations < 0) iterations = movable.size() <= 1 ? 0 : std::min(3000, 60 * static_cast<int>(movable.size()));
  if (movable.empty()) return cur.routes;

  std::mt19937_64 rng(in.problem.seed);
  Search best = cur;
  long long best_value = best.value(), cur_value = best_value;
  const long long threshold = 60;  // record-to-record: accept up to this much worse, shrinking to 0
  for (int it = 0; it < iterations; ++it) {
    Search next = cur;
    // Ruin: a seed visit and its nearest neighbours in place and time, plus everything uncovered. One round in
    // three the seed is an uncovered visit someone could do: the visits in its way are moved (coverage first).
    std::vector<int> open;
    for (int v : uncovered_visits(cur))
      if (coverable[v]) open.push_back(v);
    const bool for_coverage = !open.empty() && (it % 3) == 0;
    const int seed_visit = for_coverage ? open[rng() % open.size()] : movable[rng() % movable.size()];
    const int k = 3 + static_cast<int>(rng() % 6);
    std::vector<std::pair<long long, int>> near;
    const bool random_ruin = !for_coverage && (it % 4) == 3;
    for (int v : movable) {
      if (for_coverage && cur.count[v] == 0) continue;
      const long long rel = random_ruin ? static_cast<long long>(rng() % 1000)
                                        : in.tv(seed_visit, v) + std::abs(in.early[v] - in.early[seed_visit]) / 2;
      near.emplace_back(rel, v);
    }
    if (for_coverage) ++next.bonus[seed_visit];
    std::sort(near.begin(), near.end());
    if (for_coverage) {
      // Free the time it needs in the routes of as many able staff as it needs.
      std::vector<int> able;
      for (int s = 0; s < in.ns; ++s)
        if (in.can(s, seed_visit) && !in.pinned(s, seed_visit)) able.push_back(s);
      const int from = in.early[seed_visit] - 45, to = in.late[seed_visit] + in.dur[seed_visit] + 45;
      for (int j = 0; j < in.need[seed_visit] && !able.empty(); ++j) {
        const size_t pick = rng() % able.size();
        const int s = able[pick];
        able.erase(able.begin() + static_cast<long>(pick));
        const std::vector<int> route = next.routes[s];
        for (int v : route)
          if (!in.pinned(s, v) && in.early[v] <= to && in.late[v] + in.dur[v] >= from) next.remove(v);
      }
    } else {
      for (int j = 0; j < static_cast<int>(near.size()) && j < k; ++j) next.remove(near[j].second);
    }
    if (for_coverage) next.recreate({seed_visit});  // the uncovered visit first, into the time just freed
    next.recreate(uncovered_visits(next));
    next.drop_half_double_ups();
    const long long nv = next.value();
    const long long allow = threshold * (iterations - it) / iterations;
    if (nv <= cur_value + allow) {
      cur = std::move(next);
      cur_value = nv;
      if (nv < best_value) {
        best = cur;
        best_value = nv;
      }
    } else {
      // Keep the drop-out memory even when the move is refused.
      for (int v = 0; v < in.nv; ++v) cur.bonus[v] = std::max(cur.bonus[v], next.bonus[v]);
    }
  }
  return best.routes;
}

}  // namespace vb::alloc
