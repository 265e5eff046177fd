// Roles of the demo team, by discipline: everyone views; practitioners and support workers record;
// senior practitioners also coordinate shifts and review; medical staff review; the team manager
// (S01) manages, coordinates and administers the terminal. Demo PINs are set by `visitboard demo`.
#include "core/demo_detail.hpp"

#include <algorithm>

namespace vb::demo {

std::vector<Role> demo_roles(const Staff& s) {
  std::vector<Role> roles{Role::viewer};
  const std::string& d = s.discipline;
  if (d == "manager") {
    roles.push_back(Role::coordinator);
    roles.push_back(Role::manager);
    roles.push_back(Role::admin);
  } else {
    roles.push_back(Role::clinician);
    if (d == "senior_practitioner") roles.push_back(Role::coordinator);
    if (s.has_skill("senior_reviewer") || d == "consultant" || d == "specialty_doctor")
      roles.push_back(Role::senior_reviewer);
  }
  std::sort(roles.begin(), roles.end());
  return roles;
}

}  // namespace vb::demo
