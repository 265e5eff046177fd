// Escalations fire from documented triggers and cascade until someone with the right role acknowledges.
#include <doctest/doctest.h>

#include "core/commands.hpp"
#include "core/escalation.hpp"
#include "support/small_team.hpp"

using namespace vb;
using vb::test::at;
using namespace std::chrono_literals;

namespace {

Snapshot raised_to_high(const char* when) {
  Snapshot s = test::small_team();
  s.episodes[1].risk = RiskLevel::high;  // Ben
  s.risk_changes = {RiskChange{1, 2, at(when), RiskLevel::medium, RiskLevel::high, "S02", "threats to others"}};
  Staff consultant;
  consultant.id = "S09";
  consultant.name = "Dr Demo";
  consultant.initials = "DD";
  consultant.discipline = "consultant";
  consultant.skills = {"senior_reviewer", "prescriber"};
  Staff senior;
  senior.id = "S08";
  senior.name = "Senior Demo";
  senior.initials = "SD";
  senior.discipline = "senior_practitioner";
  senior.skills = {"senior_reviewer"};
  s.staff.push_back(consultant);
  s.staff.push_back(senior);
  test::grant_usual_roles(s);
  s.reindex();
  return s;
}

const Escalation* find(const std::vector<Escalation>& list, std::string_view trigger, Id episode) {
  for (const auto& x : list)
    if (x.trigger == trigger && x.episode->id == episode) return &x;
  return nullptr;
}

}  // namespace

TEST_CASE("escalation: high risk for more than 24 h fires at exactly 24 h") {
  auto s = raised_to_high("2026-11-22T10:00");
  CHECK_FALSE(find(escalations(s, at("2026-11-23T09:59")), "high_risk_over_24h", 2));
  auto list = escalations(s, at("2026-11-23T10:00"));
  const Escalation* x = find(list, "high_risk_over_24h", 2);
  REQUIRE(x);
  CHECK(x->fired_at == at("2026-11-23T10:00"));
  CHECK(x->open());
}

TEST_CASE("escalation: unacknowledged it cascades duty senior -> consultant at 60 min -> on-call doctor at 120 min") {
  auto s = raised_to_high("2026-11-22T10:00");
  auto level_at = [&](const char* when) { return find(escalations(s, at(when)), "high_risk_over_24h", 2)->level; };
  CHECK(level_at("2026-11-23T10:59") == 0);
  CHECK(level_at("2026-11-23T11:00") == 1);
  CHECK(level_at("2026-11-23T11:59") == 1);
  CHECK(level_at("2026-11-23T12:00") == 2);
  const auto board = escalations(s, at("2026-11-23T10:30"));  // kept: find() points into it
  auto x = find(board, "high_risk_over_24h", 2);
  REQUIRE(x);
  REQUIRE(x->next_step_at);
  CHECK(*x->next_step_at == at("2026-11-23T11:00"));
}

TEST_CASE("escalation: acknowledgement needs a senior reviewer at the first step and medical staff after") {
  auto s = raised_to_high("2026-11-22T10:00");
  AcknowledgeEscalation ack{2, "high_risk_over_24h", at("2026-11-23T10:00"), "plan reviewed by phone", "S08",
                            at("2026-11-23T10:20")};
  CHECK_FALSE(command_problem(s, ack));  // senior practitioner at the duty-senior step
  ack.by = "S01";                          // a nurse
  CHECK(command_problem(s, ack)->find("cannot acknowledge") != std::string::npos);
  ack.by = "S08";
  ack.at = at("2026-11-23T11:30");  // now at the consultant step
  CHECK(command_problem(s, ack)->find("needs medical staff") != std::string::npos);
  ack.by = "S09";
  CHECK_FALSE(command_problem(s, ack));
}

TEST_CASE("escalation: once acknowledged it stops cascading and cannot be acknowledged twice") {
  auto s = raised_to_high("2026-11-22T10:00");
  s.escalation_acks = {EscalationAck{1, 2, "high_risk_over_24h", at("2026-11-23T10:00"), "S09", at("2026-11-23T10:40"), "seen"}};
  s.reindex();
  const auto board = escalations(s, at("2026-11-23T15:00"));  // kept: find() points into it
  auto x = find(board, "high_risk_over_24h", 2);
  REQUIRE(x);
  CHECK_FALSE(x->open());
  CHECK(x->level == 0);  // acknowledged before the consultant step
  AcknowledgeEscalation again{2, "high_risk_over_24h", at("2026-11-23T10:00"), "again", "S09", at("2026-11-23T15:00")};
  CHECK(command_problem(s, again)->find("already acknowledged") != std::string::npos);
}

TEST_CASE("escalation: an open escalation never ages out; an acknowledged one leaves after a week") {
  auto s = raised_to_high("2026-11-01T10:00");
  CHECK(find(escalations(s, at("2026-11-23T10:00")), "high_risk_over_24h", 2));
  s.escalation_acks = {EscalationAck{1, 2, "high_risk_over_24h", at("2026-11-02T10:00"), "S09", at("2026-11-02T11:00"), "seen"}};
  s.reindex();
  CHECK_FALSE(find(escalations(s, at("2026-11-23T10:00")), "high_risk_over_24h", 2));
}

TEST_CASE("escalation: two missed visits in a row fire; a carer's concern fires when it is recorded") {
  auto s = test::small_team();
  Visit second = *s.find_visit(201);  // 201 08:00-09:00 planned: missed from 10:00
  second.id = 199;
  second.window_start = at("2026-11-22T17:00");
  second.window_end = at("2026-11-22T18:00");
  second.date = *parse_date("2026-11-22");
  second.status = VisitStatus::no_access;
  second.outcome_at = at("2026-11-22T17:20");
  s.visits.push_back(second);
  s.concerns = {Concern{1, 1, at("2026-11-23T09:15"), "carer", "daughter: not eating", "S01"}};
  s.reindex();
  CHECK_FALSE(find(escalations(s, at("2026-11-23T09:59")), "two_missed_in_a_row", 2));
  auto list = escalations(s, at("2026-11-23T10:00"));
  REQUIRE(find(list, "two_missed_in_a_row", 2));
  CHECK(find(list, "two_missed_in_a_row", 2)->fired_at == at("2026-11-23T10:00"));
  REQUIRE(find(list, "carer_concern", 1));
  // A documented threshold that leaves out carer concerns does not fire on them.
  s.thresholds = {RiskThresholds{1, "admit if stops eating for 3 days", true, true, false}};
  s.reindex();
  CHECK_FALSE(find(escalations(s, at("2026-11-23T10:00")), "carer_concern", 1));
}

TEST_CASE("escalation: documented thresholds are set by a senior reviewer or medical staff, in words") {
  auto s = raised_to_high("2026-11-22T10:00");
  SetThresholds t{2, "Admit if he stops eating for 3 days or threatens his neighbour", true, true, false, "S08",
                  at("2026-11-23T10:00")};
  CHECK_FALSE(command_problem(s, t));
  t.by = "S01";  // a nurse
  CHECK(command_problem(s, t)->find("cannot set thresholds") != std::string::npos);
  t.by = "S09";
  t.narrative = "  ";
  CHECK(command_problem(s, t)->find("in words is required") != std::string::npos);
}
