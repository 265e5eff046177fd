#pragma once
// Stepping a contact plan down (less contact) and up (more), and the step-down gate: a step-down
// needs a risk reassessment recorded for that transition, by a senior review or a documented
// reassessment, each with its author. Pure: callers pass the snapshot and `now`.
#include "core/snapshot.hpp"

#include <optional>
#include <string>
#include <vector>

namespace vb {

// A reassessment counts for a transition on local date D when it was recorded on or after the later
// of the start of the phase being left and D minus this many days.
inline constexpr int reassessment_window_days = 3;
// The board warns this many days before a scheduled step-down that has no reassessment yet, and
// keeps saying so for this many days after one that went ahead without it.
inline constexpr int step_down_warning_days = 2;
inline constexpr int step_down_after_days = 7;

struct PhaseSpan {
  size_t index = 0;
  LocalDate start{};
  LocalDate end{};  // exclusive
};
std::vector<PhaseSpan> phase_spans(const ContactPlan& plan);
// The phase covering a date (nullopt before the start or after the end).
std::optional<PhaseSpan> span_on(const ContactPlan& plan, LocalDate d);

struct ReassessmentFound {
  Instant at{};
  StaffId by;
  std::string source;  // "senior review", "risk reassessment"
};
// The latest reassessment of the episode in [since, now].
std::optional<ReassessmentFound> latest_reassessment(const Snapshot& s, Id episode, Instant since, Instant now);
// The same found in place, nothing copied (compliance asks for every step-down of a board and needs
// when and which kind only; issue 6). `by` points into the snapshot's row.
struct ReassessmentSeen {
  Instant at{};
  const StaffId* by = nullptr;
  const char* source = "";  // "senior review", "risk reassessment"
};
std::optional<ReassessmentSeen> latest_reassessment_seen(const Snapshot& s, Id episode, Instant since, Instant now);

struct StepDownCheck {
  std::string problem;      // non-empty: the step-down is not possible or is blocked, in words
  bool blocked = false;     // possible, but no reassessment for this transition
  LocalDate needed_since{};  // a reassessment on or after this local date counts
  std::string from_label;
  std::string to_label;
  std::optional<ReassessmentFound> reassessment;
};
// Stepping down on local date `transition` (today for a command) from the phase covering the day
// before it... or, for a command, from the phase covering today.
StepDownCheck check_step_down_now(const Snapshot& s, const ContactPlan& plan, Instant now);

struct ScheduledChange {
  LocalDate date{};
  size_t from = 0;  // phase index being left
  size_t to = 0;    // phase index starting
  bool step_down = false;
};
// The next phase change on or after `on` (nullopt when the plan has no later phase).
std::optional<ScheduledChange> next_change(const ContactPlan& plan, LocalDate on);

// The step-down the board flags: its date, and the date a reassessment is needed since.
struct FlaggedStepDown {
  LocalDate date{};
  LocalDate needed_since{};
  long days_ahead = 0;  // negative: it went ahead that many days ago
};
std::optional<FlaggedStepDown> flagged_step_down(const Snapshot& s, const Episode& e, Instant now);

// "step-down blocked: no risk reassessment since Fri 20 Nov" while a scheduled step-down is near
// (or "stepped down Mon 23 Nov without a risk reassessment" for a week after one that went ahead
// without it); "" when there is nothing to say.
std::string step_down_blocked_text(const Snapshot& s, const Episode& e, Instant now);

// The plan transforms. Each returns the new phase list (sequence renumbered 1..n, new phases id 0,
// zero-length phases dropped); callers check first (step_down_problem / step_up_problem).
ContactPlan plan_stepped_down(const ContactPlan& plan, LocalDate today);
ContactPlan plan_stepped_up(const ContactPlan& plan, LocalDate today, int days);
ContactPlan plan_paused(const ContactPlan& plan, LocalDate today, int days);

// Why the plan cannot step up today, or nullopt. The target is the nearest earlier phase with more contact.
std::optional<std::string> step_up_problem(const ContactPlan& plan, LocalDate today);
inline constexpr int default_step_up_days = 7;

// The commands' checks (used by command_problem).
struct StepDown;
struct StepUp;
struct RecordReassessment;
std::optional<std::string> step_down_command_problem(const Snapshot& s, const StepDown& c);
std::optional<std::string> step_down_command_problem(const Snapshot& s, const StepUp& c);
std::optional<std::string> step_down_command_problem(const Snapshot& s, const RecordReassessment& c);

// Every step-down of the episode, as local dates in order, each once: the plan's scheduled changes to
// less contact and the commanded ones (plan_change rows). The board, carers and compliance all use it.
std::vector<LocalDate> step_down_days(const Snapshot& s, const Episode& e);
// A reassessment on or after this date counts for a step-down on `transition` leaving a phase that
// started on `from_start` (the later of the two and transition less reassessment_window_days).
LocalDate reassessment_needed_since(LocalDate from_start, LocalDate transition);
// The reassessment that counted for the episode's step-down on local date `transition`: the latest one
// from reassessment_needed_since up to the end of that day (and not after `now`), or nullopt.
std::optional<ReassessmentFound> reassessment_for_step_down(const Snapshot& s, const Episode& e, LocalDate transition,
                                                            Instant now);
// The same with step_down_needed_since(s, e, transition) given (worked out once by a caller that needs both).
std::optional<ReassessmentFound> reassessment_for_step_down(const Snapshot& s, const Episode& e, LocalDate transition,
                                                            Instant now, LocalDate needed_since);
// The first local date from which a record counts for the episode's step-down on `transition` (the
// start of the phase being left, or reassessment_window_days before, whichever is later).
LocalDate step_down_needed_since(const Snapshot& s, const Episode& e, LocalDate transition);

}  // namespace vb
