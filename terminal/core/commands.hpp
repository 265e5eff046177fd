#pragma once
// Commands: small values that say what a person asked for. Screens and `apply` produce them;
// only the store carries them out (one transaction with its audit row).
#include "core/snapshot.hpp"

#include <optional>
#include <string>
#include <variant>

namespace vb {

struct MarkVisit {
  Id visit = 0;
  VisitStatus status = VisitStatus::done;
  std::string reason;  // required for every outcome except done
  StaffId by;
  Instant at{};
};

using Command = std::variant<MarkVisit>;

std::string_view command_name(const Command& c);

// Checks a command against the snapshot: known ids, allowed transition, required fields.
// Returns what is wrong in words ("visit 812 does not exist"), or nullopt when it may be applied.
std::optional<std::string> command_problem(const Snapshot& snapshot, const Command& c);

}  // namespace vb
