// Applying commands: validate against the snapshot, update the row, append the audit row, mirror
// the change in memory; roll everything back (database and memory) on the first failure.
#include "store/command_store.hpp"

#include "store/snapshot_loader.hpp"
#include "store/stored_form.hpp"

#include <nlohmann/json.hpp>

#include <utility>

namespace vb::store {

CommandRefused::CommandRefused(std::size_t index, std::string problem)
    : StoreError(problem),
      index_(index),
      problem_(std::move(problem)) {}

namespace {

using Json = nlohmann::ordered_json;

// Puts changed visits back in the snapshot unless the batch committed.
class VisitUndo {
 public:
  explicit VisitUndo(Snapshot& s) : s_(s) {}
  ~VisitUndo() {
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) s_.visits[it->first] = std::move(it->second);
  }
  VisitUndo(const VisitUndo&) = delete;
  VisitUndo& operator=(const VisitUndo&) = delete;
  Visit& edit(const Visit& v) {
    auto i = static_cast<size_t>(&v - s_.visits.data());
    saved_.emplace_back(i, s_.visits[i]);
    return s_.visits[i];
  }
  void keep() { saved_.clear(); }

 private:
  Snapshot& s_;
  std::vector<std::pair<size_t, Visit>> saved_;
};

// Invalid UTF-8 in a reason must not stop the audit row from being written.
std::string to_text(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

struct Writer {
  Database& db;
  Statement update_visit;
  Statement insert_audit;

  explicit Writer(Database& d)
      : db(d),
        update_visit(d.prepare("UPDATE visit SET status = ?1, reason = ?2, outcome_at = ?3 WHERE id = ?4")),
        insert_audit(d.prepare(
            "INSERT INTO audit_log (at, by_staff, command, entity, entity_id, before_json, after_json) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")) {}

  Id audit(const Command& c, Instant at, const StaffId& by, std::string_view entity, Id entity_id,
           const Json& before, const Json& after) {
    insert_audit.bind_text(1, stored_instant(at)).bind_text(2, by).bind_text(3, command_name(c));
    insert_audit.bind_text(4, entity).bind_text(5, std::to_string(entity_id));
    insert_audit.bind_text(6, to_text(before)).bind_text(7, to_text(after));
    insert_audit.run("writing the audit row for " + std::string(entity) + " " + std::to_string(entity_id));
    return sqlite3_last_insert_rowid(db.handle());
  }

  Id apply(const Command& c, const MarkVisit& m, Snapshot& s, VisitUndo& undo) {
    Visit& v = undo.edit(*s.find_visit(m.visit));  // command_problem has checked it exists
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
    update_visit.bind_text(1, to_string(v.status)).bind_text(2, v.reason).bind_int(4, v.id);
    if (v.outcome_at) update_visit.bind_text(3, stored_instant(*v.outcome_at));
    else update_visit.bind_null(3);
    update_visit.run(context);
    if (sqlite3_changes(db.handle()) != 1) {
      throw StoreError(in_quotes(db.path()) + ": " + context + ": the visit is no longer in the database");
    }
    return audit(c, m.at, m.by, "visit", v.id, before, after);
  }
};

}  // namespace

std::vector<Id> apply_commands(Database& db, Snapshot& snapshot, const std::vector<Command>& commands) {
  std::vector<Id> audit_ids;
  if (commands.empty()) return audit_ids;
  try {
    Transaction tx(db);
    // Validate against what is in the file now, not what this screen loaded a while ago.
    if (db.loaded_data_version() != db.data_version()) snapshot = load_snapshot(db);
    VisitUndo undo(snapshot);
    Writer writer(db);
    for (size_t i = 0; i < commands.size(); ++i) {
      const Command& c = commands[i];
      if (auto problem = command_problem(snapshot, c)) throw CommandRefused(i, *problem);
      audit_ids.push_back(std::visit([&](const auto& cmd) { return writer.apply(c, cmd, snapshot, undo); }, c));
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
