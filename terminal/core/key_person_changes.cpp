// Correcting and removing key people (core/key_person_changes.hpp).
#include "core/key_person_changes.hpp"

#include "core/commands.hpp"
#include "core/key_person_versions.hpp"

#include <algorithm>

namespace vb {

namespace {

constexpr std::size_t max_name = 200, max_relationship = 100, max_text = 500;

std::string who(const KeyPerson& k) { return "key person " + std::to_string(k.id) + " (" + k.name + ")"; }

std::string removed_words(const Snapshot& s, const KeyPerson& k) {
  return who(k) + " was removed on " + format_local_datetime(*k.ended_at, s.zone()) + " by " + k.ended_by;
}

bool blank(const std::string& t) { return t.find_first_not_of(" \t") == std::string::npos; }

std::string list_words(const std::vector<std::string_view>& v) {
  std::string out;
  for (auto w : v) out += (out.empty() ? "" : ", ") + std::string(w);
  return out;
}

}  // namespace

const std::vector<std::string_view>& key_person_removal_reasons() {
  static const std::vector<std::string_view> v{"no_longer_involved", "person_asked", "recorded_in_error",
                                               "duplicate",          "died",         "other"};
  return v;
}

bool key_person_current(const KeyPerson& k, Instant at) { return !k.ended_at || *k.ended_at > at; }

std::vector<const KeyPerson*> current_key_people(const Snapshot& s, Id person_id, Instant at) {
  std::vector<const KeyPerson*> out = s.key_people_of(person_id);
  std::erase_if(out, [&](const KeyPerson* k) { return !key_person_listed_at(*k, at); });
  return out;
}

const KeyPerson* find_key_person(const Snapshot& s, Id id) {
  auto k = std::find_if(s.key_people.begin(), s.key_people.end(), [&](const KeyPerson& x) { return x.id == id; });
  return k == s.key_people.end() ? nullptr : &*k;
}

std::optional<std::string> key_person_command_problem(const Snapshot& s, const UpdateKeyPerson& c) {
  const KeyPerson* k = find_key_person(s, c.key_person);
  if (!k) return "key person " + std::to_string(c.key_person) + " does not exist";
  if (auto p = author_problem(s, c.by)) return p;
  if (k->ended_at) return removed_words(s, *k) + ": add them again instead of changing the removed entry";
  if (!c.name && !c.relationship && !c.contact && !c.consent_to_share)
    return "nothing to change: give at least one of name, relationship, contact, consent_to_share";
  if (c.name && blank(*c.name)) return "name: a key person needs a name (it is empty)";
  if (c.name && c.name->size() > max_name) return "name: at most 200 characters (it has " + std::to_string(c.name->size()) + ")";
  if (c.relationship && blank(*c.relationship))
    return "relationship: a key person needs a relationship (mother, partner, friend, ...; it is empty)";
  if (c.relationship && c.relationship->size() > max_relationship)
    return "relationship: at most 100 characters (it has " + std::to_string(c.relationship->size()) + ")";
  if (c.contact && c.contact->size() > max_text)
    return "contact: at most 500 characters (it has " + std::to_string(c.contact->size()) + ")";
  const bool changes = (c.name && *c.name != k->name) || (c.relationship && *c.relationship != k->relationship) ||
                       (c.contact && *c.contact != k->contact) ||
                       (c.consent_to_share && *c.consent_to_share != k->consent_to_share);
  if (!changes) return who(*k) + " already has these details: nothing would change";
  // Versioned (session 9): a change takes effect at `at`, never before the version in effect now.
  if (auto p = key_person_change_time_problem(*k, c.at, s.zone())) return p;
  return std::nullopt;
}

std::optional<std::string> key_person_command_problem(const Snapshot& s, const RemoveKeyPerson& c) {
  const KeyPerson* k = find_key_person(s, c.key_person);
  if (!k) return "key person " + std::to_string(c.key_person) + " does not exist";
  if (auto p = author_problem(s, c.by)) return p;
  if (k->ended_at) return removed_words(s, *k) + " already";
  const auto& reasons = key_person_removal_reasons();
  if (c.reason.empty()) return "reason: say why they are removed (one of " + list_words(reasons) + ")";
  if (std::find(reasons.begin(), reasons.end(), c.reason) == reasons.end())
    return "reason: '" + c.reason + "' is not one of " + list_words(reasons);
  if (c.reason == "other" && blank(c.note)) return "reason 'other': say why in the note";
  if (c.note.size() > max_text) return "note: at most 500 characters (it has " + std::to_string(c.note.size()) + ")";
  return std::nullopt;
}

}  // namespace vb
