// The allocation commands written to the visit table, each visit's change with one audit row
// (before and after: who was on it).
#include "store/command_writing.hpp"
#include "store/typed_rows.hpp"

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
  auto st = db_.prepare("UPDATE visit SET staff1 = ?1, staff2 = ?2 WHERE id = ?3");
  bind_text_or_null(st, 1, staff1);
  bind_text_or_null(st, 2, staff2);
  st.bind_int(3, visit);
  const std::string context = "allocating visit " + std::to_string(visit);
  st.run(context);
  if (sqlite3_changes(db_.handle()) != 1) {
    throw StoreError(in_quotes(db_.path()) + ": " + context + ": the visit is no longer in the database");
  }
  v.staff1 = staff1;
  v.staff2 = staff2;
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
