// What makes a rota change acceptable: an active worker, a shift the rules know, no overlap with
// their other shifts; a shift is taken off only when no planned visit still needs it.
#include "core/commands.hpp"
#include "core/visit_fit.hpp"

#include <algorithm>

namespace vb {

namespace {

constexpr size_t max_reason_length = 500;

std::string shift_words(const Shift& s, Zone zone) {
  std::string kind(to_string(s.kind));
  return "the " + kind + " " + format_local_hm(s.start, zone) + "–" + format_local_hm(s.end, zone) + " on " +
         format_day_label(s.date);
}

}  // namespace

std::optional<Shift> shift_to_add(const Snapshot& s, const AddShift& c) {
  const ShiftPattern* p = shift_pattern(s.rota_rules, c.kind, c.date);
  if (!p) return std::nullopt;
  Shift sh;
  sh.staff_id = c.staff;
  const Staff* st = s.find_staff(c.staff);
  sh.team_id = st && st->team_id ? st->team_id : s.team.id;
  sh.kind = c.kind;
  sh.date = c.date;
  auto [start, end] = shift_instants(*p, c.date, s.zone());
  sh.start = start;
  sh.end = end;
  return sh;
}

std::optional<std::string> allocation_command_problem(const Snapshot& s, const AddShift& c) {
  if (auto p = author_problem(s, c.by)) return p;
  if (c.staff.empty()) return "'staff' (who goes on the shift) is missing";
  const Staff* st = s.find_staff(c.staff);
  if (!st) return "staff '" + c.staff + "' does not exist";
  if (!st->active) return "staff '" + c.staff + "' is no longer active";
  if (!c.date.ok()) return "the shift's date is not a calendar date";
  auto sh = shift_to_add(s, c);
  if (!sh) return "the rota rules have no " + std::string(to_string(c.kind)) + " shift";
  const Zone zone = s.zone();
  for (const auto& other : s.shifts) {
    if (other.staff_id != c.staff || other.start >= sh->end || other.end <= sh->start) continue;
    return st->name + " (" + st->id + ") is already on " + shift_words(other, zone) + ", which overlaps " +
           shift_words(*sh, zone);
  }
  return std::nullopt;
}

std::optional<std::string> allocation_command_problem(const Snapshot& s, const RemoveShift& c) {
  if (auto p = author_problem(s, c.by)) return p;
  auto it = std::find_if(s.shifts.begin(), s.shifts.end(), [&](const Shift& x) { return x.id == c.shift; });
  if (it == s.shifts.end()) return "shift " + std::to_string(c.shift) + " does not exist";
  if (c.reason.size() > max_reason_length) return "the reason is longer than 500 characters";
  const Zone zone = s.zone();
  // A planned visit of this worker that only this shift could hold would be left outside any shift.
  int stranded = 0;
  std::string first;
  for (const auto& v : s.visits) {
    if (v.status != VisitStatus::planned || (v.staff1 != it->staff_id && v.staff2 != it->staff_id)) continue;
    if (!fits_shift(v, *it)) continue;
    auto holding = shifts_holding(s.shifts, it->staff_id, v);
    if (holding.size() > 1) continue;
    if (!stranded++) first = "visit " + std::to_string(v.id) + " " + format_local_hm(v.window_start, zone);
  }
  if (stranded) {
    const Staff* st = s.find_staff(it->staff_id);
    return (st ? st->name : it->staff_id.str()) + " has " + std::to_string(stranded) + " planned visit" +
           (stranded > 1 ? "s" : "") + " in " + shift_words(*it, zone) + " (" + first +
           (stranded > 1 ? ", ..." : "") + "); unallocate or move them first";
  }
  return std::nullopt;
}

}  // namespace vb
