// Key people, contact attempts and the "carer not informed" flag.
#include "core/carers.hpp"

#include "core/commands.hpp"
#include "core/contact_plan.hpp"
#include "core/key_person_changes.hpp"
#include "core/key_person_versions.hpp"
#include "core/step_down.hpp"

#include <algorithm>

namespace vb {

const std::vector<std::string_view>& carer_contact_outcomes() {
  static const std::vector<std::string_view> v{"reached", "no_answer", "message_left"};
  return v;
}

const std::vector<std::string_view>& carer_shared_topics() {
  static const std::vector<std::string_view> v{"rationale", "practical_guidance", "escalation_routes", "step_down", "other"};
  return v;
}

namespace {
LocalDate plus_days(LocalDate d, long n) { return LocalDate{date::sys_days{d} + date::days{n}}; }
long days_from(LocalDate a, LocalDate b) { return (date::sys_days{b} - date::sys_days{a}).count(); }

// The latest step-down of the episode in the last week up to today: scheduled or commanded.
std::optional<LocalDate> recent_step_down(const Snapshot& s, const Episode& e, LocalDate today) {
  std::optional<LocalDate> best;
  for (LocalDate d : step_down_days(s, e)) {
    long ago = days_from(d, today);
    if (ago < 0 || ago > step_down_after_days) continue;
    best = d;  // in date order: the latest wins
  }
  return best;
}
}  // namespace

std::string carer_not_informed_text(const Snapshot& s, const Episode& e, Instant now) {
  if (!e.is_open()) return "";
  const LocalDate today = local_date_of(now, s.zone());
  auto d = recent_step_down(s, e, today);
  if (!d) return "";
  std::string names;
  for (const KeyPerson* kp : s.key_people_of(e.person_id)) {
    const KeyPerson& k = *kp;
    // Consent as it is at `now` (session 9: versioned), so the board at a past date says what was true then.
    if (!key_person_listed_at(k, now) || !key_person_consents_at(k, now)) continue;  // removed: nobody to tell
    if (!carer_told_of_step_down(s, k, *d, now)) names += (names.empty() ? "" : ", ") + key_person_label_at(k, now);
  }
  return names.empty() ? "" : "carer not informed of step-down: " + names;
}

namespace {
constexpr size_t max_text = 500;
}

std::optional<std::string> carer_command_problem(const Snapshot& s, const AddKeyPerson& c) {
  if (!s.find_person(c.person)) return "person " + std::to_string(c.person) + " does not exist";
  if (auto p = author_problem(s, c.by)) return p;
  if (c.name.empty()) return "a key person needs a name";
  if (c.relationship.empty()) return "a key person needs a relationship (mother, partner, friend, ...)";
  if (c.name.size() > 200 || c.relationship.size() > 100 || c.contact.size() > max_text) return "a field is longer than allowed";
  return std::nullopt;
}

std::optional<std::string> carer_command_problem(const Snapshot& s, const LogCarerContact& c) {
  const Episode* e = s.find_episode(c.episode);
  if (!e) return "episode " + std::to_string(c.episode) + " does not exist";
  auto k = std::find_if(s.key_people.begin(), s.key_people.end(), [&](const KeyPerson& x) { return x.id == c.key_person; });
  if (k == s.key_people.end()) return "key person " + std::to_string(c.key_person) + " does not exist";
  if (k->person_id != e->person_id) return "key person " + std::to_string(c.key_person) + " is not a key person of episode " + std::to_string(c.episode) + "'s person";
  if (auto p = author_problem(s, c.by)) return p;
  if (!key_person_current(*k, c.at))
    return "key person " + std::to_string(c.key_person) + " (" + k->name + ") was removed on " +
           format_local_datetime(*k->ended_at, s.zone()) + ": contact with them is no longer logged";
  const auto& outcomes = carer_contact_outcomes();
  if (std::find(outcomes.begin(), outcomes.end(), c.outcome) == outcomes.end())
    return "outcome '" + c.outcome + "' is not one of reached, no_answer, message_left";
  const auto& topics = carer_shared_topics();
  for (const auto& t : c.shared)
    if (std::find(topics.begin(), topics.end(), t) == topics.end())
      return "'" + t + "' is not one of rationale, practical_guidance, escalation_routes, step_down, other";
  if (!c.shared.empty() && !key_person_consents_at(*k, c.at))
    return "shared: the person had not consented to sharing with " + k->name + " at " + format_local_datetime(c.at, s.zone());
  if (!c.shared.empty() && c.outcome != "reached") return "nothing can be shared unless the carer was reached";
  if (c.note.size() > max_text) return "the note is longer than 500 characters";
  // "other" is what a list could not name: the note says what it was.
  if (std::find(c.shared.begin(), c.shared.end(), "other") != c.shared.end() && c.note.find_first_not_of(" \t") == std::string::npos)
    return "'other' was shared: say what in the note";
  return std::nullopt;
}

bool carer_told_of_step_down(const Snapshot& s, const KeyPerson& k, LocalDate step_down, Instant until) {
  const Instant since = start_of_local_day(plus_days(step_down, -carer_inform_window_days), s.zone());
  const auto contacts = s.carer_contacts_of(k.id);
  return std::any_of(contacts.begin(), contacts.end(), [&](const CarerContact* cp) {
    const CarerContact& c = *cp;
    return c.outcome == "reached" && c.at >= since && c.at <= until &&
           std::find(c.shared.begin(), c.shared.end(), "step_down") != c.shared.end();
  });
}

Instant carer_inform_deadline(LocalDate step_down, Zone zone) {
  return start_of_local_day(plus_days(step_down, step_down_after_days + 1), zone) - std::chrono::seconds{1};
}

}  // namespace vb
