// Versioned consent for key people (session 9): a key person's consent and details are read as they
// were at each judgement point, so the carers-informed measure, the board's "carer not informed" flag
// at a past date and the contact log's consent check never change when consent is changed later.
// Hand-built fixtures; every expected figure is counted in the comments.
#include "core/carers.hpp"
#include "core/commands.hpp"
#include "core/compliance.hpp"
#include "core/key_person_changes.hpp"
#include "core/key_person_versions.hpp"
#include "support/compliance_fixture.hpp"
#include "support/small_team.hpp"

#include <doctest/doctest.h>

using namespace vb;
using vb::test::at;
using vb::test::Fixture;

namespace {

LocalDate day(const char* d) { return *parse_date(d); }

MeasureFigure carers_informed(const Snapshot& s, const char* from, const char* to, const char* now) {
  const auto rules = default_compliance_rules();
  const MeasureRule* rule = rules.find("carers-informed-of-step-down");
  REQUIRE(rule != nullptr);
  return compute_measure(s, *rule, day(from), day(to), at(now));
}

KeyPersonVersion version(Id id, const char* from, bool consent, const char* name = "Carer", const char* relationship = "mother") {
  return KeyPersonVersion{id, at(from), "S01", name, relationship, "07700 900000", consent};
}

// Episodes 1..3 accepted 1 Nov, stepped down Tue 10 Nov 12:00 (judged Tue 17 Nov, 23:59 the deadline).
Fixture stepped_down() {
  Fixture fx;
  for (Id e = 1; e <= 3; ++e) {
    fx.episode(e, "2026-11-01T10:00");
    fx.s.plan_changes.push_back(PlanChange{e, e, at("2026-11-10T12:00"), "S01", "step_down", "Daily", "Alternate days", ""});
  }
  return fx;
}

bool lists(const MeasureFigure& f, Id episode, bool met) {
  for (const auto& i : f.items)
    if (i.episode == episode && i.met == met) return true;
  return false;
}

// Key person 1 of episode 1: consented at acceptance (1 Nov), consent withdrawn on 20 Nov.
KeyPerson carer_a() {
  KeyPerson a{1, 1, "Carer A", "mother", "", false};
  a.versions = {version(1, "2026-11-01T10:00", true, "Carer A"), version(2, "2026-11-20T09:00", false, "Carer A")};
  return a;
}

// Key person 3 of episode 3: no consent at the step-down; consent given on 13 Nov (day 3 after it).
KeyPerson carer_c() {
  KeyPerson c{3, 3, "Carer C", "sister", "", true};
  c.versions = {version(5, "2026-11-01T10:00", false, "Carer C", "sister"), version(6, "2026-11-13T09:00", true, "Carer C", "sister")};
  return c;
}

// Carer C told of the step-down on 15 Nov (day 5 after it).
CarerContact carer_c_told() {
  return CarerContact{1, 3, 3, at("2026-11-15T18:00"), "S01", "reached", {"rationale", "step_down"}, ""};
}

}  // namespace

TEST_CASE("key people: the version in effect is the latest not after the instant; none before the first") {
  KeyPerson k{7, 1, "Carer B", "partner", "", true};
  CHECK(key_person_version_at(k, at("2026-11-10T12:00")) == nullptr);
  CHECK(key_person_listed_at(k, at("2026-01-01T00:00")));  // no versions: as recorded, always
  CHECK(key_person_consents_at(k, at("2026-01-01T00:00")));
  k.versions = {version(1, "2026-11-02T09:00", false, "Carer A"), version(2, "2026-11-12T09:00", true, "Carer B")};
  CHECK_FALSE(key_person_listed_at(k, at("2026-11-02T08:59")));  // not added yet
  CHECK_FALSE(key_person_consents_at(k, at("2026-11-02T08:59")));
  CHECK(key_person_version_at(k, at("2026-11-02T09:00"))->id == 1);  // exactly from its instant
  CHECK_FALSE(key_person_consents_at(k, at("2026-11-12T08:59")));
  CHECK(key_person_consents_at(k, at("2026-11-12T09:00")));
  CHECK(key_person_label_at(k, at("2026-11-05T00:00")) == "Carer A (mother)");
  // Two versions at the same instant: the later recorded wins.
  k.versions.push_back(version(3, "2026-11-12T09:00", false));
  CHECK(key_person_version_at(k, at("2026-11-12T09:00"))->id == 3);
  // Carried over from before versioning (no instant): in effect from the start.
  KeyPerson old{8, 1, "Carer C", "friend", "", false};
  old.versions = {KeyPersonVersion{4, std::nullopt, {}, "Carer C", "friend", "", true}, version(5, "2026-11-12T09:00", false)};
  CHECK(key_person_consents_at(old, at("2020-01-01T00:00")));
  CHECK_FALSE(key_person_consents_at(old, at("2026-11-12T09:00")));
  // Removed: off the list from the removal, whatever the versions say.
  old.ended_at = at("2026-11-13T00:00");
  CHECK(key_person_listed_at(old, at("2026-11-12T23:59")));
  CHECK_FALSE(key_person_listed_at(old, at("2026-11-13T00:00")));
}

TEST_CASE("compliance: carers informed of step-down reads consent as it was at the judgement point, not as it is now") {
  Fixture fx = stepped_down();
  // Episode 1: consented at acceptance, never told; consent withdrawn on 20 Nov (after the deadline).
  fx.s.key_people.push_back(carer_a());
  // Episode 2: no consent at the step-down; consent given on 20 Nov.
  KeyPerson b{2, 2, "Carer B", "partner", "", true};
  b.versions = {version(3, "2026-11-01T10:00", false, "Carer B"), version(4, "2026-11-20T09:00", true, "Carer B")};
  fx.s.key_people.push_back(b);
  // Episode 3: consent given on day 3 after the step-down (before the deadline), told on day 5.
  fx.s.key_people.push_back(carer_c());
  fx.s.carer_contacts.push_back(carer_c_told());
  // Judged on 17 Nov: A consented (not told), B did not (not asked about), C consented by then (told).
  auto f = carers_informed(fx.done(), "2026-11-17", "2026-11-17", "2026-11-23T08:30");
  CHECK(f.denominator == 2);
  CHECK(f.numerator == 1);
  // Asked on 18 Nov (before either change), the figure is the same: 1 of 2.
  auto earlier = carers_informed(fx.s, "2026-11-17", "2026-11-17", "2026-11-18T08:30");
  CHECK(earlier.denominator == f.denominator);
  CHECK(earlier.numerator == f.numerator);
  CHECK(lists(f, 1, false));
  CHECK(lists(f, 3, true));
  // Had the changes overwritten the details (versions lost, as before session 9), the same past period
  // would now count B instead of A.
  Snapshot overwritten = fx.s;
  for (auto& k : overwritten.key_people) k.versions.clear();
  overwritten.key_people[0].consent_to_share = false;
  overwritten.reindex();
  auto wrong = carers_informed(overwritten, "2026-11-17", "2026-11-17", "2026-11-23T08:30");
  CHECK(lists(wrong, 2, false));
  CHECK_FALSE(lists(wrong, 1, false));
}

TEST_CASE("carers: the board at a past date flags who had consented then, whatever consent is now") {
  Fixture fx = stepped_down();
  fx.s.key_people.push_back(carer_a());
  fx.s.key_people.push_back(carer_c());
  fx.s.carer_contacts.push_back(carer_c_told());
  const Snapshot& s = fx.done();
  CHECK(carer_not_informed_text(s, *s.find_episode(1), at("2026-11-12T09:00")) == "carer not informed of step-down: Carer A (mother)");
  CHECK(carer_not_informed_text(s, *s.find_episode(3), at("2026-11-12T09:00")).empty());  // no consent yet
  CHECK(carer_not_informed_text(s, *s.find_episode(3), at("2026-11-14T09:00")) == "carer not informed of step-down: Carer C (sister)");
  CHECK(carer_not_informed_text(s, *s.find_episode(3), at("2026-11-16T09:00")).empty());  // told on the 15th
}

TEST_CASE("key person changes: a change cannot take effect before the details in effect; sharing needs consent at the contact") {
  Fixture fx = stepped_down();
  fx.s.staff[0].roles = {Role::clinician};
  fx.s.key_people.push_back(carer_a());
  const Snapshot& s = fx.done();
  UpdateKeyPerson u{1, std::nullopt, std::nullopt, std::nullopt, true, "S01", at("2026-11-19T09:00")};
  auto p = command_problem(s, u);
  REQUIRE(p);
  CHECK(*p == "at: key person 1 (Carer A) has details in effect from 2026-11-20T09:00; a change cannot take effect "
              "before that (2026-11-19T09:00)");
  u.at = at("2026-11-20T09:00");
  CHECK_FALSE(command_problem(s, u));
  // Logged late: a contact on 15 Nov may record what was shared (consent then); on 21 Nov it may not.
  LogCarerContact c{1, 1, "reached", {"step_down"}, "", "S01", at("2026-11-15T18:00")};
  CHECK_FALSE(command_problem(s, c));
  c.at = at("2026-11-21T18:00");
  REQUIRE(command_problem(s, c));
  CHECK(command_problem(s, c)->starts_with("shared: the person had not consented to sharing with Carer A at "));
}
