// A step-up over Christmas 2026 in the store: a generated visit on a bank holiday that was stored
// with the weekday flag is kept (same id, allocation, skills, note) and its out-of-hours flag is
// corrected in the same transaction; the audit row says which visits. Synthetic data only.
#include <doctest/doctest.h>

#include "core/plan_generation.hpp"
#include "core/start_plan.hpp"
#include "store/command_store.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "store/store_test_support.hpp"

#include <nlohmann/json.hpp>

using namespace vb;
using namespace vb::store;
using namespace vb::store::test;

TEST_CASE("step-up over Christmas: the 25 and 28 Dec visits keep their id, allocation and note; only their flag is set out of hours") {
  TempDir dir;
  Database db = Database::open(dir.file("holiday.db"), OpenMode::create_if_missing);
  write_snapshot(db, full_snapshot());
  Snapshot s = load_snapshot(db);
  s.taper_templates =
      parse_taper_templates("Holiday taper: twice daily 3d (morning, evening) -> daily 40d (morning) -> handover\n", "t.txt")
          .templates;
  apply_commands(db, s, {StartPlan{13, "Holiday taper", *parse_date("2026-12-17"), "S01", utc("2026-12-17T07:00:00Z")}});
  auto count = [&](const std::string& sql) { return query_int(db.handle(), sql); };
  const std::string holidays = "episode_id = 13 AND local_date IN ('2026-12-25', '2026-12-28') AND plan_slot = 0";
  REQUIRE(count("SELECT count(*) FROM visit WHERE " + holidays + " AND out_of_hours = 1") == 2);

  // As stored before holidays counted, then allocated with a note by the coordinator.
  {
    auto old = db.prepare("UPDATE visit SET out_of_hours = 0, staff1 = 'S02', allocated_at = '2026-12-18T10:00:00Z', "
                          "allocated_by = 'S01', reason = 'ring first' WHERE " + holidays);
    old.run("test: old flags");
  }
  const long long christmas = count("SELECT id FROM visit WHERE episode_id = 13 AND local_date = '2026-12-25' AND plan_slot = 0");
  Snapshot loaded = load_snapshot(db);
  loaded.taper_templates = s.taper_templates;
  const auto ids = apply_commands(db, loaded, {StepUp{13, "carer worried over the holiday", 1, "S01", utc("2026-12-21T10:30:00Z")}});
  REQUIRE(ids.size() == 1);

  CHECK(count("SELECT count(*) FROM visit WHERE " + holidays +
              " AND out_of_hours = 1 AND staff1 = 'S02' AND reason = 'ring first' AND allocated_by = 'S01'") == 2);
  CHECK(count("SELECT id FROM visit WHERE episode_id = 13 AND local_date = '2026-12-25' AND plan_slot = 0") == christmas);
  // Christmas Eve, an ordinary weekday morning, stays in hours.
  CHECK(count("SELECT out_of_hours FROM visit WHERE episode_id = 13 AND local_date = '2026-12-24' AND plan_slot = 0") == 0);
  auto st = db.prepare("SELECT after_json FROM audit_log WHERE id = " + std::to_string(ids[0]));
  REQUIRE(st.step());
  const auto after = nlohmann::json::parse(st.column_text(0));
  REQUIRE(after.contains("visits_out_of_hours_set"));
  CHECK(after["visits_out_of_hours_set"].size() == 2);
  for (const auto& id : after["visits_removed"]) CHECK(id.get<long long>() != christmas);
  // Memory agrees with the file, and regenerating again changes nothing.
  Snapshot fresh = load_snapshot(db);
  const Visit* v = fresh.find_visit(christmas);
  REQUIRE(v != nullptr);
  CHECK(v->out_of_hours);
  const Visit* mem = loaded.find_visit(christmas);
  REQUIRE(mem != nullptr);
  CHECK(mem->out_of_hours);
  std::vector<Visit> mine;
  for (const auto& x : fresh.visits)
    if (x.episode_id == 13) mine.push_back(x);
  CHECK(regenerate_visits(*fresh.plan_for_episode(13), 13, mine, utc("2026-12-21T10:30:00Z"), fresh.zone(), fresh.rota_rules).empty());
}

TEST_CASE("close episode: the follow-up call it creates is out of hours on Christmas Day and on an evening, not on a weekday morning") {
  auto follow_up_flag = [](const char* at) {
    TempDir dir;
    Database db = Database::open(dir.file("close.db"), OpenMode::create_if_missing);
    write_snapshot(db, full_snapshot());
    Snapshot s = load_snapshot(db);
    apply_commands(db, s, {CloseEpisode{10, "resolved", "cmht", "person moved out of area", "S01", utc(at)}});
    return query_int(db.handle(), "SELECT out_of_hours FROM visit WHERE episode_id = 10 AND type = 'phone' AND "
                                  "status = 'planned' AND window_start = '" + std::string(at) + "'");
  };
  CHECK(follow_up_flag("2026-12-25T10:00:00Z") == 1);  // Christmas Day
  CHECK(follow_up_flag("2026-12-28T10:00:00Z") == 1);  // Boxing Day (substitute day)
  CHECK(follow_up_flag("2026-12-24T18:00:00Z") == 1);  // Christmas Eve evening
  CHECK(follow_up_flag("2026-12-24T10:00:00Z") == 0);  // an ordinary weekday morning
  CHECK(follow_up_flag("2027-03-29T09:00:00Z") == 1);  // Easter Monday, 10:00 BST
  CHECK(follow_up_flag("2027-03-30T09:00:00Z") == 0);  // Tuesday 10:00 BST
}
