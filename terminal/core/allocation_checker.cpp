// The independent checker. Deliberately written apart from the solvers: its own lookups, its own travel
// arithmetic (the model's formula, 5 min + 25 km/h, whole minutes rounded up) and its own timing in seconds.
#include "core/allocation_checker.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace vb {
namespace {

long long travel_seconds(double x1, double y1, double x2, double y2) {
  const double dx = x2 - x1, dy = y2 - y1;
  const double minutes = 5.0 + std::sqrt(dx * dx + dy * dy) * 2.4;
  return 60LL * static_cast<long long>(std::ceil(std::round(minutes * 1e6) / 1e6));
}

long long t(Instant i) { return i.time_since_epoch().count(); }

bool has(const std::vector<std::string>& list, const std::string& x) {
  return std::find(list.begin(), list.end(), x) != list.end();
}

}  // namespace

std::vector<Violation> check_proposal(const AllocationProblem& p, const Proposal& proposal) {
  std::vector<Violation> out;
  auto add = [&](std::string rule, AllocId v, std::string s, std::string words) {
    out.push_back(Violation{std::move(rule), v, std::move(s), std::move(words)});
  };
  std::map<AllocId, const AllocationVisit*> visits;
  for (auto& v : p.visits) visits[v.id] = &v;
  std::map<std::string, const AllocationStaff*> staff;
  for (auto& s : p.staff) staff[s.id] = &s;

  std::map<AllocId, std::vector<std::pair<std::string, long long>>> on_visit;  // staff and start
  std::set<std::string> seen_staff;
  for (auto& r : proposal.routes) {
    auto sit = staff.find(r.staff);
    if (sit == staff.end()) {
      add("unknown", 0, r.staff, "route for someone not on this shift");
      continue;
    }
    if (!seen_staff.insert(r.staff).second) add("unknown", 0, r.staff, "two routes for one person");
    const AllocationStaff& s = *sit->second;
    int count = 0;
    long long minutes = 0;
    const AllocationVisit* prev = nullptr;
    long long prev_end = 0;
    std::vector<std::pair<long long, long long>> busy;
    for (auto& stop : r.stops) {
      auto vit = visits.find(stop.visit);
      if (vit == visits.end()) {
        add("unknown", stop.visit, s.id, "visit not in this problem");
        continue;
      }
      const AllocationVisit& v = *vit->second;
      const long long start = t(stop.start), end = start + 60LL * v.duration_min;
      on_visit[v.id].emplace_back(s.id, start);
      ++count;
      minutes += v.duration_min;
      for (auto& need : v.required_skills)
        if (!has(s.skills, need)) add("skill", v.id, s.id, s.id + " lacks " + need);
      if (!v.double_up && !has(s.skills, "lone_working"))
        add("lone_working", v.id, s.id, s.id + " may not lone-work a single-handed visit");
      const long long latest = v.double_up ? t(v.earliest_start) : t(v.latest_start);
      if (start < t(v.earliest_start) || start > latest) add("window", v.id, s.id, "starts outside its window");
      if (start < t(s.shift_start) || end > t(s.shift_end)) add("shift", v.id, s.id, "outside " + s.id + "'s shift");
      const long long ready = prev ? prev_end + travel_seconds(prev->x_km, prev->y_km, v.x_km, v.y_km)
                                   : t(s.shift_start) + travel_seconds(s.start_x_km, s.start_y_km, v.x_km, v.y_km);
      if (start < ready) add("travel", v.id, s.id, "not enough time to travel there");
      const long long said = prev ? travel_seconds(prev->x_km, prev->y_km, v.x_km, v.y_km)
                                  : travel_seconds(s.start_x_km, s.start_y_km, v.x_km, v.y_km);
      if (60LL * stop.travel_min != said) add("travel", v.id, s.id, "travel minutes misreported");
      for (auto& [b0, b1] : busy)
        if (start < b1 && b0 < end) add("two_places", v.id, s.id, s.id + " would be in two places at once");
      busy.emplace_back(start, end);
      prev = &v;
      prev_end = end;
    }
    if (s.capacity_visits > 0 && count > s.capacity_visits) add("capacity", 0, s.id, "more visits than capacity");
    if (s.capacity_minutes > 0 && minutes > s.capacity_minutes) add("capacity", 0, s.id, "more minutes than capacity");
  }

  const std::set<AllocId> uncovered(proposal.uncovered.begin(), proposal.uncovered.end());
  for (auto& v : p.visits) {
    const auto& who = on_visit[v.id];
    const size_t need = v.double_up ? 2 : 1;
    const bool listed = uncovered.count(v.id) > 0;
    if ((who.size() < need) != listed) add("uncovered_list", v.id, "", "uncovered list disagrees with the routes");
    if (!v.double_up && who.size() > 1) add("single_handed", v.id, "", "more than one worker on a single visit");
    if (v.double_up) {
      if (who.size() > 2) add("double_up", v.id, "", "more than two workers");
      if (who.size() == 2 && (who[0].first == who[1].first || who[0].second != who[1].second))
        add("double_up", v.id, "", "double-up needs two distinct staff starting together");
      if (who.size() == 1 && !(has(v.pinned_staff, who[0].first) && p.keep_pins))
        add("double_up", v.id, who[0].first, "double-up proposed with one worker");
    }
    if (p.keep_pins)
      for (auto& pin : v.pinned_staff) {
        const bool kept = std::any_of(who.begin(), who.end(), [&](auto& w) { return w.first == pin; });
        const std::string prefix = "visit " + std::to_string(v.id) + " with " + pin + ":";
        const bool explained = std::any_of(proposal.pin_conflicts.begin(), proposal.pin_conflicts.end(),
                                           [&](auto& c) { return c.rfind(prefix, 0) == 0; });
        if (!kept && !explained) add("pin", v.id, pin, "allocation made by a person was dropped");
      }
  }
  for (AllocId id : proposal.uncovered)
    if (!visits.count(id)) add("unknown", id, "", "uncovered visit not in this problem");
  return out;
}

}  // namespace vb
