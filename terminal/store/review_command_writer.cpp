// The senior-review commands written to their tables (bookings, reviews with their risk domains,
// decision log, risk changes, concerns, escalation acknowledgements), each with one audit row.
#include "store/command_writing.hpp"
#include "store/typed_rows.hpp"

#include <algorithm>

namespace vb::store::detail {

namespace {

Json optional_instant_json(const std::optional<Instant>& t) { return t ? Json(stored_instant(*t)) : Json(nullptr); }

}  // namespace

Id ReviewCommandWriter::insert(Statement& st, std::string_view what) {
  st.run(std::string("writing ") + std::string(what));
  return sqlite3_last_insert_rowid(db_.handle());
}

Id ReviewCommandWriter::change_risk(Id episode, RiskLevel to, Instant at, const StaffId& by, const std::string& reason) {
  Episode& e = undo_.edit(*s_.find_episode(episode));  // command_problem has checked it exists
  RiskChange change{0, episode, at, e.risk, to, by, reason};

  auto update = db_.prepare("UPDATE episode SET risk_level = ?1 WHERE id = ?2");
  update.bind_text(1, to_string(to)).bind_int(2, episode);
  const std::string context = "writing the risk level of episode " + std::to_string(episode);
  update.run(context);
  if (sqlite3_changes(db_.handle()) != 1) {
    throw StoreError(in_quotes(db_.path()) + ": " + context + ": the episode is no longer in the database");
  }
  auto row = db_.prepare(
      "INSERT INTO risk_change (episode_id, at, from_level, to_level, by_staff, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  row.bind_int(1, episode);
  bind_instant(row, 2, at);
  row.bind_text(3, to_string(change.from)).bind_text(4, to_string(to)).bind_text(5, by).bind_text(6, reason);
  change.id = insert(row, "a risk change of episode " + std::to_string(episode));

  e.risk = to;
  s_.risk_changes.push_back(std::move(change));
  return s_.risk_changes.back().id;
}

Id ReviewCommandWriter::apply(const Command& c, const BookReview& b) {
  auto st = db_.prepare(
      "INSERT INTO review_booking (episode_id, reviewer, slot_start, booked_by, booked_at) VALUES (?1, ?2, ?3, ?4, ?5)");
  st.bind_int(1, b.episode).bind_text(2, b.reviewer);
  bind_instant(st, 3, b.slot_start);
  st.bind_text(4, b.by);
  bind_instant(st, 5, b.at);
  ReviewBooking row{0, b.episode, b.reviewer, b.slot_start, b.by, b.at, std::nullopt};
  row.id = insert(st, "a review booking for episode " + std::to_string(b.episode));
  s_.bookings.push_back(row);
  s_.reindex();
  Json after{{"episode_id", row.episode_id}, {"reviewer", row.reviewer}, {"slot_start", stored_instant(row.slot_start)},
             {"booked_by", row.booked_by}, {"booked_at", stored_instant(row.booked_at)}};
  return audit_.write(c, b.at, b.by, "review_booking", row.id, nullptr, after);
}

Id ReviewCommandWriter::apply(const Command& c, const CancelBooking& b) {
  auto found = std::find_if(s_.bookings.begin(), s_.bookings.end(),
                            [&](const ReviewBooking& x) { return x.id == b.booking; });  // checked to exist
  ReviewBooking& row = undo_.edit(*found);
  auto st = db_.prepare(
      "UPDATE review_booking SET cancelled_at = ?1, cancel_reason = ?2 WHERE id = ?3 AND cancelled_at IS NULL");
  bind_instant(st, 1, b.at);
  st.bind_text(2, b.reason).bind_int(3, b.booking);
  const std::string context = "cancelling review booking " + std::to_string(b.booking);
  st.run(context);
  if (sqlite3_changes(db_.handle()) != 1) {
    throw StoreError(in_quotes(db_.path()) + ": " + context + ": the booking is no longer in the database");
  }
  row.cancelled_at = b.at;
  Json before{{"cancelled_at", nullptr}, {"cancel_reason", ""}};
  Json after{{"cancelled_at", stored_instant(b.at)}, {"cancel_reason", b.reason}};
  return audit_.write(c, b.at, b.by, "review_booking", row.id, before, after);
}

Id ReviewCommandWriter::apply(const Command& c, const RecordReview& r) {
  auto st = db_.prepare(
      "INSERT INTO review (episode_id, reviewer, held_at, risk_level, decision, rationale, person_told, family_told, "
      "next_review_due) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  st.bind_int(1, r.episode).bind_text(2, r.reviewer);
  bind_instant(st, 3, r.held_at);
  st.bind_text(4, to_string(r.risk)).bind_text(5, r.decision).bind_text(6, r.rationale);
  bind_bool(st, 7, r.person_told);
  bind_bool(st, 8, r.family_told);
  bind_optional_instant(st, 9, r.next_review_due);
  Review row;
  row.id = insert(st, "a review of episode " + std::to_string(r.episode));
  row.episode_id = r.episode;
  row.reviewer = r.reviewer;
  row.held_at = r.held_at;
  row.risk = r.risk;
  row.decision = r.decision;
  row.rationale = r.rationale;
  row.person_told = r.person_told;
  row.family_told = r.family_told;
  row.next_review_due = r.next_review_due;

  // A domain named twice is stored once, in the order first named.
  auto domain = db_.prepare("INSERT INTO review_risk_domain (review_id, domain, seq) VALUES (?1, ?2, ?3)");
  for (const auto& d : r.risk_domains) {
    if (std::find(row.risk_domains.begin(), row.risk_domains.end(), d) != row.risk_domains.end()) continue;
    domain.bind_int(1, row.id).bind_text(2, d).bind_int(3, static_cast<std::int64_t>(row.risk_domains.size()));
    domain.run("writing risk domain '" + d + "' of review " + std::to_string(row.id));
    row.risk_domains.push_back(d);
  }

  Json before = nullptr;
  Json after{{"episode_id", row.episode_id}, {"reviewer", row.reviewer}, {"held_at", stored_instant(row.held_at)},
             {"risk", to_string(row.risk)}, {"risk_domains", row.risk_domains}, {"decision", row.decision},
             {"rationale", row.rationale}, {"person_told", row.person_told}, {"family_told", row.family_told},
             {"next_review_due", optional_instant_json(row.next_review_due)}};
  const RiskLevel episode_risk = s_.find_episode(r.episode)->risk;
  if (episode_risk != r.risk) {
    before = Json{{"episode_risk", to_string(episode_risk)}};
    after["episode_risk"] = to_string(r.risk);
    after["risk_change_id"] = change_risk(r.episode, r.risk, r.held_at, r.by, "senior review");
  }
  s_.reviews.push_back(std::move(row));
  s_.reindex();
  return audit_.write(c, r.at, r.by, "review", s_.reviews.back().id, before, after);
}

Id ReviewCommandWriter::apply(const Command& c, const LogDecision& d) {
  auto st = db_.prepare(
      "INSERT INTO decision_log (episode_id, at, decided_by, decision, options_considered, rationale, informed, "
      "corrects) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  st.bind_int(1, d.episode);
  bind_instant(st, 2, d.at);
  st.bind_text(3, d.by).bind_text(4, d.decision).bind_text(5, d.options_considered).bind_text(6, d.rationale);
  st.bind_text(7, d.informed);
  bind_optional_id(st, 8, d.corrects);
  DecisionLogEntry row{0, d.episode, d.at, d.by, d.decision, d.options_considered, d.rationale, d.informed, d.corrects};
  row.id = insert(st, "a decision for episode " + std::to_string(d.episode));
  s_.decisions.push_back(row);
  s_.reindex();
  Json after{{"episode_id", row.episode_id}, {"decision", row.decision}, {"options_considered", row.options_considered},
             {"rationale", row.rationale}, {"informed", row.informed},
             {"corrects", row.corrects ? Json(*row.corrects) : Json(nullptr)}};
  return audit_.write(c, d.at, d.by, "decision_log", row.id, nullptr, after);
}

Id ReviewCommandWriter::apply(const Command& c, const SetRisk& r) {
  const RiskLevel from = s_.find_episode(r.episode)->risk;
  const Id change = change_risk(r.episode, r.risk, r.at, r.by, r.reason);
  s_.reindex();
  Json before{{"risk", to_string(from)}};
  Json after{{"risk", to_string(r.risk)}, {"reason", r.reason}, {"risk_change_id", change}};
  return audit_.write(c, r.at, r.by, "episode", r.episode, before, after);
}

Id ReviewCommandWriter::apply(const Command& c, const RaiseConcern& r) {
  auto st = db_.prepare("INSERT INTO concern (episode_id, at, source, note, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5)");
  st.bind_int(1, r.episode);
  bind_instant(st, 2, r.at);
  st.bind_text(3, r.source).bind_text(4, r.note).bind_text(5, r.by);
  Concern row{0, r.episode, r.at, r.source, r.note, r.by};
  row.id = insert(st, "a concern about episode " + std::to_string(r.episode));
  s_.concerns.push_back(row);
  s_.reindex();
  Json after{{"episode_id", row.episode_id}, {"source", row.source}, {"note", row.note}};
  return audit_.write(c, r.at, r.by, "concern", row.id, nullptr, after);
}

Id ReviewCommandWriter::apply(const Command& c, const AcknowledgeEscalation& a) {
  auto st = db_.prepare(
      "INSERT INTO escalation_ack (episode_id, trigger, fired_at, acknowledged_by, at, note) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  st.bind_int(1, a.episode).bind_text(2, a.trigger);
  bind_instant(st, 3, a.fired_at);
  st.bind_text(4, a.by);
  bind_instant(st, 5, a.at);
  st.bind_text(6, a.note);
  EscalationAck row{0, a.episode, a.trigger, a.fired_at, a.by, a.at, a.note};
  row.id = insert(st, "an acknowledgement for episode " + std::to_string(a.episode));
  s_.escalation_acks.push_back(row);
  s_.reindex();
  Json after{{"episode_id", row.episode_id}, {"trigger", row.trigger}, {"fired_at", stored_instant(row.fired_at)},
             {"note", row.note}};
  return audit_.write(c, a.at, a.by, "escalation_ack", row.id, nullptr, after);
}

Id ReviewCommandWriter::apply(const Command& c, const SetThresholds& t) {
  auto st = db_.prepare(
      "INSERT INTO risk_thresholds (episode_id, narrative, high_risk_over_24h, two_missed_in_a_row, carer_concern) "
      "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (episode_id) DO UPDATE SET narrative = excluded.narrative, "
      "high_risk_over_24h = excluded.high_risk_over_24h, two_missed_in_a_row = excluded.two_missed_in_a_row, "
      "carer_concern = excluded.carer_concern");
  st.bind_int(1, t.episode).bind_text(2, t.narrative).bind_int(3, t.high_risk_over_24h);
  st.bind_int(4, t.two_missed_in_a_row).bind_int(5, t.carer_concern);
  st.run("writing the thresholds of episode " + std::to_string(t.episode));

  auto as_json = [](const RiskThresholds& r) {
    return Json{{"narrative", r.narrative}, {"high_risk_over_24h", r.high_risk_over_24h},
                {"two_missed_in_a_row", r.two_missed_in_a_row}, {"carer_concern", r.carer_concern}};
  };
  RiskThresholds next{t.episode, t.narrative, t.high_risk_over_24h, t.two_missed_in_a_row, t.carer_concern};
  Json before = nullptr;
  auto it = std::find_if(s_.thresholds.begin(), s_.thresholds.end(),
                         [&](const RiskThresholds& r) { return r.episode_id == t.episode; });
  if (it != s_.thresholds.end()) {
    before = as_json(*it);
    undo_.edit(*it) = next;
  } else {
    s_.thresholds.push_back(next);
  }
  return audit_.write(c, t.at, t.by, "risk_thresholds", t.episode, before, as_json(next));
}

}  // namespace vb::store::detail
