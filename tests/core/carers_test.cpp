// Families and carers: a consenting carer not told of a step-down is flagged; sharing needs consent
// and a carer reached.
#include <doctest/doctest.h>

#include "core/carers.hpp"
#include "core/commands.hpp"
#include "support/one_episode_team.hpp"
#include "support/phase_fixture.hpp"

using namespace vb;

namespace {

Zone london() { return find_zone("Europe/London"); }
Instant local(const char* s) { return *parse_instant(s, london()); }

// Stepped down from daily to alternate days on Thu 12 Nov 2026 (by schedule).
Snapshot team() {
  Snapshot s = test::one_episode_team(local("2026-11-05T09:00"), Stage::step_down);
  ContactPlan plan;
  plan.id = 1;
  plan.episode_id = 1;
  plan.start_date = *parse_date("2026-11-05");
  plan.phases = {phase_of("Daily", 1, 0, 7), phase_of("Alternate days", 0, 2, 14)};
  s.plans = {plan};
  s.key_people = {KeyPerson{1, 1, "Mary", "mother", "07700 900123", true},
                  KeyPerson{2, 1, "Sam", "friend", "", false}};
  s.reindex();
  return s;
}

}  // namespace

TEST_CASE("carers: a consenting carer not told of a step-down is flagged for a week after it") {
  Snapshot s = team();
  CHECK(carer_not_informed_text(s, s.episodes[0], local("2026-11-10T10:00")).empty());  // before it
  CHECK(carer_not_informed_text(s, s.episodes[0], local("2026-11-13T10:00")) ==
        "carer not informed of step-down: Mary (mother)");
  // A call that was not answered does not count; one where the step-down was explained does.
  s.carer_contacts = {CarerContact{1, 1, 1, local("2026-11-11T17:00"), "S01", "no_answer", {}, ""}};
  CHECK_FALSE(carer_not_informed_text(s, s.episodes[0], local("2026-11-13T10:00")).empty());
  s.carer_contacts.push_back(CarerContact{2, 1, 1, local("2026-11-11T18:00"), "S01", "reached",
                                          {"rationale", "step_down", "escalation_routes"}, "explained the change"});
  CHECK(carer_not_informed_text(s, s.episodes[0], local("2026-11-13T10:00")).empty());
  // A week later there is nothing to flag.
  s.carer_contacts.clear();
  CHECK(carer_not_informed_text(s, s.episodes[0], local("2026-11-20T10:00")).empty());
}

TEST_CASE("carers: sharing needs the person's consent and a carer reached") {
  Snapshot s = team();
  auto log = LogCarerContact{1, 2, "reached", {"step_down"}, "", "S01", local("2026-11-12T10:00")};
  CHECK(carer_command_problem(s, log).value().find("not consented") != std::string::npos);
  log.key_person = 1;
  log.outcome = "no_answer";
  CHECK(carer_command_problem(s, log).value().find("unless the carer was reached") != std::string::npos);
  log.outcome = "reached";
  CHECK_FALSE(carer_command_problem(s, log));
  log.shared = {"gossip"};
  CHECK(carer_command_problem(s, log).value().find("is not one of") != std::string::npos);
  CHECK(carer_command_problem(s, AddKeyPerson{1, "Jo", "", "", true, "S01", local("2026-11-12T10:00")}).value().find(
            "relationship") != std::string::npos);
}
