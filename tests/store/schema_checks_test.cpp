// The schema itself refuses values the model cannot hold, whoever writes them (raw SQL here).
#include <doctest/doctest.h>

#include "store/database.hpp"
#include "store/snapshot_writer.hpp"
#include "store/store_test_support.hpp"

using namespace vb::store;
using namespace vb::store::test;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A migrated database holding the full snapshot, and a raw connection to poke at it.
struct Fixture {
  TempDir dir;
  std::string path = dir.file("checks.db");
  Fixture() {
    auto db = Database::open(path, OpenMode::create_if_missing);
    write_snapshot(db, full_snapshot());
  }
};

const char* insert_visit =
    "INSERT INTO visit (id, episode_id, local_date, window_start, window_end, type, status) VALUES ";

}  // namespace

TEST_CASE("store: an invalid NHS number inserted by raw SQL is refused by the schema") {
  Fixture f;
  RawConnection raw(f.path);
  auto insert = [&](const std::string& nhs, int id) {
    return raw.exec("INSERT INTO person (id, team_id, local_id, nhs_number, given_name, family_name, date_of_birth) "
                    "VALUES (" + std::to_string(id) + ", 7, 'HT-" + std::to_string(id) + "', " + nhs +
                    ", 'A', 'B', '1990-01-01')");
  };
  const std::string valid = synthetic_nhs_number(500);
  std::string wrong_check = valid;
  wrong_check[9] = valid[9] == '0' ? '1' : '0';
  for (const std::string& bad : {std::string("'123456789'"), std::string("'99900012345'"), std::string("'999000123X'"),
                                 std::string("''"), "'" + wrong_check + "'", std::string("9990001234")}) {
    CAPTURE(bad);
    CHECK(insert(bad, 90) == SQLITE_CONSTRAINT);
    CHECK(contains(raw.error(), "nhs_number"));
  }
  CHECK(insert("'" + valid + "'", 91) == SQLITE_OK);
  CHECK(insert("NULL", 92) == SQLITE_OK);  // not yet known
  CHECK(insert("'" + valid + "'", 93) == SQLITE_CONSTRAINT);  // one person, one NHS number
}

TEST_CASE("store: an unknown enum spelling inserted by raw SQL is refused by the schema") {
  Fixture f;
  RawConnection raw(f.path);
  const std::string times = "'2026-11-23', '2026-11-23T09:00:00Z', '2026-11-23T10:00:00Z'";
  CHECK(raw.exec(std::string(insert_visit) + "(900, 10, " + times + ", 'home', 'missed')") == SQLITE_CONSTRAINT);
  CHECK(contains(raw.error(), "status_known"));
  CHECK(raw.exec(std::string(insert_visit) + "(900, 10, " + times + ", 'Home', 'planned')") == SQLITE_CONSTRAINT);
  CHECK(contains(raw.error(), "type_known"));
  CHECK(raw.exec(std::string(insert_visit) + "(900, 10, " + times + ", 'home', 'planned')") == SQLITE_OK);

  CHECK(raw.exec("UPDATE episode SET stage = 'step_down' WHERE id = 10") == SQLITE_CONSTRAINT);  // it is step-down
  CHECK(contains(raw.error(), "stage_known"));
  CHECK(raw.exec("UPDATE episode SET stage = 'step-down' WHERE id = 10") == SQLITE_OK);
  CHECK(raw.exec("UPDATE episode SET risk_level = 'severe' WHERE id = 10") == SQLITE_CONSTRAINT);
  CHECK(raw.exec("UPDATE episode SET referral_priority = 5 WHERE id = 10") == SQLITE_CONSTRAINT);
  CHECK(raw.exec("UPDATE episode SET zone = 'blue' WHERE id = 10") == SQLITE_CONSTRAINT);  // not in this team's zones
  CHECK(raw.exec("UPDATE shift SET kind = 'evening' WHERE id = 300") == SQLITE_CONSTRAINT);
  CHECK(raw.exec("UPDATE review SET risk_level = 'HIGH' WHERE id = 500") == SQLITE_CONSTRAINT);
  CHECK(raw.exec("UPDATE visit SET out_of_hours = 2 WHERE id = 100") == SQLITE_CONSTRAINT);
}

TEST_CASE("store: instants must be UTC in the storage form and dates real calendar dates") {
  Fixture f;
  RawConnection raw(f.path);
  for (const char* bad : {"2026-11-23T09:00:00", "2026-11-23 09:00:00Z", "2026-11-23T09:00Z", "2026-11-23T09:00:00+00:00",
                          "2026-02-30T09:00:00Z", "2026-11-23T24:00:00Z", "1700000000"}) {
    CAPTURE(bad);
    CHECK(raw.exec("UPDATE visit SET outcome_at = '" + std::string(bad) + "' WHERE id = 100") == SQLITE_CONSTRAINT);
    CHECK(contains(raw.error(), "outcome_at_is_utc_instant"));
  }
  CHECK(raw.exec("UPDATE visit SET outcome_at = '2026-11-23T09:59:59Z' WHERE id = 100") == SQLITE_OK);
  CHECK(raw.exec("UPDATE visit SET outcome_at = NULL WHERE id = 100") == SQLITE_OK);
  for (const char* bad : {"2026-02-29", "2026-13-01", "23/11/2026", "2026-11-23T00:00:00Z", "2026-1-5"}) {
    CAPTURE(bad);
    CHECK(raw.exec("UPDATE visit SET local_date = '" + std::string(bad) + "' WHERE id = 100") == SQLITE_CONSTRAINT);
  }
  CHECK(raw.exec("UPDATE person SET date_of_birth = '2000-02-29' WHERE id = 1") == SQLITE_OK);
  CHECK(raw.exec("UPDATE visit SET window_end = '2026-11-23T08:00:00Z' WHERE id = 100") == SQLITE_CONSTRAINT);
  CHECK(contains(raw.error(), "window_ends_after_start"));
}

TEST_CASE("store: references to staff, visits and episodes must exist") {
  Fixture f;
  RawConnection raw(f.path);
  CHECK(raw.exec("UPDATE visit SET staff1 = 'S99' WHERE id = 100") == SQLITE_CONSTRAINT);
  CHECK(raw.exec("UPDATE visit SET staff1 = '' WHERE id = 100") == SQLITE_CONSTRAINT);  // unallocated is NULL
  CHECK(raw.exec("UPDATE visit SET staff1 = NULL WHERE id = 100") == SQLITE_OK);
  CHECK(raw.exec("UPDATE visit SET follow_up_of = 12345 WHERE id = 100") == SQLITE_CONSTRAINT);
  CHECK(raw.exec("UPDATE episode SET named_worker = 'S42' WHERE id = 10") == SQLITE_CONSTRAINT);
  CHECK(raw.exec("DELETE FROM episode WHERE id = 10") == SQLITE_CONSTRAINT);
}

TEST_CASE("store: the audit and decision logs cannot be edited after the fact") {
  Fixture f;
  RawConnection raw(f.path);
  CHECK(raw.exec("UPDATE decision_log SET rationale = 'rewritten' WHERE id = 600") != SQLITE_OK);
  CHECK(contains(raw.error(), "append-only"));
  REQUIRE(raw.exec("INSERT INTO audit_log (at, by_staff, command, entity, entity_id, before_json, after_json) "
                   "VALUES ('2026-11-23T10:00:00Z', 'S01', 'mark_visit', 'visit', '100', '{}', '{}')") == SQLITE_OK);
  CHECK(raw.exec("UPDATE audit_log SET by_staff = 'S02'") != SQLITE_OK);
  CHECK(contains(raw.error(), "append-only"));
  CHECK(raw.exec("INSERT INTO audit_log (at, by_staff, command, entity, entity_id, before_json, after_json) "
                 "VALUES ('2026-11-23T10:00:00Z', 'S01', 'mark_visit', 'visit', '100', '{not json', '{}')") ==
        SQLITE_CONSTRAINT);
}

TEST_CASE("store: risk changes, concerns and escalation acknowledgements cannot be edited after the fact") {
  Fixture f;
  RawConnection raw(f.path);
  for (const char* update : {"UPDATE risk_change SET reason = 'rewritten' WHERE id = 730",
                             "UPDATE concern SET note = 'rewritten' WHERE id = 740",
                             "UPDATE escalation_ack SET note = 'rewritten' WHERE id = 750"}) {
    CAPTURE(update);
    CHECK(raw.exec(update) != SQLITE_OK);
    CHECK(contains(raw.error(), "append-only"));
  }
  // The same escalation is acknowledged once.
  CHECK(raw.exec("INSERT INTO escalation_ack (episode_id, trigger, fired_at, acknowledged_by, at) VALUES "
                 "(10, 'high_risk_over_24h', '2026-11-22T14:00:00Z', 'S01', '2026-11-22T15:00:00Z')") ==
        SQLITE_CONSTRAINT);
}

TEST_CASE("store: risk domains, concern sources and escalation triggers are the core's spellings") {
  Fixture f;
  RawConnection raw(f.path);
  CHECK(raw.exec("INSERT INTO review_risk_domain (review_id, domain, seq) VALUES (501, 'self-harm', 0)") ==
        SQLITE_CONSTRAINT);
  CHECK(contains(raw.error(), "domain_known"));
  CHECK(raw.exec("INSERT INTO review_risk_domain (review_id, domain, seq) VALUES (501, 'exploitation', 0)") == SQLITE_OK);
  CHECK(raw.exec("INSERT INTO concern (episode_id, at, source, recorded_by) VALUES "
                 "(10, '2026-11-23T10:00:00Z', 'neighbour', 'S01')") == SQLITE_CONSTRAINT);
  CHECK(contains(raw.error(), "source_known"));
  CHECK(raw.exec("INSERT INTO escalation_ack (episode_id, trigger, fired_at, acknowledged_by, at) VALUES "
                 "(10, 'high_risk', '2026-11-22T14:00:00Z', 'S01', '2026-11-22T15:00:00Z')") == SQLITE_CONSTRAINT);
  CHECK(contains(raw.error(), "trigger_known"));
  CHECK(raw.exec("INSERT INTO risk_change (episode_id, at, from_level, to_level, by_staff) VALUES "
                 "(10, '2026-11-23T10:00:00Z', 'high', 'high', 'S01')") == SQLITE_CONSTRAINT);
  CHECK(contains(raw.error(), "level_changes"));
  CHECK(raw.exec("UPDATE review_booking SET slot_start = '2026-11-24 13:00' WHERE id = 720") == SQLITE_CONSTRAINT);
  CHECK(raw.exec("UPDATE slot_pattern SET weekday = 8 WHERE id = 700") == SQLITE_CONSTRAINT);
  CHECK(raw.exec("UPDATE reviewer_leave SET until_date = '2026-12-01' WHERE id = 710") == SQLITE_CONSTRAINT);
  CHECK(contains(raw.error(), "leave_ends_after_start"));
}
