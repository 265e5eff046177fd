// Rows in less memory (issue 7): staff ids, transition items, review decisions and free text in 8 bytes,
// optional instants and ids in 8, with the same text, order, hashing and "absent" as std::string and
// std::optional had, whatever the length of the text.
#include "core/model.hpp"

#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

using namespace vb;

TEST_CASE("packed text: any text reads back exactly, short, a known word or long") {
  const std::vector<std::string> texts{"",        "S07", "T01-S07", "T01-S07x", "safety_plan_updated", "follow-up after closure",
                                       "no answer at the door, tried twice and phoned the carer", std::string("a\0b", 3)};
  for (const std::string& text : texts) {
    const PackedText t(text);
    CHECK(t.view() == text);
    CHECK(t.str() == text);
    CHECK(t.size() == text.size());
    CHECK(t.empty() == text.empty());
    CHECK(t == text);
    CHECK(text == t);
    const PackedText copy = t;
    CHECK(copy == t);
    PackedText moved = PackedText(text);
    CHECK(moved == t);
    PackedText assigned = "something else entirely, on the heap";
    assigned = copy;
    CHECK(assigned.view() == text);
  }
}

TEST_CASE("packed text: empty text is an empty string, never a null pointer (SQLite would store NULL)") {
  CHECK(PackedText().view().data() != nullptr);
  CHECK(PackedText("").view().data() != nullptr);
  PackedText t = "follow-up after closure";
  t.clear();
  CHECK(t.view().data() != nullptr);
}

TEST_CASE("packed text: a staff id compares, orders and hashes as its std::string did") {
  const std::vector<std::string> ids{"S10", "S07", "T02-S01", "T01-S07", "a-visiting-locum-07", "S7", ""};
  std::map<std::string, int> by_string;
  std::map<StaffId, int> by_id;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    by_string[ids[i]] = static_cast<int>(i);
    by_id[StaffId(ids[i])] = static_cast<int>(i);
    CHECK(std::hash<StaffId>{}(StaffId(ids[i])) == std::hash<std::string>{}(ids[i]));
  }
  std::vector<std::string> in_order;
  for (const auto& [id, i] : by_id) in_order.push_back(id.str());
  std::vector<std::string> expected;
  for (const auto& [id, i] : by_string) expected.push_back(id);
  CHECK(in_order == expected);
  CHECK(StaffId("S07") != StaffId("S10"));
  CHECK(StaffId("a-visiting-locum-07") == StaffId(std::string("a-visiting-locum-07")));
  CHECK(StaffId("a-visiting-locum-07") != StaffId("a-visiting-locum-08"));
  std::unordered_map<StaffId, int> seen;
  seen["T01-S07"] = 1;
  CHECK(seen.count(StaffId(std::string("T01-S07"))) == 1);
  CHECK("by " + StaffId("S07") == "by S07");
  StaffId cleared = "a-visiting-locum-07";
  cleared.clear();
  CHECK(cleared.empty());
}

TEST_CASE("packed optional: absent and present read as std::optional did") {
  Visit v;
  CHECK_FALSE(v.outcome_at.has_value());
  CHECK(v.outcome_at == std::nullopt);
  CHECK(std::optional<Instant>(v.outcome_at) == std::nullopt);
  const Instant at{std::chrono::seconds{1'795'000'000}};
  v.outcome_at = at;
  CHECK(v.outcome_at.has_value());
  CHECK(*v.outcome_at == at);
  CHECK(v.outcome_at == at);
  CHECK(std::optional<Instant>(v.outcome_at) == std::optional<Instant>(at));
  CHECK(v.outcome_at.value_or(Instant{}) == at);
  v.outcome_at = std::optional<Instant>{};
  CHECK_FALSE(v.outcome_at);
  v.follow_up_of = Id{0};
  CHECK(v.follow_up_of.has_value());  // id 0 is a value, not "absent"
  v.follow_up_of.reset();
  CHECK_FALSE(v.follow_up_of.has_value());
  CHECK(PackedOptional<Id>() < PackedOptional<Id>(Id{-5}));  // absent orders first, as std::optional
}

TEST_CASE("packed rows: a visit, a review and a transition record are at most half their old size") {
  CHECK(sizeof(Visit) <= 140);  // was 280
  CHECK(sizeof(Review) <= 96);  // was 192
  CHECK(sizeof(TransitionRecord) <= 48);  // was 120
  CHECK(sizeof(Shift) <= 48);  // was 72
}

TEST_CASE("packed rows (s10B): a visit is 112 bytes and a shift 40, and their small fields read back what was set") {
  CHECK(sizeof(Visit) == 112);
  CHECK(sizeof(Shift) == 40);
  Visit v;
  CHECK_FALSE(v.plan_slot.has_value());
  CHECK(v.plan_slot == std::nullopt);
  for (int slot : {0, 1, 7, 255, 256, max_plan_slot}) {
    v.plan_slot = slot;
    REQUIRE(v.plan_slot.has_value());
    CHECK(*v.plan_slot == slot);
    CHECK(v.plan_slot == slot);
  }
  v.plan_slot = std::nullopt;
  CHECK_FALSE(v.plan_slot.has_value());
  v.hand_edited = true;
  v.date = date::year{2026} / 11 / 23;
  v.duration_min = 45;
  CHECK(v.hand_edited);
  CHECK_FALSE(v.double_up);
  CHECK(v.duration_min == 45);

  Shift sh;
  CHECK(sh.team_id == 0);
  for (Id team : {Id{1}, Id{7}, Id{255}, Id{256}, Id{65535}, Id{65536}, max_packed_team_id}) {
    sh.team_id = team;
    CHECK(sh.team_id == team);
    CHECK(Id{sh.team_id} == team);
    const Shift copy = sh;
    CHECK(copy.team_id == sh.team_id);
  }
  CHECK(max_packed_team_id == 16777215);
  CHECK_THROWS_AS(sh.team_id = max_packed_team_id + 1, std::out_of_range);
  CHECK_THROWS_AS(sh.team_id = -1, std::out_of_range);
  CHECK(sh.team_id == max_packed_team_id);  // a refused id leaves the field as it was
  sh.kind = ShiftKind::night;
  CHECK(sh.kind == ShiftKind::night);
  CHECK(sh.team_id == max_packed_team_id);
}
