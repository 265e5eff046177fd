// staff_role and sign_in_lock rows <-> Staff::roles and Staff::locked.
#include "store/access_rows.hpp"

#include "store/typed_rows.hpp"

#include <algorithm>
#include <map>

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
  load_sign_in_state(db, s);  // locked, locked_at, has_pin, failures
}

void load_sign_in_state(Database& db, Snapshot& s) {
  std::map<std::string, Staff*> by_id;
  for (auto& m : s.staff) {
    m.has_pin = false;
    m.locked = false;
    m.locked_at.reset();
    m.sign_in_failures.clear();
    by_id.emplace(m.id, &m);
  }
  auto find = [&](const std::string& id) -> Staff* {
    auto it = by_id.find(id);
    return it == by_id.end() ? nullptr : it->second;
  };
  // Only whether a PIN exists: the hash never leaves the database.
  StoredRow p(db, "staff_pin", "SELECT staff_id FROM staff_pin");
  while (p.next())
    if (Staff* m = find(p.text(0))) m->has_pin = true;
  StoredRow l(db, "sign_in_lock", "SELECT staff_id, locked_at FROM sign_in_lock");
  while (l.next())
    if (Staff* m = find(l.text(0))) {
      m->locked = true;
      m->locked_at = l.instant(1);
    }
  StoredRow f(db, "sign_in_failure", "SELECT staff_id, at FROM sign_in_failure ORDER BY staff_id, at");
  while (f.next())
    if (Staff* m = find(f.text(0))) m->sign_in_failures.push_back(f.instant(1));
}

void refresh_access(Database& db, Snapshot& s) {
  for (auto& m : s.staff) {
    m.roles.clear();
    m.locked = false;
  }
  load_access(db, s);
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
