#pragma once
// The allocation problem as pure values: the visits of a shift, the staff on it, the hard rules and the
// score (coverage first, then continuity, travel and fairness), and the proposal a solver returns.
// Solvers live in allocation_heuristic (core) and solve/ (CBC/CLP); the checker shares no code with them.
#include "core/local_time.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace vb {

using AllocId = std::int64_t;

struct AllocationVisit {
  AllocId id = 0;
  Instant earliest_start{};  // window for the start of the visit
  Instant latest_start{};
  int duration_min = 30;
  std::vector<std::string> required_skills;
  bool double_up = false;  // two distinct staff, both starting at earliest_start (fixed start)
  double x_km = 0, y_km = 0;
  std::string named_worker;               // staff id, may be empty
  std::vector<std::string> seen_last_7_days;  // staff ids who saw the person in the last 7 days
  int risk_weight = 1;                    // 1 low, 2 medium, 3 high: weight of leaving it uncovered
  std::vector<std::string> pinned_staff;  // allocated by a person already (kept unless asked)
  std::string label;                      // for words: "AB (HT-1042)"
};

struct AllocationStaff {
  std::string id;
  std::string name;  // for words: "Sam"
  Instant shift_start{};
  Instant shift_end{};
  std::vector<std::string> skills;  // "trained", "prescriber", "lone_working", ...
  int capacity_visits = 0;          // 0: no limit besides the shift
  int capacity_minutes = 0;         // visit minutes; 0: no limit besides the shift
  double start_x_km = 0, start_y_km = 0;
};

struct AllocationProblem {
  std::vector<AllocationVisit> visits;
  std::vector<AllocationStaff> staff;
  bool keep_pins = true;  // false: the coordinator asked to re-plan allocations made by a person
  std::uint64_t seed = 1;
  std::string zone_name{default_team_zone};  // for local times in explanations
};

// Score weights. Uncovered (risk-weighted) >> continuity + travel + fairness, so coverage comes first.
struct AllocationWeights {
  static constexpr long long uncovered = 10000;  // per risk-weight unit of a visit nobody does
  static constexpr long long named_worker = 0;
  static constexpr long long seen_recently = 40;  // saw the person in the last 7 days
  static constexpr long long stranger = 120;
  static constexpr long long travel_per_min = 1;
  static constexpr long long fairness_divisor = 600;  // fairness = busy_min^2 / 600 per staff member
};

// Travel between two points: 5 minutes overhead + urban speed 25 km/h, rounded up to a whole minute.
int travel_minutes(double x1, double y1, double x2, double y2);
long long fairness_cost(int busy_minutes);
long long continuity_cost(const AllocationVisit& v, const std::string& staff_id);

// One staff member's part of a proposal, visits in time order.
struct RouteStop {
  AllocId visit = 0;
  Instant start{};
  int travel_min = 0;  // from the previous stop (or the shift's start location)
};
struct StaffRoute {
  std::string staff;
  std::vector<RouteStop> stops;
};

struct ScoreParts {
  long long uncovered = 0;
  long long continuity = 0;
  long long travel = 0;
  long long fairness = 0;
  long long total() const { return uncovered + continuity + travel + fairness; }
};

struct Proposal {
  std::vector<StaffRoute> routes;        // one per staff member, in staff-id order (empty routes too)
  std::vector<AllocId> uncovered;        // visits nobody is proposed for, in id order
  std::vector<std::string> pin_conflicts;  // allocations by a person that were kept out (words)
  ScoreParts score;
  std::string method;  // "exact" (set partitioning on CBC) or "heuristic" (regret + LNS)
  bool proven_optimal = false;
  std::uint64_t seed = 0;
  std::string input_hash;  // of the canonical problem, to replay
};

// A proposal per visit, as the AllocateVisit command wants it: staff1 (and staff2 for a double-up, in id
// order) and the proposed start. Visits in id order; uncovered visits are omitted.
struct ProposedAllocation {
  AllocId visit = 0;
  std::string staff1;
  std::string staff2;
  Instant start{};
};
std::vector<ProposedAllocation> allocations_of(const Proposal& p);

// Canonical text of a proposal: equal proposals give byte-identical text.
std::string to_text(const Proposal& p);
// A stable hash (FNV-1a, hex) of the problem in canonical order: the same for any input order.
std::string problem_hash(const AllocationProblem& p);
// The problem with visits and staff sorted by id and every list sorted: what the solvers see.
AllocationProblem canonical(const AllocationProblem& p);
// Score of a proposal under the problem's weights (recomputed from the routes).
ScoreParts score_of(const AllocationProblem& p, const Proposal& proposal);

}  // namespace vb
