#pragma once
// Correcting and removing key people (session 7): the checks of UpdateKeyPerson and RemoveKeyPerson,
// the reasons a key person is removed, and who is on a person's list at an instant.
// Removal is a soft end (KeyPerson::ended_at): the carer-contact log refers to the row, and a health
// record keeps who was told what; a correction overwrites the details, with before and after kept in
// audit_log.
#include "core/snapshot.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vb {

struct UpdateKeyPerson;
struct RemoveKeyPerson;

// no_longer_involved, person_asked, recorded_in_error, duplicate, died, other (the note says what).
const std::vector<std::string_view>& key_person_removal_reasons();

// Not removed, or removed after `at`.
bool key_person_current(const KeyPerson& k, Instant at);
// The person's key people on their list at `at` (removed ones left out), in the order added.
std::vector<const KeyPerson*> current_key_people(const Snapshot& s, Id person_id, Instant at);
const KeyPerson* find_key_person(const Snapshot& s, Id id);

std::optional<std::string> key_person_command_problem(const Snapshot& s, const UpdateKeyPerson& c);
std::optional<std::string> key_person_command_problem(const Snapshot& s, const RemoveKeyPerson& c);

}  // namespace vb
