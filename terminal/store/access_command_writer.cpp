// Writes of the staff-access commands: staff_pin and staff_role rows, one audit row each.
#include "store/access_command_writer.hpp"

#include "core/sign_in_policy.hpp"
#include "store/sign_in.hpp"
#include "store/stored_form.hpp"

#include <algorithm>

namespace vb::store::detail {

namespace {

Json role_list(const std::vector<Role>& roles) {
  Json out = Json::array();
  for (Role r : roles) out.push_back(to_string(r));
  return out;
}

}  // namespace

std::vector<std::string> hash_new_pins(const std::vector<Command>& commands) {
  std::vector<std::string> out(commands.size());
  for (std::size_t i = 0; i < commands.size(); ++i)
    if (const auto* p = std::get_if<SetPin>(&commands[i]))
      if (!pin_form_problem(p->pin)) out[i] = hash_pin(p->pin);
  return out;
}

Id AccessCommandWriter::audit(const Command& c, Instant at, const StaffId& by, const StaffId& staff,
                              const Json& before, const Json& after) {
  auto st = db_.prepare(
      "INSERT INTO audit_log (at, by_staff, command, entity, entity_id, before_json, after_json) "
      "VALUES (?1, ?2, ?3, 'staff', ?4, ?5, ?6)");
  st.bind_text(1, stored_instant(at)).bind_text(2, by).bind_text(3, command_name(c)).bind_text(4, staff);
  st.bind_text(5, json_text(before)).bind_text(6, json_text(after));
  st.run("writing the audit row for staff " + staff);
  return sqlite3_last_insert_rowid(db_.handle());
}

Id AccessCommandWriter::apply(std::size_t index, const Command& c, const SetPin& p) {
  Staff& m = undo_.edit(*s_.find_staff(p.staff));  // command_problem has checked it
  const std::string hash = index < pin_hashes_.size() && !pin_hashes_[index].empty() ? pin_hashes_[index] : hash_pin(p.pin);
  auto st = db_.prepare(
      "INSERT INTO staff_pin (staff_id, pin_hash, set_at) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (staff_id) DO UPDATE SET pin_hash = excluded.pin_hash, set_at = excluded.set_at");
  st.bind_text(1, p.staff).bind_text(2, hash).bind_text(3, stored_instant(p.at));
  st.run("setting the PIN of " + p.staff);
  const bool had = m.has_pin;
  m.has_pin = true;
  return audit(c, p.at, p.by, p.staff, Json{{"had_pin", had}}, Json{{"had_pin", true}});
}

Id AccessCommandWriter::apply(std::size_t, const Command& c, const ClearPin& p) {
  Staff& m = undo_.edit(*s_.find_staff(p.staff));
  auto st = db_.prepare("DELETE FROM staff_pin WHERE staff_id = ?1");
  st.bind_text(1, p.staff).run("clearing the PIN of " + p.staff);
  m.has_pin = false;
  return audit(c, p.at, p.by, p.staff, Json{{"had_pin", true}}, Json{{"had_pin", false}});
}

Id AccessCommandWriter::apply(std::size_t, const Command& c, const GrantRole& g) {
  Staff& m = undo_.edit(*s_.find_staff(g.staff));
  const Json before = role_list(m.roles);
  auto st = db_.prepare("INSERT INTO staff_role (staff_id, role) VALUES (?1, ?2)");
  st.bind_text(1, g.staff).bind_text(2, to_string(g.role));
  st.run("giving " + g.staff + " the role " + std::string(to_string(g.role)));
  m.roles.push_back(g.role);
  std::sort(m.roles.begin(), m.roles.end());
  return audit(c, g.at, g.by, g.staff, Json{{"roles", before}},
               Json{{"roles", role_list(m.roles)}, {"granted", to_string(g.role)}});
}

Id AccessCommandWriter::apply(std::size_t, const Command& c, const RevokeRole& r) {
  Staff& m = undo_.edit(*s_.find_staff(r.staff));
  const Json before = role_list(m.roles);
  auto st = db_.prepare("DELETE FROM staff_role WHERE staff_id = ?1 AND role = ?2");
  st.bind_text(1, r.staff).bind_text(2, to_string(r.role));
  st.run("taking the role " + std::string(to_string(r.role)) + " from " + r.staff);
  m.roles.erase(std::remove(m.roles.begin(), m.roles.end(), r.role), m.roles.end());
  return audit(c, r.at, r.by, r.staff, Json{{"roles", before}},
               Json{{"roles", role_list(m.roles)}, {"revoked", to_string(r.role)}});
}

}  // namespace vb::store::detail
