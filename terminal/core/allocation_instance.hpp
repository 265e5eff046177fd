#pragma once
// The allocation problem compiled for the solvers: indices instead of ids, whole minutes from an origin,
// travel and continuity tables, who may do what after the pre-check, and the pins that are kept. Shared by
// the heuristic (core) and the exact path and bound (solve/); the checker does not use it.
#include "core/allocation.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace vb::alloc {

struct Instance {
  AllocationProblem problem;  // canonical order: index i is problem.visits[i] / problem.staff[i]
  int nv = 0, ns = 0;
  std::int64_t origin_min = 0;  // epoch minute of time 0
  std::vector<int> early, late, dur, need;  // per visit; need is 1 or 2
  std::vector<long long> uncovered_cost;    // per visit
  std::vector<int> shift_start, shift_end, cap_visits, cap_minutes;  // per staff (caps: large when none)
  std::vector<int> travel;       // nv x nv
  std::vector<int> base_travel;  // ns x nv: from the staff member's start location
  std::vector<long long> pref;   // ns x nv: continuity cost
  std::vector<char> eligible;    // ns x nv: passes the pre-check (and pins allow it)
  std::vector<std::vector<int>> pins_of;  // per staff: visits pinned to them that are kept, in time order
  std::vector<int> pinned_count;          // per visit: how many kept pins
  std::vector<char> is_pinned;            // ns x nv
  std::vector<std::string> pin_conflicts;

  int tv(int a, int b) const { return travel[static_cast<size_t>(a) * nv + b]; }
  int bt(int s, int v) const { return base_travel[static_cast<size_t>(s) * nv + v]; }
  long long pf(int s, int v) const { return pref[static_cast<size_t>(s) * nv + v]; }
  bool can(int s, int v) const { return eligible[static_cast<size_t>(s) * nv + v] != 0; }
  bool pinned(int s, int v) const { return is_pinned[static_cast<size_t>(s) * nv + v] != 0; }
};

Instance compile(const AllocationProblem& p);

// Timing of a route in this order with earliest starts; false when it breaks a window, the shift or capacity.
struct RouteTiming {
  long long cost = 0;  // travel + continuity + fairness
  int travel = 0;
  int busy = 0;
};
bool time_route(const Instance& in, int s, const std::vector<int>& route, RouteTiming* out,
                std::vector<int>* starts = nullptr);

// A proposal from one route (visit indices in order) per staff member. A double-up left with one worker is
// taken off their route (unless a person pinned it there).
Proposal make_proposal(const Instance& in, const std::vector<std::vector<int>>& routes, const std::string& method,
                       bool proven_optimal);

}  // namespace vb::alloc
