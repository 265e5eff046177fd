// The pre-check: for each visit and staff member the first failing hard rule, and words for blocked visits.
#include "core/allocation_precheck.hpp"

#include <algorithm>
#include <chrono>

namespace vb {

std::string_view to_string(BlockRule r) {
  switch (r) {
    case BlockRule::none: return "none";
    case BlockRule::not_on_shift: return "not_on_shift";
    case BlockRule::missing_skill: return "missing_skill";
    case BlockRule::lone_working: return "lone_working";
    case BlockRule::capacity_full: return "capacity_full";
  }
  return "none";
}

namespace {

bool holds(const AllocationStaff& s, const std::string& skill) {
  return std::find(s.skills.begin(), s.skills.end(), skill) != s.skills.end();
}

std::string hm(Instant t, Zone z) { return format_local_hm(t, z); }

}  // namespace

RuleResult first_failing_rule(const AllocationProblem& p, const AllocationVisit& v, const AllocationStaff& s) {
  const Zone z = find_zone(p.zone_name);
  using std::chrono::minutes;
  const Instant latest = v.double_up ? v.earliest_start : v.latest_start;
  const int tr = travel_minutes(s.start_x_km, s.start_y_km, v.x_km, v.y_km);
  const Instant start = std::max(v.earliest_start, s.shift_start + minutes(tr));
  if (start > latest || start + minutes(v.duration_min) > s.shift_end)
    return {BlockRule::not_on_shift, "not on shift for it (on " + hm(s.shift_start, z) + "–" + hm(s.shift_end, z) +
                                         ", visit " + hm(v.earliest_start, z) + "–" +
                                         hm(latest + minutes(v.duration_min), z) + ")"};
  for (auto& skill : v.required_skills)
    if (!holds(s, skill)) return {BlockRule::missing_skill, "needs " + skill};
  if (!v.double_up && !holds(s, "lone_working"))
    return {BlockRule::lone_working, "cannot lone-work and the visit is single-handed"};
  if (p.keep_pins && (s.capacity_visits > 0 || s.capacity_minutes > 0)) {
    int pinned = 0, pinned_min = 0;
    for (auto& other : p.visits) {
      if (other.id == v.id) continue;
      if (std::find(other.pinned_staff.begin(), other.pinned_staff.end(), s.id) == other.pinned_staff.end()) continue;
      ++pinned;
      pinned_min += other.duration_min;
    }
    if ((s.capacity_visits > 0 && pinned >= s.capacity_visits) ||
        (s.capacity_minutes > 0 && pinned_min + v.duration_min > s.capacity_minutes))
      return {BlockRule::capacity_full, "full with " + std::to_string(pinned) + " visits already allocated"};
  }
  return {};
}

int PreCheck::blocked_count() const {
  return static_cast<int>(std::count_if(visits.begin(), visits.end(), [](auto& v) { return v.blocked; }));
}

namespace {

std::string blocked_words(const AllocationProblem& p, const AllocationVisit& v, const VisitCheck& c) {
  const Zone z = find_zone(p.zone_name);
  if (v.double_up && c.able.size() == 1) {
    std::string who = c.able.front();
    for (auto& s : p.staff)
      if (s.id == who && !s.name.empty()) who = s.name;
    return "Blocked: double-up needs two staff; only " + who + " can do it";
  }
  // The deepest rule reached by anyone tells the coordinator what to change.
  std::vector<const AllocationStaff*> on_shift;
  for (auto& [id, r] : c.unable)
    if (r.rule != BlockRule::not_on_shift)
      for (auto& s : p.staff)
        if (s.id == id) on_shift.push_back(&s);
  if (on_shift.empty())
    return "Blocked: nobody is on shift for " + format_local_hm(v.earliest_start, z) + "–" +
           format_local_hm((v.double_up ? v.earliest_start : v.latest_start) + std::chrono::minutes(v.duration_min), z);
  for (auto& skill : v.required_skills) {
    bool anyone = false;
    for (auto* s : on_shift) anyone = anyone || holds(*s, skill);
    if (!anyone) return "Blocked: needs " + (skill == "trained" ? std::string("a trained clinician") : "a " + skill) + "; none on shift";
  }
  bool skill_fail = false, lone_fail = false;
  for (auto& [id, r] : c.unable) {
    skill_fail = skill_fail || r.rule == BlockRule::missing_skill;
    lone_fail = lone_fail || r.rule == BlockRule::lone_working;
  }
  if (lone_fail) return "Blocked: single-handed visit; nobody on shift who could do it may lone-work";
  if (skill_fail) return "Blocked: nobody on shift holds every skill it needs";
  return "Blocked: everyone who could do it is full with visits already allocated";
}

}  // namespace

PreCheck pre_check(const AllocationProblem& raw) {
  const AllocationProblem p = canonical(raw);
  PreCheck out;
  for (auto& v : p.visits) {
    VisitCheck c;
    c.visit = v.id;
    for (auto& s : p.staff) {
      RuleResult r = first_failing_rule(p, v, s);
      if (r.rule == BlockRule::none)
        c.able.push_back(s.id);
      else
        c.unable.emplace_back(s.id, std::move(r));
    }
    const size_t need = v.double_up ? 2 : 1;
    c.blocked = c.able.size() < need;
    if (c.blocked) c.words = blocked_words(p, v, c);
    out.visits.push_back(std::move(c));
  }
  return out;
}

}  // namespace vb
