#pragma once
// A key person's details as they were at an instant (session 9): consent to share, name and
// relationship are versioned (KeyPerson::versions, migration 010), so a judgement made for a past
// instant (a compliance figure, a report, the board at a past date) reads what was true then, and a
// later change of consent never rewrites a figure already reported.
#include "core/model.hpp"

#include <optional>
#include <string>

namespace vb {

// The version in effect at `at`: the latest whose effective_at is not after `at` (one carried over
// from before versioning has no instant and counts from the start); nullptr when every version is
// later (the key person was not on the list yet) or there are none (see key_person_listed_at).
const KeyPersonVersion* key_person_version_at(const KeyPerson& k, Instant at);

// On the person's list at `at`: added by then (a key person without versions always was) and not
// removed by then.
bool key_person_listed_at(const KeyPerson& k, Instant at);

// Whether the person consented to sharing with them at `at` (false when not on the list then).
bool key_person_consents_at(const KeyPerson& k, Instant at);

// "Chris Stubbington (mother)" as they were named at `at` (the current names when not listed then).
std::string key_person_label_at(const KeyPerson& k, Instant at);

// The first version a key person starts with when added (effective at the add, recorded by its author).
KeyPersonVersion first_key_person_version(const KeyPerson& k, Instant at, const StaffId& by);

// The version a correction or change makes: `k`'s details (already changed) from `at`, by `by`.
KeyPersonVersion next_key_person_version(const KeyPerson& k, Instant at, const StaffId& by);

// A change cannot take effect before the version in effect now (history is append-only, in order):
// the problem in words, or nothing.
std::optional<std::string> key_person_change_time_problem(const KeyPerson& k, Instant at, Zone zone);

}  // namespace vb
