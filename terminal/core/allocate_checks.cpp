// What makes an allocation acceptable: real, active staff on shift for the whole visit, with the
// skills it needs, two different people for a double-up, nobody in two places at once. Every
// refusal says which rule, which visit and which person.
#include "core/commands.hpp"
#include "core/visit_fit.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace vb {

namespace {

constexpr size_t max_reason_length = 500;

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

std::string who(const Staff& s) { return s.name + " (" + s.id + ")"; }

std::string window_text(const Visit& v, Zone zone) {
  return format_local_hm(v.window_start, zone) + "–" + format_local_hm(v.window_end, zone);
}

std::string visit_text(const Visit& v, Zone zone) {
  return "visit " + std::to_string(v.id) + " (" + format_day_label(v.date) + " " + window_text(v, zone) + ")";
}

// Who is on each visit once the earlier allocations of a batch are counted.
struct Pending {
  std::map<Id, std::pair<StaffId, StaffId>> staff;
  std::pair<StaffId, StaffId> on(const Visit& v) const {
    auto it = staff.find(v.id);
    return it == staff.end() ? std::pair{v.staff1, v.staff2} : it->second;
  }
};

std::optional<std::string> allocate_problem(const Snapshot& s, const AllocateVisit& c, const StaffId& by,
                                            const Pending& pending) {
  const Visit* v = s.find_visit(c.visit);
  if (!v) return "visit " + std::to_string(c.visit) + " does not exist";
  if (auto p = author_problem(s, by)) return p;
  const Zone zone = s.zone();
  if (v->status != VisitStatus::planned) {
    return "visit " + std::to_string(v->id) + " is already " + lower(status_label(v->status)) +
           "; only a planned visit can be allocated";
  }
  if (c.staff1.empty()) return "'staff1' (who goes to visit " + std::to_string(v->id) + ") is missing";
  std::vector<const Staff*> going;
  for (const StaffId* id : {&c.staff1, &c.staff2}) {
    if (id->empty()) continue;
    const Staff* st = s.find_staff(*id);
    if (!st) return "staff '" + *id + "' does not exist";
    if (!st->active) return "staff '" + *id + "' is no longer active";
    going.push_back(st);
  }
  if (c.staff1 == c.staff2) {
    return "visit " + std::to_string(v->id) + ": a double-up needs two distinct staff, not " + who(*going[0]) +
           " twice";
  }
  if (v->double_up && c.staff2.empty()) {
    return visit_text(*v, zone) + " is a double-up and needs two distinct staff; only " + who(*going[0]) +
           " was given";
  }
  for (const Staff* st : going) {
    if (shifts_holding(s.shifts, st->id, *v).empty()) {
      return who(*st) + " is not on shift for the whole of " + visit_text(*v, zone) + " (" +
             std::to_string(visit_minutes(*v)) + " min)";
    }
  }
  for (const auto& skill : v->required_skills) {
    bool covered = std::any_of(going.begin(), going.end(), [&](const Staff* st) { return st->has_skill(skill); });
    if (covered) continue;
    if (going.size() == 1) return visit_text(*v, zone) + " needs " + skill_words(skill) + ": " + who(*going[0]) + " is not";
    return visit_text(*v, zone) + " needs " + skill_words(skill) + ": neither " + who(*going[0]) + " nor " +
           who(*going[1]) + " is";
  }
  for (const Staff* st : going) {
    for (const auto& other : s.visits) {
      if (other.id == v->id || !holds_worker(other)) continue;
      auto [a, b] = pending.on(other);
      if (a != st->id && b != st->id) continue;
      if (!can_do_both(*v, other)) {
        return who(*st) + " would be in two places at once: already on " + visit_text(other, zone) + ", which cannot " +
               "be done before or after " + visit_text(*v, zone);
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> allocation_command_problem(const Snapshot& s, const AllocateVisit& c) {
  return allocate_problem(s, c, c.by, Pending{});
}

std::optional<std::string> allocation_command_problem(const Snapshot& s, const UnallocateVisit& c) {
  const Visit* v = s.find_visit(c.visit);
  if (!v) return "visit " + std::to_string(c.visit) + " does not exist";
  if (auto p = author_problem(s, c.by)) return p;
  if (v->status != VisitStatus::planned) {
    return "visit " + std::to_string(v->id) + " is already " + lower(status_label(v->status)) +
           "; only a planned visit can be unallocated";
  }
  if (!v->allocated() && v->staff2.empty()) return "visit " + std::to_string(v->id) + " has nobody allocated";
  if (c.reason.size() > max_reason_length) return "the reason is longer than 500 characters";
  return std::nullopt;
}

std::optional<std::string> allocation_command_problem(const Snapshot& s, const AllocateVisits& c) {
  if (c.allocations.empty()) return "'allocations' is empty: nothing to allocate";
  Pending pending;
  for (const auto& a : c.allocations) {
    if (pending.staff.count(a.visit)) return "visit " + std::to_string(a.visit) + " appears twice in one batch";
    if (auto p = allocate_problem(s, a, c.by, pending)) return p;
    pending.staff[a.visit] = {a.staff1, a.staff2};
  }
  return std::nullopt;
}

}  // namespace vb
