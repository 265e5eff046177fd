// Senior-review commands in the store: their rows, one audit row each, mirrored in memory, all or nothing.
#include <doctest/doctest.h>

#include "core/review_slots.hpp"
#include "store/command_store.hpp"
#include "store/snapshot_loader.hpp"
#include "store/snapshot_writer.hpp"
#include "store/store_test_support.hpp"

#include <nlohmann/json.hpp>

using namespace vb;
using namespace vb::store;
using namespace vb::store::test;
using Json = nlohmann::json;

namespace {

const char* now = "2026-11-23T10:30:00Z";

// The full snapshot plus an active consultant who reviews (S04) with two one-off slots:
// 24 Nov 10:00 UTC (capacity 1) and 25 Nov 10:00 UTC (capacity 2).
struct Board {
  TempDir dir;
  std::string path = dir.file("reviews.db");
  Database db;
  Snapshot snapshot;

  Board() : db(Database::open(path, OpenMode::create_if_missing)) {
    Snapshot s = full_snapshot();
    Staff doctor;
    doctor.id = "S04";
    doctor.team_id = 7;
    doctor.name = "Dr Ines Duarte";
    doctor.initials = "ID";
    doctor.discipline = "consultant";
    doctor.skills = {"senior_reviewer", "prescriber"};
    doctor.roles = {Role::viewer, Role::clinician, Role::senior_reviewer};
    s.staff.push_back(doctor);
    s.review_slots.push_back(ReviewSlot{402, "S04", utc("2026-11-24T10:00:00Z"), 30, 1});
    s.review_slots.push_back(ReviewSlot{403, "S04", utc("2026-11-25T10:00:00Z"), 30, 2});
    write_snapshot(db, s);
    snapshot = load_snapshot(db);
  }

  long long count(const std::string& sql) { return query_int(db.handle(), sql); }
  // Rows of every table a senior-review command writes, as one figure per table.
  std::vector<long long> written_rows() {
    std::vector<long long> out;
    for (const char* t : {"review_booking", "review", "review_risk_domain", "decision_log", "risk_change", "concern",
                          "escalation_ack", "audit_log"})
      out.push_back(count(std::string("SELECT count(*) FROM ") + t));
    out.push_back(count("SELECT count(*) FROM review_booking WHERE cancelled_at IS NOT NULL"));
    out.push_back(count("SELECT count(*) FROM episode WHERE risk_level = 'high'"));
    return out;
  }
};

Command book(Id episode, const char* slot, std::string reviewer = "S04") {
  return BookReview{episode, std::move(reviewer), utc(slot), "S01", utc(now)};
}

RecordReview review_of(Id episode, RiskLevel risk) {
  RecordReview r;
  r.episode = episode;
  r.reviewer = "S04";
  r.held_at = utc("2026-11-23T10:00:00Z");
  r.risk = risk;
  r.risk_domains = {"harm_to_others", "self_neglect"};
  r.decision = "continue";
  r.rationale = "engaging; sister staying this week";
  r.person_told = true;
  r.family_told = false;
  r.next_review_due = utc("2026-11-30T10:00:00Z");
  r.by = "S04";
  r.at = utc(now);
  return r;
}

}  // namespace

TEST_CASE("store: booking a review writes the booking and exactly one audit row, and the slot shows it") {
  Board b;
  auto ids = apply_commands(b.db, b.snapshot, {book(12, "2026-11-24T10:00:00Z")});
  REQUIRE(ids.size() == 1);
  CHECK(b.count("SELECT count(*) FROM audit_log") == 1);
  const Id booking = b.count("SELECT max(id) FROM review_booking");
  CHECK(b.count("SELECT count(*) FROM review_booking WHERE id = " + std::to_string(booking) +
                " AND episode_id = 12 AND reviewer = 'S04' AND slot_start = '2026-11-24T10:00:00Z' AND booked_by = 'S01'"
                " AND booked_at = '2026-11-23T10:30:00Z' AND cancelled_at IS NULL") == 1);
  auto row = audit_row(b.db, ids[0]);
  CHECK(row.command == "book_review");
  CHECK(row.entity == "review_booking");
  CHECK(row.entity_id == std::to_string(booking));
  CHECK(row.before.is_null());
  CHECK(row.after["slot_start"] == "2026-11-24T10:00:00Z");
  CHECK(row.after["episode_id"] == 12);
  // Memory agrees with the file: the slot is now full.
  CHECK(b.snapshot.bookings.back().id == booking);
  auto slot = find_slot(b.snapshot, "S04", utc("2026-11-24T10:00:00Z"));
  REQUIRE(slot);
  CHECK(slot->full());
}

TEST_CASE("store: cancelling a booking keeps the row, stamps when and why, with exactly one audit row") {
  Board b;
  auto ids = apply_commands(b.db, b.snapshot, {CancelBooking{720, "reviewer off sick", "S01", utc(now)}});
  CHECK(b.count("SELECT count(*) FROM review_booking WHERE id = 720 AND cancelled_at = '2026-11-23T10:30:00Z' "
                "AND cancel_reason = 'reviewer off sick'") == 1);
  CHECK(b.count("SELECT count(*) FROM audit_log") == 1);
  auto row = audit_row(b.db, ids.at(0));
  CHECK(row.entity == "review_booking");
  CHECK(row.entity_id == "720");
  CHECK(row.before == Json{{"cancelled_at", nullptr}, {"cancel_reason", ""}});
  CHECK(row.after == Json{{"cancelled_at", "2026-11-23T10:30:00Z"}, {"cancel_reason", "reviewer off sick"}});
  CHECK(b.snapshot.bookings.front().cancelled_at == utc(now));
}

TEST_CASE("store: a review at a new risk level writes the review, its domains, a risk change and the episode's level "
          "under one audit row") {
  Board b;
  auto ids = apply_commands(b.db, b.snapshot, {review_of(12, RiskLevel::high)});
  const Id review = b.count("SELECT max(id) FROM review");
  const std::string rid = std::to_string(review);
  CHECK(b.count("SELECT count(*) FROM review WHERE id = " + rid + " AND episode_id = 12 AND reviewer = 'S04' AND "
                "held_at = '2026-11-23T10:00:00Z' AND risk_level = 'high' AND decision = 'continue' AND "
                "person_told = 1 AND family_told = 0 AND next_review_due = '2026-11-30T10:00:00Z'") == 1);
  CHECK(b.count("SELECT count(*) FROM review_risk_domain WHERE review_id = " + rid +
                " AND ((domain = 'harm_to_others' AND seq = 0) OR (domain = 'self_neglect' AND seq = 1))") == 2);
  CHECK(b.count("SELECT count(*) FROM risk_change WHERE episode_id = 12 AND from_level = 'medium' AND "
                "to_level = 'high' AND by_staff = 'S04' AND reason = 'senior review' AND at = '2026-11-23T10:00:00Z'") == 1);
  CHECK(b.count("SELECT count(*) FROM episode WHERE id = 12 AND risk_level = 'high'") == 1);
  CHECK(b.count("SELECT count(*) FROM audit_log") == 1);
  auto row = audit_row(b.db, ids.at(0));
  CHECK(row.command == "record_review");
  CHECK(row.entity == "review");
  CHECK(row.entity_id == rid);
  CHECK(row.before == Json{{"episode_risk", "medium"}});
  CHECK(row.after["episode_risk"] == "high");
  CHECK(row.after["risk_domains"] == Json::array({"harm_to_others", "self_neglect"}));

  REQUIRE_FALSE(b.snapshot.reviews_of(12).empty());
  const Review& mirrored = *b.snapshot.reviews_of(12).back();
  CHECK(mirrored.id == review);
  CHECK(mirrored.risk_domains == std::vector<std::string>{"harm_to_others", "self_neglect"});
  CHECK(b.snapshot.find_episode(12)->risk == RiskLevel::high);
  CHECK(b.snapshot.risk_changes.back().to == RiskLevel::high);
  // What memory says is what a fresh load says.
  const Snapshot reloaded = load_snapshot(b.db);
  CHECK(reloaded.reviews_of(12).back()->risk_domains == mirrored.risk_domains);
  CHECK(reloaded.risk_changes.size() == b.snapshot.risk_changes.size());
}

TEST_CASE("store: a review that keeps the episode's risk level records no risk change") {
  Board b;
  const auto changes = b.count("SELECT count(*) FROM risk_change");
  auto ids = apply_commands(b.db, b.snapshot, {review_of(13, RiskLevel::high)});
  CHECK(b.count("SELECT count(*) FROM risk_change") == changes);
  CHECK(b.count("SELECT count(*) FROM audit_log") == 1);
  CHECK(audit_row(b.db, ids.at(0)).before.is_null());
  CHECK_FALSE(audit_row(b.db, ids.at(0)).after.contains("episode_risk"));
}

TEST_CASE("store: a decision-log correction is a new entry naming the old one, and the old one stays as it was") {
  Board b;
  LogDecision d{10, "step down from Friday", "continue; step down", "date was wrong again", "person", Id{601}, "S04",
                utc(now)};
  auto ids = apply_commands(b.db, b.snapshot, {d});
  CHECK(b.count("SELECT count(*) FROM decision_log") == 3);
  CHECK(b.count("SELECT count(*) FROM decision_log WHERE id = 601 AND rationale = 'date was wrong'") == 1);
  CHECK(b.count("SELECT count(*) FROM decision_log WHERE corrects = 601 AND decided_by = 'S04' AND "
                "at = '2026-11-23T10:30:00Z' AND informed = 'person'") == 1);
  auto row = audit_row(b.db, ids.at(0));
  CHECK(row.entity == "decision_log");
  CHECK(row.after["corrects"] == 601);
  CHECK(b.snapshot.decisions.back().corrects == Id{601});
  CHECK(b.count("SELECT count(*) FROM audit_log") == 1);
}

TEST_CASE("store: setting an episode's risk updates its level and appends a risk change under one audit row") {
  Board b;
  auto ids = apply_commands(b.db, b.snapshot, {SetRisk{12, RiskLevel::low, "settled; plan agreed", "S01", utc(now)}});
  CHECK(b.count("SELECT count(*) FROM episode WHERE id = 12 AND risk_level = 'low'") == 1);
  CHECK(b.count("SELECT count(*) FROM risk_change WHERE episode_id = 12 AND from_level = 'medium' AND to_level = 'low' "
                "AND reason = 'settled; plan agreed' AND at = '2026-11-23T10:30:00Z' AND by_staff = 'S01'") == 1);
  CHECK(b.count("SELECT count(*) FROM audit_log") == 1);
  auto row = audit_row(b.db, ids.at(0));
  CHECK(row.command == "set_risk");
  CHECK(row.entity == "episode");
  CHECK(row.entity_id == "12");
  CHECK(row.before == Json{{"risk", "medium"}});
  CHECK(row.after["risk"] == "low");
  CHECK(b.snapshot.find_episode(12)->risk == RiskLevel::low);
}

TEST_CASE("store: a carer's concern and the acknowledgement of the escalation it fires apply in one batch") {
  Board b;
  RaiseConcern concern{12, "carer", "brother says he has not slept for three nights", "S03", utc(now)};
  AcknowledgeEscalation ack{12, "carer_concern", utc(now), "called; visit brought forward", "S04",
                            utc("2026-11-23T10:35:00Z")};
  auto ids = apply_commands(b.db, b.snapshot, {concern, ack});
  REQUIRE(ids.size() == 2);
  CHECK(b.count("SELECT count(*) FROM concern WHERE episode_id = 12 AND source = 'carer' AND recorded_by = 'S03' "
                "AND at = '2026-11-23T10:30:00Z'") == 1);
  CHECK(b.count("SELECT count(*) FROM escalation_ack WHERE episode_id = 12 AND trigger = 'carer_concern' AND "
                "fired_at = '2026-11-23T10:30:00Z' AND acknowledged_by = 'S04' AND at = '2026-11-23T10:35:00Z'") == 1);
  CHECK(b.count("SELECT count(*) FROM audit_log") == 2);
  CHECK(audit_row(b.db, ids[0]).entity == "concern");
  CHECK(audit_row(b.db, ids[1]).entity == "escalation_ack");
  CHECK(audit_row(b.db, ids[1]).command == "acknowledge_escalation");
  CHECK(b.snapshot.escalation_acks.back().by == "S04");
}

TEST_CASE("store: a refused senior-review command writes nothing, and memory is put back after earlier commands") {
  Board b;
  const auto before = b.written_rows();
  RecordReview not_senior = review_of(12, RiskLevel::low);
  not_senior.reviewer = "S03";  // a support worker
  const auto risk_changes = b.snapshot.risk_changes.size();
  const auto bookings = b.snapshot.bookings.size();
  try {
    apply_commands(b.db, b.snapshot,
                   {SetRisk{12, RiskLevel::high, "threats to neighbour", "S01", utc(now)},
                    book(13, "2026-11-25T10:00:00Z"), not_senior});
    FAIL("the batch was accepted");
  } catch (const CommandRefused& e) {
    CHECK(e.index() == 2);
    CHECK(e.problem() == "Jo Lee is not a senior reviewer");
  }
  CHECK(b.written_rows() == before);
  CHECK(b.snapshot.find_episode(12)->risk == RiskLevel::medium);
  CHECK(b.snapshot.risk_changes.size() == risk_changes);
  CHECK(b.snapshot.bookings.size() == bookings);
  CHECK_FALSE(b.db.in_transaction());
}

TEST_CASE("store: booking and then recording a review of the same episode apply together in one batch") {
  Board b;
  auto ids = apply_commands(b.db, b.snapshot, {book(13, "2026-11-24T10:00:00Z"), review_of(13, RiskLevel::medium)});
  REQUIRE(ids.size() == 2);
  CHECK(ids[1] > ids[0]);
  CHECK(b.count("SELECT count(*) FROM review_booking WHERE episode_id = 13 AND cancelled_at IS NULL") == 1);
  CHECK(b.count("SELECT count(*) FROM review WHERE episode_id = 13") == 1);
  CHECK(b.count("SELECT count(*) FROM risk_change WHERE episode_id = 13 AND to_level = 'medium'") == 1);
  CHECK(b.count("SELECT count(*) FROM audit_log") == 2);
}

TEST_CASE("store: two bookings into a capacity-1 slot in one batch: the second is refused at index 1 and nothing "
          "is written") {
  Board b;
  const auto before = b.written_rows();
  try {
    apply_commands(b.db, b.snapshot, {book(12, "2026-11-24T10:00:00Z"), book(13, "2026-11-24T10:00:00Z")});
    FAIL("the slot was overbooked");
  } catch (const CommandRefused& e) {
    CHECK(e.index() == 1);
    CHECK(e.problem().find("full") != std::string::npos);
  }
  CHECK(b.written_rows() == before);
  auto slot = find_slot(b.snapshot, "S04", utc("2026-11-24T10:00:00Z"));
  REQUIRE(slot);
  CHECK(slot->bookings.empty());
  // The capacity-2 slot takes both.
  CHECK(apply_commands(b.db, b.snapshot, {book(12, "2026-11-25T10:00:00Z"), book(13, "2026-11-25T10:00:00Z")}).size() ==
        2);
}

TEST_CASE("store: reloading a stale snapshot before a batch keeps the caller's review rules (they are not stored)") {
  Board b;
  b.snapshot.review_rules.six_week_day = 40;
  auto other = Database::open(b.path, OpenMode::existing);
  Snapshot other_view = load_snapshot(other);
  apply_commands(other, other_view, {SetRisk{12, RiskLevel::high, "threats to neighbour", "S01", utc(now)}});

  apply_commands(b.db, b.snapshot, {RaiseConcern{12, "gp", "GP worried about sleep", "S01", utc(now)}});
  CHECK(b.snapshot.find_episode(12)->risk == RiskLevel::high);  // reloaded from the file
  CHECK(b.snapshot.review_rules.six_week_day == 40);
}
