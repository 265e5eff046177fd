// staff_role and sign_in_lock rows <-> Staff::roles and Staff::locked.
#include "store/access_rows.hpp"

#include "store/typed_rows.hpp"

#include <algorithm>

namespace vb::store {

void load_access(Database& db, Snapshot& s) {
  auto find = [&](const std::string& id) -> Staff* {
    auto it = std::find_if(s.staff.begin(), s.staff.end(), [&](const Staff& m) { return m.id == id; });
    return it == s.staff.end() ? nullptr : &*it;
  };
  StoredRow r(db, "staff_role", "SELECT staff_id, role FROM staff_role ORDER BY staff_id");
  while (r.next()) {
    Staff* m = find(r.text(0));
    if (!m) continue;  // the foreign key keeps this from happening
    m->roles.push_back(r.word<Role>(1, parse_role, "role"));
  }
  for (auto& m : s.staff) std::sort(m.roles.begin(), m.roles.end());
  StoredRow l(db, "sign_in_lock", "SELECT staff_id FROM sign_in_lock");
  while (l.next())
    if (Staff* m = find(l.text(0))) m->locked = true;
}

void write_access(Database& db, const Snapshot& s) {
  auto role = db.prepare("INSERT INTO staff_role (staff_id, role) VALUES (?1, ?2)");
  for (const auto& m : s.staff) {
    for (Role r : m.roles) {
      role.bind_text(1, m.id).bind_text(2, to_string(r));
      role.run(table_row("staff_role", m.id + " '" + std::string(to_string(r)) + "'"));
    }
  }
}

}  // namespace vb::store
