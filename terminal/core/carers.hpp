#pragma once
// Families and carers: key people per person, the log of contact attempts and what was shared, and
// the board's flag when a consenting carer has not been told of a step-down.
#include "core/snapshot.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vb {

struct AddKeyPerson;
struct LogCarerContact;

const std::vector<std::string_view>& carer_contact_outcomes();  // reached, no_answer, message_left
const std::vector<std::string_view>& carer_shared_topics();     // rationale, practical_guidance, escalation_routes, step_down, other (the note says what)

// A carer counts as informed of a step-down on date D when reached and told of the step-down on or
// after D minus this many days.
inline constexpr int carer_inform_window_days = 3;

// "carer not informed of step-down: Mary (mother)" when the episode stepped down in the last week (by
// schedule or command) and a key person with consent to share was not reached and told; "" otherwise.
std::string carer_not_informed_text(const Snapshot& s, const Episode& e, Instant now);

std::optional<std::string> carer_command_problem(const Snapshot& s, const AddKeyPerson& c);
std::optional<std::string> carer_command_problem(const Snapshot& s, const LogCarerContact& c);

// The rule behind carer_not_informed_text: key person `k` was reached and told of the step-down on
// local date `step_down` at an instant from carer_inform_window_days before it up to `until`.
bool carer_told_of_step_down(const Snapshot& s, const KeyPerson& k, LocalDate step_down, Instant until);
// Told within the week the board flags: the last second (23:59:59 local) of the step_down_after_days-th
// day after the step-down.
Instant carer_inform_deadline(LocalDate step_down, Zone zone);

}  // namespace vb
