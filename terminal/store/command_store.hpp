#pragma once
// Carries out commands: all of a batch in one transaction, each change with exactly one audit row,
// or nothing at all.
#include "core/commands.hpp"
#include "store/database.hpp"

#include <cstddef>
#include <vector>

namespace vb::store {

// A command that vb::command_problem refuses; nothing of its batch was written. what() is the
// problem in words ("visit 9999 does not exist"), ready for "line N: what".
class CommandRefused : public StoreError {
 public:
  CommandRefused(std::size_t index, std::string problem);
  std::size_t index() const noexcept { return index_; }  // 0-based position in the batch
  const std::string& problem() const noexcept { return problem_; }

 private:
  std::size_t index_;
  std::string problem_;
};

// Applies `commands` in order inside one BEGIN IMMEDIATE transaction. If another connection has
// changed the file since `snapshot` was loaded through `db`, the snapshot is reloaded first. Each
// command is validated against the state the earlier ones left, written with one audit_log row,
// and mirrored into `snapshot`. Returns the audit ids, one per command, after the commit.
// Throws CommandRefused (index + problem) or StoreError (busy, disk full, I/O error); then the
// database and the snapshot are as before the call.
std::vector<vb::Id> apply_commands(Database& db, vb::Snapshot& snapshot, const std::vector<vb::Command>& commands);

}  // namespace vb::store
