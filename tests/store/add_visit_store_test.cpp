// Adding a visit by hand in the store (session 7): one visit row and its skills with one audit row in
// one transaction; it survives a step-down's regeneration; closing the episode removes it while it
// is still to come; a refused batch writes nothing.
#include <doctest/doctest.h>

#include "core/add_visit.hpp"
#include "core/commands.hpp"
#include "core/taper_template.hpp"
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

const char* now = "2026-11-16T10:30:00Z";  // Mon 16 Nov 2026
const char* templates_text =
    "Standard taper: twice daily 3d (morning, evening) min 30m -> daily 4d -> alternate days 6d -> handover\n";

struct Board : CommandBoard {
  Board() : CommandBoard("add_visit.db", templates_text) {}
};

AddVisit extra(const char* d, const char* start, const char* end) {
  AddVisit c;
  c.episode = 13;
  c.date = *parse_date(d);
  c.start_min = *parse_hm(start);
  c.end_min = *parse_hm(end);
  c.duration_min = 30;
  c.note = "Carer called";
  c.by = "S01";
  c.at = utc(now);
  return c;
}

}  // namespace

TEST_CASE("add visit: one visit row with its skills and one audit row; it loads back as written") {
  Board b;
  const auto skills = team_skills(b.snapshot);
  REQUIRE_FALSE(skills.empty());
  AddVisit c = extra("2026-11-17", "18:00", "19:30");
  c.type = VisitType::home;
  c.double_up = true;
  c.required_skills = {skills.front()};
  const long long visits = b.count("SELECT count(*) FROM visit");
  const long long audits = b.count("SELECT count(*) FROM audit_log");
  auto ids = apply_commands(b.db, b.snapshot, {c});
  REQUIRE(ids.size() == 1);
  CHECK(b.count("SELECT count(*) FROM visit") == visits + 1);
  CHECK(b.count("SELECT count(*) FROM audit_log") == audits + 1);
  const std::string id = b.text("SELECT entity_id FROM audit_log WHERE id = " + std::to_string(ids[0]));
  CHECK(b.count("SELECT count(*) FROM visit WHERE id = " + id +
                " AND episode_id = 13 AND local_date = '2026-11-17' AND window_start = '2026-11-17T18:00:00Z' AND "
                "window_end = '2026-11-17T19:30:00Z' AND status = 'planned' AND out_of_hours = 1 AND double_up = 1 AND "
                "plan_slot IS NULL AND hand_edited = 1 AND reason = 'Carer called' AND duration_min = 30") == 1);
  CHECK(b.count("SELECT count(*) FROM visit_skill WHERE visit_id = " + id) == 1);
  auto after = nlohmann::json::parse(b.text("SELECT after_json FROM audit_log WHERE id = " + std::to_string(ids[0])));
  CHECK(after["out_of_hours"] == true);
  CHECK(after["added_by_hand"] == true);
  CHECK(b.text("SELECT command FROM audit_log WHERE id = " + std::to_string(ids[0])) == "add_visit");

  Snapshot loaded = load_snapshot(b.db);
  const Visit* v = loaded.find_visit(std::stoll(id));
  REQUIRE(v != nullptr);
  CHECK(added_by_hand(*v));
  CHECK(v->required_skills == std::vector<std::string>{skills.front()});
  const Visit* mem = b.snapshot.find_visit(std::stoll(id));
  REQUIRE(mem != nullptr);
  CHECK(mem->window_start == v->window_start);
  CHECK(mem->out_of_hours == v->out_of_hours);
}

TEST_CASE("add visit: a step-down keeps the hand-added visit; closing the episode removes it") {
  Board b;
  REQUIRE(b.refusal({StartPlan{13, "Standard taper", *parse_date("2026-11-16"), "S01", utc(now)}}) == "(applied)");
  auto ids = apply_commands(b.db, b.snapshot, {extra("2026-11-20", "11:00", "12:00")});
  const std::string id = b.text("SELECT entity_id FROM audit_log WHERE id = " + std::to_string(ids[0]));
  const std::string planned_later =
      "SELECT count(*) FROM visit WHERE episode_id = 13 AND plan_slot IS NOT NULL AND local_date = '2026-11-20'";
  const long long plan_visits_that_day = b.count(planned_later);
  CHECK(plan_visits_that_day >= 1);
  REQUIRE(b.refusal({RecordReassessment{13, RiskLevel::low, "settled", "S01", utc(now)},
                     StepDown{13, "settled", "S01", utc(now) + std::chrono::minutes{1}}}) == "(applied)");
  CHECK(b.count("SELECT count(*) FROM visit WHERE id = " + id) == 1);
  CHECK(b.snapshot.find_visit(std::stoll(id)) != nullptr);
  // The plan's visits that day are its own: the extra one did not stand in for one of them.
  CHECK(b.count(planned_later) >= 1);

  REQUIRE(b.refusal({CloseEpisode{13, "resolved", "gp", "bundle not needed for this test", "S01",
                                  utc(now) + std::chrono::minutes{2}}}) == "(applied)");
  CHECK(b.count("SELECT count(*) FROM visit WHERE id = " + id) == 0);
  CHECK(b.snapshot.find_visit(std::stoll(id)) == nullptr);
  auto closed = nlohmann::json::parse(b.text("SELECT after_json FROM audit_log WHERE command = 'close_episode'"));
  bool listed = false;
  for (const auto& x : closed["visits_removed"]) listed = listed || x.get<long long>() == std::stoll(id);
  CHECK(listed);
}

TEST_CASE("add visit: a batch refused later leaves no visit behind, in the file or the snapshot") {
  Board b;
  const long long visits = b.count("SELECT count(*) FROM visit");
  const size_t in_memory = b.snapshot.visits.size();
  AddVisit bad = extra("2026-11-17", "12:00", "11:00");
  CHECK(b.refusal({extra("2026-11-17", "10:00", "11:00"), bad}) ==
        "the window ends (11:00) before it starts (12:00) on Tue 17 Nov: if it ends the next day, say so (ends_next_day)");
  CHECK(b.count("SELECT count(*) FROM visit") == visits);
  CHECK(b.snapshot.visits.size() == in_memory);
}
