// Allocator → proposal view. Visits already allocated as proposed are left out of the rows (nothing
// to accept); a visit nobody can do is listed with the pre-check's blocking rule.
#include "app/ooh_proposal.hpp"

#include "core/allocation_explain.hpp"
#include "core/allocation_precheck.hpp"
#include "core/allocation_snapshot.hpp"
#include "solve/allocate.hpp"
#include "solve/solver_api.hpp"

#include <map>
#include <set>

namespace vb::app {

ui::OohProposalView propose_for_window(const Snapshot& s, const OohWindow& w, Instant now) {
  const AllocationProblem problem = problem_from_snapshot(s, w.start, w.end, now);
  const Proposal proposal = solve::propose_allocation(problem);
  const PreCheck check = pre_check(problem);

  // One line per proposed worker, or (uncovered) the last line says why nobody is proposed.
  std::map<AllocId, std::string> why, why_not;
  for (const auto& e : explain_proposal(problem, proposal)) {
    std::string line;
    for (const auto& l : e.lines) line += (line.empty() ? "" : " / ") + l;
    why[e.visit] = line;
    if (!e.lines.empty()) why_not[e.visit] = e.lines.back();
  }

  ui::OohProposalView view;
  std::set<AllocId> blocked;
  for (const auto& c : check.visits) {
    if (!c.blocked) continue;
    blocked.insert(c.visit);
    view.blocked.push_back({c.visit, c.words});
  }
  int covered = 0;
  for (const auto& a : allocations_of(proposal)) {
    ++covered;
    const Visit* v = s.find_visit(a.visit);
    if (v && v->staff1 == a.staff1 && v->staff2 == a.staff2) continue;  // already so
    view.rows.push_back({a.visit, a.staff1, a.staff2, why[a.visit]});
  }
  // Coverable but left out (capacity, travel, windows): say so, with the allocator's reason.
  for (AllocId id : proposal.uncovered)
    if (!blocked.count(id)) view.blocked.push_back({id, why_not[id].empty() ? "Not covered by this proposal" : why_not[id]});

  // Allocations made by a person that break a hard rule are re-planned; say which and why. The
  // allocator words them "visit ID with STAFF: why".
  for (const auto& c : proposal.pin_conflicts) {
    ui::OohKeptOut k;
    const auto with = c.find(" with "), colon = c.find(": ");
    if (c.rfind("visit ", 0) == 0 && with != std::string::npos && colon != std::string::npos && with < colon) {
      k.visit = std::stoll(c.substr(6, with - 6));
      k.staff = c.substr(with + 6, colon - with - 6);
      k.why = c.substr(colon + 2);
    } else {
      k.why = c;
    }
    view.kept_out.push_back(std::move(k));
  }

  const int total = static_cast<int>(problem.visits.size());
  view.summary = w.label + " " + format_day_label(w.date) + ": " + std::to_string(covered) + " of " +
                 std::to_string(total) + " visits covered" + (proposal.proven_optimal ? " (best possible)" : "") +
                 (view.rows.empty() ? " — nothing to change" : ", " + std::to_string(view.rows.size()) + " to accept");
  // The solver plugin is missing or broken (stderr says which file and where): the proposal still comes,
  // from the heuristic, and says so.
  if (proposal.method == "heuristic" && solve::solver_unavailable())
    view.summary += " (exact solver unavailable: quick proposal)";
  return view;
}

}  // namespace vb::app
