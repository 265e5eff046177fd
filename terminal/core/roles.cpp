// Role spellings and words.
#include "core/roles.hpp"

#include <algorithm>

namespace vb {

std::string_view to_string(Role r) {
  switch (r) {
    case Role::viewer: return "viewer";
    case Role::clinician: return "clinician";
    case Role::coordinator: return "coordinator";
    case Role::senior_reviewer: return "senior_reviewer";
    case Role::manager: return "manager";
    case Role::admin: return "admin";
  }
  return "viewer";
}

std::optional<Role> parse_role(std::string_view s) {
  for (Role r : all_roles)
    if (to_string(r) == s) return r;
  return std::nullopt;
}

std::string_view role_label(Role r) {
  switch (r) {
    case Role::viewer: return "viewer";
    case Role::clinician: return "clinician";
    case Role::coordinator: return "shift coordinator";
    case Role::senior_reviewer: return "senior reviewer";
    case Role::manager: return "manager";
    case Role::admin: return "admin";
  }
  return "viewer";
}

std::vector<Role> Roles::list() const {
  std::vector<Role> out;
  for (Role r : all_roles)
    if (has(r)) out.push_back(r);
  return out;
}

std::string Roles::describe() const {
  auto roles = list();
  std::string out = "the ";
  for (size_t i = 0; i < roles.size(); ++i) {
    if (i > 0) out += i + 1 == roles.size() ? " or " : ", ";
    out += role_label(roles[i]);
  }
  return out + " role";
}

ParsedRoles parse_role_list(std::string_view text) {
  ParsedRoles out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view word = text.substr(start, comma - start);
    while (!word.empty() && word.front() == ' ') word.remove_prefix(1);
    while (!word.empty() && word.back() == ' ') word.remove_suffix(1);
    if (!word.empty()) {
      auto r = parse_role(word);
      if (!r) {
        out.unknown = std::string(word);
        return out;
      }
      if (std::find(out.roles.begin(), out.roles.end(), *r) == out.roles.end()) out.roles.push_back(*r);
    }
    start = comma + 1;
  }
  std::sort(out.roles.begin(), out.roles.end());
  return out;
}

}  // namespace vb
