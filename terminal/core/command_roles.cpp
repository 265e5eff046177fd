// Which role each command needs, and the refusal in words when its author lacks it. The visitor
// below has one overload per Command alternative and no catch-all, so adding a command without
// deciding who may give it fails to compile.
#include "core/commands.hpp"

namespace vb {

namespace {

template <class... Ts>
struct overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

// What the command does, for "cannot <action>".
std::string_view action(const Command& c) {
  return std::visit(overloaded{
                        [](const MarkVisit&) { return "record a visit outcome"; },
                        [](const BookReview&) { return "book a senior review"; },
                        [](const CancelBooking&) { return "cancel a review booking"; },
                        [](const RecordReview&) { return "record a senior review"; },
                        [](const LogDecision&) { return "log an admission-avoidance decision"; },
                        [](const SetRisk&) { return "change a risk level"; },
                        [](const RaiseConcern&) { return "record a concern"; },
                        [](const AcknowledgeEscalation&) { return "acknowledge an escalation"; },
                        [](const SetThresholds&) { return "set thresholds for admission"; },
                        [](const ClearLockout&) { return "clear a locked sign-in"; },
                        [](const AllocateVisit&) { return "allocate a visit"; },
                        [](const UnallocateVisit&) { return "unallocate a visit"; },
                        [](const AllocateVisits&) { return "accept an allocation proposal"; },
                        [](const AddShift&) { return "add a shift to the rota"; },
                        [](const RemoveShift&) { return "remove a shift from the rota"; },
                        [](const StepDown&) { return "step a plan down"; },
                        [](const StepUp&) { return "step a plan up"; },
                        [](const RecordReassessment&) { return "record a risk reassessment"; },
                        [](const RecordTransitionItem&) { return "record a transition bundle item"; },
                        [](const CloseEpisode&) { return "close an episode"; },
                        [](const AddKeyPerson&) { return "add a family member or carer"; },
                        [](const LogCarerContact&) { return "log contact with a carer"; },
                        [](const StartPlan&) { return "start a contact plan"; },
                        [](const SetPin&) { return "set a PIN"; },
                        [](const ClearPin&) { return "clear a PIN"; },
                        [](const GrantRole&) { return "grant a role"; },
                        [](const RevokeRole&) { return "revoke a role"; },
                        [](const ClearCareFlag&) { return "clear a care flag"; },
                        [](const AddVisit&) { return "add a visit"; },
                        [](const UpdateKeyPerson&) { return "change a family member's or carer's details"; },
                        [](const RemoveKeyPerson&) { return "remove a family member or carer"; },
                    },
                    c);
}

std::string discipline_words(const std::string& discipline) {
  std::string out;
  for (char ch : discipline) out += ch == '_' ? ' ' : ch;
  if (out.empty()) return "a member of staff";
  const bool vowel = std::string_view("aeiou").find(out.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + out;
}

}  // namespace

Roles required_role(const Command& c) {
  return std::visit(overloaded{
                        [](const MarkVisit&) { return Roles{Role::clinician}; },
                        [](const BookReview&) { return Roles{Role::clinician, Role::coordinator}; },
                        [](const CancelBooking&) { return Roles{Role::clinician, Role::coordinator}; },
                        [](const RecordReview&) { return Roles{Role::clinician}; },
                        [](const LogDecision&) { return Roles{Role::clinician}; },
                        [](const SetRisk&) { return Roles{Role::clinician}; },
                        [](const RaiseConcern&) { return Roles{Role::clinician}; },
                        [](const AcknowledgeEscalation&) { return Roles{Role::clinician}; },
                        [](const SetThresholds&) { return Roles{Role::senior_reviewer}; },
                        [](const ClearLockout&) { return Roles{Role::coordinator, Role::admin}; },
                        [](const AllocateVisit&) { return Roles{Role::coordinator}; },
                        [](const UnallocateVisit&) { return Roles{Role::coordinator}; },
                        [](const AllocateVisits&) { return Roles{Role::coordinator}; },
                        [](const AddShift&) { return Roles{Role::coordinator}; },
                        [](const RemoveShift&) { return Roles{Role::coordinator}; },
                        [](const StepDown&) { return Roles{Role::clinician}; },
                        [](const StepUp&) { return Roles{Role::clinician}; },
                        [](const RecordReassessment&) { return Roles{Role::clinician}; },
                        [](const RecordTransitionItem&) { return Roles{Role::clinician}; },
                        [](const CloseEpisode&) { return Roles{Role::clinician}; },
                        [](const AddKeyPerson&) { return Roles{Role::clinician}; },
                        [](const LogCarerContact&) { return Roles{Role::clinician}; },
                        [](const StartPlan&) { return Roles{Role::clinician}; },
                        [](const SetPin&) { return Roles{Role::admin}; },
                        [](const ClearPin&) { return Roles{Role::admin}; },
                        [](const GrantRole&) { return Roles{Role::admin}; },
                        [](const RevokeRole&) { return Roles{Role::admin}; },
                        [](const ClearCareFlag&) { return Roles{Role::clinician}; },
                        // A clinician adds a visit when risk rises; a coordinator when planning the
                        // shift (a carer called, a follow-up): both already book reviews.
                        [](const AddVisit&) { return Roles{Role::clinician, Role::coordinator}; },
                        [](const UpdateKeyPerson&) { return Roles{Role::clinician}; },  // as adding one
                        [](const RemoveKeyPerson&) { return Roles{Role::clinician}; },
                    },
                    c);
}

std::optional<std::string> role_problem(const Snapshot& s, const Command& c) {
  const StaffId& by = std::visit([](const auto& cmd) -> const StaffId& { return cmd.by; }, c);
  const Staff* staff = s.find_staff(by);
  if (!staff) return "staff '" + by + "' does not exist";
  const Roles needed = required_role(c);
  if (staff->role_set().any_of(needed)) return std::nullopt;
  return staff->id + " is " + discipline_words(staff->discipline) + " without " + needed.describe() + ": cannot " +
         std::string(action(c));
}

std::optional<std::string> clear_lockout_problem(const Snapshot& s, const ClearLockout& c) {
  if (auto p = author_problem(s, c.by)) return p;
  const Staff* staff = s.find_staff(c.staff);
  if (!staff) return "staff '" + c.staff + "' does not exist";
  if (!staff->locked) return staff->name + "'s sign-in is not locked";
  return std::nullopt;
}

}  // namespace vb
