// allocation_bench: the allocator on generated instances at three sizes (one team's evening, one team's day,
// the trust's day plus a pooled night). Prints hard violations found by the independent checker, coverage,
// continuity, travel, load spread, solve time (median of 5), the lower bound (column-generation LP, then best-first
// branching on fractional "uncovered" values: 9 bounds per instance, 25 with --full), value, gap and whether
// repeated runs (and a shuffled input) gave the same proposal. `--full` runs more seeds.
#include "core/allocation.hpp"
#include "core/allocation_checker.hpp"
#include "core/allocation_generator.hpp"
#include "core/allocation_precheck.hpp"
#include "solve/allocate.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace vb;

namespace {

struct SizeRun {
  std::string name;
  std::vector<AllocationProblem> problems;
  bool heuristic_only = false;  // measure the heuristic against the exact path's proven optimum
  bool price_and_branch = false;
  int reps = 5;
};

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

AllocationProblem shuffled(AllocationProblem p, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  for (size_t i = p.visits.size(); i > 1; --i) std::swap(p.visits[i - 1], p.visits[rng() % i]);
  for (size_t i = p.staff.size(); i > 1; --i) std::swap(p.staff[i - 1], p.staff[rng() % i]);
  return p;
}

void run(const SizeRun& size, int bound_nodes) {
  const int n = static_cast<int>(size.problems.size());
  std::vector<double> times, cpu;
  std::vector<Proposal> first;
  bool same = true;
  int proven = 0, exact = 0;
  for (int rep = 0; rep < size.reps; ++rep) {
    std::vector<Proposal> out;
    const auto t0 = std::chrono::steady_clock::now();
    const std::clock_t c0 = std::clock();
    solve::AllocateOptions opt;
    opt.allow_exact = !size.heuristic_only;
    opt.price_and_branch = size.price_and_branch;
    for (auto& p : size.problems) out.push_back(solve::propose_allocation(p, opt));
    times.push_back(ms_since(t0));
    cpu.push_back(1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
    if (rep == 0) first = out;
    if (rep < 3)
      for (int i = 0; i < n; ++i) same = same && to_text(out[i]) == to_text(first[i]);
  }
  solve::AllocateOptions opt;
  opt.allow_exact = !size.heuristic_only;
  opt.price_and_branch = size.price_and_branch;
  for (int i = 0; i < n; ++i)
    same = same && to_text(solve::propose_allocation(shuffled(size.problems[i], 99), opt)) == to_text(first[i]);
  std::sort(times.begin(), times.end());
  std::sort(cpu.begin(), cpu.end());

  long long violations = 0, value = 0, travel = 0, covered = 0, coverable = 0, visits = 0, assignments = 0,
            continuity = 0;
  double bound = 0, bound_ms = 0, best_bound = 0;
  bool bound_ok = true;
  int min_util = 1000, max_util = 0;
  std::map<std::string, int> blocked;
  for (int i = 0; i < n; ++i) {
    const AllocationProblem& p = size.problems[i];
    const Proposal& pr = first[i];
    violations += static_cast<long long>(check_proposal(p, pr).size());
    value += pr.score.total();
    if (pr.method != "heuristic") ++exact;
    if (pr.proven_optimal) ++proven;
    PreCheck pc = pre_check(p);
    for (auto& c : pc.visits)
      if (c.blocked) ++blocked[c.words];
    visits += static_cast<long long>(p.visits.size());
    coverable += static_cast<long long>(p.visits.size()) - pc.blocked_count();
    covered += static_cast<long long>(p.visits.size() - pr.uncovered.size());
    std::map<AllocId, const AllocationVisit*> vis;
    for (auto& v : p.visits) vis[v.id] = &v;
    for (auto& r : pr.routes) {
      int busy = 0;
      for (auto& st : r.stops) {
        travel += st.travel_min;
        ++assignments;
        busy += vis[st.visit]->duration_min;
        if (continuity_cost(*vis[st.visit], r.staff) < AllocationWeights::stranger) ++continuity;
      }
      for (auto& s : p.staff)
        if (s.id == r.staff) {
          const int len = static_cast<int>((s.shift_end - s.shift_start).count() / 60);
          const int util = len > 0 ? busy * 100 / len : 0;
          min_util = std::min(min_util, util);
          max_util = std::max(max_util, util);
        }
    }
    // The bound depends on the problem only (the start columns just speed it up): once per problem.
    static std::map<std::string, std::pair<std::optional<double>, double>> known;
    const std::string key = problem_hash(p);
    if (!known.count(key)) {
      const auto t0 = std::chrono::steady_clock::now();
      auto fresh = solve::allocation_lower_bound_branching(p, pr, bound_nodes);
      known[key] = {fresh, ms_since(t0)};
    }
    auto b = known[key].first;
    bound_ms += known[key].second;
    if (b)
      bound += *b;
    else
      bound_ok = false;
    // The best bound known: the LP bound, or the proven optimum of the exact path.
    if (pr.proven_optimal) {
      best_bound += static_cast<double>(pr.score.total());
    } else if (size.heuristic_only) {
      const Proposal ex = solve::propose_allocation(p);
      best_bound += ex.proven_optimal ? static_cast<double>(ex.score.total()) : b.value_or(0.0);
    } else {
      best_bound += b.value_or(0.0);
    }
  }
  auto pct = [&](double b) -> std::string {
    if (!bound_ok || value <= 0) return "n/a";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f%%", 100.0 * (static_cast<double>(value) - b) / static_cast<double>(value));
    return buf;
  };
  std::printf("| %-30s | %3d | %5lld | %4lld | %5lld/%-5lld | %5.1f%% | %6lld | %3d–%3d%% | %7.0f / %-7.0f | %5.1f / %-5.1f | %9.0f | %9.0f | %7s | %7s | %5d/%-3d | %-4s | %8.0f |\n",
              size.name.c_str(), n, visits, violations, covered, coverable,
              assignments ? 100.0 * static_cast<double>(continuity) / static_cast<double>(assignments) : 0.0, travel,
              min_util, max_util, times[times.size() / 2], cpu[cpu.size() / 2], times[times.size() / 2] / n, cpu[cpu.size() / 2] / n, bound_ok ? bound : -1.0, static_cast<double>(value),
              pct(bound).c_str(), pct(best_bound).c_str(), proven, exact, same ? "yes" : "NO", bound_ms);
  for (auto& [words, count] : blocked) std::printf("|   blocked ×%d: %s\n", count, words.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  const bool full = argc > 1 && std::strcmp(argv[1], "--full") == 0;
  const LocalDate day = date::year{2026} / 11 / 23;
  std::vector<SizeRun> sizes;
  SizeRun evening{"team evening (~15 v, 3-4 s)", {}};
  const int evenings = full ? 40 : 8;
  for (int s = 1; s <= evenings; ++s) evening.problems.push_back(generate_team_evening(day, static_cast<std::uint64_t>(s)));
  sizes.push_back(evening);
  SizeRun evening_h = evening;
  evening_h.name = "team evening, heuristic only";
  evening_h.heuristic_only = true;
  sizes.push_back(evening_h);
  SizeRun overloaded{"team evening, overloaded", {}};
  for (int s = 1; s <= (full ? 10 : 2); ++s) overloaded.problems.push_back(generate_team_evening(day, static_cast<std::uint64_t>(s), true));
  sizes.push_back(overloaded);
  SizeRun team_day{"team day (~50 v, 12 s)", {}};
  for (int s = 1; s <= (full ? 10 : 3); ++s) team_day.problems.push_back(generate_team_day(day, static_cast<std::uint64_t>(s)));
  sizes.push_back(team_day);
  SizeRun team_day_pb = team_day;
  team_day_pb.name = "team day, + price-and-branch";
  team_day_pb.price_and_branch = true;
  team_day_pb.reps = 5;
  if (full) sizes.push_back(team_day_pb);  // ~0.4 s of CPU per instance: only with --full
  for (int s = 1; s <= (full ? 3 : 1); ++s) {
    SizeRun trust{"trust (15 team days + night)", generate_trust(day, static_cast<std::uint64_t>(s))};
    sizes.push_back(trust);
    if (!full) continue;  // ~6 s a run: only with --full
    trust.name = "trust, + price-and-branch";
    trust.price_and_branch = true;
    trust.reps = 3;
    sizes.push_back(trust);
  }
  std::printf("allocation_bench%s: times in ms on this machine (wall and process CPU: wall includes waiting for a shared core); value and bound are scores (lower is better)\n\n",
              full ? " --full" : "");
  std::printf("| size                           | n   | visits | viol | covered/able | contin | travel | load (min–max) | solve ms, median (wall / cpu) | per instance (wall / cpu) | bound (LP + branching) | value | gap to bound | gap to best bound | proven/exact | same | bound ms |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (auto& s : sizes) run(s, full ? 25 : 9);
  return 0;
}
