// Applying commands: validate against the snapshot, write the rows, append the audit row, mirror
// the change in memory; roll everything back (database and memory) on the first failure.
#include "store/command_store.hpp"

#include "store/command_writing.hpp"
#include "store/access_command_writer.hpp"
#include "store/sign_in.hpp"
#include "store/snapshot_loader.hpp"
#include "store/stored_form.hpp"

#include <utility>

namespace vb::store {

CommandRefused::CommandRefused(std::size_t index, std::string problem)
    : StoreError(problem),
      index_(index),
      problem_(std::move(problem)) {}

namespace detail {

AuditTrail::AuditTrail(Database& db)
    : db_(db),
      insert_(db.prepare(
          "INSERT INTO audit_log (at, by_staff, command, entity, entity_id, before_json, after_json) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")) {}

Id AuditTrail::write(const Command& c, Instant at, const StaffId& by, std::string_view entity, Id entity_id,
                     const Json& before, const Json& after) {
  insert_.bind_text(1, stored_instant(at)).bind_text(2, by).bind_text(3, command_name(c));
  insert_.bind_text(4, entity).bind_text(5, std::to_string(entity_id));
  insert_.bind_text(6, json_text(before)).bind_text(7, json_text(after));
  insert_.run("writing the audit row for " + std::string(entity) + " " + std::to_string(entity_id));
  return sqlite3_last_insert_rowid(db_.handle());
}

SnapshotUndo::SnapshotUndo(Snapshot& s)
    : s_(s),
      reviews_(s.reviews.size()),
      decisions_(s.decisions.size()),
      bookings_size_(s.bookings.size()),
      risk_changes_(s.risk_changes.size()),
      concerns_(s.concerns.size()),
      acks_(s.escalation_acks.size()),
      thresholds_size_(s.thresholds.size()) {}

void SnapshotUndo::save_whole() {
  if (whole_) return;
  whole_ = s_;
  edits_at_whole_ = {visits_.size(), episodes_.size(), bookings_.size(), thresholds_.size(), staff_.size()};
}

SnapshotUndo::~SnapshotUndo() {
  if (kept_) return;
  if (whole_) {
    // Rows may have been removed since the copy: put the copy back, then undo the edits made before it.
    s_ = std::move(*whole_);
    visits_.resize(edits_at_whole_[0]);
    episodes_.resize(edits_at_whole_[1]);
    bookings_.resize(edits_at_whole_[2]);
    thresholds_.resize(edits_at_whole_[3]);
    staff_.resize(edits_at_whole_[4]);
    s_.reindex();
  }
  // Latest first, so a row edited twice ends as it was before the first edit.
  for (auto it = visits_.rbegin(); it != visits_.rend(); ++it) s_.visits[it->first] = std::move(it->second);
  for (auto it = episodes_.rbegin(); it != episodes_.rend(); ++it) s_.episodes[it->first] = std::move(it->second);
  for (auto it = bookings_.rbegin(); it != bookings_.rend(); ++it) s_.bookings[it->first] = std::move(it->second);
  for (auto it = thresholds_.rbegin(); it != thresholds_.rend(); ++it) s_.thresholds[it->first] = std::move(it->second);
  for (auto it = staff_.rbegin(); it != staff_.rend(); ++it) s_.staff[it->first] = std::move(it->second);
  if (shifts_) s_.shifts = std::move(*shifts_);
  const bool grew = s_.reviews.size() != reviews_ || s_.decisions.size() != decisions_ ||
                    s_.bookings.size() != bookings_size_ || s_.risk_changes.size() != risk_changes_ ||
                    s_.concerns.size() != concerns_ || s_.escalation_acks.size() != acks_ ||
                    s_.thresholds.size() != thresholds_size_;
  if (!grew) return;
  s_.reviews.resize(reviews_);
  s_.decisions.resize(decisions_);
  s_.bookings.resize(bookings_size_);
  s_.risk_changes.resize(risk_changes_);
  s_.thresholds.resize(thresholds_size_);
  s_.concerns.resize(concerns_);
  s_.escalation_acks.resize(acks_);
  s_.reindex();
}

}  // namespace detail

namespace {

using detail::Json;

class VisitWriter {
 public:
  VisitWriter(Database& db, detail::AuditTrail& audit, Snapshot& s, detail::SnapshotUndo& undo)
      : db_(db),
        audit_(audit),
        s_(s),
        undo_(undo),
        update_visit_(db.prepare("UPDATE visit SET status = ?1, reason = ?2, outcome_at = ?3 WHERE id = ?4")) {}

  Id apply(const Command& c, const MarkVisit& m) {
    Visit& v = undo_.edit(*s_.find_visit(m.visit));  // command_problem has checked it exists
    const bool had_outcome = v.outcome_at.has_value();
    Json before{{"status", to_string(v.status)}, {"reason", v.reason}};
    if (had_outcome) before["outcome_at"] = stored_instant(*v.outcome_at);

    v.status = m.status;
    v.reason = m.reason;
    v.outcome_at = m.status == VisitStatus::planned ? std::nullopt : std::optional<Instant>(m.at);
    Json after{{"status", to_string(v.status)}, {"reason", v.reason}};
    if (v.outcome_at) after["outcome_at"] = stored_instant(*v.outcome_at);
    else if (had_outcome) after["outcome_at"] = nullptr;  // cleared: say so

    const std::string context = "writing visit " + std::to_string(v.id);
    update_visit_.bind_text(1, to_string(v.status)).bind_text(2, v.reason).bind_int(4, v.id);
    if (v.outcome_at) update_visit_.bind_text(3, stored_instant(*v.outcome_at));
    else update_visit_.bind_null(3);
    update_visit_.run(context);
    if (sqlite3_changes(db_.handle()) != 1) {
      throw StoreError(in_quotes(db_.path()) + ": " + context + ": the visit is no longer in the database");
    }
    return audit_.write(c, m.at, m.by, "visit", v.id, before, after);
  }

 private:
  Database& db_;
  detail::AuditTrail& audit_;
  Snapshot& s_;
  detail::SnapshotUndo& undo_;
  Statement update_visit_;
};

}  // namespace

std::vector<Id> apply_commands(Database& db, Snapshot& snapshot, const std::vector<Command>& commands) {
  std::vector<Id> audit_ids;
  if (commands.empty()) return audit_ids;
  try {
    // PINs are hashed (tens of ms each) before the write lock is taken.
    const std::vector<std::string> pin_hashes = detail::hash_new_pins(commands);
    Transaction tx(db);
    // Validate against what is in the file now, not what this screen loaded a while ago. The
    // review rules come from data/, not the file: keep the caller's.
    if (db.loaded_data_version() != db.data_version()) {
      ReviewRules rules = snapshot.review_rules;
      RotaRules rota = snapshot.rota_rules;
      std::vector<TaperTemplate> templates = snapshot.taper_templates;
      snapshot = load_snapshot(db, LoadScope{snapshot.history_from});  // the kiosk keeps its working set
      snapshot.taper_templates = std::move(templates);
      snapshot.review_rules = std::move(rules);
      snapshot.rota_rules = std::move(rota);
    }
    detail::SnapshotUndo undo(snapshot);
    detail::AuditTrail audit(db);
    VisitWriter visits(db, audit, snapshot, undo);
    detail::ReviewCommandWriter reviews(db, audit, snapshot, undo);
    detail::AllocationCommandWriter allocations(db, audit, snapshot, undo);
    detail::StepDownCommandWriter steps(db, audit, snapshot, undo);
    detail::AccessCommandWriter access(db, snapshot, undo, pin_hashes);
    for (size_t i = 0; i < commands.size(); ++i) {
      const Command& c = commands[i];
      if (auto problem = command_problem(snapshot, c)) throw CommandRefused(i, *problem);
      audit_ids.push_back(std::visit(
          [&](const auto& cmd) -> Id {
            using T = std::decay_t<decltype(cmd)>;
            if constexpr (std::is_same_v<T, MarkVisit>) return visits.apply(c, cmd);
            else if constexpr (std::is_same_v<T, ClearLockout>)
              return detail::apply_clear_lockout(db, snapshot, undo, c, cmd);
            else if constexpr (std::is_same_v<T, AllocateVisit> || std::is_same_v<T, UnallocateVisit> ||
                               std::is_same_v<T, AllocateVisits> || std::is_same_v<T, AddShift> ||
                               std::is_same_v<T, RemoveShift>)
              return allocations.apply(c, cmd);
            else if constexpr (std::is_same_v<T, StepDown> || std::is_same_v<T, StepUp> ||
                               std::is_same_v<T, RecordReassessment> || std::is_same_v<T, RecordTransitionItem> ||
                               std::is_same_v<T, CloseEpisode> || std::is_same_v<T, AddKeyPerson> ||
                               std::is_same_v<T, LogCarerContact> || std::is_same_v<T, StartPlan> ||
                               std::is_same_v<T, ClearCareFlag> || std::is_same_v<T, AddVisit> ||
                               std::is_same_v<T, UpdateKeyPerson> || std::is_same_v<T, RemoveKeyPerson>)
              return steps.apply(c, cmd);
            else if constexpr (std::is_same_v<T, SetPin> || std::is_same_v<T, ClearPin> ||
                               std::is_same_v<T, GrantRole> || std::is_same_v<T, RevokeRole>)
              return access.apply(i, c, cmd);
            else return reviews.apply(c, cmd);
          },
          c));
    }
    tx.commit();
    undo.keep();
  } catch (const CommandRefused&) {
    throw;
  } catch (const StoreError& e) {
    throw StoreError(std::string(e.what()) + "; nothing was recorded");
  }
  return audit_ids;
}

}  // namespace vb::store
