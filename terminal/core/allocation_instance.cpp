// Compiling an allocation problem into index form, timing routes, and turning routes into a proposal.
#include "core/allocation_instance.hpp"

#include "core/allocation_precheck.hpp"

#include <algorithm>
#include <chrono>
#include <limits>

namespace vb::alloc {
namespace {

std::int64_t floor_min(Instant t) {
  const auto s = t.time_since_epoch().count();
  return s >= 0 ? s / 60 : -((-s + 59) / 60);
}
std::int64_t ceil_min(Instant t) { return -floor_min(Instant{std::chrono::seconds{-t.time_since_epoch().count()}}); }

constexpr int no_limit = std::numeric_limits<int>::max() / 4;

}  // namespace

bool time_route(const Instance& in, int s, const std::vector<int>& route, RouteTiming* out, std::vector<int>* starts) {
  int t = in.shift_start[s];
  int prev = -1;
  RouteTiming r;
  if (starts) starts->clear();
  if (static_cast<int>(route.size()) > in.cap_visits[s]) return false;
  for (int v : route) {
    const int tr = prev < 0 ? in.bt(s, v) : in.tv(prev, v);
    const int st = std::max(t + tr, in.early[v]);
    if (st > in.late[v]) return false;
    t = st + in.dur[v];
    if (t > in.shift_end[s]) return false;
    r.travel += tr;
    r.busy += in.dur[v];
    r.cost += in.pf(s, v);
    if (starts) starts->push_back(st);
    prev = v;
  }
  if (r.busy > in.cap_minutes[s]) return false;
  r.cost += r.travel * AllocationWeights::travel_per_min + fairness_cost(r.busy);
  if (out) *out = r;
  return true;
}

Instance compile(const AllocationProblem& raw) {
  Instance in;
  in.problem = canonical(raw);
  const auto& p = in.problem;
  in.nv = static_cast<int>(p.visits.size());
  in.ns = static_cast<int>(p.staff.size());
  std::int64_t origin = std::numeric_limits<std::int64_t>::max();
  for (auto& v : p.visits) origin = std::min(origin, floor_min(v.earliest_start));
  for (auto& s : p.staff) origin = std::min(origin, floor_min(s.shift_start));
  if (origin == std::numeric_limits<std::int64_t>::max()) origin = 0;
  in.origin_min = origin;
  auto rel = [&](std::int64_t m) { return static_cast<int>(m - origin); };
  for (auto& v : p.visits) {
    in.early.push_back(rel(ceil_min(v.earliest_start)));
    in.late.push_back(v.double_up ? in.early.back() : rel(floor_min(v.latest_start)));
    in.dur.push_back(v.duration_min);
    in.need.push_back(v.double_up ? 2 : 1);
    in.uncovered_cost.push_back(AllocationWeights::uncovered * v.risk_weight);
  }
  for (auto& s : p.staff) {
    in.shift_start.push_back(rel(ceil_min(s.shift_start)));
    in.shift_end.push_back(rel(floor_min(s.shift_end)));
    in.cap_visits.push_back(s.capacity_visits > 0 ? s.capacity_visits : no_limit);
    in.cap_minutes.push_back(s.capacity_minutes > 0 ? s.capacity_minutes : no_limit);
  }
  const size_t nv = in.nv, ns = in.ns;
  in.travel.assign(nv * nv, 0);
  for (size_t a = 0; a < nv; ++a)
    for (size_t b = 0; b < nv; ++b)
      in.travel[a * nv + b] = travel_minutes(p.visits[a].x_km, p.visits[a].y_km, p.visits[b].x_km, p.visits[b].y_km);
  in.base_travel.assign(ns * nv, 0);
  in.pref.assign(ns * nv, 0);
  in.eligible.assign(ns * nv, 0);
  in.is_pinned.assign(ns * nv, 0);
  in.pinned_count.assign(nv, 0);
  in.pins_of.assign(ns, {});
  for (size_t s = 0; s < ns; ++s)
    for (size_t v = 0; v < nv; ++v) {
      const auto& st = p.staff[s];
      const auto& vi = p.visits[v];
      in.base_travel[s * nv + v] = travel_minutes(st.start_x_km, st.start_y_km, vi.x_km, vi.y_km);
      in.pref[s * nv + v] = continuity_cost(vi, st.id);
      in.eligible[s * nv + v] = first_failing_rule(p, vi, st).rule == BlockRule::none;
    }

  if (p.keep_pins) {
    // Pins, visit by visit in start order; a pin that breaks a hard rule is reported and left for re-planning.
    std::vector<int> order(nv);
    for (size_t v = 0; v < nv; ++v) order[v] = static_cast<int>(v);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return in.early[a] < in.early[b]; });
    for (int v : order) {
      const auto& vi = p.visits[v];
      for (auto& sid : vi.pinned_staff) {
        const std::string what = "visit " + std::to_string(vi.id) + " with " + sid + ": ";
        auto it = std::find_if(p.staff.begin(), p.staff.end(), [&](auto& s) { return s.id == sid; });
        if (it == p.staff.end()) {
          in.pin_conflicts.push_back(what + "not on this shift");
          continue;
        }
        const int s = static_cast<int>(it - p.staff.begin());
        if (in.pinned_count[v] >= in.need[v]) {
          in.pin_conflicts.push_back(what + "the visit already has enough staff");
          continue;
        }
        RuleResult r = first_failing_rule(p, vi, *it);
        if (r.rule != BlockRule::none) {
          in.pin_conflicts.push_back(what + r.words);
          continue;
        }
        std::vector<int> trial = in.pins_of[s];
        trial.push_back(v);
        std::stable_sort(trial.begin(), trial.end(), [&](int a, int b) { return in.early[a] < in.early[b]; });
        if (!time_route(in, s, trial, nullptr)) {
          in.pin_conflicts.push_back(what + "does not fit with their other allocated visits");
          continue;
        }
        in.pins_of[s] = trial;
        in.is_pinned[static_cast<size_t>(s) * nv + v] = 1;
        ++in.pinned_count[v];
      }
    }
    // A visit whose pins already meet its need is done by them only.
    for (size_t v = 0; v < nv; ++v)
      if (in.pinned_count[v] >= in.need[v])
        for (size_t s = 0; s < ns; ++s)
          if (!in.is_pinned[s * nv + v]) in.eligible[s * nv + v] = 0;
    for (size_t s = 0; s < ns; ++s)
      for (size_t v = 0; v < nv; ++v)
        if (in.is_pinned[s * nv + v]) in.eligible[s * nv + v] = 1;
  }
  // A visit fewer staff can do than it needs is never done: nobody takes part of it (a double-up with one
  // able worker would otherwise look half-covered to the LP bound).
  for (size_t v = 0; v < nv; ++v) {
    int able = 0;
    for (size_t s = 0; s < ns; ++s) able += in.eligible[s * nv + v];
    if (able < in.need[v])
      for (size_t s = 0; s < ns; ++s)
        if (!in.is_pinned[s * nv + v]) in.eligible[s * nv + v] = 0;
  }
  return in;
}

Proposal make_proposal(const Instance& in, const std::vector<std::vector<int>>& given, const std::string& method,
                       bool proven_optimal) {
  // A double-up with only one worker is not done: take it off an unpinned worker's route (removing a visit
  // never makes a route late, since travel obeys the triangle inequality, and it only lowers the cost).
  std::vector<std::vector<int>> routes = given;
  std::vector<int> staffed(in.nv, 0);
  for (auto& r : routes)
    for (int v : r) ++staffed[v];
  for (int s = 0; s < in.ns; ++s)
    std::erase_if(routes[s], [&](int v) { return staffed[v] < in.need[v] && !in.pinned(s, v); });
  Proposal out;
  const auto& p = in.problem;
  std::vector<int> count(in.nv, 0);
  for (int s = 0; s < in.ns; ++s) {
    StaffRoute r;
    r.staff = p.staff[s].id;
    std::vector<int> starts;
    RouteTiming t;
    time_route(in, s, routes[s], &t, &starts);
    int prev = -1;
    for (size_t k = 0; k < routes[s].size(); ++k) {
      const int v = routes[s][k];
      RouteStop stop;
      stop.visit = p.visits[v].id;
      stop.start = Instant{std::chrono::minutes{in.origin_min + starts[k]}};
      stop.travel_min = prev < 0 ? in.bt(s, v) : in.tv(prev, v);
      r.stops.push_back(stop);
      ++count[v];
      prev = v;
    }
    out.routes.push_back(std::move(r));
  }
  for (int v = 0; v < in.nv; ++v)
    if (count[v] < in.need[v]) out.uncovered.push_back(p.visits[v].id);
  out.pin_conflicts = in.pin_conflicts;
  out.method = method;
  out.proven_optimal = proven_optimal;
  out.seed = p.seed;
  out.input_hash = problem_hash(p);
  out.score = score_of(p, out);
  return out;
}

}  // namespace vb::alloc
