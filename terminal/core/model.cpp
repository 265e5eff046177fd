// Small derived facts of the value types.
#include "core/model.hpp"

#include <algorithm>

namespace vb {

bool Staff::has_skill(std::string_view s) const {
  return std::find(skills.begin(), skills.end(), s) != skills.end();
}

bool Staff::has_role(Role r) const { return std::find(roles.begin(), roles.end(), r) != roles.end(); }

Roles Staff::role_set() const {
  Roles out;
  for (Role r : roles) out = Roles::with(out, r);
  return out;
}

std::string Person::initials() const {
  std::string out;
  if (!given_name.empty()) out.push_back(given_name.view().front());
  if (!family_name.empty()) out.push_back(family_name.view().front());
  return out;
}

}  // namespace vb
