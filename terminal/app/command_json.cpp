// Strict parsing of apply lines: unknown commands or fields, wrong types and bad values are
// reported, never ignored or guessed.
#include "app/command_json.hpp"

#include "core/add_visit.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <utility>
#include <vector>

namespace vb::app {

namespace {

using json = nlohmann::json;

struct LineError {
  std::string what;
};

// The field's text, which must be a string when given.
std::string string_value(const json& j, const char* field) {
  if (!j[field].is_string()) throw LineError{std::string("field '") + field + "' must be a string"};
  return j[field].get<std::string>();
}

std::string required_string(const json& j, const char* field) {
  if (!j.contains(field)) throw LineError{std::string("missing field '") + field + "'"};
  return string_value(j, field);
}

std::string optional_string(const json& j, const char* field) {
  if (!j.contains(field) || j[field].is_null()) return "";
  return string_value(j, field);
}

Id required_id(const json& j, const char* field) {
  if (!j.contains(field)) throw LineError{std::string("missing field '") + field + "'"};
  if (!j[field].is_number_integer()) throw LineError{std::string("field '") + field + "' must be a whole number"};
  return j[field].get<Id>();
}

void only_fields(const json& j, const std::set<std::string>& allowed) {
  for (const auto& [key, value] : j.items()) {
    (void)value;
    if (!allowed.count(key)) throw LineError{"unknown field '" + key + "'"};
  }
}

// A field's text as an instant (local to `zone` without an offset), or the error naming the field.
Instant instant_of(const char* field, const std::string& text, Zone zone) {
  auto t = parse_instant(text, zone);
  if (!t) throw LineError{std::string("field '") + field + "': '" + text + "' is not an ISO-8601 time"};
  return *t;
}

Instant time_field(const json& j, const char* field, Zone zone, Instant fallback) {
  std::string text = optional_string(j, field);
  if (text.empty()) return fallback;
  return instant_of(field, text, zone);
}

std::optional<Instant> optional_time(const json& j, const char* field, Zone zone) {
  std::string text = optional_string(j, field);
  if (text.empty()) return std::nullopt;
  return instant_of(field, text, zone);
}

Instant required_time(const json& j, const char* field, Zone zone) {
  return instant_of(field, required_string(j, field), zone);
}

// A required local calendar date (YYYY-MM-DD).
LocalDate date_field(const json& j, const char* field) {
  const std::string day = required_string(j, field);
  auto d = parse_date(day);
  if (!d) throw LineError{std::string("field '") + field + "': '" + day + "' is not a date (YYYY-MM-DD)"};
  return *d;
}

// Who asked and when, as every command reads them: `by` (a staff id), then `at` (default: --now).
template <class C>
void by_and_at(C& c, const json& j, Zone zone, Instant default_at) {
  c.by = required_string(j, "by");
  c.at = time_field(j, "at", zone, default_at);
}

std::optional<Id> optional_id(const json& j, const char* field) {
  if (!j.contains(field) || j[field].is_null()) return std::nullopt;
  return required_id(j, field);
}

bool optional_bool(const json& j, const char* field) {
  if (!j.contains(field) || j[field].is_null()) return false;
  if (!j[field].is_boolean()) throw LineError{std::string("field '") + field + "' must be true or false"};
  return j[field].get<bool>();
}

std::vector<std::string> optional_strings(const json& j, const char* field) {
  std::vector<std::string> out;
  if (!j.contains(field) || j[field].is_null()) return out;
  if (!j[field].is_array()) throw LineError{std::string("field '") + field + "' must be a list of strings"};
  for (const auto& item : j[field]) {
    if (!item.is_string()) throw LineError{std::string("field '") + field + "' must be a list of strings"};
    out.push_back(item.get<std::string>());
  }
  return out;
}

RiskLevel risk_field(const json& j) {
  std::string risk = required_string(j, "risk");
  auto parsed = parse_risk_level(risk);
  if (!parsed) throw LineError{"field 'risk': '" + risk + "' is not one of low, medium, high"};
  return *parsed;
}

Command mark_visit(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "visit", "status", "reason", "by", "at"});
  MarkVisit m;
  m.visit = required_id(j, "visit");
  std::string status = required_string(j, "status");
  auto parsed = parse_visit_status(status);
  if (!parsed) {
    throw LineError{"field 'status': '" + status +
                    "' is not one of planned, done, no_access, cancelled_by_person, cancelled_by_team, rescheduled"};
  }
  m.status = *parsed;
  m.reason = optional_string(j, "reason");
  by_and_at(m, j, zone, default_at);
  return m;
}

Command book_review(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "episode", "reviewer", "slot_start", "by", "at"});
  BookReview c;
  c.episode = required_id(j, "episode");
  c.reviewer = required_string(j, "reviewer");
  c.slot_start = required_time(j, "slot_start", zone);
  by_and_at(c, j, zone, default_at);
  return c;
}

Command cancel_booking(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "booking", "reason", "by", "at"});
  CancelBooking c;
  c.booking = required_id(j, "booking");
  c.reason = optional_string(j, "reason");
  by_and_at(c, j, zone, default_at);
  return c;
}

Command record_review(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "episode", "reviewer", "held_at", "risk", "risk_domains", "decision", "rationale",
                  "person_told", "family_told", "next_review_due", "by", "at"});
  RecordReview c;
  c.episode = required_id(j, "episode");
  c.reviewer = required_string(j, "reviewer");
  c.risk = risk_field(j);
  c.risk_domains = optional_strings(j, "risk_domains");
  c.decision = required_string(j, "decision");
  c.rationale = optional_string(j, "rationale");
  c.person_told = optional_bool(j, "person_told");
  c.family_told = optional_bool(j, "family_told");
  c.next_review_due = optional_time(j, "next_review_due", zone);
  by_and_at(c, j, zone, default_at);
  c.held_at = time_field(j, "held_at", zone, c.at);
  return c;
}

Command log_decision(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "episode", "decision", "options_considered", "rationale", "informed", "corrects", "by",
                  "at"});
  LogDecision c;
  c.episode = required_id(j, "episode");
  c.decision = optional_string(j, "decision");
  c.options_considered = optional_string(j, "options_considered");
  c.rationale = optional_string(j, "rationale");
  c.informed = optional_string(j, "informed");
  c.corrects = optional_id(j, "corrects");
  by_and_at(c, j, zone, default_at);
  return c;
}

Command set_risk(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "episode", "risk", "reason", "by", "at"});
  SetRisk c;
  c.episode = required_id(j, "episode");
  c.risk = risk_field(j);
  c.reason = optional_string(j, "reason");
  by_and_at(c, j, zone, default_at);
  return c;
}

Command raise_concern(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "episode", "source", "note", "by", "at"});
  RaiseConcern c;
  c.episode = required_id(j, "episode");
  c.source = required_string(j, "source");
  c.note = optional_string(j, "note");
  by_and_at(c, j, zone, default_at);
  return c;
}

Command acknowledge_escalation(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "episode", "trigger", "fired_at", "note", "by", "at"});
  AcknowledgeEscalation c;
  c.episode = required_id(j, "episode");
  c.trigger = required_string(j, "trigger");
  c.fired_at = required_time(j, "fired_at", zone);
  c.note = optional_string(j, "note");
  by_and_at(c, j, zone, default_at);
  return c;
}

Command set_thresholds(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "episode", "narrative", "high_risk_over_24h", "two_missed_in_a_row", "carer_concern", "by", "at"});
  SetThresholds c;
  c.episode = required_id(j, "episode");
  c.narrative = optional_string(j, "narrative");
  // A trigger left out stays on: thresholds only ever switch one off deliberately.
  c.high_risk_over_24h = !j.contains("high_risk_over_24h") || j["high_risk_over_24h"].is_null() || optional_bool(j, "high_risk_over_24h");
  c.two_missed_in_a_row = !j.contains("two_missed_in_a_row") || j["two_missed_in_a_row"].is_null() || optional_bool(j, "two_missed_in_a_row");
  c.carer_concern = !j.contains("carer_concern") || j["carer_concern"].is_null() || optional_bool(j, "carer_concern");
  by_and_at(c, j, zone, default_at);
  return c;
}

Command clear_lockout(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "staff", "by", "at"});
  ClearLockout c;
  c.staff = required_string(j, "staff");
  by_and_at(c, j, zone, default_at);
  return c;
}

Command step_down(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "episode", "note", "by", "at"});
  StepDown c;
  c.episode = required_id(j, "episode");
  c.note = optional_string(j, "note");
  by_and_at(c, j, zone, default_at);
  return c;
}

AllocateVisit allocation_fields(const json& j) {
  AllocateVisit c;
  c.visit = required_id(j, "visit");
  c.staff1 = required_string(j, "staff1");
  c.staff2 = optional_string(j, "staff2");
  return c;
}

Command allocate_visit(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "visit", "staff1", "staff2", "by", "at"});
  AllocateVisit c = allocation_fields(j);
  by_and_at(c, j, zone, default_at);
  return c;
}

Command unallocate_visit(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "visit", "reason", "by", "at"});
  UnallocateVisit c;
  c.visit = required_id(j, "visit");
  c.reason = optional_string(j, "reason");
  by_and_at(c, j, zone, default_at);
  return c;
}

Command allocate_visits(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "allocations", "by", "at"});
  AllocateVisits c;
  if (!j.contains("allocations")) throw LineError{"missing field 'allocations'"};
  if (!j["allocations"].is_array()) throw LineError{"field 'allocations' must be a list of {visit, staff1, staff2}"};
  by_and_at(c, j, zone, default_at);
  for (const auto& item : j["allocations"]) {
    if (!item.is_object()) throw LineError{"field 'allocations' must be a list of {visit, staff1, staff2}"};
    only_fields(item, {"visit", "staff1", "staff2"});
    AllocateVisit a = allocation_fields(item);
    a.by = c.by;
    a.at = c.at;
    c.allocations.push_back(std::move(a));
  }
  return c;
}

Command add_shift(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "staff", "kind", "date", "by", "at"});
  AddShift c;
  c.staff = required_string(j, "staff");
  std::string kind = required_string(j, "kind");
  auto parsed = parse_shift_kind(kind);
  if (!parsed) throw LineError{"field 'kind': '" + kind + "' is not one of early, late, twilight, night"};
  c.kind = *parsed;
  c.date = date_field(j, "date");
  by_and_at(c, j, zone, default_at);
  return c;
}

Command step_up(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "episode", "reason", "days", "by", "at"});
  StepUp c;
  c.episode = required_id(j, "episode");
  c.reason = required_string(j, "reason");
  if (j.contains("days") && !j["days"].is_null()) {
    if (!j["days"].is_number_integer()) throw LineError{"field 'days' must be a whole number"};
    auto days = j["days"].get<std::int64_t>();
    c.days = days < 0 || days > 1000 ? -1 : static_cast<int>(days);
  }
  by_and_at(c, j, zone, default_at);
  return c;
}

Command remove_shift(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "shift", "reason", "by", "at"});
  RemoveShift c;
  c.shift = required_id(j, "shift");
  c.reason = optional_string(j, "reason");
  by_and_at(c, j, zone, default_at);
  return c;
}

Command record_reassessment(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "episode", "risk", "note", "by", "at"});
  RecordReassessment c;
  c.episode = required_id(j, "episode");
  c.risk = risk_field(j);
  c.note = required_string(j, "note");
  by_and_at(c, j, zone, default_at);
  return c;
}

Command record_transition_item(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "episode", "item", "detail", "by", "at"});
  RecordTransitionItem c;
  c.episode = required_id(j, "episode");
  c.item = required_string(j, "item");
  c.detail = optional_string(j, "detail");
  by_and_at(c, j, zone, default_at);
  return c;
}

Command close_episode(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "episode", "reason", "destination", "override_reason", "by", "at"});
  CloseEpisode c;
  c.episode = required_id(j, "episode");
  c.reason = required_string(j, "reason");
  c.destination = optional_string(j, "destination");
  c.override_reason = optional_string(j, "override_reason");
  by_and_at(c, j, zone, default_at);
  return c;
}

Command add_key_person(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "person", "name", "relationship", "contact", "consent_to_share", "by", "at"});
  AddKeyPerson c;
  c.person = required_id(j, "person");
  c.name = required_string(j, "name");
  c.relationship = required_string(j, "relationship");
  c.contact = optional_string(j, "contact");
  c.consent_to_share = optional_bool(j, "consent_to_share");
  by_and_at(c, j, zone, default_at);
  return c;
}

// A field given keeps its value out of the command; one left out (or null) leaves the stored value.
std::optional<std::string> string_if_given(const json& j, const char* field) {
  if (!j.contains(field) || j[field].is_null()) return std::nullopt;
  return required_string(j, field);
}

Command update_key_person(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "key_person", "name", "relationship", "contact", "consent_to_share", "by", "at"});
  UpdateKeyPerson c;
  c.key_person = required_id(j, "key_person");
  c.name = string_if_given(j, "name");
  c.relationship = string_if_given(j, "relationship");
  c.contact = string_if_given(j, "contact");
  if (j.contains("consent_to_share") && !j["consent_to_share"].is_null()) c.consent_to_share = optional_bool(j, "consent_to_share");
  by_and_at(c, j, zone, default_at);
  return c;
}

Command remove_key_person(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "key_person", "reason", "note", "by", "at"});
  RemoveKeyPerson c;
  c.key_person = required_id(j, "key_person");
  c.reason = required_string(j, "reason");
  c.note = optional_string(j, "note");
  by_and_at(c, j, zone, default_at);
  return c;
}

Command clear_care_flag(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "episode", "flag", "reason", "by", "at"});
  ClearCareFlag c;
  c.episode = required_id(j, "episode");
  c.flag = required_string(j, "flag");
  c.reason = required_string(j, "reason");
  by_and_at(c, j, zone, default_at);
  return c;
}

Command log_carer_contact(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "episode", "key_person", "outcome", "shared", "note", "by", "at"});
  LogCarerContact c;
  c.episode = required_id(j, "episode");
  c.key_person = required_id(j, "key_person");
  c.outcome = required_string(j, "outcome");
  c.shared = optional_strings(j, "shared");
  c.note = optional_string(j, "note");
  by_and_at(c, j, zone, default_at);
  return c;
}

Command start_plan(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "episode", "template", "start", "by", "at"});
  StartPlan c;
  c.episode = required_id(j, "episode");
  c.template_name = required_string(j, "template");
  by_and_at(c, j, zone, default_at);
  if (j.contains("start")) {
    c.start = date_field(j, "start");
  } else {
    c.start = local_date_of(c.at, zone);
  }
  return c;
}

// Staff access (issue 7). set_pin is refused outright: a PIN in a file or a pipeline can be read
// back (shell history, logs, the file itself); `visitboard pin set` reads it without echo. The
// refusal never repeats the line, so the PIN is not echoed either.
Command set_pin_refused(const json&, Zone, Instant) {
  throw LineError{"set_pin is not accepted by apply: a PIN must not be written into a file or a pipeline. "
                  "Set it on the kiosk's Admin screen, or with `visitboard pin set STAFF` (reads it without echo)"};
}

Role role_field(const json& j) {
  const std::string text = required_string(j, "role");
  auto r = parse_role(text);
  if (!r) throw LineError{"field 'role': '" + text + "' is not a role (viewer, clinician, coordinator, senior_reviewer, manager, admin)"};
  return *r;
}

Command clear_pin(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "staff", "by", "at"});
  ClearPin c;
  c.staff = required_string(j, "staff");
  by_and_at(c, j, zone, default_at);
  return c;
}

Command grant_role(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "staff", "role", "by", "at"});
  GrantRole c;
  c.staff = required_string(j, "staff");
  c.role = role_field(j);
  by_and_at(c, j, zone, default_at);
  return c;
}

Command revoke_role(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "staff", "role", "by", "at"});
  RevokeRole c;
  c.staff = required_string(j, "staff");
  c.role = role_field(j);
  by_and_at(c, j, zone, default_at);
  return c;
}

// A visit added by hand (core/add_visit.hpp): a local date and local "HH:MM" times in the team's zone.
int hm_field(const json& j, const char* field) {
  const std::string text = required_string(j, field);
  auto m = parse_hm(text);
  if (!m) throw LineError{std::string("field '") + field + "': '" + text + "' is not a local time (HH:MM)"};
  return *m;
}

Command add_visit(const json& j, Zone zone, Instant default_at) {
  only_fields(j, {"command", "episode", "date", "start", "end", "type", "duration_min", "double_up", "skills", "note",
                  "by", "at", "ends_next_day"});
  AddVisit c;
  c.episode = required_id(j, "episode");
  c.date = date_field(j, "date");
  c.start_min = hm_field(j, "start");
  c.end_min = hm_field(j, "end");
  if (j.contains("type")) {
    const std::string type = required_string(j, "type");
    auto t = parse_visit_type(type);
    if (!t) throw LineError{"field 'type': '" + type + "' is not one of home, phone, video, clinic"};
    c.type = *t;
  }
  if (j.contains("duration_min")) {
    const Id minutes = required_id(j, "duration_min");
    if (minutes < 0 || minutes > 24 * 60) throw LineError{"field 'duration_min': " + std::to_string(minutes) + " is not a length in minutes (0-1440)"};
    c.duration_min = static_cast<int>(minutes);
  }
  c.double_up = optional_bool(j, "double_up");
  c.required_skills = optional_strings(j, "skills");
  c.note = optional_string(j, "note");
  by_and_at(c, j, zone, default_at);
  c.ends_next_day = optional_bool(j, "ends_next_day");  // session 8: a night visit 23:30-00:30
  return c;
}

using Parser = Command (*)(const json&, Zone, Instant);

// Every command `apply` knows, by its JSON name (the spelling of vb::command_name).
const std::vector<std::pair<std::string_view, Parser>>& parsers() {
  static const std::vector<std::pair<std::string_view, Parser>> all{
      {"mark_visit", mark_visit},       {"book_review", book_review},   {"cancel_booking", cancel_booking},
      {"record_review", record_review}, {"log_decision", log_decision}, {"set_risk", set_risk},
      {"raise_concern", raise_concern}, {"acknowledge_escalation", acknowledge_escalation},
      {"set_thresholds", set_thresholds}, {"clear_lockout", clear_lockout}, {"allocate_visit", allocate_visit},
      {"unallocate_visit", unallocate_visit}, {"allocate_visits", allocate_visits}, {"add_shift", add_shift},
      {"remove_shift", remove_shift},
      {"step_down", step_down},         {"step_up", step_up},           {"record_reassessment", record_reassessment},
      {"record_transition_item", record_transition_item}, {"close_episode", close_episode},
      {"add_key_person", add_key_person}, {"log_carer_contact", log_carer_contact},
      {"start_plan", start_plan},
      {"set_pin", set_pin_refused}, {"clear_pin", clear_pin}, {"grant_role", grant_role}, {"revoke_role", revoke_role},
      {"clear_care_flag", clear_care_flag}, {"add_visit", add_visit},
      {"update_key_person", update_key_person}, {"remove_key_person", remove_key_person}};
  return all;
}

}  // namespace

std::variant<Command, std::string> parse_command_json(std::string_view line, Zone zone, Instant default_at) {
  json j;
  try {
    j = json::parse(line);
  } catch (const json::exception& e) {  // malformed, or a number too large to hold (out_of_range 406)
    return std::string("not valid JSON (") + e.what() + ")";
  }
  if (!j.is_object()) return std::string("expected a JSON object");
  try {
    std::string name = required_string(j, "command");
    std::string known;
    for (const auto& [command, parse] : parsers()) {
      if (name == command) return parse(j, zone, default_at);
      known += (known.empty() ? "" : ", ") + std::string(command);
    }
    return "unknown command '" + name + "' (known: " + known + ")";
  } catch (const LineError& e) {
    return e.what;
  }
}

}  // namespace vb::app
