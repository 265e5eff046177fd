// Small derived facts of the value types.
#include "core/model.hpp"

#include <algorithm>

namespace vb {

bool Staff::has_skill(std::string_view s) const {
  return std::find(skills.begin(), skills.end(), s) != skills.end();
}

std::string Person::initials() const {
  std::string out;
  if (!given_name.empty()) out.push_back(given_name.front());
  if (!family_name.empty()) out.push_back(family_name.front());
  return out;
}

}  // namespace vb
