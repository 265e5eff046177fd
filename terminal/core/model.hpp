#pragma once
// The core value types: what a team base knows about its people, staff, episodes, plans, visits,
// shifts and reviews. Plain data; instants are UTC, dates are the team's local calendar dates.
#include "core/compact_vector.hpp"
#include "core/local_time.hpp"
#include "core/packed_id.hpp"
#include "core/packed_optional.hpp"
#include "core/packed_text.hpp"
#include "core/roles.hpp"
#include "core/vocabulary.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vb {

using Id = std::int64_t;
// StaffId ("S07": the id scripts and the roster use) is core/packed_text.hpp's 8-byte text (issue 7).

struct Team {
  Id id = 0;
  std::string name;
  std::string time_zone{default_team_zone};
};

// A zone is the huddle's label for how much input someone needs; the list is team-editable data.
struct ZoneRule {
  std::string name;     // "red"
  int rank = 0;         // 0 = most input
  std::string meaning;  // "acute: at least daily face-to-face"
};

struct Staff {
  StaffId id;
  Id team_id = 0;
  std::string name;
  std::string initials;
  std::string discipline;           // "nurse", "support_worker", "consultant", ...
  std::vector<std::string> skills;  // "prescriber", "senior_reviewer", "driver", "lone_working", "trained"
  bool part_time = false;
  bool active = true;
  bool has_skill(std::string_view s) const;
  std::vector<Role> roles;  // what this person may do on the terminal (several; sorted)
  bool locked = false;      // sign-in locked after repeated wrong PINs until a coordinator or admin clears it
  bool has_role(Role r) const;
  Roles role_set() const;
  // Sign-in state for the Admin screen (issue 7): read from staff_pin, sign_in_lock and
  // sign_in_failure (never written with a snapshot; the hash itself is never loaded).
  bool has_pin = false;
  std::optional<Instant> locked_at;       // set while locked
  std::vector<Instant> sign_in_failures;  // wrong PINs since the last sign-in or clear, oldest first
};

struct Person {
  Id id = 0;
  Id team_id = 0;
  std::string local_id;    // short id shown in the privacy view, e.g. "HT-1042"
  std::string nhs_number;  // ten digits, valid check digit
  PackedText given_name;  // 8 bytes; a name many people share is held once (issue 7)
  PackedText family_name;
  LocalDate date_of_birth{};
  double home_x_km = 0;  // position in the team's catchment, for travel estimates
  double home_y_km = 0;
  std::string initials() const;
  std::string display_name() const { return given_name + " " + family_name; }
};

struct Episode {
  // Fields ordered widest first so a row has no padding (issue 7); no positional initialisation.
  Id id = 0;
  Id person_id = 0;
  Id team_id = 0;
  Instant referral_at{};
  Instant accepted_at{};
  PackedText zone;  // name of a ZoneRule
  StaffId named_worker;
  std::optional<Instant> closed_at;
  PackedText closure_reason;       // "admitted", "resolved", ...
  PackedText closure_destination;  // "cmht", "gp", "voluntary", "inpatient", ...
  int referral_priority = 3;  // MHSDS: 1 emergency, 2 urgent, 3 routine, 4 very urgent
  Stage stage = Stage::intensive;
  RiskLevel risk = RiskLevel::medium;
  bool suicide_risk_identified = false;
  bool is_open() const { return !closed_at.has_value(); }
};

// The part of a local day a planned visit prefers; evening visits are out of hours.
enum class DayPart : std::uint8_t { morning, afternoon, evening };

// One step of a contact plan, e.g. "Daily, 7 days". Dates are local; end is exclusive.
struct ContactPhase {
  // Fields ordered widest first so a phase has no padding (issue 7); no positional initialisation.
  Id id = 0;
  Id plan_id = 0;
  PackedText label;  // "Twice daily"
  PackedText focus;  // "self-management"
  // Added by step-down (issue 3): n visits a week on chosen weekdays (1 = Monday .. 7 = Sunday) and
  // the preferred part of the day of each visit (8 bytes each, nothing on the heap when empty).
  CompactVector<int> weekdays{};
  CompactVector<DayPart> windows{};
  int sequence = 0;
  int visits_per_day = 0;  // n a day (>0), or
  int every_n_days = 0;    // one visit every n days (>0)
  int length_days = 0;
  int per_week = 0;       // step-down: n visits a week (with weekdays)
  int min_visit_min = 0;  // step-down: the least a visit should last
};

struct ContactPlan {
  Id id = 0;
  Id episode_id = 0;
  std::string name;       // template name
  LocalDate start_date{};  // first day of the first phase
  std::vector<ContactPhase> phases;  // in sequence order
};

// Fields ordered widest first so a row has no padding (issue 7: ~30k rows at trust scale).
// The largest plan slot a visit can hold (an index within one day; see Visit::plan_slot).
inline constexpr int max_plan_slot = 32767;

struct Visit {
  Id id = 0;
  Id episode_id = 0;
  Instant window_start{};
  Instant window_end{};
  StaffId staff1;  // empty: unallocated
  StaffId staff2;  // second worker for a double-up
  PackedOptional<Instant> outcome_at;
  PackedText reason;
  PackedOptional<Id> follow_up_of;  // this visit follows up a missed one
  CompactVector<std::string> required_skills;  // skills the visit needs (allocation); nearly always empty
  // Added by compliance (issue 6, migration 007): when and by whom the current allocation was made
  // (the visit went from nobody to someone; kept when it moves between staff; cleared when it is
  // unallocated). nullopt on an allocated visit: allocated before times were recorded.
  PackedOptional<Instant> allocated_at{};
  StaffId allocated_by;
  LocalDate date{};  // local calendar date of the visit
  int duration_min = 0;  // planned length; actual once done
  // Added by step-down (issue 3): which of its day's plan slots this visit was generated for
  // (nullopt: added by hand or imported), and whether a person changed it after generation.
  // 2 bytes (session 10, issue 7: a row is 112 bytes, not 120): a slot is an index within one day,
  // 0 .. max_plan_slot; the store refuses a larger one rather than cut it.
  PackedOptional<std::int16_t> plan_slot{};
  VisitType type = VisitType::home;
  VisitStatus status = VisitStatus::planned;
  bool out_of_hours = false;
  bool double_up = false;
  bool hand_edited = false;
  bool allocated() const { return !staff1.empty(); }
};

struct Shift {
  Id id = 0;
  StaffId staff_id;
  Instant start{};
  Instant end{};
  LocalDate date{};  // local date the shift starts on
  PackedTeamId team_id{};  // 3 bytes (session 10, issue 7: a row is 40 bytes, not 48); reads as an Id
  ShiftKind kind = ShiftKind::early;
};

struct ReviewSlot {
  Id id = 0;
  StaffId reviewer;
  Instant start{};
  int length_min = 30;
  int capacity = 1;
};

struct Review {
  Id id = 0;
  Id episode_id = 0;
  PackedOptional<Id> slot_id;
  StaffId reviewer;
  Instant held_at{};
  PackedText decision;  // continue, step_up, step_down, admit, hand_over, close
  PackedText rationale;
  PackedOptional<Instant> next_review_due;
  // Risk domains identified at this review: self_harm_suicide, self_neglect, exploitation,
  // harm_to_others, safeguarding.
  CompactVector<std::string> risk_domains;
  RiskLevel risk = RiskLevel::medium;  // the small fields last: no padding between (issue 7)
  bool person_told = false;
  bool family_told = false;
};

// A weekly senior-review clinic: every `weekday` (1 = Monday .. 7 = Sunday) at a local time,
// from a date, optionally until a date. Expanded into slots in the team's zone.
struct SlotPattern {
  Id id = 0;
  StaffId reviewer;
  int weekday = 1;
  int start_minute = 9 * 60;  // minutes after local midnight
  int length_min = 30;
  int capacity = 1;
  LocalDate from{};
  std::optional<LocalDate> until;
};

// A reviewer away (leave, training): no slots on these local dates, inclusive.
struct ReviewerLeave {
  Id id = 0;
  StaffId reviewer;
  LocalDate from{};
  LocalDate until{};
  std::string reason;
};

// An episode booked into a reviewer's slot; a slot is known by reviewer + start.
struct ReviewBooking {
  Id id = 0;
  Id episode_id = 0;
  StaffId reviewer;
  Instant slot_start{};
  StaffId booked_by;
  Instant booked_at{};
  std::optional<Instant> cancelled_at;
  bool active() const { return !cancelled_at.has_value(); }
};

// Every change of an episode's risk level, so "raised to high" has a time.
struct RiskChange {
  Id id = 0;
  Id episode_id = 0;
  Instant at{};
  RiskLevel from = RiskLevel::medium;
  RiskLevel to = RiskLevel::medium;
  StaffId by;
  std::string reason;
};

// A concern reported about a person (by a carer, another service, the person): a trigger.
struct Concern {
  Id id = 0;
  Id episode_id = 0;
  Instant at{};
  std::string source;  // carer, person, gp, police, other_service, staff
  std::string note;
  StaffId recorded_by;
};

// The documented thresholds for admission of one episode: words plus structured triggers.
struct RiskThresholds {
  Id episode_id = 0;
  std::string narrative;
  bool high_risk_over_24h = true;
  bool two_missed_in_a_row = true;
  bool carer_concern = true;
};

// A person with the right role has acknowledged an escalation (episode + trigger + when it fired).
struct EscalationAck {
  Id id = 0;
  Id episode_id = 0;
  std::string trigger;  // high_risk_over_24h, two_missed_in_a_row, carer_concern
  Instant fired_at{};
  StaffId by;
  Instant at{};
  std::string note;
};

struct DecisionLogEntry {
  Id id = 0;
  Id episode_id = 0;
  Instant at{};
  StaffId decided_by;
  std::string decision;
  std::string options_considered;
  std::string rationale;
  std::string informed;
  std::optional<Id> corrects;  // a correction references the entry it corrects
};

// A documented risk reassessment outside a senior review (e.g. at a step-down), with its author.
struct RiskReassessment {
  Id id = 0;
  Id episode_id = 0;
  Instant at{};
  StaffId by;
  RiskLevel risk = RiskLevel::medium;
  std::string note;
};

// One item of an episode's transition bundle done (or a care flag noted), with who and when.
// Append-only: the latest record of an item counts; every safety_plan_updated record is a version.
struct TransitionRecord {
  Id id = 0;
  Id episode_id = 0;
  PackedText item;  // see transition_items() in core/transition_bundle.hpp
  Instant at{};
  StaffId by;
  PackedText detail;  // receiving service, meeting date or "none: reason", version note, ...
};

// One version of a key person's details (session 9, migration 010): what was true from `effective_at`
// until the next version. Consent and the details past judgements rest on (compliance, the report,
// the board at a past date) are read as they were then (core/key_person_versions.hpp), so a later
// change never rewrites a figure already reported. Append-only.
struct KeyPersonVersion {
  Id id = 0;
  std::optional<Instant> effective_at{};  // none: carried over from before versioning, when unknown
  StaffId recorded_by{};                  // empty: not known (carried over from before versioning)
  std::string name{};
  std::string relationship{};
  std::string contact{};
  bool consent_to_share = false;
};

// A person who matters to someone on the caseload (family, carer, friend), and whether the person
// consents to the team sharing information with them.
struct KeyPerson {
  Id id = 0;
  Id person_id = 0;
  std::string name;
  std::string relationship;  // "mother", "partner", "friend", ...
  std::string contact;       // how to reach them
  bool consent_to_share = false;
  // Removed from the person's list (session 7): a soft end. The row stays, so the contact log that
  // names them and what was shared with them stay readable; current_key_people() leaves them out.
  std::optional<Instant> ended_at{};
  StaffId ended_by{};
  std::string end_reason{};  // one of key_person_removal_reasons()
  std::string end_note{};    // the words for "other" (or more detail)
  // Session 9: every version of the details above, oldest first (by effective_at, then id); the
  // fields above are the latest. Empty (rows made in memory only): the fields above, always.
  std::vector<KeyPersonVersion> versions{};
};

// Each attempt to contact a key person and what was shared (append-only).
struct CarerContact {
  Id id = 0;
  Id key_person_id = 0;
  Id episode_id = 0;
  Instant at{};
  StaffId by;
  std::string outcome;  // reached, no_answer, message_left
  std::vector<std::string> shared{};  // rationale, practical_guidance, escalation_routes, step_down
  std::string note;
};

// A step up or step down of an episode's contact plan, as it was commanded (history for the plan screen).
struct PlanChange {
  Id id = 0;
  Id episode_id = 0;
  Instant at{};
  StaffId by;
  std::string kind;  // step_down, step_up
  std::string from_phase;
  std::string to_phase;
  std::string reason;
};

}  // namespace vb
