// Loading and writing the senior-review tables, column for column with model.hpp.
#include "store/senior_review_rows.hpp"

#include "store/load_scope.hpp"
#include "store/typed_rows.hpp"

#include <algorithm>

namespace vb::store {

namespace {

void load_capacity(Database& db, Snapshot& s) {
  StoredRow p(db, "slot_pattern",
              "SELECT id, reviewer, weekday, start_minute, length_min, capacity, from_date, until_date "
              "FROM slot_pattern ORDER BY id");
  while (p.next()) {
    s.slot_patterns.push_back(SlotPattern{p.integer(0), p.text(1), p.small_int(2), p.small_int(3), p.small_int(4),
                                          p.small_int(5), p.date(6), p.optional_date(7)});
  }
  StoredRow l(db, "reviewer_leave", "SELECT id, reviewer, from_date, until_date, reason FROM reviewer_leave ORDER BY id");
  while (l.next()) s.leave.push_back(ReviewerLeave{l.integer(0), l.text(1), l.date(2), l.date(3), l.text(4)});
  StoredRow b(db, "review_booking",
              "SELECT id, episode_id, reviewer, slot_start, booked_by, booked_at, cancelled_at "
              "FROM review_booking" + where_in_scope(s, "review_booking", "slot_start") + " ORDER BY id");
  while (b.next()) {
    s.bookings.push_back(ReviewBooking{b.integer(0), b.integer(1), b.text(2), b.instant(3), b.text(4), b.instant(5),
                                       b.optional_instant(6)});
  }
}

void load_risk(Database& db, Snapshot& s) {
  const std::string reviews_loaded =
      where_child_in_scope(db, s, "review_risk_domain", "review_id", s.reviews.size(), "review", "held_at", TimeColumn::instant);
  StoredRow d(db, "review_risk_domain",
              "SELECT review_id, domain FROM review_risk_domain" + reviews_loaded + " ORDER BY review_id, seq");
  while (d.next()) {
    Review* review = find_by_id(s.reviews, d.integer(0));  // the loader read reviews in id order
    if (!review && s.history_from && reviews_loaded.empty()) continue;  // outside the working set
    if (!review) d.fail(0, "review " + d.text(0) + " does not exist");
    review->risk_domains.push_back(d.text(1));
  }
  StoredRow r(db, "risk_change",
              "SELECT id, episode_id, at, from_level, to_level, by_staff, reason FROM risk_change" +
                  where_in_scope(s, "risk_change", "at") + " ORDER BY id");
  while (r.next()) {
    s.risk_changes.push_back(RiskChange{r.integer(0), r.integer(1), r.instant(2),
                                        r.word(3, parse_risk_level, "risk level"),
                                        r.word(4, parse_risk_level, "risk level"), r.text(5), r.text(6)});
  }
  StoredRow c(db, "concern",
              "SELECT id, episode_id, at, source, note, recorded_by FROM concern" + where_in_scope(s, "concern", "at") + " ORDER BY id");
  while (c.next()) {
    s.concerns.push_back(Concern{c.integer(0), c.integer(1), c.instant(2), c.text(3), c.text(4), c.text(5)});
  }
  StoredRow t(db, "risk_thresholds",
              "SELECT episode_id, narrative, high_risk_over_24h, two_missed_in_a_row, carer_concern "
              "FROM risk_thresholds ORDER BY episode_id");
  while (t.next()) {
    s.thresholds.push_back(RiskThresholds{t.integer(0), t.text(1), t.boolean(2), t.boolean(3), t.boolean(4)});
  }
  StoredRow a(db, "escalation_ack",
              "SELECT id, episode_id, trigger, fired_at, acknowledged_by, at, note FROM escalation_ack" +
                  where_in_scope(s, "escalation_ack", "at") + " ORDER BY id");
  while (a.next()) {
    s.escalation_acks.push_back(
        EscalationAck{a.integer(0), a.integer(1), a.text(2), a.instant(3), a.text(4), a.instant(5), a.text(6)});
  }
}

void write_capacity(Database& db, const Snapshot& s) {
  auto pattern = db.prepare(
      "INSERT INTO slot_pattern (id, reviewer, weekday, start_minute, length_min, capacity, from_date, until_date) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  for (const auto& p : s.slot_patterns) {
    pattern.bind_int(1, p.id).bind_text(2, p.reviewer).bind_int(3, p.weekday).bind_int(4, p.start_minute);
    pattern.bind_int(5, p.length_min).bind_int(6, p.capacity);
    bind_date(pattern, 7, p.from);
    bind_optional_date(pattern, 8, p.until);
    pattern.run(table_row("slot_pattern", p.id));
  }
  auto leave = db.prepare(
      "INSERT INTO reviewer_leave (id, reviewer, from_date, until_date, reason) VALUES (?1, ?2, ?3, ?4, ?5)");
  for (const auto& l : s.leave) {
    leave.bind_int(1, l.id).bind_text(2, l.reviewer);
    bind_date(leave, 3, l.from);
    bind_date(leave, 4, l.until);
    leave.bind_text(5, l.reason);
    leave.run(table_row("reviewer_leave", l.id));
  }
  auto booking = db.prepare(
      "INSERT INTO review_booking (id, episode_id, reviewer, slot_start, booked_by, booked_at, cancelled_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  for (const auto& b : s.bookings) {
    booking.bind_int(1, b.id).bind_int(2, b.episode_id).bind_text(3, b.reviewer);
    bind_instant(booking, 4, b.slot_start);
    booking.bind_text(5, b.booked_by);
    bind_instant(booking, 6, b.booked_at);
    bind_optional_instant(booking, 7, b.cancelled_at);
    booking.run(table_row("review_booking", b.id));
  }
}

void write_risk(Database& db, const Snapshot& s) {
  auto domain = db.prepare("INSERT INTO review_risk_domain (review_id, domain, seq) VALUES (?1, ?2, ?3)");
  for (const auto& r : s.reviews) {
    for (size_t i = 0; i < r.risk_domains.size(); ++i) {
      domain.bind_int(1, r.id).bind_text(2, r.risk_domains[i]).bind_int(3, static_cast<std::int64_t>(i));
      domain.run(table_row("review_risk_domain", std::to_string(r.id) + " '" + r.risk_domains[i] + "'"));
    }
  }
  auto change = db.prepare(
      "INSERT INTO risk_change (id, episode_id, at, from_level, to_level, by_staff, reason) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  for (const auto& c : s.risk_changes) {
    change.bind_int(1, c.id).bind_int(2, c.episode_id);
    bind_instant(change, 3, c.at);
    change.bind_text(4, to_string(c.from)).bind_text(5, to_string(c.to)).bind_text(6, c.by).bind_text(7, c.reason);
    change.run(table_row("risk_change", c.id));
  }
  auto concern = db.prepare(
      "INSERT INTO concern (id, episode_id, at, source, note, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  for (const auto& c : s.concerns) {
    concern.bind_int(1, c.id).bind_int(2, c.episode_id);
    bind_instant(concern, 3, c.at);
    concern.bind_text(4, c.source).bind_text(5, c.note).bind_text(6, c.recorded_by);
    concern.run(table_row("concern", c.id));
  }
  auto thresholds = db.prepare(
      "INSERT INTO risk_thresholds (episode_id, narrative, high_risk_over_24h, two_missed_in_a_row, carer_concern) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  for (const auto& t : s.thresholds) {
    thresholds.bind_int(1, t.episode_id).bind_text(2, t.narrative);
    bind_bool(thresholds, 3, t.high_risk_over_24h);
    bind_bool(thresholds, 4, t.two_missed_in_a_row);
    bind_bool(thresholds, 5, t.carer_concern);
    thresholds.run(table_row("risk_thresholds", t.episode_id));
  }
  auto ack = db.prepare(
      "INSERT INTO escalation_ack (id, episode_id, trigger, fired_at, acknowledged_by, at, note) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  for (const auto& a : s.escalation_acks) {
    ack.bind_int(1, a.id).bind_int(2, a.episode_id).bind_text(3, a.trigger);
    bind_instant(ack, 4, a.fired_at);
    ack.bind_text(5, a.by);
    bind_instant(ack, 6, a.at);
    ack.bind_text(7, a.note);
    ack.run(table_row("escalation_ack", a.id));
  }
}

}  // namespace

void load_senior_review(Database& db, Snapshot& s) {
  load_capacity(db, s);
  load_risk(db, s);
}

void write_senior_review(Database& db, const Snapshot& s) {
  write_capacity(db, s);
  write_risk(db, s);
}

}  // namespace vb::store
