// Reading and writing visit.allocated_at / allocated_by; every stored value is checked as it is read.
#include "store/visit_allocation_rows.hpp"

#include "store/typed_rows.hpp"

namespace vb::store {

void read_visit_allocation(const StoredRow& r, int first, Visit& v) {
  if (auto at = r.optional_instant(first)) {
    v.allocated_at = *at;
    v.allocated_by = r.staff_ref(first + 1);
  }
}

void write_visit_allocation(Database& db, const Snapshot& s) {
  auto st = db.prepare("UPDATE visit SET allocated_at = ?1, allocated_by = ?2 WHERE id = ?3");
  for (const auto& v : s.visits) {
    if (!v.allocated_at) continue;
    bind_instant(st, 1, *v.allocated_at);
    bind_text_or_null(st, 2, v.allocated_by);
    st.bind_int(3, v.id);
    st.run(table_row("visit", v.id));
  }
}

}  // namespace vb::store
