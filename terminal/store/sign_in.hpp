#pragma once
// Staff sign-in with a PIN: Argon2id hashes (libsodium crypto_pwhash_str, INTERACTIVE limits),
// wrong tries counted in the file (a restart does not reset them), a growing wait after a few,
// a lock after ten within the window, and every success, failure, lock, clear and change audited.
// Messages never say which part was wrong.
#include "core/commands.hpp"
#include "core/sign_in_policy.hpp"
#include "store/database.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vb::store {

// A PIN the store will not keep (wrong form, unknown or inactive staff); nothing was written.
class PinRefused : public StoreError {
 public:
  using StoreError::StoreError;
};

std::string hash_pin(std::string_view pin);
bool pin_matches(const std::string& hash, std::string_view pin);

enum class SignInOutcome { signed_in, refused, wait, locked };

struct SignInResult {
  SignInOutcome outcome = SignInOutcome::refused;
  std::optional<Instant> try_again_at;  // wait: when the next try will be checked
  std::string message;                  // words for the screen; never says which part was wrong
  bool ok() const { return outcome == SignInOutcome::signed_in; }
};

// One try, in one transaction with its audit row(s).
SignInResult sign_in(Database& db, const StaffId& who, std::string_view pin, Instant now,
                     const SignInPolicy& policy = {});

// Sets or replaces a PIN (audited as `set_pin` by `by`: a staff id, or "command-line"). Throws
// PinRefused or StoreError.
void set_pin(Database& db, const StaffId& staff, std::string_view pin, const std::string& by, Instant now);
// Stores ready-made hashes (crypto_pwhash_str output), all in one transaction, one audit row each.
void set_pin_hashes(Database& db, const std::vector<std::pair<StaffId, std::string>>& hashes, const std::string& by,
                    Instant now);
// Replaces the roles of `staff` (audited before/after). Throws PinRefused for unknown staff.
void set_roles(Database& db, const StaffId& staff, const std::vector<Role>& roles, const std::string& by, Instant now);

// What the file holds about one person's sign-in (for `visitboard pin status`).
struct SignInStatus {
  bool has_pin = false;
  bool locked = false;
  std::vector<Instant> failures;  // since the last success or clear
};
SignInStatus sign_in_status(Database& db, const StaffId& staff);

namespace detail {
class AuditTrail;
class SnapshotUndo;
// ClearLockout inside apply_commands' transaction: lock and counted failures removed, audited.
Id apply_clear_lockout(Database& db, Snapshot& s, SnapshotUndo& undo, const Command& c, const ClearLockout& cmd);
}  // namespace detail

}  // namespace vb::store
