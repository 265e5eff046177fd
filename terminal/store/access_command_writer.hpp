#pragma once
// Inside apply_commands: the staff-access commands (issue 7) — set or clear a PIN, grant or revoke
// a role — each one write and one audit_log row (entity `staff`), mirrored into the snapshot. The
// audit rows say whether a PIN exists before and after, never the PIN or its hash.
#include "store/command_writing.hpp"

#include <string>
#include <vector>

namespace vb::store::detail {

// Argon2id hashes for the SetPin commands of a batch, made before the transaction starts (about
// 50 ms each, with no write lock held meanwhile). Index-aligned with `commands`; empty for other
// commands and for a PIN of the wrong form (command_problem refuses those).
std::vector<std::string> hash_new_pins(const std::vector<Command>& commands);

class AccessCommandWriter {
 public:
  AccessCommandWriter(Database& db, Snapshot& s, SnapshotUndo& undo, const std::vector<std::string>& pin_hashes)
      : db_(db), s_(s), undo_(undo), pin_hashes_(pin_hashes) {}
  Id apply(std::size_t index, const Command& c, const SetPin& p);
  Id apply(std::size_t index, const Command& c, const ClearPin& p);
  Id apply(std::size_t index, const Command& c, const GrantRole& g);
  Id apply(std::size_t index, const Command& c, const RevokeRole& r);

 private:
  Id audit(const Command& c, Instant at, const StaffId& by, const StaffId& staff, const Json& before, const Json& after);

  Database& db_;
  Snapshot& s_;
  SnapshotUndo& undo_;
  const std::vector<std::string>& pin_hashes_;
};

}  // namespace vb::store::detail
