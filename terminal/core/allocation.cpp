// The allocation model's small shared facts: travel, the score terms, canonical order, hash and text.
#include "core/allocation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

namespace vb {

int travel_minutes(double x1, double y1, double x2, double y2) {
  const double km = std::hypot(x2 - x1, y2 - y1);
  // Round to 1e-6 first so that 5 + 2.4 km lands on the same minute on every machine.
  const double minutes = 5.0 + km * 60.0 / 25.0;
  return static_cast<int>(std::ceil(std::round(minutes * 1e6) / 1e6));
}

long long fairness_cost(int busy_minutes) {
  const long long b = busy_minutes;
  return b * b / AllocationWeights::fairness_divisor;
}

long long continuity_cost(const AllocationVisit& v, const std::string& staff_id) {
  if (!v.named_worker.empty() && v.named_worker == staff_id) return AllocationWeights::named_worker;
  if (std::find(v.seen_last_7_days.begin(), v.seen_last_7_days.end(), staff_id) != v.seen_last_7_days.end())
    return AllocationWeights::seen_recently;
  return AllocationWeights::stranger;
}

AllocationProblem canonical(const AllocationProblem& p) {
  AllocationProblem c = p;
  for (auto& v : c.visits) {
    std::sort(v.required_skills.begin(), v.required_skills.end());
    std::sort(v.seen_last_7_days.begin(), v.seen_last_7_days.end());
    std::sort(v.pinned_staff.begin(), v.pinned_staff.end());
    if (v.double_up) v.latest_start = v.earliest_start;  // double-ups have a fixed start
  }
  for (auto& s : c.staff) std::sort(s.skills.begin(), s.skills.end());
  std::stable_sort(c.visits.begin(), c.visits.end(), [](auto& a, auto& b) { return a.id < b.id; });
  std::stable_sort(c.staff.begin(), c.staff.end(), [](auto& a, auto& b) { return a.id < b.id; });
  return c;
}

namespace {

struct Fnv {
  std::uint64_t h = 1469598103934665603ull;
  void bytes(const std::string& s) {
    for (unsigned char ch : s) {
      h ^= ch;
      h *= 1099511628211ull;
    }
    h ^= 0xff;  // separator
    h *= 1099511628211ull;
  }
  void num(long long x) { bytes(std::to_string(x)); }
  void real(double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6f", x);
    bytes(buf);
  }
};

long long secs(Instant t) { return t.time_since_epoch().count(); }

}  // namespace

std::string problem_hash(const AllocationProblem& raw) {
  const AllocationProblem p = canonical(raw);
  Fnv f;
  f.num(p.keep_pins ? 1 : 0);
  f.num(static_cast<long long>(p.seed));
  for (auto& v : p.visits) {
    f.num(v.id);
    f.num(secs(v.earliest_start));
    f.num(secs(v.latest_start));
    f.num(v.duration_min);
    for (auto& s : v.required_skills) f.bytes(s);
    f.num(v.double_up);
    f.real(v.x_km);
    f.real(v.y_km);
    f.bytes(v.named_worker);
    for (auto& s : v.seen_last_7_days) f.bytes(s);
    f.num(v.risk_weight);
    for (auto& s : v.pinned_staff) f.bytes(s);
  }
  for (auto& s : p.staff) {
    f.bytes(s.id);
    f.num(secs(s.shift_start));
    f.num(secs(s.shift_end));
    for (auto& k : s.skills) f.bytes(k);
    f.num(s.capacity_visits);
    f.num(s.capacity_minutes);
    f.real(s.start_x_km);
    f.real(s.start_y_km);
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(f.h));
  return buf;
}

std::vector<ProposedAllocation> allocations_of(const Proposal& p) {
  std::map<AllocId, ProposedAllocation> by_visit;
  for (auto& r : p.routes)
    for (auto& stop : r.stops) {
      if (std::find(p.uncovered.begin(), p.uncovered.end(), stop.visit) != p.uncovered.end()) continue;
      ProposedAllocation& a = by_visit[stop.visit];
      a.visit = stop.visit;
      a.start = stop.start;
      if (a.staff1.empty())
        a.staff1 = r.staff;
      else
        a.staff2 = r.staff;
    }
  std::vector<ProposedAllocation> out;
  for (auto& [id, a] : by_visit) {
    if (!a.staff2.empty() && a.staff2 < a.staff1) std::swap(a.staff1, a.staff2);
    out.push_back(a);
  }
  return out;
}

std::string to_text(const Proposal& p) {
  std::ostringstream o;
  o << "method " << p.method << (p.proven_optimal ? " optimal" : "") << " seed " << p.seed << " input "
    << p.input_hash << "\n";
  o << "score " << p.score.total() << " uncovered " << p.score.uncovered << " continuity " << p.score.continuity
    << " travel " << p.score.travel << " fairness " << p.score.fairness << "\n";
  for (auto& r : p.routes) {
    o << r.staff << ":";
    for (auto& s : r.stops) o << " " << s.visit << "@" << format_utc(s.start) << "+" << s.travel_min;
    o << "\n";
  }
  o << "uncovered:";
  for (auto v : p.uncovered) o << " " << v;
  o << "\n";
  for (auto& c : p.pin_conflicts) o << "pin " << c << "\n";
  return o.str();
}

ScoreParts score_of(const AllocationProblem& p, const Proposal& proposal) {
  ScoreParts sc;
  std::vector<int> count(p.visits.size(), 0);
  auto visit_index = [&](AllocId id) -> int {
    for (size_t i = 0; i < p.visits.size(); ++i)
      if (p.visits[i].id == id) return static_cast<int>(i);
    return -1;
  };
  for (auto& r : proposal.routes) {
    int busy = 0;
    for (auto& stop : r.stops) {
      const int vi = visit_index(stop.visit);
      if (vi < 0) continue;
      ++count[vi];
      busy += p.visits[vi].duration_min;
      sc.continuity += continuity_cost(p.visits[vi], r.staff);
      sc.travel += stop.travel_min * AllocationWeights::travel_per_min;
    }
    sc.fairness += fairness_cost(busy);
  }
  for (size_t i = 0; i < p.visits.size(); ++i) {
    const int need = p.visits[i].double_up ? 2 : 1;
    if (count[i] < need) sc.uncovered += AllocationWeights::uncovered * p.visits[i].risk_weight;
  }
  return sc;
}

}  // namespace vb
