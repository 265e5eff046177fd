// A key person's details as they were at an instant (core/key_person_versions.hpp).
#include "core/key_person_versions.hpp"

#include "core/local_time.hpp"

namespace vb {

const KeyPersonVersion* key_person_version_at(const KeyPerson& k, Instant at) {
  // Oldest first: the last one not after `at` is in effect (ties: the later recorded, higher id).
  const KeyPersonVersion* found = nullptr;
  for (const auto& v : k.versions) {
    if (v.effective_at && *v.effective_at > at) break;
    found = &v;
  }
  return found;
}

bool key_person_listed_at(const KeyPerson& k, Instant at) {
  if (k.ended_at && *k.ended_at <= at) return false;
  return k.versions.empty() || key_person_version_at(k, at) != nullptr;
}

bool key_person_consents_at(const KeyPerson& k, Instant at) {
  if (k.versions.empty()) return k.consent_to_share;
  const KeyPersonVersion* v = key_person_version_at(k, at);
  return v && v->consent_to_share;
}

std::string key_person_label_at(const KeyPerson& k, Instant at) {
  const KeyPersonVersion* v = key_person_version_at(k, at);
  return v ? v->name + " (" + v->relationship + ")" : k.name + " (" + k.relationship + ")";
}

KeyPersonVersion first_key_person_version(const KeyPerson& k, Instant at, const StaffId& by) {
  return KeyPersonVersion{0, at, by, k.name, k.relationship, k.contact, k.consent_to_share};
}

KeyPersonVersion next_key_person_version(const KeyPerson& k, Instant at, const StaffId& by) {
  return first_key_person_version(k, at, by);
}

std::optional<std::string> key_person_change_time_problem(const KeyPerson& k, Instant at, Zone zone) {
  for (auto v = k.versions.rbegin(); v != k.versions.rend(); ++v) {
    if (!v->effective_at) break;
    if (*v->effective_at > at)
      return "at: key person " + std::to_string(k.id) + " (" + k.name + ") has details in effect from " +
             format_local_datetime(*v->effective_at, zone) + "; a change cannot take effect before that (" +
             format_local_datetime(at, zone) + ")";
    break;
  }
  return std::nullopt;
}

}  // namespace vb
