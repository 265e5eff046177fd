// DEMO ONLY: wrong PINs and a lock, written as if people had tried.
#include "store/demo_sign_ins.hpp"

#include "store/stored_form.hpp"

namespace vb::store {

void write_demo_sign_in_trouble(Database& db, const StaffId& locked, const StaffId& wrong_tries, Instant now) {
  using std::chrono::minutes;
  Transaction tx(db);
  auto failure = db.prepare("INSERT INTO sign_in_failure (staff_id, at) VALUES (?1, ?2)");
  auto audit = db.prepare(
      "INSERT INTO audit_log (at, by_staff, command, entity, entity_id, before_json, after_json) "
      "VALUES (?1, ?2, ?3, 'staff', ?2, 'null', ?4)");
  auto fail = [&](const StaffId& who, Instant at, int n) {
    failure.bind_text(1, who).bind_text(2, stored_instant(at)).run("demo sign-in failure of " + who);
    audit.bind_text(1, stored_instant(at)).bind_text(2, who).bind_text(3, "sign_in_failed");
    audit.bind_text(4, "{\"failures_in_window\":" + std::to_string(n) + "}").run("demo audit of " + who);
  };
  const Instant evening = now - std::chrono::hours(13);
  for (int i = 0; i < 10; ++i) fail(locked, evening + minutes(2 * i), i + 1);
  const Instant locked_at = evening + minutes(18);
  auto lock = db.prepare("INSERT INTO sign_in_lock (staff_id, locked_at) VALUES (?1, ?2)");
  lock.bind_text(1, locked).bind_text(2, stored_instant(locked_at)).run("demo lock of " + locked);
  audit.bind_text(1, stored_instant(locked_at)).bind_text(2, locked).bind_text(3, "sign_in_locked");
  audit.bind_text(4, "{\"failures_in_window\":10}").run("demo audit of " + locked);
  for (int i = 0; i < 3; ++i) fail(wrong_tries, now - minutes(20) + std::chrono::seconds(20 * i), i + 1);
  tx.commit();
}

}  // namespace vb::store
