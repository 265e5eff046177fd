// Step down, step up and reassessment in the store: the gate, one audit row each, future planned
// visits regenerated in the same transaction, history kept, all or nothing.
#include <doctest/doctest.h>

#include "core/plan_generation.hpp"
#include "store/command_store.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "store/command_board.hpp"
#include "store/store_test_support.hpp"

#include <nlohmann/json.hpp>

using namespace vb;
using namespace vb::store;
using namespace vb::store::test;

namespace {

// Episode 10's plan started Mon 2 Nov 2026: twice daily 3 days, alternate days 14, twice weekly 14.
// On Mon 16 Nov it is on alternate days (since 5 Nov); its review and reassessment come later.
const char* now = "2026-11-16T10:30:00Z";

struct Board : CommandBoard {
  Board() : CommandBoard("steps.db", "") {}
  std::vector<long long> rows() {
    return {count("SELECT count(*) FROM contact_phase"), count("SELECT count(*) FROM visit"),
            count("SELECT count(*) FROM plan_change"), count("SELECT count(*) FROM risk_reassessment"),
            count("SELECT count(*) FROM audit_log"), count("SELECT sum(length_days) FROM contact_phase")};
  }
};

Command reassess() { return RecordReassessment{10, RiskLevel::medium, "calmer; safety plan reviewed", "S01", utc(now)}; }
Command down() { return StepDown{10, "agreed with the person", "S01", utc(now)}; }

}  // namespace

TEST_CASE("step-down: refused without a risk reassessment for the transition, with the date it needs one since") {
  Board b;
  auto before = b.rows();
  auto problem = b.refusal({down()});
  CHECK(problem.find("step-down blocked: no risk reassessment since Fri 13 Nov") != std::string::npos);
  CHECK(b.rows() == before);
  // A reassessment before the window does not count for this transition.
  auto old = RecordReassessment{10, RiskLevel::medium, "early look", "S01", utc("2026-11-06T10:00:00Z")};
  apply_commands(b.db, b.snapshot, {old});
  CHECK(b.refusal({down()}).find("step-down blocked") != std::string::npos);
}

TEST_CASE("step-down: with a reassessment the next phase starts today and future visits follow it, one audit row each") {
  Board b;
  auto ids = apply_commands(b.db, b.snapshot, {reassess(), down()});
  REQUIRE(ids.size() == 2);
  CHECK(b.count("SELECT count(*) FROM risk_reassessment WHERE episode_id = 10 AND by_staff = 'S01'") == 1);
  CHECK(b.count("SELECT count(*) FROM plan_change WHERE kind = 'step_down' AND from_phase = 'Alternate days' AND "
                "to_phase = 'Twice weekly'") == 1);
  CHECK(b.count("SELECT count(*) FROM audit_log WHERE command = 'step_down' AND entity = 'contact_plan' AND entity_id = '20'") == 1);
  auto after = nlohmann::json::parse(b.text("SELECT after_json FROM audit_log WHERE id = " + std::to_string(ids[1])));
  CHECK(after["reason"].get<std::string>().find("risk reassessed by S01") != std::string::npos);
  CHECK_FALSE(after["visits_added"].empty());
  // Alternate days ran 5..15 Nov; twice weekly from today.
  CHECK(b.count("SELECT length_days FROM contact_phase WHERE plan_id = 20 AND sequence = 2") == 11);
  CHECK(b.count("SELECT count(*) FROM contact_phase WHERE plan_id = 20 AND sequence = 3 AND per_week = 2") == 1);
  // Future planned, generated visits: Mondays and Thursdays only.
  CHECK(b.count("SELECT count(*) FROM visit WHERE episode_id = 10 AND plan_slot IS NOT NULL AND status = 'planned' "
                "AND hand_edited = 0 AND strftime('%w', local_date) NOT IN ('1', '4')") == 0);
  CHECK(b.count("SELECT count(*) FROM visit WHERE episode_id = 10 AND local_date = '2026-11-16' AND plan_slot = 0") == 1);
  // The file and memory agree, and regenerating again changes nothing.
  Snapshot fresh = load_snapshot(b.db);
  CHECK(fresh.visits.size() == b.snapshot.visits.size());
  CHECK(regenerate_visits(*fresh.plan_for_episode(10), 10, fresh.visits, utc(now), fresh.zone()).empty());
}

TEST_CASE("step-up: immediate with a reason, re-intensifies from today, keeps every visit with an outcome") {
  Board b;
  const auto done_before = b.count("SELECT count(*) FROM visit WHERE status <> 'planned' OR hand_edited = 1");
  CHECK(b.refusal({StepUp{10, "", 7, "S01", utc(now)}}).find("needs a reason") != std::string::npos);
  apply_commands(b.db, b.snapshot, {StepUp{10, "carer reports voices returning", 4, "S01", utc(now)}});
  CHECK(b.count("SELECT count(*) FROM plan_change WHERE kind = 'step_up' AND to_phase = 'Twice daily'") == 1);
  // Twice daily from today for 4 days: two visits a day on 16-19 Nov (today's morning window has begun? 09:00 < 10:30).
  CHECK(b.count("SELECT count(*) FROM visit WHERE episode_id = 10 AND local_date = '2026-11-17'") == 2);
  CHECK(b.count("SELECT count(*) FROM visit WHERE episode_id = 10 AND local_date = '2026-11-16' AND plan_slot = 1") == 1);
  CHECK(b.count("SELECT count(*) FROM visit WHERE status <> 'planned' OR hand_edited = 1") == done_before);
}

TEST_CASE("step-down: a refused line leaves plan, visits, audit and memory exactly as they were") {
  Board b;
  auto before = b.rows();
  const auto visits_in_memory = b.snapshot.visits.size();
  const auto phases_in_memory = b.snapshot.plan_for_episode(10)->phases.size();
  auto bad = MarkVisit{999999, VisitStatus::done, "", "S01", utc(now)};
  CHECK(b.refusal({reassess(), down(), StepUp{10, "worse again", 3, "S01", utc(now)}, bad}).find("999999") !=
        std::string::npos);
  CHECK(b.rows() == before);
  CHECK(b.snapshot.visits.size() == visits_in_memory);
  CHECK(b.snapshot.plan_for_episode(10)->phases.size() == phases_in_memory);
  CHECK(b.snapshot.reassessments.size() == 1);
  CHECK(b.snapshot.plan_changes.size() == 1);
}

TEST_CASE("close episode: an incomplete bundle needs an override (audited); future visits go; a follow-up contact is created within its window") {
  Board b;
  const auto history = b.count("SELECT count(*) FROM visit WHERE episode_id = 10 AND (status <> 'planned' OR hand_edited = 1)");
  auto close = CloseEpisode{10, "resolved", "cmht", "", "S01", utc(now)};
  CHECK(b.refusal({close}).find("the transition bundle is incomplete (missing: ") != std::string::npos);
  close.override_reason = "person moved out of area today";
  auto ids = apply_commands(b.db, b.snapshot, {close});
  REQUIRE(ids.size() == 1);
  CHECK(b.count("SELECT count(*) FROM episode WHERE id = 10 AND stage = 'closed' AND closed_at = '2026-11-16T10:30:00Z'") == 1);
  auto after = nlohmann::json::parse(b.text("SELECT after_json FROM audit_log WHERE id = " + std::to_string(ids[0])));
  CHECK(after["override_reason"] == "person moved out of area today");
  CHECK_FALSE(after["bundle_missing"].empty());
  // Episode 10 had suicide risk identified: due 48 hours after closing.
  CHECK(after["follow_up_due"] == "2026-11-18T10:30:00Z");
  CHECK(b.count("SELECT count(*) FROM visit WHERE episode_id = 10 AND type = 'phone' AND status = 'planned' AND "
                "window_end = '2026-11-18T10:30:00Z'") == 1);
  CHECK(b.count("SELECT count(*) FROM visit WHERE episode_id = 10 AND status = 'planned' AND plan_slot IS NOT NULL AND "
                "window_start > '2026-11-16T10:30:00Z'") == 0);
  CHECK(b.count("SELECT count(*) FROM visit WHERE episode_id = 10 AND (status <> 'planned' OR hand_edited = 1)") == history);
  CHECK(b.refusal({close}).find("already closed") != std::string::npos);
}

TEST_CASE("step-down tables: reassessments, transition records and carer contacts are append-only; stored words are checked") {
  Board b;
  RawConnection raw(b.db.path());
  for (const char* sql : {"UPDATE risk_reassessment SET note = 'rewritten' WHERE id = 900",
                          "UPDATE transition_record SET detail = 'rewritten' WHERE id = 960",
                          "UPDATE carer_contact SET note = 'rewritten' WHERE id = 980"}) {
    CAPTURE(sql);
    CHECK(raw.exec(sql) != SQLITE_OK);
    CHECK(raw.error().find("append-only") != std::string::npos);
  }
  CHECK(raw.exec("INSERT INTO transition_record (episode_id, item, at, by_staff) VALUES (10, 'hugs', "
                 "'2026-11-16T10:00:00Z', 'S01')") != SQLITE_OK);
  CHECK(raw.exec("UPDATE contact_phase SET weekdays = '1,8' WHERE id = 203") != SQLITE_OK);
  CHECK(raw.exec("UPDATE contact_phase SET windows = 'Morning' WHERE id = 203") != SQLITE_OK);
  CHECK(raw.exec("UPDATE visit SET plan_slot = -1 WHERE id = 100") != SQLITE_OK);
  CHECK(raw.exec("INSERT INTO carer_contact (key_person_id, episode_id, at, by_staff, outcome) VALUES (970, 10, "
                 "'2026-11-16T10:00:00Z', 'S01', 'waved')") != SQLITE_OK);
}
