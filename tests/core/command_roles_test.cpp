// Roles: who may give which command. The role check comes before any other, for every command type.
#include <doctest/doctest.h>

#include "core/commands.hpp"
#include "support/small_team.hpp"

#include <utility>

using namespace vb;

namespace {

Snapshot team_with_a_viewer() {
  Snapshot s = test::small_team();
  Staff v;
  v.id = "S12";
  v.team_id = 1;
  v.name = "Val Viewer";
  v.initials = "VV";
  v.discipline = "support_worker";
  v.roles = {Role::viewer};
  s.staff.push_back(v);
  s.reindex();
  return s;
}

template <size_t I>
void check_refused_without_role(const Snapshot& s) {
  using C = std::variant_alternative_t<I, Command>;
  C cmd{};
  cmd.by = "S12";
  const Command c = cmd;
  CAPTURE(command_name(c));
  auto problem = command_problem(s, c);
  REQUIRE(problem);
  CHECK(problem->find("S12 is a support worker without the") == 0);
  CHECK(problem->find(": cannot ") != std::string::npos);
  CHECK_FALSE(required_role(c).empty());
  CHECK_FALSE(required_role(c).has(Role::viewer));  // a viewer changes nothing
}

template <size_t... I>
void check_all(const Snapshot& s, std::index_sequence<I...>) {
  (check_refused_without_role<I>(s), ...);
}

}  // namespace

TEST_CASE("roles: every command type is refused to a viewer, in words, before anything else is checked") {
  const Snapshot s = team_with_a_viewer();
  check_all(s, std::make_index_sequence<std::variant_size_v<Command>>{});
}

TEST_CASE("roles: the refusal says who, what they are, which role is missing and what they tried") {
  const Snapshot s = team_with_a_viewer();
  RecordReview r;
  r.episode = 1;
  r.reviewer = "S03";
  r.by = "S12";
  CHECK(*command_problem(s, r) == "S12 is a support worker without the clinician role: cannot record a senior review");
  ClearLockout clear{"S01", "S02", test::at("2026-11-23T10:00")};
  CHECK(*command_problem(s, clear) ==
        "S02 is a nurse without the shift coordinator or admin role: cannot clear a locked sign-in");
}

TEST_CASE("roles: each command needs the role that does that work") {
  CHECK(required_role(MarkVisit{}) == Roles{Role::clinician});
  CHECK(required_role(BookReview{}) == Roles{Role::clinician, Role::coordinator});
  CHECK(required_role(CancelBooking{}) == Roles{Role::clinician, Role::coordinator});
  CHECK(required_role(RecordReview{}) == Roles{Role::clinician});
  CHECK(required_role(LogDecision{}) == Roles{Role::clinician});
  CHECK(required_role(SetRisk{}) == Roles{Role::clinician});
  CHECK(required_role(RaiseConcern{}) == Roles{Role::clinician});
  CHECK(required_role(AcknowledgeEscalation{}) == Roles{Role::clinician});
  CHECK(required_role(SetThresholds{}) == Roles{Role::senior_reviewer});
  CHECK(required_role(ClearLockout{}) == Roles{Role::coordinator, Role::admin});
}

TEST_CASE("roles: an admin manages sign-ins but does not record clinical work") {
  Snapshot s = team_with_a_viewer();
  s.staff.back().roles = {Role::viewer, Role::admin};
  s.staff[0].locked = true;  // S01
  CHECK_FALSE(command_problem(s, ClearLockout{"S01", "S12", test::at("2026-11-23T10:00")}));
  MarkVisit m{201, VisitStatus::done, "", "S12", test::at("2026-11-23T10:00")};
  CHECK(command_problem(s, m)->find("without the clinician role: cannot record a visit outcome") != std::string::npos);
  CHECK(command_problem(s, ClearLockout{"S02", "S12", test::at("2026-11-23T10:00")})->find("not locked") !=
        std::string::npos);
}

TEST_CASE("roles: spellings round-trip and a role list is parsed strictly") {
  for (Role r : all_roles) CHECK(parse_role(to_string(r)) == r);
  auto ok = parse_role_list("clinician, viewer,clinician");
  CHECK(ok.unknown.empty());
  CHECK(ok.roles == std::vector<Role>{Role::viewer, Role::clinician});
  CHECK(parse_role_list("viewer,nurse").unknown == "nurse");
}
