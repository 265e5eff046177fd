// The demo shows the step-down pathway: tapers in every stage, a blocked step-down, reassessments,
// visits tied to their plan slots.
#include <doctest/doctest.h>

#include "core/carers.hpp"
#include "core/demo_team.hpp"
#include "core/plan_generation.hpp"
#include "core/step_down.hpp"

#include <set>

using namespace vb;

TEST_CASE("demo: tapers in every stage, exactly one step-down blocked for want of a risk reassessment") {
  for (const char* when : {"2026-11-23T08:30:00", "2026-03-29T08:30:00", "2026-10-25T19:00:00", "2027-06-02T14:00:00"}) {
    for (std::uint64_t seed : {1u, 7u, 42u}) {
      CAPTURE(when);
      CAPTURE(seed);
      DemoOptions o;
      o.seed = seed;
      o.now = *parse_instant(when, find_zone("Europe/London"));
      o.history_days = 20;
      Snapshot s = generate_demo_team(o);
      std::set<Stage> stages_with_plans;
      int blocked = 0, flagged = 0, carers_untold = 0;
      for (const auto& e : s.episodes) {
        if (!e.is_open()) continue;
        if (s.plan_for_episode(e.id)) stages_with_plans.insert(e.stage);
        if (step_down_blocked_text(s, e, o.now).find("blocked") != std::string::npos) ++blocked;
        if (!step_down_blocked_text(s, e, o.now).empty()) ++flagged;
        if (!carer_not_informed_text(s, e, o.now).empty()) ++carers_untold;
      }
      CHECK(stages_with_plans.count(Stage::intensive) == 1);
      CHECK(stages_with_plans.count(Stage::step_down) == 1);
      CHECK(stages_with_plans.count(Stage::handover) == 1);
      CHECK(blocked == 1);
      CHECK(flagged == 1);
      CHECK(carers_untold == 1);  // one consenting carer not told of a step-down
      CHECK_FALSE(s.key_people.empty());  // every other step-down was reassessed (senior review or reassessment)
      int slotted = 0;
      for (const auto& v : s.visits) slotted += v.plan_slot.has_value();
      CHECK(slotted > static_cast<int>(s.visits.size()) / 2);
    }
  }
}
