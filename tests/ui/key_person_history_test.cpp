// The carer tab's consent line (session 9): it shows the consent in effect now, and a tap shows the
// history of the key person's consent and details, newest first; reading it needs no role.
#include <doctest/doctest.h>

#include "core/key_person_changes.hpp"
#include "core/key_person_versions.hpp"
#include "ui/carer_part.hpp"
#include "ui/headless.hpp"
#include "ui/sheet_fixtures.hpp"

using namespace vb;
using test::CarerPart;

namespace {

Instant now() { return test::sheet_now(); }

}  // namespace

TEST_CASE("key person sheet: a tap on the consent line shows its history, newest first; another tap hides it") {
  const test::KeyPersonStart start;
  const auto& [s, episode, k, me] = start;
  REQUIRE(k);
  const UpdateKeyPerson u{k->id, std::nullopt, std::nullopt, std::nullopt, !k->consent_to_share, me, now() - std::chrono::hours{1}};
  const auto result = test::apply_through_store(s, {u}, "consent_history");
  REQUIRE(result.audits == 1);
  const KeyPerson* changed = find_key_person(result.snapshot, k->id);
  REQUIRE(changed);
  REQUIRE(changed->versions.size() >= 2);
  CHECK(key_person_consents_at(*changed, now()) == !k->consent_to_share);
  const std::string id = std::to_string(k->id);
  {
    CarerPart part(result.snapshot, episode, me);
    auto& ui = part.ui;
    REQUIRE(ui.shows("carer_history:" + id));
    CHECK_FALSE(ui.shows("carer_history_list:" + id));
    CHECK_FALSE(ui.tap("carer_history:" + id));  // reading only: no command
    CHECK(ui.state.key_person_history == k->id);
    CHECK(ui.shows("carer_history_list:" + id));
    for (const auto& v : changed->versions) CHECK(ui.shows("carer_version:" + std::to_string(v.id)));
    ui.tap("carer_history:" + id);
    CHECK(ui.state.key_person_history == 0);
    CHECK_FALSE(ui.shows("carer_history_list:" + id));
  }
  // Without the clinician role the sheet is read-only, and the history still opens.
  CarerPart viewer(result.snapshot, episode, test::member_with_role(s, Role::clinician, false));
  CHECK(viewer.ui.shows("closure_read_only"));
  viewer.ui.tap("carer_history:" + id);
  CHECK(viewer.ui.shows("carer_history_list:" + id));
}
