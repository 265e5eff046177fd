// Versioned consent (session 9): a commissioners' report for a period already past is the same,
// byte for byte, before and after key people's consent is changed, through `apply`'s JSON and the
// store's one transaction; and the same change, had it overwritten the details, would have changed it.
#include <doctest/doctest.h>

#include "app/command_json.hpp"
#include "core/compliance.hpp"
#include "core/key_person_changes.hpp"
#include "core/key_person_versions.hpp"
#include "report/commissioner_report.hpp"
#include "ui/sheet_fixtures.hpp"

using namespace vb;

namespace {

const Instant now = *parse_instant("2026-11-23T08:30:00Z", nullptr);

Snapshot demo() {
  DemoOptions o;
  o.seed = 7;
  o.now = now;
  o.history_days = 120;
  return generate_demo_team(o);
}

std::string report_of(const Snapshot& s, const char* from, const char* to, Instant as_at) {
  const auto r = report::build_report(s, default_compliance_rules(), *parse_date(from), *parse_date(to), as_at);
  return report::report_json(r) + "\n" + report::report_csv(r);
}

}  // namespace

TEST_CASE("report: a past period's report is identical before and after key people's consent changes") {
  const Snapshot s = demo();
  const StaffId clinician = test::member_with_role(s, Role::clinician, true);
  REQUIRE_FALSE(clinician.empty());
  // Every key person's consent turned round, through apply's JSON, 10 minutes after `now`.
  std::vector<Command> changes;
  int turned_off = 0, turned_on = 0;
  for (const auto& k : s.key_people) {
    if (k.ended_at) continue;
    const bool consent = key_person_consents_at(k, now);
    (consent ? turned_off : turned_on) += 1;
    const std::string line = R"({"command":"update_key_person","key_person":)" + std::to_string(k.id) +
                             R"(,"consent_to_share":)" + (consent ? "false" : "true") + R"(,"by":")" + clinician.str() +
                             R"(","at":"2026-11-23T08:40:00Z"})";
    auto parsed = app::parse_command_json(line, s.zone(), now);
    REQUIRE(std::holds_alternative<Command>(parsed));
    changes.push_back(std::get<Command>(parsed));
  }
  REQUIRE(turned_off > 0);
  REQUIRE(turned_on > 0);
  const Instant later = now + std::chrono::hours{1};
  // October and the first three weeks of November: every step-down in it was judged before the change.
  const std::string before = report_of(s, "2026-10-01", "2026-11-14", later);
  const auto result = test::apply_through_store(s, changes, "consent_report");
  CHECK(result.audits == static_cast<int>(changes.size()));
  const Snapshot& after = result.snapshot;
  CHECK(report_of(after, "2026-10-01", "2026-11-14", later) == before);
  // Every change is a new version, in effect from its instant, recorded by its author.
  for (const auto& k : after.key_people) {
    if (k.ended_at) continue;
    REQUIRE_FALSE(k.versions.empty());
    CHECK(*k.versions.back().effective_at == *parse_instant("2026-11-23T08:40:00Z", nullptr));
    CHECK(k.versions.back().recorded_by == clinician);
    CHECK(k.consent_to_share == k.versions.back().consent_to_share);
    CHECK(key_person_consents_at(k, later) == k.consent_to_share);
  }
  // The change matters: had it overwritten the details (no versions, as before), the same past
  // period's carers-informed figures would differ.
  Snapshot overwritten = after;
  for (auto& k : overwritten.key_people) k.versions.clear();
  overwritten.reindex();
  CHECK(report_of(overwritten, "2026-10-01", "2026-11-14", later) != before);
}
