// From the snapshot to an allocation problem (see the header for the default rules).
#include "core/allocation_snapshot.hpp"

#include <algorithm>
#include <chrono>
#include <map>

namespace vb {

std::vector<std::string> required_skills_for(const Visit& v, const Episode* episode) {
  if (!v.required_skills.empty()) return v.required_skills;
  if (episode && episode->risk == RiskLevel::high) return {"trained"};
  return {};
}

bool is_night_start(Instant start, Zone zone) {
  const auto local = to_local(start, zone);
  const auto minute = std::chrono::duration_cast<std::chrono::minutes>(local - date::floor<date::days>(local)).count();
  return minute >= 22 * 60 || minute < 7 * 60;
}

AllocationProblem problem_from_snapshot(const Snapshot& s, Instant from, Instant to, Instant now) {
  using namespace std::chrono;
  AllocationProblem p;
  p.zone_name = s.team.time_zone.empty() ? std::string(default_team_zone) : s.team.time_zone;
  const Zone zone = find_zone(p.zone_name);

  // Who saw each episode in the 7 days before now.
  std::map<Id, std::vector<std::string>> seen;
  for (auto& v : s.visits) {
    if (v.status != VisitStatus::done || v.window_start >= now || v.window_start < now - days{7}) continue;
    for (auto* id : {&v.staff1, &v.staff2})
      if (!id->empty()) seen[v.episode_id].push_back(*id);
  }

  for (auto& v : s.visits) {
    if (v.status != VisitStatus::planned || v.type != VisitType::home) continue;
    if (v.window_start < from || v.window_start >= to) continue;
    const Episode* e = s.find_episode(v.episode_id);
    const Person* person = e ? s.find_person(e->person_id) : nullptr;
    AllocationVisit a;
    a.id = v.id;
    a.duration_min = v.duration_min > 0 ? v.duration_min : 45;
    a.earliest_start = v.window_start;
    a.latest_start = std::max(v.window_start, v.window_end - minutes{a.duration_min});
    a.double_up = v.double_up || is_night_start(v.window_start, zone);
    a.required_skills = required_skills_for(v, e);
    if (person) {
      a.x_km = person->home_x_km;
      a.y_km = person->home_y_km;
      a.label = person->initials() + " (" + person->local_id + ")";
    }
    if (e) {
      a.named_worker = e->named_worker;
      a.risk_weight = e->risk == RiskLevel::high ? 3 : e->risk == RiskLevel::medium ? 2 : 1;
      auto it = seen.find(e->id);
      if (it != seen.end()) {
        a.seen_last_7_days = it->second;
        std::sort(a.seen_last_7_days.begin(), a.seen_last_7_days.end());
        a.seen_last_7_days.erase(std::unique(a.seen_last_7_days.begin(), a.seen_last_7_days.end()),
                                 a.seen_last_7_days.end());
      }
    }
    if (!v.staff1.empty()) a.pinned_staff.push_back(v.staff1);
    if (!v.staff2.empty()) a.pinned_staff.push_back(v.staff2);
    p.visits.push_back(std::move(a));
  }

  // One entry per staff member: the shift that overlaps the period most.
  std::map<std::string, const Shift*> best;
  auto overlap = [&](const Shift& sh) { return std::min(sh.end, to) - std::max(sh.start, from); };
  for (auto& sh : s.shifts) {
    if (sh.start >= to || sh.end <= from) continue;
    auto [it, fresh] = best.try_emplace(sh.staff_id, &sh);
    if (!fresh && overlap(sh) > overlap(*it->second)) it->second = &sh;
  }
  for (auto& [id, sh] : best) {
    const Staff* st = s.find_staff(id);
    if (!st || !st->active) continue;
    AllocationStaff a;
    a.id = id;
    a.name = st->name;
    a.shift_start = sh->start;
    a.shift_end = sh->end;
    a.skills = st->skills;
    p.staff.push_back(std::move(a));
  }
  return p;
}

}  // namespace vb
