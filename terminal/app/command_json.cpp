// Strict parsing of apply lines: unknown commands or fields, wrong types and bad values are
// reported, never ignored or guessed.
#include "app/command_json.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace vb::app {

namespace {

using json = nlohmann::json;

struct LineError {
  std::string what;
};

std::string required_string(const json& j, const char* field) {
  if (!j.contains(field)) throw LineError{std::string("missing field '") + field + "'"};
  if (!j[field].is_string()) throw LineError{std::string("field '") + field + "' must be a string"};
  return j[field].get<std::string>();
}

std::string optional_string(const json& j, const char* field) {
  if (!j.contains(field) || j[field].is_null()) return "";
  if (!j[field].is_string()) throw LineError{std::string("field '") + field + "' must be a string"};
  return j[field].get<std::string>();
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

Instant time_field(const json& j, const char* field, Zone zone, Instant fallback) {
  std::string text = optional_string(j, field);
  if (text.empty()) return fallback;
  auto t = parse_instant(text, zone);
  if (!t) throw LineError{std::string("field '") + field + "': '" + text + "' is not an ISO-8601 time"};
  return *t;
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
  m.by = required_string(j, "by");
  m.at = time_field(j, "at", zone, default_at);
  return m;
}

}  // namespace

std::variant<Command, std::string> parse_command_json(std::string_view line, Zone zone, Instant default_at) {
  json j;
  try {
    j = json::parse(line);
  } catch (const json::parse_error& e) {
    return std::string("not valid JSON (") + e.what() + ")";
  }
  if (!j.is_object()) return std::string("expected a JSON object");
  try {
    std::string name = required_string(j, "command");
    if (name == "mark_visit") return mark_visit(j, zone, default_at);
    return "unknown command '" + name + "' (known: mark_visit)";
  } catch (const LineError& e) {
    return e.what;
  }
}

}  // namespace vb::app
