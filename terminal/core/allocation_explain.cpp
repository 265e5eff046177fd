// Explanations built from the rules and score terms that decided each visit.
#include "core/allocation_explain.hpp"

#include "core/allocation_heuristic.hpp"
#include "core/allocation_precheck.hpp"

#include <algorithm>
#include <map>

namespace vb {
namespace {

const AllocationStaff* find_staff(const AllocationProblem& p, const std::string& id) {
  for (auto& s : p.staff)
    if (s.id == id) return &s;
  return nullptr;
}
const AllocationVisit* find_visit(const AllocationProblem& p, AllocId id) {
  for (auto& v : p.visits)
    if (v.id == id) return &v;
  return nullptr;
}
std::string name_of(const AllocationStaff& s) { return s.name.empty() ? s.id : s.name; }

std::string continuity_words(const AllocationVisit& v, const std::string& staff) {
  const long long c = continuity_cost(v, staff);
  if (c == AllocationWeights::named_worker && v.named_worker == staff) return "named worker";
  if (c == AllocationWeights::seen_recently) return "saw them in the last 7 days";
  return "new to this person";
}

std::string signed_num(long long x) { return (x >= 0 ? "+" : "") + std::to_string(x); }

// The proposal as index routes of the compiled instance.
alloc::Routes routes_of(const alloc::Instance& in, const Proposal& proposal) {
  std::map<AllocId, int> vi;
  for (int v = 0; v < in.nv; ++v) vi[in.problem.visits[v].id] = v;
  alloc::Routes r(in.ns);
  for (int s = 0; s < in.ns; ++s)
    for (auto& route : proposal.routes)
      if (route.staff == in.problem.staff[s].id)
        for (auto& stop : route.stops)
          if (vi.count(stop.visit)) r[s].push_back(vi[stop.visit]);
  return r;
}

}  // namespace

std::string explain_assignment(const AllocationProblem& p, const Proposal& proposal, AllocId visit,
                               const std::string& staff) {
  const AllocationStaff* s = find_staff(p, staff);
  const AllocationVisit* v = find_visit(p, visit);
  if (!s || !v) return staff + " — not in this problem";
  const Zone z = find_zone(p.zone_name);
  std::string out = name_of(*s) + " — " + continuity_words(*v, staff);
  bool pinned = std::find(v->pinned_staff.begin(), v->pinned_staff.end(), staff) != v->pinned_staff.end();
  if (pinned && p.keep_pins) out += " · allocated by a person (kept)";
  out += " · on shift " + format_local_hm(s->shift_start, z) + "–" + format_local_hm(s->shift_end, z);
  for (auto& r : proposal.routes) {
    if (r.staff != staff) continue;
    for (size_t k = 0; k < r.stops.size(); ++k)
      if (r.stops[k].visit == visit)
        out += " · " + std::to_string(r.stops[k].travel_min) + " min from " + (k == 0 ? "base" : "previous visit");
    out += " · " + std::to_string(r.stops.size()) + (r.stops.size() == 1 ? " visit" : " visits") + " this shift";
  }
  if (v->double_up)
    for (auto& r : proposal.routes)
      if (r.staff != staff)
        for (auto& stop : r.stops)
          if (stop.visit == visit) {
            const AllocationStaff* other = find_staff(p, r.staff);
            out += " · double-up with " + (other ? name_of(*other) : r.staff);
          }
  return out;
}

std::string why_not(const AllocationProblem& p, const Proposal& proposal, AllocId visit, const std::string& staff) {
  const AllocationStaff* s = find_staff(p, staff);
  const AllocationVisit* v = find_visit(p, visit);
  if (!s || !v) return staff + ": not on this shift";
  const std::string who = name_of(*s);
  RuleResult rule = first_failing_rule(p, *v, *s);
  if (rule.rule != BlockRule::none) return who + ": " + rule.words;

  const alloc::Instance in = alloc::compile(p);
  int vi = -1, xi = -1;
  for (int i = 0; i < in.nv; ++i)
    if (in.problem.visits[i].id == visit) vi = i;
  for (int i = 0; i < in.ns; ++i)
    if (in.problem.staff[i].id == staff) xi = i;
  alloc::Routes routes = routes_of(in, proposal);
  if (std::find(routes[xi].begin(), routes[xi].end(), vi) != routes[xi].end()) return who + ": proposed for it";
  if (!in.can(xi, vi)) return who + ": the visit is kept with the staff a person allocated";

  // Who would give it up: the first proposed worker who is not pinned to it.
  int from = -1;
  for (int s2 = 0; s2 < in.ns && from < 0; ++s2)
    if (!in.pinned(s2, vi) && std::find(routes[s2].begin(), routes[s2].end(), vi) != routes[s2].end()) from = s2;
  alloc::RouteTiming before_x, after_x, before_f, after_f;
  alloc::time_route(in, xi, routes[xi], &before_x);
  // Best place for the visit in X's route.
  bool fits = false;
  std::vector<int> best_route;
  for (size_t pos = 0; pos <= routes[xi].size(); ++pos) {
    std::vector<int> trial = routes[xi];
    trial.insert(trial.begin() + static_cast<long>(pos), vi);
    alloc::RouteTiming t;
    if (alloc::time_route(in, xi, trial, &t) && (!fits || t.cost < after_x.cost)) {
      fits = true;
      after_x = t;
      best_route = trial;
    }
  }
  if (!fits) return who + ": could do it, but it does not fit in their route at that time";
  long long diff_cont = in.pf(xi, vi), diff_travel = after_x.travel - before_x.travel,
            diff_fair = fairness_cost(after_x.busy) - fairness_cost(before_x.busy);
  long long uncovered_gain = 0;
  if (from >= 0) {
    std::vector<int> without = routes[from];
    without.erase(std::find(without.begin(), without.end(), vi));
    alloc::time_route(in, from, routes[from], &before_f);
    alloc::time_route(in, from, without, &after_f);
    diff_cont -= in.pf(from, vi);
    diff_travel += after_f.travel - before_f.travel;
    diff_fair += fairness_cost(after_f.busy) - fairness_cost(before_f.busy);
  } else {
    int count = 0;
    for (auto& r : routes) count += static_cast<int>(std::count(r.begin(), r.end(), vi));
    if (count + 1 >= in.need[vi]) uncovered_gain = in.uncovered_cost[vi];
  }
  const long long diff = diff_cont + diff_travel * AllocationWeights::travel_per_min + diff_fair - uncovered_gain;
  std::string detail = "continuity " + signed_num(diff_cont) + ", travel " + signed_num(diff_travel) + " min, fairness " +
                       signed_num(diff_fair);
  if (diff < 0) return who + ": could do it, and the score would be " + std::to_string(-diff) + " better (" + detail + ")";
  return who + ": could do it, but the score would be " + std::to_string(diff) + " worse (" + detail + ")";
}

std::string explain_uncovered(const AllocationProblem& p, const Proposal& proposal, AllocId visit) {
  PreCheck pc = pre_check(p);
  for (auto& c : pc.visits) {
    if (c.visit != visit) continue;
    if (c.blocked) return c.words;
    // Name who could have done it; each of them is on other visits at that time.
    std::string who;
    for (size_t k = 0; k < c.able.size() && k < 3; ++k) {
      const AllocationStaff* s = find_staff(p, c.able[k]);
      who += (k == 0 ? "" : k + 1 == std::min<size_t>(c.able.size(), 3) && c.able.size() <= 3 ? " and " : ", ") +
             (s ? name_of(*s) : c.able[k]);
    }
    if (c.able.size() > 3) who += " and " + std::to_string(c.able.size() - 3) + " more";
    const bool pair = find_visit(p, visit) && find_visit(p, visit)->double_up;
    return "Not covered: " + who + " could do it, but covering it would leave " +
           (pair ? "another visit (or the second worker) " : "another visit ") +
           "of equal or higher risk uncovered";
  }
  (void)proposal;
  return "Not covered";
}

std::vector<VisitExplanation> explain_proposal(const AllocationProblem& raw, const Proposal& proposal) {
  const AllocationProblem p = canonical(raw);
  std::vector<VisitExplanation> out;
  for (auto& v : p.visits) {
    VisitExplanation e;
    e.visit = v.id;
    for (auto& r : proposal.routes)
      for (auto& stop : r.stops)
        if (stop.visit == v.id) e.lines.push_back(explain_assignment(p, proposal, v.id, r.staff));
    if (std::find(proposal.uncovered.begin(), proposal.uncovered.end(), v.id) != proposal.uncovered.end())
      e.lines.push_back(explain_uncovered(p, proposal, v.id));
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace vb
