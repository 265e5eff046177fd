#pragma once
// Inside the store: what every command writer shares within apply_commands' transaction — the
// audit trail (one row per command) and the undo that puts the in-memory snapshot back on failure.
#include "core/commands.hpp"
#include "store/database.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace vb::store::detail {

using Json = nlohmann::ordered_json;

// Writes audit_log rows. A new row's `before` is JSON null (the schema's CHECK refuses SQL NULL
// on Debian's SQLite, where json_valid(NULL) is 0).
class AuditTrail {
 public:
  explicit AuditTrail(Database& db);
  Id write(const Command& c, Instant at, const StaffId& by, std::string_view entity, Id entity_id, const Json& before,
           const Json& after);

 private:
  Database& db_;
  Statement insert_;
};

// Remembers the snapshot as the batch found it. Unless keep() is called, the destructor restores
// edited rows, drops appended ones and rebuilds the lookups, so memory matches the rolled-back file.
class SnapshotUndo {
 public:
  explicit SnapshotUndo(Snapshot& s);
  ~SnapshotUndo();
  SnapshotUndo(const SnapshotUndo&) = delete;
  SnapshotUndo& operator=(const SnapshotUndo&) = delete;

  Visit& edit(const Visit& v) { return save(s_.visits, visits_, v); }
  Episode& edit(const Episode& e) { return save(s_.episodes, episodes_, e); }
  ReviewBooking& edit(const ReviewBooking& b) { return save(s_.bookings, bookings_, b); }
  RiskThresholds& edit(const RiskThresholds& t) { return save(s_.thresholds, thresholds_, t); }
  Staff& edit(const Staff& m) { return save(s_.staff, staff_, m); }
  // The rota, saved whole the first time a command changes it (shifts are few).
  std::vector<Shift>& shifts() {
    if (!shifts_) shifts_ = s_.shifts;
    return s_.shifts;
  }
  // Before a command that removes rows (step-down regeneration deletes visits) the whole snapshot is
  // copied once; a failure then restores that copy, then the edits made before it.
  void save_whole();
  void keep() { kept_ = true; }

 private:
  template <typename T>
  static T& save(std::vector<T>& rows, std::vector<std::pair<size_t, T>>& saved, const T& row) {
    auto i = static_cast<size_t>(&row - rows.data());
    saved.emplace_back(i, rows[i]);
    return rows[i];
  }

  Snapshot& s_;
  bool kept_ = false;
  std::vector<std::pair<size_t, Visit>> visits_;
  std::vector<std::pair<size_t, Episode>> episodes_;
  std::vector<std::pair<size_t, ReviewBooking>> bookings_;
  std::vector<std::pair<size_t, RiskThresholds>> thresholds_;
  std::vector<std::pair<size_t, Staff>> staff_;
  std::optional<Snapshot> whole_;
  std::array<size_t, 5> edits_at_whole_{};  // visits_, episodes_, bookings_, thresholds_, staff_ sizes when copied
  size_t reviews_, decisions_, bookings_size_, risk_changes_, concerns_, acks_, thresholds_size_;
  std::optional<std::vector<Shift>> shifts_;
};

// What every command writer works with inside apply_commands' transaction: the database, the audit
// trail, the snapshot it mirrors each row into, and the undo that puts that snapshot back on failure.
class CommandWriter {
 public:
  CommandWriter(Database& db, AuditTrail& audit, Snapshot& s, SnapshotUndo& undo)
      : db_(db), audit_(audit), s_(s), undo_(undo) {}

 protected:
  Database& db_;
  AuditTrail& audit_;
  Snapshot& s_;
  SnapshotUndo& undo_;
};

// Applies the senior-review commands (review_command_writer.cpp): rows written, snapshot mirrored
// (new rows carry their new ids; reindex() after a vector grew), one audit row each.
class ReviewCommandWriter : CommandWriter {
 public:
  using CommandWriter::CommandWriter;
  Id apply(const Command& c, const BookReview& b);
  Id apply(const Command& c, const CancelBooking& b);
  Id apply(const Command& c, const RecordReview& r);
  Id apply(const Command& c, const LogDecision& d);
  Id apply(const Command& c, const SetRisk& r);
  Id apply(const Command& c, const RaiseConcern& r);
  Id apply(const Command& c, const AcknowledgeEscalation& a);
  Id apply(const Command& c, const SetThresholds& t);

 private:
  // Records a change of the episode's risk (row + snapshot); returns the risk_change id.
  Id change_risk(Id episode, RiskLevel to, Instant at, const StaffId& by, const std::string& reason);
  // Runs a prepared INSERT; returns the new rowid.
  Id insert(Statement& st, std::string_view what);
};

// Applies the allocation commands (allocation_command_writer.cpp): visit.staff1/staff2 updated,
// snapshot mirrored, one audit row per visit (a batch writes one per allocation and returns the last).
class AllocationCommandWriter : CommandWriter {
 public:
  using CommandWriter::CommandWriter;
  Id apply(const Command& c, const AllocateVisit& a);
  Id apply(const Command& c, const UnallocateVisit& u);
  Id apply(const Command& c, const AllocateVisits& batch);
  Id apply(const Command& c, const AddShift& a);
  Id apply(const Command& c, const RemoveShift& r);

 private:
  Id set_staff(const Command& c, Id visit, const StaffId& staff1, const StaffId& staff2, const StaffId& by, Instant at,
               const std::string& reason);
};

// Applies the step-down commands (step_down_command_writer.cpp): the plan's phases replaced, future
// planned visits regenerated, a plan_change row, one audit row each.
class StepDownCommandWriter : CommandWriter {
 public:
  using CommandWriter::CommandWriter;
  Id apply(const Command& c, const StepDown& d);
  Id apply(const Command& c, const StepUp& u);
  Id apply(const Command& c, const RecordReassessment& r);
  Id apply(const Command& c, const RecordTransitionItem& r);
  Id apply(const Command& c, const CloseEpisode& r);
  Id apply(const Command& c, const AddKeyPerson& r);
  Id apply(const Command& c, const LogCarerContact& r);
  Id apply(const Command& c, const StartPlan& p);  // start_plan_command_writer.cpp
  Id apply(const Command& c, const ClearCareFlag& r);  // care_flag_command_writer.cpp
  Id apply(const Command& c, const AddVisit& a);  // add_visit_command_writer.cpp
  Id apply(const Command& c, const UpdateKeyPerson& r);  // key_person_command_writer.cpp
  Id apply(const Command& c, const RemoveKeyPerson& r);

 private:
  Id change_plan(const Command& c, Id episode, const ContactPlan& next, const std::string& kind,
                 const std::string& reason, const StaffId& by, Instant at);
};

// Invalid UTF-8 in free text must not stop the audit row from being written.
inline std::string json_text(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace vb::store::detail
