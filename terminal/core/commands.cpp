// What makes a command acceptable, checked against the snapshot before the store applies it.
#include "core/commands.hpp"

#include "core/snapshot.hpp"
#include "core/step_down.hpp"
#include "core/carers.hpp"
#include "core/care_flags.hpp"
#include "core/key_person_changes.hpp"
#include "core/transition_bundle.hpp"
#include "core/start_plan.hpp"
#include "core/add_visit.hpp"

namespace vb {

std::string_view command_name(const Command& c) {
  return std::visit([](const auto& cmd) -> std::string_view {
    using T = std::decay_t<decltype(cmd)>;
    if constexpr (std::is_same_v<T, MarkVisit>) return "mark_visit";
    if constexpr (std::is_same_v<T, BookReview>) return "book_review";
    if constexpr (std::is_same_v<T, CancelBooking>) return "cancel_booking";
    if constexpr (std::is_same_v<T, RecordReview>) return "record_review";
    if constexpr (std::is_same_v<T, LogDecision>) return "log_decision";
    if constexpr (std::is_same_v<T, SetRisk>) return "set_risk";
    if constexpr (std::is_same_v<T, RaiseConcern>) return "raise_concern";
    if constexpr (std::is_same_v<T, AcknowledgeEscalation>) return "acknowledge_escalation";
    if constexpr (std::is_same_v<T, SetThresholds>) return "set_thresholds";
    if constexpr (std::is_same_v<T, ClearLockout>) return "clear_lockout";
    if constexpr (std::is_same_v<T, AllocateVisit>) return "allocate_visit";
    if constexpr (std::is_same_v<T, UnallocateVisit>) return "unallocate_visit";
    if constexpr (std::is_same_v<T, AllocateVisits>) return "allocate_visits";
    if constexpr (std::is_same_v<T, AddShift>) return "add_shift";
    if constexpr (std::is_same_v<T, RemoveShift>) return "remove_shift";
    if constexpr (std::is_same_v<T, StepDown>) return "step_down";
    if constexpr (std::is_same_v<T, StepUp>) return "step_up";
    if constexpr (std::is_same_v<T, RecordReassessment>) return "record_reassessment";
    if constexpr (std::is_same_v<T, RecordTransitionItem>) return "record_transition_item";
    if constexpr (std::is_same_v<T, CloseEpisode>) return "close_episode";
    if constexpr (std::is_same_v<T, AddKeyPerson>) return "add_key_person";
    if constexpr (std::is_same_v<T, LogCarerContact>) return "log_carer_contact";
    if constexpr (std::is_same_v<T, StartPlan>) return "start_plan";
    if constexpr (std::is_same_v<T, SetPin>) return "set_pin";
    if constexpr (std::is_same_v<T, ClearPin>) return "clear_pin";
    if constexpr (std::is_same_v<T, GrantRole>) return "grant_role";
    if constexpr (std::is_same_v<T, RevokeRole>) return "revoke_role";
    if constexpr (std::is_same_v<T, ClearCareFlag>) return "clear_care_flag";
    if constexpr (std::is_same_v<T, AddVisit>) return "add_visit";
    if constexpr (std::is_same_v<T, UpdateKeyPerson>) return "update_key_person";
    if constexpr (std::is_same_v<T, RemoveKeyPerson>) return "remove_key_person";
  }, c);
}

namespace {

constexpr size_t max_reason_length = 500;

}  // namespace

std::optional<std::string> author_problem(const Snapshot& s, const StaffId& by) {
  if (by.empty()) return "'by' (the staff id of the person recording) is missing";
  const Staff* staff = s.find_staff(by);
  if (!staff) return "staff '" + by + "' does not exist";
  if (!staff->active) return "staff '" + by + "' is no longer active";
  return std::nullopt;
}

namespace {

std::optional<std::string> problem(const Snapshot& s, const MarkVisit& m) {
  const Visit* v = s.find_visit(m.visit);
  if (!v) return "visit " + std::to_string(m.visit) + " does not exist";
  if (auto p = author_problem(s, m.by)) return p;
  if (m.status == v->status) {
    return "visit " + std::to_string(m.visit) + " is already " + std::string(to_string(v->status));
  }
  if (m.status != VisitStatus::done && m.status != VisitStatus::planned && m.reason.empty()) {
    return "a reason is required to record '" + std::string(to_string(m.status)) + "'";
  }
  if (m.reason.size() > max_reason_length) return "the reason is longer than 500 characters";
  if ((m.status == VisitStatus::done || m.status == VisitStatus::no_access) && m.at < v->window_start - std::chrono::hours{1}) {
    return "visit " + std::to_string(m.visit) + " cannot be recorded as " + std::string(to_string(m.status)) +
           " before its window opens (" + format_local_datetime(v->window_start, s.zone()) + ")";
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> command_problem(const Snapshot& snapshot, const Command& c) {
  // The author's roles first: a person without the right role learns nothing about the records.
  const StaffId& by = std::visit([](const auto& cmd) -> const StaffId& { return cmd.by; }, c);
  if (!author_problem(snapshot, by))
    if (auto p = role_problem(snapshot, c)) return p;
  return std::visit([&](const auto& cmd) -> std::optional<std::string> {
    using T = std::decay_t<decltype(cmd)>;
    if constexpr (std::is_same_v<T, MarkVisit>) return problem(snapshot, cmd);
    else if constexpr (std::is_same_v<T, ClearLockout>) return clear_lockout_problem(snapshot, cmd);
    else if constexpr (std::is_same_v<T, AllocateVisit> || std::is_same_v<T, UnallocateVisit> ||
                       std::is_same_v<T, AllocateVisits> || std::is_same_v<T, AddShift> ||
                       std::is_same_v<T, RemoveShift>)
      return allocation_command_problem(snapshot, cmd);
    else if constexpr (std::is_same_v<T, StepDown> || std::is_same_v<T, StepUp> ||
                       std::is_same_v<T, RecordReassessment>)
      return step_down_command_problem(snapshot, cmd);
    else if constexpr (std::is_same_v<T, RecordTransitionItem> || std::is_same_v<T, CloseEpisode>)
      return transition_command_problem(snapshot, cmd);
    else if constexpr (std::is_same_v<T, AddKeyPerson> || std::is_same_v<T, LogCarerContact>)
      return carer_command_problem(snapshot, cmd);
    else if constexpr (std::is_same_v<T, StartPlan>)
      return start_plan_problem(snapshot, cmd);
    else if constexpr (std::is_same_v<T, SetPin> || std::is_same_v<T, ClearPin> || std::is_same_v<T, GrantRole> ||
                       std::is_same_v<T, RevokeRole>)
      return access_command_problem(snapshot, cmd);
    else if constexpr (std::is_same_v<T, ClearCareFlag>)
      return care_flag_command_problem(snapshot, cmd);
    else if constexpr (std::is_same_v<T, AddVisit>)
      return add_visit_problem(snapshot, cmd);
    else if constexpr (std::is_same_v<T, UpdateKeyPerson> || std::is_same_v<T, RemoveKeyPerson>)
      return key_person_command_problem(snapshot, cmd);
    else return review_command_problem(snapshot, cmd);
  }, c);
}

}  // namespace vb
