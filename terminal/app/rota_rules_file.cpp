// Parsing data/rota_rules.json into core's RotaRules, strictly.
#include "app/rota_rules_file.hpp"

#include "app/rules_json.hpp"

#include <cstdio>
#include <stdexcept>

namespace vb::app {

namespace {

// The shared strict reader plus the rota file's own kinds of field.
struct Reader : RulesReader {
  int clock(const json& j, const std::string& key, const std::string& path) const {
    std::string t = text(j, key, path);
    int h = -1, m = -1;
    char extra = 0;
    if (t.size() != 5 || std::sscanf(t.c_str(), "%2d:%2d%c", &h, &m, &extra) != 2 || h < 0 || h > 23 || m < 0 || m > 59)
      fail(path + key, "'" + t + "' is not a time HH:MM");
    return h * 60 + m;
  }
  RuleText rule(const json& j, const std::string& path) const {
    return RuleText{text(j, "label", path), text(j, "source", path)};
  }
};

}  // namespace

RotaRules parse_rota_rules(std::string_view json_text, const std::string& file) {
  const json j = RulesReader::parse_object(json_text, file);
  Reader r{{file}};
  RotaRules rules;

  const json& times = r.object(j, "shift_times", "");
  rules.shift_times = r.rule(times, "shift_times.");
  rules.shifts.clear();
  for (const char* part : {"weekday", "weekend"}) {
    const std::string path = std::string("shift_times.") + part + ".";
    const json& kinds = r.object(times, part, "shift_times.");
    for (const auto& [name, value] : kinds.items()) {
      auto kind = parse_shift_kind(name);
      if (!kind) r.fail(path + name, "is not a shift kind (early, late, twilight, night)");
      if (!value.is_object()) r.fail(path + name, "must be an object with start and end");
      ShiftPattern p{*kind, std::string(part) == "weekend", r.clock(value, "start", path + name + "."),
                     r.clock(value, "end", path + name + ".")};
      if (p.end_min <= p.start_min) p.end_min += 24 * 60;  // ends the next morning
      rules.shifts.push_back(p);
    }
  }
  if (rules.shifts.empty()) r.fail("shift_times.weekday", "must name at least one shift");

  if (!j.contains("minimum_staffing") || !j["minimum_staffing"].is_array())
    r.fail("minimum_staffing", "must be a list (empty for none)");
  rules.minimum.clear();
  for (size_t i = 0; i < j["minimum_staffing"].size(); ++i) {
    const json& m = j["minimum_staffing"][i];
    const std::string path = "minimum_staffing[" + std::to_string(i) + "].";
    if (!m.is_object()) r.fail(path, "must be an object");
    MinimumStaffing rule;
    std::string shift = r.text(m, "shift", path);
    auto kind = parse_shift_kind(shift);
    if (!kind) r.fail(path + "shift", "'" + shift + "' is not a shift kind (early, late, twilight, night)");
    rule.kind = *kind;
    rule.skill = m.contains("skill") && m["skill"].is_string() ? m["skill"].get<std::string>() : "";
    rule.count = r.number(m, "count", path, 1, 50);
    rule.rule = r.rule(m, path);
    rules.minimum.push_back(rule);
  }

  const json& capacity = r.object(j, "capacity", "");
  rules.max_booked_percent = r.number(capacity, "max_booked_percent", "capacity.", 10, 100);
  rules.capacity = r.rule(capacity, "capacity.");
  const json& high = r.object(j, "high_risk_out_of_hours", "");
  if (!high.contains("two_staff") || !high["two_staff"].is_boolean())
    r.fail("high_risk_out_of_hours.two_staff", "must be true or false");
  rules.high_risk_needs_two = high["two_staff"].get<bool>();
  rules.high_risk = r.rule(high, "high_risk_out_of_hours.");
  if (j.contains("out_of_hours")) {  // optional: older files keep the default 17:00–09:00
    const json& ooh = r.object(j, "out_of_hours", "");
    rules.in_hours_until_min = r.clock(ooh, "weekday_from", "out_of_hours.");
    rules.in_hours_from_min = r.clock(ooh, "weekday_until", "out_of_hours.");
    if (rules.in_hours_from_min >= rules.in_hours_until_min)
      r.fail("out_of_hours.weekday_until", "must be before weekday_from (out of hours runs from the evening to the next morning)");
    rules.out_of_hours = r.rule(ooh, "out_of_hours.");
  }
  return rules;
}

RotaRules load_rota_rules(const std::filesystem::path& file) {
  return parse_rota_rules(read_rules_text(file, "rota rules"), file.string());
}

}  // namespace vb::app
