// PIN hashes, sign-in throttling and lockout, in the file and audited.
#include "store/sign_in.hpp"

#include "store/command_writing.hpp"
#include "store/typed_rows.hpp"

#include <sodium.h>

#include <algorithm>

namespace vb::store {

namespace {

using detail::Json;

void need_sodium() {
  if (sodium_init() < 0) throw StoreError("libsodium could not be initialised");
}

Id audit(Database& db, Instant at, const std::string& by, std::string_view command, const std::string& staff,
         const Json& before, const Json& after) {
  auto st = db.prepare(
      "INSERT INTO audit_log (at, by_staff, command, entity, entity_id, before_json, after_json) "
      "VALUES (?1, ?2, ?3, 'staff', ?4, ?5, ?6)");
  st.bind_text(1, stored_instant(at)).bind_text(2, by).bind_text(3, command).bind_text(4, staff);
  st.bind_text(5, detail::json_text(before)).bind_text(6, detail::json_text(after));
  st.run("writing the audit row for staff " + staff);
  return sqlite3_last_insert_rowid(db.handle());
}

// A hash no PIN was ever set with: unknown staff cost the same time as known ones.
const std::string& decoy_hash() {
  static const std::string hash = hash_pin("decoy-not-a-pin");
  return hash;
}

struct Account {
  bool exists = false;
  bool active = false;
  std::string hash;  // empty: no PIN set
  bool locked = false;
  std::vector<Instant> failures;
};

Account read_account(Database& db, const StaffId& who) {
  Account a;
  auto staff = db.prepare("SELECT active FROM staff WHERE id = ?1");
  staff.bind_text(1, who);
  if (!staff.step("reading staff " + who)) return a;
  a.exists = true;
  a.active = staff.column_int(0) != 0;
  auto pin = db.prepare("SELECT pin_hash FROM staff_pin WHERE staff_id = ?1");
  pin.bind_text(1, who);
  if (pin.step("reading the PIN of " + who)) a.hash = pin.column_text(0);
  auto lock = db.prepare("SELECT 1 FROM sign_in_lock WHERE staff_id = ?1");
  lock.bind_text(1, who);
  a.locked = lock.step("reading the sign-in lock of " + who);
  auto fs = db.prepare("SELECT at FROM sign_in_failure WHERE staff_id = ?1 ORDER BY at");
  fs.bind_text(1, who);
  while (fs.step("reading sign-in failures of " + who)) a.failures.push_back(parse_stored_utc(fs.column_text(0)));
  return a;
}

std::string seconds_words(std::chrono::seconds s) {
  auto n = s.count();
  if (n < 60) return std::to_string(std::max<std::int64_t>(n, 1)) + " s";
  return std::to_string((n + 59) / 60) + " min";
}

constexpr const char* not_recognised = "Not signed in: that name and PIN do not match. Try again.";

}  // namespace

std::string hash_pin(std::string_view pin) {
  need_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw StoreError("hashing a PIN ran out of memory");
  return out;
}

bool pin_matches(const std::string& hash, std::string_view pin) {
  need_sodium();
  return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

SignInResult sign_in(Database& db, const StaffId& who, std::string_view pin, Instant now, const SignInPolicy& policy) {
  Transaction tx(db);
  Account a = read_account(db, who);
  SignInResult result;
  if (a.locked) {
    audit(db, now, who, "sign_in_refused", who, nullptr, Json{{"reason", "locked"}});
    tx.commit();
    result.outcome = SignInOutcome::locked;
    result.message = "Sign-in locked after repeated wrong PINs. A shift coordinator or admin can clear it.";
    return result;
  }
  const SignInGate gate = sign_in_gate(a.failures, now, policy);
  if (gate.not_before && now < *gate.not_before) {
    audit(db, now, who, "sign_in_refused", who, nullptr,
          Json{{"reason", "waiting"}, {"try_again_at", stored_instant(*gate.not_before)}});
    tx.commit();
    result.outcome = SignInOutcome::wait;
    result.try_again_at = gate.not_before;
    result.message = "Too many wrong tries: wait " + seconds_words(*gate.not_before - now) + ", then try again.";
    return result;
  }
  const bool usable = a.exists && a.active && !a.hash.empty();
  // Verify even when the account cannot sign in, so the time taken does not tell which part was wrong.
  const bool matches = pin_matches(usable ? a.hash : decoy_hash(), pin) && usable;
  if (matches) {
    auto clear = db.prepare("DELETE FROM sign_in_failure WHERE staff_id = ?1");
    clear.bind_text(1, who).run("clearing sign-in failures of " + who);
    audit(db, now, who, "sign_in", who, nullptr, Json{{"failures_before", a.failures.size()}});
    tx.commit();
    result.outcome = SignInOutcome::signed_in;
    result.message = "Signed in";
    return result;
  }
  int counted = gate.recent_failures;
  if (a.exists) {
    auto add = db.prepare("INSERT INTO sign_in_failure (staff_id, at) VALUES (?1, ?2)");
    add.bind_text(1, who);
    bind_instant(add, 2, now);
    add.run("counting a sign-in failure of " + who);
    a.failures.push_back(now);
    counted = sign_in_gate(a.failures, now, policy).recent_failures;
  }
  audit(db, now, who, "sign_in_failed", who, nullptr, Json{{"failures_in_window", counted}});
  result.outcome = SignInOutcome::refused;
  result.message = not_recognised;
  const SignInGate after = sign_in_gate(a.failures, now, policy);
  if (a.exists && after.should_lock) {
    auto lock = db.prepare("INSERT OR IGNORE INTO sign_in_lock (staff_id, locked_at) VALUES (?1, ?2)");
    lock.bind_text(1, who);
    bind_instant(lock, 2, now);
    lock.run("locking the sign-in of " + who);
    audit(db, now, who, "sign_in_locked", who, nullptr, Json{{"failures_in_window", counted}});
    result.outcome = SignInOutcome::locked;
    result.message = "Sign-in locked after repeated wrong PINs. A shift coordinator or admin can clear it.";
  } else if (after.not_before && *after.not_before > now) {
    result.try_again_at = after.not_before;
    result.message = std::string(not_recognised) + " Next try in " + seconds_words(*after.not_before - now) + ".";
  }
  tx.commit();
  return result;
}

void set_pin(Database& db, const StaffId& staff, std::string_view pin, const std::string& by, Instant now) {
  if (auto p = pin_form_problem(pin)) throw PinRefused(*p);
  // Hashed before the transaction: no write lock is held for the 50 ms it takes.
  set_pin_hashes(db, {{staff, hash_pin(pin)}}, by, now);
}

void set_pin_hashes(Database& db, const std::vector<std::pair<StaffId, std::string>>& hashes, const std::string& by,
                    Instant now) {
  Transaction tx(db);
  auto st = db.prepare(
      "INSERT INTO staff_pin (staff_id, pin_hash, set_at) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (staff_id) DO UPDATE SET pin_hash = excluded.pin_hash, set_at = excluded.set_at");
  for (const auto& [staff, hash] : hashes) {
    Account a = read_account(db, staff);
    if (!a.exists) throw PinRefused("staff '" + staff + "' does not exist");
    if (!a.active) throw PinRefused("staff '" + staff + "' is no longer active");
    st.bind_text(1, staff).bind_text(2, hash);
    bind_instant(st, 3, now);
    st.run("setting the PIN of " + staff);
    // The hash itself never goes into the audit trail.
    audit(db, now, by, "set_pin", staff, Json{{"had_pin", !a.hash.empty()}}, Json{{"had_pin", true}});
  }
  tx.commit();
}

void set_roles(Database& db, const StaffId& staff, const std::vector<Role>& roles, const std::string& by, Instant now) {
  Transaction tx(db);
  Account a = read_account(db, staff);
  if (!a.exists) throw PinRefused("staff '" + staff + "' does not exist");
  Json before = Json::array();
  auto old = db.prepare("SELECT role FROM staff_role WHERE staff_id = ?1 ORDER BY role");
  old.bind_text(1, staff);
  while (old.step("reading the roles of " + staff)) before.push_back(old.column_text(0));
  auto clear = db.prepare("DELETE FROM staff_role WHERE staff_id = ?1");
  clear.bind_text(1, staff).run("replacing the roles of " + staff);
  Json after = Json::array();
  auto add = db.prepare("INSERT INTO staff_role (staff_id, role) VALUES (?1, ?2)");
  for (Role r : roles) {
    add.bind_text(1, staff).bind_text(2, to_string(r));
    add.run("giving " + staff + " the role " + std::string(to_string(r)));
    after.push_back(to_string(r));
  }
  audit(db, now, by, "set_roles", staff, Json{{"roles", before}}, Json{{"roles", after}});
  tx.commit();
}

SignInStatus sign_in_status(Database& db, const StaffId& staff) {
  Account a = read_account(db, staff);
  if (!a.exists) throw PinRefused("staff '" + staff + "' does not exist");
  return SignInStatus{!a.hash.empty(), a.locked, a.failures};
}

namespace detail {

Id apply_clear_lockout(Database& db, Snapshot& s, SnapshotUndo& undo, const Command&, const ClearLockout& cmd) {
  Staff& staff = undo.edit(*s.find_staff(cmd.staff));  // clear_lockout_problem has checked it
  auto failures = db.prepare("SELECT count(*) FROM sign_in_failure WHERE staff_id = ?1");
  failures.bind_text(1, cmd.staff);
  failures.step("counting sign-in failures of " + cmd.staff);
  const std::int64_t counted = failures.column_int(0);
  for (const char* sql : {"DELETE FROM sign_in_lock WHERE staff_id = ?1", "DELETE FROM sign_in_failure WHERE staff_id = ?1"}) {
    auto st = db.prepare(sql);
    st.bind_text(1, cmd.staff).run("clearing the sign-in lock of " + cmd.staff);
  }
  staff.locked = false;
  staff.locked_at.reset();  // the Admin screen's PIN state (issue 7)
  staff.sign_in_failures.clear();
  return audit(db, cmd.at, cmd.by, "clear_lockout", cmd.staff, Json{{"locked", true}, {"failures", counted}},
               Json{{"locked", false}, {"failures", 0}});
}

}  // namespace detail

}  // namespace vb::store
