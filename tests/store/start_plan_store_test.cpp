// Starting a plan from a taper template in the store: plan, phases and planned visits in one
// transaction with one audit row; an episode that already has a plan is refused (history untouched).
#include <doctest/doctest.h>

#include "core/plan_generation.hpp"
#include "core/start_plan.hpp"
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
    "Standard taper: twice daily 3d (morning, evening) min 30m -> daily 4d -> alternate days 6d -> handover\n"
    "Short taper: daily 5d -> weekly (Wed) 14d -> handover\n";

LocalDate on(const char* d) { return *parse_date(d); }

struct Board : CommandBoard {
  Board() : CommandBoard("start.db", templates_text) {}
  std::vector<long long> rows() {
    return {count("SELECT count(*) FROM contact_plan"), count("SELECT count(*) FROM contact_phase"),
            count("SELECT count(*) FROM visit"), count("SELECT count(*) FROM plan_change"),
            count("SELECT count(*) FROM audit_log")};
  }
};

Command start(Id episode, const char* name, const char* day) { return StartPlan{episode, name, on(day), "S01", utc(now)}; }

}  // namespace

TEST_CASE("start plan: the template's phases and planned visits are stored in one transaction with one audit row") {
  Board b;
  auto before = b.rows();
  auto ids = apply_commands(b.db, b.snapshot, {start(13, "Standard taper", "2026-11-17")});
  REQUIRE(ids.size() == 1);
  CHECK(b.count("SELECT count(*) FROM contact_plan WHERE episode_id = 13 AND name = 'Standard taper' AND "
                "start_date = '2026-11-17'") == 1);
  CHECK(b.count("SELECT count(*) FROM contact_phase WHERE plan_id = (SELECT id FROM contact_plan WHERE episode_id = 13)") == 3);
  // One planned visit per slot of the plan, none before the start.
  const auto slots = plan_slots(*b.snapshot.plan_for_episode(13), b.snapshot.zone(), on("2026-11-17"), on("2026-12-31"));
  CHECK(slots.size() >= 12);
  // (the synthetic snapshot's own visits of episode 13 take their part of the day: at most one slot less)
  CHECK(b.count("SELECT count(*) FROM visit") - before[2] >= static_cast<long long>(slots.size()) - 1);
  auto after = nlohmann::json::parse(b.text("SELECT after_json FROM audit_log WHERE id = " + std::to_string(ids[0])));
  CHECK(static_cast<long long>(after["visits_added"].size()) == b.count("SELECT count(*) FROM visit") - before[2]);
  CHECK(after["name"] == "Standard taper");
  CHECK(b.count("SELECT count(*) FROM visit WHERE episode_id = 13 AND local_date < '2026-11-17'") == 0);
  CHECK(b.count("SELECT count(*) FROM audit_log WHERE command = 'start_plan' AND entity = 'contact_plan'") == 1);
  CHECK(b.count("SELECT count(*) FROM plan_change") == before[3]);  // a start is not a change of plan
  CHECK(b.count("SELECT count(*) FROM audit_log") == before[4] + 1);

  // Round trip: what was stored loads as the template's plan, and generating again adds nothing.
  Snapshot loaded = load_snapshot(b.db);
  const ContactPlan* plan = loaded.plan_for_episode(13);
  REQUIRE(plan != nullptr);
  CHECK(plan->name == "Standard taper");
  CHECK(plan->start_date == on("2026-11-17"));
  const auto& t = b.snapshot.taper_templates[0];
  REQUIRE(plan->phases.size() == t.phases.size());
  for (size_t i = 0; i < t.phases.size(); ++i) {
    CHECK(format_phase(plan->phases[i]) == format_phase(t.phases[i]));
    CHECK(plan->phases[i].sequence == static_cast<int>(i + 1));
  }
  std::vector<Visit> mine;
  for (const auto& v : loaded.visits)
    if (v.episode_id == 13) mine.push_back(v);
  auto again = regenerate_visits(*plan, 13, mine, utc(now), loaded.zone());
  CHECK(again.add.empty());
  CHECK(again.remove.empty());
  // The in-memory snapshot matches what was stored.
  CHECK(b.snapshot.plan_for_episode(13) != nullptr);
}

TEST_CASE("start plan: an episode that already has a plan is refused in words and nothing changes") {
  Board b;
  auto before = b.rows();
  auto problem = b.refusal({start(10, "Short taper", "2026-11-17")});
  CHECK(problem == "episode 10 already has a plan (4-week taper, from Mon 02 Nov): step it up or down instead");
  CHECK(b.rows() == before);
}

TEST_CASE("start plan: an unknown template is refused naming the known ones") {
  Board b;
  CHECK(b.refusal({start(13, "Gentle taper", "2026-11-17")}) ==
        "unknown template 'Gentle taper'; known: Standard taper, Short taper");
  b.snapshot.taper_templates.clear();
  CHECK(b.refusal({start(13, "Short taper", "2026-11-17")}).find("no taper templates are loaded") != std::string::npos);
}

TEST_CASE("start plan: the start is from today to 28 days ahead, for an open episode") {
  Board b;
  CHECK(b.refusal({start(13, "Short taper", "2026-11-15")}) == "the plan cannot start before today (Mon 16 Nov)");
  CHECK(b.refusal({start(13, "Short taper", "2026-12-15")}).find("within 28 days") != std::string::npos);
  CHECK(b.refusal({start(11, "Short taper", "2026-11-17")}) == "episode 11 is closed");
  CHECK(b.refusal({start(13, "Short taper", "2026-11-16")}) == "(applied)");
}

TEST_CASE("start plan: a batch refused later leaves no plan behind, in the file or the snapshot") {
  Board b;
  auto before = b.rows();
  const size_t plans = b.snapshot.plans.size();
  auto problem = b.refusal({start(13, "Short taper", "2026-11-17"), start(13, "Short taper", "2026-11-18")});
  CHECK(problem.find("already has a plan") != std::string::npos);
  CHECK(b.rows() == before);
  CHECK(b.snapshot.plans.size() == plans);
  CHECK(b.snapshot.plan_for_episode(13) == nullptr);
}
