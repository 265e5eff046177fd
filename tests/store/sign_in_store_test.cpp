// Sign-in with a PIN, against a real file: hashes only, a growing wait, a lock at ten that survives
// a restart, cleared only by a shift coordinator or admin, and every step in the audit log.
#include <doctest/doctest.h>

#include "store/command_store.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/sign_in.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "store/store_test_support.hpp"
#include "support/small_team.hpp"

using namespace vb;
using std::chrono::seconds;
using vb::test::at;

namespace {

struct SignInTeam {
  store::test::TempDir dir;
  std::string path = dir.file("team.db");
  store::Database db = store::Database::open(path, store::OpenMode::create_if_missing);
  SignInTeam() {
    Snapshot s = vb::test::small_team();
    s.staff[2].roles.push_back(Role::coordinator);  // S03 coordinates the shift
    store::write_snapshot(db, s);
  }
  std::int64_t count(const std::string& sql) {
    auto st = db.prepare(sql);
    st.step();
    return st.column_int(0);
  }
};

const Instant t0 = at("2026-11-23T10:00");

}  // namespace

TEST_CASE("sign-in: a PIN is kept only as an Argon2id hash, and the right PIN signs in") {
  SignInTeam team;
  store::set_pin(team.db, "S01", "2468", "command-line", t0);
  auto st = team.db.prepare("SELECT pin_hash FROM staff_pin WHERE staff_id = 'S01'");
  REQUIRE(st.step());
  const std::string hash = st.column_text(0);
  CHECK(hash.rfind("$argon2id$", 0) == 0);
  CHECK(hash.find("2468") == std::string::npos);
  CHECK(team.count("SELECT count(*) FROM audit_log WHERE command = 'set_pin' AND entity_id = 'S01' "
                   "AND after_json NOT LIKE '%argon%'") == 1);
  CHECK(store::sign_in(team.db, "S01", "2468", t0).ok());
  CHECK(team.count("SELECT count(*) FROM audit_log WHERE command = 'sign_in' AND by_staff = 'S01'") == 1);
}

TEST_CASE("sign-in: a PIN of the wrong form is refused and nothing is written") {
  SignInTeam team;
  CHECK_THROWS_AS(store::set_pin(team.db, "S01", "12", "command-line", t0), store::PinRefused);
  CHECK_THROWS_AS(store::set_pin(team.db, "S01", "12ab", "command-line", t0), store::PinRefused);
  CHECK_THROWS_AS(store::set_pin(team.db, "S99", "1234", "command-line", t0), store::PinRefused);
  CHECK(team.count("SELECT count(*) FROM staff_pin") == 0);
}

TEST_CASE("sign-in: a wrong PIN, an unknown person and a person without a PIN get the same words") {
  SignInTeam team;
  store::set_pin(team.db, "S01", "2468", "command-line", t0);
  auto wrong = store::sign_in(team.db, "S01", "1111", t0);
  auto unknown = store::sign_in(team.db, "S77", "2468", t0);
  auto no_pin = store::sign_in(team.db, "S02", "2468", t0);
  CHECK_FALSE(wrong.ok());
  CHECK(wrong.message == unknown.message);
  CHECK(wrong.message == no_pin.message);
  CHECK(wrong.message.find("PIN") != std::string::npos);
  CHECK(team.count("SELECT count(*) FROM audit_log WHERE command = 'sign_in_failed'") == 3);
}

TEST_CASE("sign-in: after three wrong PINs the next try waits, the wait doubles, and a restart keeps it") {
  SignInTeam team;
  store::set_pin(team.db, "S01", "2468", "command-line", t0);
  for (int i = 0; i < 3; ++i) CHECK_FALSE(store::sign_in(team.db, "S01", "1111", t0 + seconds{i}).ok());
  {
    // Reopen: the count lives in the file.
    auto db = store::Database::open(team.path, store::OpenMode::existing);
    auto early = store::sign_in(db, "S01", "2468", t0 + seconds{3});  // the right PIN, too soon
    CHECK(early.outcome == store::SignInOutcome::wait);
    REQUIRE(early.try_again_at);
    CHECK(*early.try_again_at == t0 + seconds{2 + 5});
    CHECK(early.message.find("wait") != std::string::npos);
  }
  CHECK_FALSE(store::sign_in(team.db, "S01", "1111", t0 + seconds{7}).ok());  // fourth
  auto next = store::sign_in(team.db, "S01", "2468", t0 + seconds{8});
  CHECK(next.outcome == store::SignInOutcome::wait);
  CHECK(*next.try_again_at == t0 + seconds{7 + 10});
  CHECK(store::sign_in(team.db, "S01", "2468", t0 + seconds{17}).ok());
  CHECK(team.count("SELECT count(*) FROM sign_in_failure") == 0);  // a success starts afresh
}

TEST_CASE("sign-in: ten wrong PINs lock the account; a restart does not unlock it; the right PIN is refused") {
  SignInTeam team;
  store::set_pin(team.db, "S01", "2468", "command-line", t0);
  Instant t = t0;
  store::SignInResult last;
  for (int i = 0; i < 10; ++i) {
    last = store::sign_in(team.db, "S01", "1111", t);
    t = last.try_again_at.value_or(t + seconds{1});
  }
  CHECK(last.outcome == store::SignInOutcome::locked);
  CHECK(last.message.find("coordinator or admin") != std::string::npos);
  auto db = store::Database::open(team.path, store::OpenMode::existing);
  auto after = store::sign_in(db, "S01", "2468", t + std::chrono::hours{24});
  CHECK(after.outcome == store::SignInOutcome::locked);
  CHECK(store::load_snapshot(db).find_staff("S01")->locked);
  CHECK(team.count("SELECT count(*) FROM audit_log WHERE command = 'sign_in_failed' AND entity_id = 'S01'") == 10);
  CHECK(team.count("SELECT count(*) FROM audit_log WHERE command = 'sign_in_locked' AND entity_id = 'S01'") == 1);
  CHECK(team.count("SELECT count(*) FROM audit_log WHERE command = 'sign_in_refused' AND entity_id = 'S01'") == 1);
}

TEST_CASE("sign-in: only a shift coordinator or admin clears a lock; the clear is audited and sign-in works again") {
  SignInTeam team;
  store::set_pin(team.db, "S01", "2468", "command-line", t0);
  team.db.exec("INSERT INTO sign_in_lock (staff_id, locked_at) VALUES ('S01', '2026-11-23T09:00:00Z')");
  team.db.exec("INSERT INTO sign_in_failure (staff_id, at) VALUES ('S01', '2026-11-23T09:00:00Z')");
  Snapshot s = store::load_snapshot(team.db);
  REQUIRE(s.find_staff("S01")->locked);

  ClearLockout by_clinician{"S01", "S02", t0};
  try {
    store::apply_commands(team.db, s, {by_clinician});
    FAIL("a clinician cleared a lock");
  } catch (const store::CommandRefused& e) {
    CHECK(std::string(e.what()).find("without the shift coordinator or admin role") != std::string::npos);
  }
  CHECK(team.count("SELECT count(*) FROM sign_in_lock") == 1);

  store::apply_commands(team.db, s, {ClearLockout{"S01", "S03", t0}});
  CHECK_FALSE(s.find_staff("S01")->locked);
  CHECK(team.count("SELECT count(*) FROM sign_in_lock") == 0);
  CHECK(team.count("SELECT count(*) FROM sign_in_failure") == 0);
  CHECK(team.count("SELECT count(*) FROM audit_log WHERE command = 'clear_lockout' AND by_staff = 'S03' "
                   "AND entity_id = 'S01'") == 1);
  CHECK(store::sign_in(team.db, "S01", "2468", t0 + seconds{1}).ok());
}

TEST_CASE("roles: the store refuses a command whose author lacks the role, and writes nothing") {
  SignInTeam team;
  store::set_roles(team.db, "S02", {Role::viewer}, "command-line", t0);
  Snapshot s = store::load_snapshot(team.db);
  const auto audits = team.count("SELECT count(*) FROM audit_log");
  MarkVisit m{201, VisitStatus::no_access, "no answer", "S02", t0};
  CHECK_THROWS_AS(store::apply_commands(team.db, s, {m}), store::CommandRefused);
  CHECK(team.count("SELECT count(*) FROM audit_log") == audits);
  CHECK(team.count("SELECT count(*) FROM audit_log WHERE command = 'set_roles' AND entity_id = 'S02' "
                   "AND before_json LIKE '%clinician%' AND after_json NOT LIKE '%clinician%'") == 1);
}

TEST_CASE("roles: staff in a file made before roles keep recording after the migration") {
  store::test::TempDir dir;
  const std::string path = dir.file("old.db");
  {
    store::test::RawConnection raw(path);
    store::migrate(raw.handle(), 3);
    raw.exec("INSERT INTO team (id, name) VALUES (1, 'T')");
    raw.exec("INSERT INTO staff (id, team_id, name, initials, discipline) VALUES ('S01', 1, 'A', 'A', 'nurse'), "
             "('S02', 1, 'B', 'B', 'consultant')");
  }
  auto db = store::Database::open(path, store::OpenMode::existing);
  Snapshot s = store::load_snapshot(db);
  CHECK(s.find_staff("S01")->roles == std::vector<Role>{Role::viewer, Role::clinician});
  CHECK(s.find_staff("S02")->roles == std::vector<Role>{Role::viewer, Role::clinician, Role::senior_reviewer});
}
