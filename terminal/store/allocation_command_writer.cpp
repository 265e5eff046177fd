// The allocation commands written to the visit table, each visit's change with one audit row
// (before and after: who was on it).
#include "store/command_writing.hpp"
#include "store/typed_rows.hpp"

#include <algorithm>

namespace vb::store::detail {

namespace {

Json staff_json(const StaffId& a, const StaffId& b) {
  return Json{{"staff1", a.empty() ? Json(nullptr) : Json(a)}, {"staff2", b.empty() ? Json(nullptr) : Json(b)}};
}

}  // namespace

Id AllocationCommandWriter::set_staff(const Command& c, Id visit, const StaffId& staff1, const StaffId& staff2,
                                      const StaffId& by, Instant at, const std::string& reason) {
  Visit& v = undo_.edit(*s_.find_visit(visit));  // command_problem has checked it exists
  Json before = staff_json(v.staff1, v.staff2);
  // When the allocation was made (migration 007): set when the visit goes from nobody to someone,
  // kept when it moves between staff, cleared when nobody is left on it.
  std::optional<Instant> allocated_at = v.allocated_at;
  StaffId allocated_by = v.allocated_by;
  if (staff1.empty()) {
    allocated_at.reset();
    allocated_by.clear();
  } else if (v.staff1.empty()) {
    allocated_at = at;
    allocated_by = by;
  }
  auto st = db_.prepare("UPDATE visit SET staff1 = ?1, staff2 = ?2, allocated_at = ?4, allocated_by = ?5 WHERE id = ?3");
  bind_text_or_null(st, 1, staff1);
  bind_text_or_null(st, 2, staff2);
  st.bind_int(3, visit);
  bind_optional_instant(st, 4, allocated_at);
  bind_text_or_null(st, 5, allocated_by);
  const std::string context = "allocating visit " + std::to_string(visit);
  st.run(context);
  if (sqlite3_changes(db_.handle()) != 1) {
    throw StoreError(in_quotes(db_.path()) + ": " + context + ": the visit is no longer in the database");
  }
  v.staff1 = staff1;
  v.staff2 = staff2;
  v.allocated_at = allocated_at;
  v.allocated_by = allocated_by;
  Json after = staff_json(v.staff1, v.staff2);
  if (!reason.empty()) after["reason"] = reason;
  return audit_.write(c, at, by, "visit", visit, before, after);
}

Id AllocationCommandWriter::apply(const Command& c, const AllocateVisit& a) {
  return set_staff(c, a.visit, a.staff1, a.staff2, a.by, a.at, "");
}

Id AllocationCommandWriter::apply(const Command& c, const UnallocateVisit& u) {
  return set_staff(c, u.visit, "", "", u.by, u.at, u.reason);
}

Id AllocationCommandWriter::apply(const Command& c, const AllocateVisits& batch) {
  Id last = 0;
  for (const auto& a : batch.allocations) last = set_staff(c, a.visit, a.staff1, a.staff2, batch.by, batch.at, "");
  return last;
}

}  // namespace vb::store::detail

namespace vb::store::detail {

namespace {

Json shift_json(const Shift& s) {
  return Json{{"staff_id", s.staff_id},           {"kind", to_string(s.kind)},          {"local_date", stored_date(s.date)},
              {"starts_at", stored_instant(s.start)}, {"ends_at", stored_instant(s.end)}};
}

}  // namespace

Id AllocationCommandWriter::apply(const Command& c, const AddShift& a) {
  Shift sh = *shift_to_add(s_, a);  // command_problem has checked the rules know this shift
  auto st = db_.prepare(
      "INSERT INTO shift (staff_id, team_id, kind, local_date, starts_at, ends_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  st.bind_text(1, sh.staff_id).bind_int(2, sh.team_id).bind_text(3, to_string(sh.kind));
  bind_date(st, 4, sh.date);
  bind_instant(st, 5, sh.start);
  bind_instant(st, 6, sh.end);
  st.run("adding a " + std::string(to_string(sh.kind)) + " shift for " + sh.staff_id);
  sh.id = sqlite3_last_insert_rowid(db_.handle());
  undo_.shifts().push_back(sh);
  return audit_.write(c, a.at, a.by, "shift", sh.id, nullptr, shift_json(sh));
}

Id AllocationCommandWriter::apply(const Command& c, const RemoveShift& r) {
  auto& shifts = undo_.shifts();
  auto it = std::find_if(shifts.begin(), shifts.end(), [&](const Shift& x) { return x.id == r.shift; });  // checked
  Json before = shift_json(*it);
  auto st = db_.prepare("DELETE FROM shift WHERE id = ?1");
  st.bind_int(1, r.shift);
  const std::string context = "removing shift " + std::to_string(r.shift);
  st.run(context);
  if (sqlite3_changes(db_.handle()) != 1) {
    throw StoreError(in_quotes(db_.path()) + ": " + context + ": the shift is no longer in the database");
  }
  shifts.erase(it);
  Json after{{"removed", true}, {"reason", r.reason}};
  return audit_.write(c, r.at, r.by, "shift", r.shift, before, after);
}

}  // namespace vb::store::detail
