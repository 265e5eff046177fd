// Allocation solving: hard rules hold on random instances (checked by the independent checker), the exact
// path is optimal and never beaten, coverage comes first, proposals are deterministic in any input order,
// allocations made by a person are kept, and the LP bound is a real lower bound.
#include <doctest/doctest.h>

#include "core/allocation.hpp"
#include "core/allocation_checker.hpp"
#include "core/allocation_generator.hpp"
#include "core/allocation_precheck.hpp"
#include "solve/allocate.hpp"
#include "support/small_team.hpp"

#include <algorithm>
#include <random>

using namespace vb;
using vb::test::at;

namespace {

const LocalDate day = date::year{2026} / 11 / 23;

AllocationProblem shuffled(AllocationProblem p, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  for (size_t i = p.visits.size(); i > 1; --i) std::swap(p.visits[i - 1], p.visits[rng() % i]);
  for (size_t i = p.staff.size(); i > 1; --i) std::swap(p.staff[i - 1], p.staff[rng() % i]);
  for (auto& v : p.visits) std::reverse(v.seen_last_7_days.begin(), v.seen_last_7_days.end());
  return p;
}

std::string violations_text(const std::vector<Violation>& v) {
  std::string out;
  for (auto& x : v) out += x.rule + " " + std::to_string(x.visit) + " " + x.staff + ": " + x.words + "\n";
  return out;
}

const std::string* staff_on(const Proposal& p, AllocId visit) {
  for (auto& r : p.routes)
    for (auto& s : r.stops)
      if (s.visit == visit) return &r.staff;
  return nullptr;
}

}  // namespace

TEST_CASE("allocation: hard rules are never broken on random instances, exact or heuristic") {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    CAPTURE(seed);
    const AllocationProblem p = generate_team_evening(day, seed, seed % 4 == 0);
    const Proposal exact = solve::propose_allocation(p);
    CHECK(exact.method == "exact");
    CHECK(violations_text(check_proposal(p, exact)) == "");
    solve::AllocateOptions heuristic_only;
    heuristic_only.allow_exact = false;
    const Proposal h = solve::propose_allocation(p, heuristic_only);
    CHECK(violations_text(check_proposal(p, h)) == "");
    // The proven optimum is never beaten (a heuristic that beats it is breaking a rule somewhere).
    if (exact.proven_optimal) CHECK(h.score.total() >= exact.score.total());
    // Every coverable visit the exact path leaves out is left out because covering it costs another.
    CHECK(exact.score.total() == score_of(p, exact).total());
  }
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    CAPTURE(seed);
    const AllocationProblem p = generate_team_day(day, seed);
    const Proposal h = solve::propose_allocation(p);
    CHECK(h.method == "heuristic");
    CHECK(violations_text(check_proposal(p, h)) == "");
    solve::AllocateOptions thorough;
    thorough.price_and_branch = true;
    const Proposal pb = solve::propose_allocation(p, thorough);
    CHECK(violations_text(check_proposal(p, pb)) == "");
    CHECK(pb.score.total() <= h.score.total());
  }
  // Price-and-branch on the trust's days, where a restricted column pool once left a double-up half staffed.
  const auto trust = generate_trust(day, 1);
  solve::AllocateOptions thorough;
  thorough.price_and_branch = true;
  for (size_t i : {5u, 6u, 15u}) {
    CAPTURE(i);
    CHECK(violations_text(check_proposal(trust[i], solve::propose_allocation(trust[i], thorough))) == "");
  }
}

TEST_CASE("allocation: the LP bound, also split on uncovered visits, is a lower bound on the proven optimum") {
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    CAPTURE(seed);
    const AllocationProblem p = generate_team_evening(day, seed);
    const Proposal exact = solve::propose_allocation(p);
    REQUIRE(exact.proven_optimal);
    auto bound = solve::allocation_lower_bound(p, &exact);
    REQUIRE(bound.has_value());
    CHECK(*bound <= static_cast<double>(exact.score.total()));
    CHECK(*bound > 0);
    // Split on the visits the optimum leaves uncovered: still a lower bound, and never weaker.
    auto split = solve::allocation_lower_bound(p, &exact, 6);
    REQUIRE(split.has_value());
    CHECK(*split >= *bound);
    CHECK(*split <= static_cast<double>(exact.score.total()));
    auto branched = solve::allocation_lower_bound_branching(p, exact, 9);
    REQUIRE(branched.has_value());
    CHECK(*branched >= *bound);
    CHECK(*branched <= static_cast<double>(exact.score.total()));
  }
  for (std::uint64_t seed = 1; seed <= 2; ++seed) {  // overloaded evenings leave many visits out
    const AllocationProblem p = generate_team_evening(day, seed, true);
    const Proposal exact = solve::propose_allocation(p);
    REQUIRE(exact.proven_optimal);
    auto split = solve::allocation_lower_bound(p, &exact, 6);
    REQUIRE(split.has_value());
    CHECK(*split <= static_cast<double>(exact.score.total()));
  }
}

TEST_CASE("allocation: the same input gives a byte-identical proposal, in any input order") {
  const AllocationProblem evening = generate_team_evening(day, 3);
  const AllocationProblem team_day = generate_team_day(day, 2);
  for (const AllocationProblem* p : {&evening, &team_day}) {
    const std::string first = to_text(solve::propose_allocation(*p));
    CHECK(to_text(solve::propose_allocation(*p)) == first);
    CHECK(to_text(solve::propose_allocation(shuffled(*p, 5))) == first);
    CHECK(to_text(solve::propose_allocation(shuffled(*p, 6))) == first);
  }
}

TEST_CASE("allocation: coverage comes first, even with a stranger travelling far") {
  AllocationProblem p;
  AllocationStaff near;
  near.id = "S01";
  near.name = "Sam";
  near.shift_start = at("2026-11-23T17:00");
  near.shift_end = at("2026-11-23T21:30");
  near.skills = {"trained", "lone_working"};
  AllocationStaff far = near;
  far.id = "S02";
  far.name = "Alex";
  far.start_x_km = 20;  // a long way from both homes
  p.staff = {near, far};
  for (AllocId id : {1, 2}) {
    AllocationVisit v;
    v.id = id;
    v.earliest_start = at("2026-11-23T18:00");
    v.latest_start = at("2026-11-23T18:00");  // both at 18:00: one person cannot do both
    v.duration_min = 60;
    v.named_worker = "S01";
    v.risk_weight = 1;
    p.visits.push_back(v);
  }
  const Proposal pr = solve::propose_allocation(p);
  CHECK(pr.uncovered.empty());
  CHECK(pr.proven_optimal);
  CHECK(check_proposal(p, pr).empty());
}

TEST_CASE("allocation: allocations made by a person are kept unless the coordinator asks to re-plan") {
  AllocationProblem p = generate_team_evening(day, 2);
  const Proposal free = solve::propose_allocation(p);
  // Pin one covered visit to someone else who could do it.
  AllocId visit = 0;
  std::string other;
  const PreCheck pc = pre_check(p);
  for (auto& c : pc.visits) {
    const std::string* who = staff_on(free, c.visit);
    if (!who || c.able.size() < 2) continue;
    for (auto& a : c.able)
      if (a != *who) {
        visit = c.visit;
        other = a;
      }
    if (visit) break;
  }
  REQUIRE(visit != 0);
  for (auto& v : p.visits)
    if (v.id == visit) v.pinned_staff = {other};
  const Proposal kept = solve::propose_allocation(p);
  REQUIRE(staff_on(kept, visit));
  CHECK(*staff_on(kept, visit) == other);
  CHECK(check_proposal(p, kept).empty());
  solve::AllocateOptions heuristic_only;
  heuristic_only.allow_exact = false;
  const Proposal kept_h = solve::propose_allocation(p, heuristic_only);
  REQUIRE(staff_on(kept_h, visit));
  CHECK(*staff_on(kept_h, visit) == other);
  // Asked to re-plan: the pin may move, and the score is no worse than keeping it.
  p.keep_pins = false;
  const Proposal replanned = solve::propose_allocation(p);
  CHECK(replanned.score.total() <= kept.score.total());
}

TEST_CASE("allocation: a pin that breaks a hard rule is reported, not silently kept or dropped") {
  AllocationProblem p = generate_team_evening(day, 1);
  p.visits[0].pinned_staff = {"ZZ9"};  // someone not on this shift
  const Proposal pr = solve::propose_allocation(p);
  REQUIRE(pr.pin_conflicts.size() == 1);
  CHECK(pr.pin_conflicts[0] == "visit " + std::to_string(p.visits[0].id) + " with ZZ9: not on this shift");
  CHECK(check_proposal(p, pr).empty());
}

TEST_CASE("allocation: a proposal reads as one allocation per covered visit, double-ups with two staff") {
  const AllocationProblem p = generate_team_evening(day, 4);
  const Proposal pr = solve::propose_allocation(p);
  const auto list = allocations_of(pr);
  CHECK(list.size() == p.visits.size() - pr.uncovered.size());
  for (auto& a : list) {
    const auto v = std::find_if(p.visits.begin(), p.visits.end(), [&](auto& x) { return x.id == a.visit; });
    REQUIRE(v != p.visits.end());
    CHECK(!a.staff1.empty());
    CHECK(a.staff2.empty() == !v->double_up);
    CHECK(a.start >= v->earliest_start);
  }
}
