// The reviews screen: booking the suggested slot, recording a review and acknowledging an
// escalation each emit exactly the command a person meant, and only allowed people can act.
#include <doctest/doctest.h>

#include "core/review_board.hpp"
#include "support/small_team.hpp"
#include "ui/headless.hpp"

using namespace vb;
using vb::test::at;

namespace {

Snapshot team_with_reviews() {
  Snapshot s = test::small_team();
  s.staff[2].skills.push_back("senior_reviewer");  // Kim Carter S03, senior practitioner
  s.staff[2].discipline = "senior_practitioner";
  Staff consultant;
  consultant.id = "S09";
  consultant.name = "Dr Dee Demo";
  consultant.initials = "DD";
  consultant.discipline = "consultant";
  consultant.skills = {"senior_reviewer"};
  s.staff.push_back(consultant);
  test::grant_usual_roles(s);
  SlotPattern clinic;
  clinic.id = 1;
  clinic.reviewer = "S03";
  clinic.weekday = 1;  // Monday 23 Nov 2026
  clinic.start_minute = 14 * 60;
  clinic.from = *parse_date("2026-11-01");
  s.slot_patterns = {clinic};
  s.concerns = {Concern{1, 2, at("2026-11-23T08:00"), "carer", "wife rang: he has not slept", "S02"}};
  s.reindex();
  return s;
}

}  // namespace

TEST_CASE("ui reviews: the suggested slot books in two taps, by the person chosen") {
  auto s = team_with_reviews();
  test::HeadlessUi ui(s, at("2026-11-23T10:30"), 1920, 1080);
  ui.tap("tab:reviews");
  // Ben (episode 2) has his first review due today 11:00 and the only free slot is 14:00, after it:
  // the screen says so instead of offering it. Ada's review (due 15:00) can take it.
  REQUIRE(ui.shows("book:1"));
  CHECK_FALSE(ui.shows("book:2"));
  ui.tap("book:1");
  ui.tap("by:S01");
  auto command = ui.tap("save");
  REQUIRE(command);
  const auto& book = std::get<BookReview>(*command);
  CHECK(book.episode == 1);
  CHECK(book.reviewer == "S03");
  CHECK(book.slot_start == at("2026-11-23T14:00"));
  CHECK(book.by == "S01");
}

TEST_CASE("ui reviews: recording a review needs reviewer, risk and decision, then saves them all") {
  auto s = team_with_reviews();
  test::HeadlessUi ui(s, at("2026-11-23T10:30"), 1920, 1080);
  ui.tap("tab:reviews");
  ui.tap("record:2");
  CHECK_FALSE(ui.tap("save"));  // nothing chosen yet
  ui.tap("reviewer:S09");
  ui.tap("risk:high");
  ui.tap("domain:harm_to_others");
  ui.tap("decision:step_up");
  ui.tap("why:1");
  ui.tap("family_told");
  ui.tap("next:1");
  auto command = ui.tap("save");
  REQUIRE(command);
  const auto& r = std::get<RecordReview>(*command);
  CHECK(r.episode == 2);
  CHECK(r.reviewer == "S09");
  CHECK(r.by == "S09");
  CHECK(r.risk == RiskLevel::high);
  CHECK(r.risk_domains == std::vector<std::string>{"harm_to_others"});
  CHECK(r.decision == "step_up");
  CHECK(r.rationale == "Risk has risen; visits increased and crisis plan updated");
  CHECK(r.family_told);
  CHECK_FALSE(r.person_told);
  CHECK(*r.next_review_due == at("2026-11-24T10:30"));
}

TEST_CASE("ui reviews: only people allowed at the escalation's step are offered to acknowledge it") {
  auto s = team_with_reviews();
  // The carer's concern fired at 08:00; at 10:30 it has cascaded past the consultant step.
  test::HeadlessUi ui(s, at("2026-11-23T10:30"), 1920, 1080);
  ui.tap("tab:reviews");
  ui.tap("ack:2:carer_concern");
  CHECK(ui.shows("by:S09"));        // consultant
  CHECK_FALSE(ui.shows("by:S03"));  // senior practitioner: not at the on-call doctor step
  CHECK_FALSE(ui.shows("by:S01"));  // nurse
  ui.tap("by:S09");
  ui.tap("note:1");
  auto command = ui.tap("save");
  REQUIRE(command);
  const auto& ack = std::get<AcknowledgeEscalation>(*command);
  CHECK(ack.episode == 2);
  CHECK(ack.trigger == "carer_concern");
  CHECK(ack.fired_at == at("2026-11-23T08:00"));
  CHECK(ack.by == "S09");
  CHECK(ack.note == "Medical review arranged today");
}

TEST_CASE("ui reviews: picking a slot for a due review and tapping a free slot books that slot") {
  auto s = team_with_reviews();
  test::HeadlessUi ui(s, at("2026-11-23T10:30"), 1920, 1080);
  ui.tap("tab:reviews");
  ui.tap("select:2");
  ui.tap("slot:S03:2026-11-23T14:00:00Z");
  ui.tap("by:S02");
  auto command = ui.tap("save");
  REQUIRE(command);
  CHECK(std::get<BookReview>(*command).episode == 2);
  CHECK(std::get<BookReview>(*command).slot_start == at("2026-11-23T14:00"));
}

TEST_CASE("ui admin: the last good backup is shown, an overdue one is flagged, and Back up now asks for one") {
  auto s = test::small_team();
  test::HeadlessUi ui(s, at("2026-11-23T10:30"), 1920, 1080);
  ui.backups.enabled = true;
  ui.backups.overdue = true;
  ui.frame();
  ui.tap("tab:admin");
  REQUIRE(ui.shows("backup_now"));
  CHECK_FALSE(ui.state.backup_requested);
  ui.tap("backup_now");
  CHECK(ui.state.backup_requested);
}
