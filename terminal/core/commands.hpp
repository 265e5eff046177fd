#pragma once
// Commands: small values that say what a person asked for. Screens and `apply` produce them;
// only the store carries them out (one transaction with its audit row).
#include "core/snapshot.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace vb {

struct MarkVisit {
  Id visit = 0;
  VisitStatus status = VisitStatus::done;
  std::string reason;  // required for every outcome except done
  StaffId by;
  Instant at{};
};

// Book an episode into a reviewer's slot (known by reviewer + start).
struct BookReview {
  Id episode = 0;
  StaffId reviewer;
  Instant slot_start{};
  StaffId by;
  Instant at{};
};

struct CancelBooking {
  Id booking = 0;
  std::string reason;
  StaffId by;
  Instant at{};
};

// A senior review held: risk reassessed, a decision and why, who was told, when the next is due.
// A risk level different from the episode's also records a risk change.
struct RecordReview {
  Id episode = 0;
  StaffId reviewer;
  Instant held_at{};
  RiskLevel risk = RiskLevel::medium;
  std::vector<std::string> risk_domains;
  std::string decision;  // continue, step_up, step_down, admit, hand_over, close
  std::string rationale;
  bool person_told = false;
  bool family_told = false;
  std::optional<Instant> next_review_due;
  StaffId by;
  Instant at{};
};

// An admission-avoidance decision; append-only. A correction is a new entry naming the old one.
struct LogDecision {
  Id episode = 0;
  std::string decision;
  std::string options_considered;
  std::string rationale;
  std::string informed;
  std::optional<Id> corrects;
  StaffId by;
  Instant at{};
};

struct SetRisk {
  Id episode = 0;
  RiskLevel risk = RiskLevel::medium;
  std::string reason;
  StaffId by;
  Instant at{};
};

struct RaiseConcern {
  Id episode = 0;
  std::string source;  // carer, person, gp, police, other_service, staff
  std::string note;
  StaffId by;
  Instant at{};
};

// Acknowledge an escalation (known by episode + trigger + when it fired).
struct AcknowledgeEscalation {
  Id episode = 0;
  std::string trigger;
  Instant fired_at{};
  std::string note;
  StaffId by;
  Instant at{};
};

// Document an episode's thresholds for admission: words, and which structured triggers escalate.
struct SetThresholds {
  Id episode = 0;
  std::string narrative;
  bool high_risk_over_24h = true;
  bool two_missed_in_a_row = true;
  bool carer_concern = true;
  StaffId by;
  Instant at{};
};

// Clear a sign-in lockout (after repeated wrong PINs) so the person can try again; a shift
// coordinator or an admin does this, and it is audited.
struct ClearLockout {
  StaffId staff;
  StaffId by;
  Instant at{};
};

// Step-down (issue 3): move the episode's plan to its next, lower-contact phase from today. Refused
// unless a risk reassessment (senior review or RecordReassessment) is recorded for this transition.
struct StepDown {
  Id episode = 0;
  std::string note;
  StaffId by;
  Instant at{};
};

// Send a worker (and a second one, for a double-up) to a planned visit; replaces whoever was on it.
struct AllocateVisit {
  Id visit = 0;
  StaffId staff1;
  StaffId staff2;  // empty unless two go
  StaffId by;
  Instant at{};
};

// Take everyone off a planned visit: it shows as unallocated again.
struct UnallocateVisit {
  Id visit = 0;
  std::string reason;
  StaffId by;
  Instant at{};
};

// Step-up (issue 3): risk re-emerged; re-intensify from today to the nearest earlier phase with more
// contact for `days`, then resume the taper where it was. Immediate; needs a reason.
struct StepUp {
  Id episode = 0;
  std::string reason;
  int days = 7;
  StaffId by;
  Instant at{};
};

// Several allocations accepted together (a proposal): one transaction, one audit row per visit.
// The batch's `by` and `at` apply to every allocation (theirs are ignored).
struct AllocateVisits {
  std::vector<AllocateVisit> allocations;
  StaffId by;
  Instant at{};
};

// A documented risk reassessment outside a senior review, with its author (issue 3).
struct RecordReassessment {
  Id episode = 0;
  RiskLevel risk = RiskLevel::medium;
  std::string note;
  StaffId by;
  Instant at{};
};

// Put a worker on a shift of the rota: times from the team's rota rules for that kind and date.
struct AddShift {
  StaffId staff;
  ShiftKind kind = ShiftKind::night;
  LocalDate date{};  // local date the shift starts on
  StaffId by;
  Instant at{};
};

// One item of the transition bundle done, or a care flag noted (issue 3).
struct RecordTransitionItem {
  Id episode = 0;
  std::string item;
  std::string detail;
  StaffId by;
  Instant at{};
};

// Take a shift off the rota (sickness, swap). Refused while visits still depend on it.
struct RemoveShift {
  Id shift = 0;
  std::string reason;
  StaffId by;
  Instant at{};
};

// Close an episode (issue 3). An incomplete transition bundle needs an override reason (audited).
// Future planned visits go; a follow-up contact is created, due within the shortest window that applies.
struct CloseEpisode {
  Id episode = 0;
  std::string reason;       // resolved, admitted, ...
  std::string destination;  // cmht, gp, voluntary, supported_living, inpatient, other
  std::string override_reason;
  StaffId by;
  Instant at{};
};

// A key person (family member, carer) of a person on the caseload (issue 3).
struct AddKeyPerson {
  Id person = 0;
  std::string name;
  std::string relationship;
  std::string contact;
  bool consent_to_share = false;
  StaffId by;
  Instant at{};
};

// An attempt to contact a key person, and what was shared (issue 3).
struct LogCarerContact {
  Id episode = 0;
  Id key_person = 0;
  std::string outcome;  // reached, no_answer, message_left
  std::vector<std::string> shared;
  std::string note;
  StaffId by;
  Instant at{};
};

// Start an episode's contact plan from a taper template (data/taper_templates.txt) on a local date
// (issue 3). Refused when the episode already has a plan: step it up or down instead.
struct StartPlan {
  Id episode = 0;
  std::string template_name;
  LocalDate start{};
  StaffId by;
  Instant at{};
};

// Staff access, given by an admin on the Admin screen (issue 7; access_commands.cpp). The store
// hashes the PIN (Argon2id); it never appears in audit_log, logs, JSON echoes or refusals, and
// `apply` does not accept set_pin at all (a PIN must not sit in a file or a pipeline).
struct SetPin {
  StaffId staff;
  std::string pin;  // 4-8 digits (pin_form_problem)
  StaffId by;
  Instant at{};
};

// Removes a person's PIN: they cannot sign in on the kiosk until an admin sets a new one.
struct ClearPin {
  StaffId staff;
  StaffId by;
  Instant at{};
};

struct GrantRole {
  StaffId staff;
  Role role = Role::viewer;
  StaffId by;
  Instant at{};
};

// Refused for the last active admin's admin role, and for an admin's own admin role.
struct RevokeRole {
  StaffId staff;
  Role role = Role::viewer;
  StaffId by;
  Instant at{};
};

// Clear a care flag noted on an episode (lives alone, substance misuse, ...; care_flags.hpp) with a
// reason: the flag no longer stands; the note and the clearing stay in the episode's history.
struct ClearCareFlag {
  Id episode = 0;
  std::string flag;
  std::string reason;
  StaffId by;
  Instant at{};
};

// Add a visit by hand (core/add_visit.hpp): a local date, a window as local wall times in the team's
// zone, a type, a planned length, double-up, skills from the team's list, a note. Out of hours by
// the team's one rule; no plan slot, so plan regeneration keeps it.
struct AddVisit {
  Id episode = 0;
  LocalDate date{};
  int start_min = 0;  // local minutes since midnight
  int end_min = 0;
  VisitType type = VisitType::home;
  int duration_min = 45;
  bool double_up = false;
  std::vector<std::string> required_skills;
  std::string note;
  StaffId by;
  Instant at{};
  // Session 8: the window ends at end_min on the day after `date` (a night visit 23:30-00:30). Said
  // explicitly: an end before the start without it is refused (a typo must not become a night visit).
  bool ends_next_day = false;
};

// Correct a key person's details (session 7): a misspelt name, a new phone, consent given or
// withdrawn. Fields left unset keep their value; at least one must change. Audited before/after.
struct UpdateKeyPerson {
  Id key_person = 0;
  std::optional<std::string> name;
  std::optional<std::string> relationship;
  std::optional<std::string> contact;
  std::optional<bool> consent_to_share;
  StaffId by;
  Instant at{};
};

// Remove a key person from a person's list (session 7), with a reason from
// key_person_removal_reasons() ("other" needs a note). A soft end: the row stays, marked ended.
struct RemoveKeyPerson {
  Id key_person = 0;
  std::string reason;
  std::string note;
  StaffId by;
  Instant at{};
};

using Command = std::variant<MarkVisit, BookReview, CancelBooking, RecordReview, LogDecision, SetRisk, RaiseConcern,
                             AcknowledgeEscalation, SetThresholds, ClearLockout, AllocateVisit, UnallocateVisit,
                             AllocateVisits, AddShift, RemoveShift, StepDown, StepUp, RecordReassessment,
                             RecordTransitionItem, CloseEpisode, AddKeyPerson, LogCarerContact, StartPlan,
                             SetPin, ClearPin, GrantRole, RevokeRole, ClearCareFlag,
                             AddVisit, UpdateKeyPerson, RemoveKeyPerson>;

// Spellings accepted for review decisions, risk domains and concern sources.
const std::vector<std::string_view>& review_decisions();
const std::vector<std::string_view>& risk_domain_names();
const std::vector<std::string_view>& concern_sources();

std::string_view command_name(const Command& c);

// Why `by` may not record anything (unknown or inactive staff), or nullopt.
std::optional<std::string> author_problem(const Snapshot& s, const StaffId& by);
// The senior-review commands' checks (review_commands.cpp).
std::optional<std::string> review_command_problem(const Snapshot& s, const BookReview& c);
std::optional<std::string> review_command_problem(const Snapshot& s, const CancelBooking& c);
std::optional<std::string> review_command_problem(const Snapshot& s, const RecordReview& c);
std::optional<std::string> review_command_problem(const Snapshot& s, const LogDecision& c);
std::optional<std::string> review_command_problem(const Snapshot& s, const SetRisk& c);
std::optional<std::string> review_command_problem(const Snapshot& s, const RaiseConcern& c);
std::optional<std::string> review_command_problem(const Snapshot& s, const AcknowledgeEscalation& c);
std::optional<std::string> review_command_problem(const Snapshot& s, const SetThresholds& c);

// The allocation commands' checks (allocate_checks.cpp): unknown staff, not on shift in the window,
// missing required skill, a double-up without two distinct staff, one worker in two places at once.
std::optional<std::string> allocation_command_problem(const Snapshot& s, const AllocateVisit& c);
std::optional<std::string> allocation_command_problem(const Snapshot& s, const UnallocateVisit& c);
std::optional<std::string> allocation_command_problem(const Snapshot& s, const AllocateVisits& c);
// The rota commands' checks (rota_commands.cpp).
std::optional<std::string> allocation_command_problem(const Snapshot& s, const AddShift& c);
std::optional<std::string> allocation_command_problem(const Snapshot& s, const RemoveShift& c);
// The shift AddShift would create (id 0), from the rota rules; nullopt when the rules have no such shift.
std::optional<Shift> shift_to_add(const Snapshot& s, const AddShift& c);

// Checks a command against the snapshot: known ids, allowed transition, required fields.
// Returns what is wrong in words ("visit 812 does not exist"), or nullopt when it may be applied.
std::optional<std::string> command_problem(const Snapshot& snapshot, const Command& c);

// Who may give a command: any one of these roles (command_roles.cpp). Every Command alternative
// must have its own line there: a new one without a mapping does not compile.
Roles required_role(const Command& c);
// Why the author of `c` may not give it for lack of a role, in words ("S12 is a support worker
// without the clinician role: cannot record a senior review"), or nullopt. Assumes `by` exists.
std::optional<std::string> role_problem(const Snapshot& s, const Command& c);
std::optional<std::string> clear_lockout_problem(const Snapshot& s, const ClearLockout& c);

// The staff-access commands' checks (access_commands.cpp): unknown or inactive staff, a PIN of the
// wrong form (the words never repeat the PIN), a role held already or not held, the last admin,
// an admin's own admin role.
std::optional<std::string> access_command_problem(const Snapshot& s, const SetPin& c);
std::optional<std::string> access_command_problem(const Snapshot& s, const ClearPin& c);
std::optional<std::string> access_command_problem(const Snapshot& s, const GrantRole& c);
std::optional<std::string> access_command_problem(const Snapshot& s, const RevokeRole& c);

}  // namespace vb
