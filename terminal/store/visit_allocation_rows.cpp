// Reading and writing visit.allocated_at / allocated_by; every stored value is checked as it is read.
#include "store/visit_allocation_rows.hpp"

#include "store/load_scope.hpp"
#include "store/typed_rows.hpp"

#include <algorithm>
#include <unordered_map>

namespace vb::store {

void load_visit_allocation(Database& db, Snapshot& s) {
  // The loader reads visits in id order: find each by binary search (a map if ever they are not).
  const bool sorted = std::is_sorted(s.visits.begin(), s.visits.end(), [](const Visit& a, const Visit& b) { return a.id < b.id; });
  std::unordered_map<Id, Visit*> by_id;
  if (!sorted)
    for (auto& v : s.visits) by_id[v.id] = &v;
  auto find = [&](Id id) -> Visit* {
    if (!sorted) {
      auto it = by_id.find(id);
      return it == by_id.end() ? nullptr : it->second;
    }
    auto it = std::lower_bound(s.visits.begin(), s.visits.end(), id, [](const Visit& v, Id x) { return v.id < x; });
    return it != s.visits.end() && it->id == id ? &*it : nullptr;
  };
  // Only the working set's visits (the rest would be read and skipped: the whole visit table).
  StoredRow r(db, "visit",
              "SELECT id, allocated_at, allocated_by FROM visit WHERE allocated_at IS NOT NULL" +
                  where_in_scope(s, "visit", "local_date", TimeColumn::local_date, true, " AND ") + " ORDER BY id");
  while (r.next()) {
    Visit* v = find(r.integer(0));
    if (!v) continue;
    v->allocated_at = r.instant(1);
    v->allocated_by = r.staff_ref(2);
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
