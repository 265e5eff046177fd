// Loading and writing the allocation tables, column for column with model.hpp.
#include "store/allocation_rows.hpp"

#include "store/load_scope.hpp"
#include "store/typed_rows.hpp"

#include <algorithm>

namespace vb::store {

void load_allocation(Database& db, Snapshot& s) {
  const std::string visits_loaded =
      where_child_in_scope(db, s, "visit_skill", "visit_id", s.visits.size(), "visit", "local_date", TimeColumn::local_date);
  StoredRow r(db, "visit_skill", "SELECT visit_id, skill FROM visit_skill" + visits_loaded + " ORDER BY visit_id, seq");
  while (r.next()) {
    Visit* v = find_by_id(s.visits, r.integer(0));  // the loader read visits in id order
    if (!v && s.history_from && visits_loaded.empty()) continue;  // a visit outside the working set
    if (!v) r.fail(0, "visit " + r.text(0) + " does not exist");
    v->required_skills.push_back(r.text(1));
  }
}

void write_allocation(Database& db, const Snapshot& s) {
  auto skill = db.prepare("INSERT INTO visit_skill (visit_id, skill, seq) VALUES (?1, ?2, ?3)");
  for (const auto& v : s.visits) {
    for (size_t i = 0; i < v.required_skills.size(); ++i) {
      skill.bind_int(1, v.id).bind_text(2, v.required_skills[i]).bind_int(3, static_cast<std::int64_t>(i));
      skill.run(table_row("visit_skill", std::to_string(v.id) + " '" + v.required_skills[i] + "'"));
    }
  }
}

}  // namespace vb::store
