// Checks of the staff-access commands (issue 7): who a PIN or role is for, the PIN's form, and the
// two refusals that keep the terminal administrable: the last admin, and an admin's own admin role.
// No message ever contains the PIN.
#include "core/commands.hpp"
#include "core/sign_in_policy.hpp"

namespace vb {

namespace {

// The person a PIN or role is for: known and active.
std::optional<std::string> subject_problem(const Snapshot& s, const StaffId& id, const Staff*& out) {
  if (id.empty()) return std::string("'staff' (whose access this is) is missing");
  out = s.find_staff(id);
  if (!out) return "staff '" + id + "' does not exist";
  if (!out->active) return out->name + " (" + id + ") is no longer active: reactivate them in the staff import first";
  return std::nullopt;
}

int active_admins(const Snapshot& s) {
  int n = 0;
  for (const auto& m : s.staff)
    if (m.active && m.has_role(Role::admin)) ++n;
  return n;
}

}  // namespace

std::optional<std::string> access_command_problem(const Snapshot& s, const SetPin& c) {
  if (auto p = author_problem(s, c.by)) return p;
  const Staff* m = nullptr;
  if (auto p = subject_problem(s, c.staff, m)) return p;
  if (auto p = pin_form_problem(c.pin)) return "the new PIN for " + m->name + " was not set: " + *p;
  return std::nullopt;
}

std::optional<std::string> access_command_problem(const Snapshot& s, const ClearPin& c) {
  if (auto p = author_problem(s, c.by)) return p;
  const Staff* m = nullptr;
  if (auto p = subject_problem(s, c.staff, m)) return p;
  if (!m->has_pin) return m->name + " has no PIN to clear";
  if (c.staff == c.by) return "you cannot clear your own PIN (you could no longer sign in): set a new one instead";
  return std::nullopt;
}

std::optional<std::string> access_command_problem(const Snapshot& s, const GrantRole& c) {
  if (auto p = author_problem(s, c.by)) return p;
  const Staff* m = nullptr;
  if (auto p = subject_problem(s, c.staff, m)) return p;
  if (m->has_role(c.role)) return m->name + " already has the " + std::string(role_label(c.role)) + " role";
  return std::nullopt;
}

std::optional<std::string> access_command_problem(const Snapshot& s, const RevokeRole& c) {
  if (auto p = author_problem(s, c.by)) return p;
  const Staff* m = nullptr;
  if (auto p = subject_problem(s, c.staff, m)) return p;
  if (!m->has_role(c.role)) return m->name + " does not have the " + std::string(role_label(c.role)) + " role";
  if (c.role == Role::admin) {
    if (active_admins(s) <= 1)
      return m->name + " is the last admin: grant the admin role to someone else first, or nobody could manage PINs and roles";
    if (c.staff == c.by) return "you cannot remove your own admin role: another admin has to do it";
  }
  return std::nullopt;
}

}  // namespace vb
