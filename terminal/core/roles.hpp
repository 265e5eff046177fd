#pragma once
// What a member of staff may do on the terminal: roles (several per person), their spellings in
// the database and on the command line, and sets of roles ("any of these may").
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vb {

// viewer: sees the board; clinician: records visits, reviews, risk, concerns; coordinator: runs the
// shift (allocation, rota, clearing a locked sign-in); senior_reviewer: holds senior reviews and sets
// thresholds; manager: compliance and reports; admin: staff, PINs, rules and backups (not clinical records).
enum class Role : std::uint8_t { viewer, clinician, coordinator, senior_reviewer, manager, admin };

inline constexpr Role all_roles[] = {Role::viewer,          Role::clinician, Role::coordinator,
                                     Role::senior_reviewer, Role::manager,   Role::admin};

std::string_view to_string(Role r);
std::optional<Role> parse_role(std::string_view s);
// Words for people: "shift coordinator", "senior reviewer".
std::string_view role_label(Role r);

// A set of roles; as a requirement it means "any one of these".
class Roles {
 public:
  constexpr Roles() = default;
  constexpr Roles(std::initializer_list<Role> roles) {
    for (Role r : roles) bits_ |= bit(r);
  }
  static constexpr Roles with(Roles set, Role r) {
    set.bits_ |= bit(r);
    return set;
  }
  constexpr bool has(Role r) const { return (bits_ & bit(r)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr bool any_of(Roles other) const { return (bits_ & other.bits_) != 0; }
  constexpr bool operator==(const Roles&) const = default;
  std::vector<Role> list() const;
  // "the clinician role", "the shift coordinator or admin role".
  std::string describe() const;

 private:
  static constexpr std::uint8_t bit(Role r) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(r)); }
  std::uint8_t bits_ = 0;
};

// "viewer,clinician" (comma-separated spellings, spaces allowed) or the word that is not a role.
struct ParsedRoles {
  std::vector<Role> roles;
  std::string unknown;  // non-empty: this word is not a role
};
ParsedRoles parse_role_list(std::string_view text);

}  // namespace vb
