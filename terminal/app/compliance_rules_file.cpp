// Parsing data/compliance_rules.json into core's ComplianceRules, strictly.
#include "app/compliance_rules_file.hpp"

#include "core/compliance.hpp"
#include "platform/asset_paths.hpp"

#include "app/rules_json.hpp"

#include <set>
#include <stdexcept>

namespace vb::app {

namespace {

// The shared strict reader plus a top-level whole number.
struct Reader : RulesReader {
  int whole(const json& j, const std::string& key, int lo, int hi) const { return RulesReader::number(j, key, "", lo, hi); }
  double number(const json& j, const std::string& key, const std::string& path, double lo, double hi) const {
    return real(j, key, path, lo, hi);
  }
};

}  // namespace

ComplianceRules parse_compliance_rules(std::string_view json_text, const std::string& file) {
  const json j = RulesReader::parse_object(json_text, file);
  Reader r{{file}};
  ComplianceRules rules;
  rules.period_days = r.whole(j, "period_days", 7, 366);
  rules.trend_weeks = r.whole(j, "trend_weeks", 2, 52);
  if (!j.contains("measures") || !j["measures"].is_array() || j["measures"].empty())
    r.fail("measures", "must be a non-empty list of measures");
  std::set<std::string> seen;
  for (size_t i = 0; i < j["measures"].size(); ++i) {
    const json& m = j["measures"][i];
    const std::string path = "measures[" + std::to_string(i) + "].";
    if (!m.is_object()) r.fail(path, "must be an object");
    MeasureRule rule;
    rule.id = r.text(m, "id", path);
    if (!find_measure(rule.id)) r.fail(path + "id", "'" + rule.id + "' is not a measure this build can count");
    if (!seen.insert(rule.id).second) r.fail(path + "id", "'" + rule.id + "' appears twice");
    rule.label = r.text(m, "label", path);
    rule.group = r.text(m, "group", path);
    rule.definition = r.text(m, "definition", path);
    rule.source = r.text(m, "source", path);
    const std::string unit = r.text(m, "unit", path);
    if (unit == "share")
      rule.unit = MeasureUnit::share;
    else if (unit == "count")
      rule.unit = MeasureUnit::count;
    else if (unit == "average")
      rule.unit = MeasureUnit::average;
    else
      r.fail(path + "unit", "must be share, count or average");
    const std::string direction = r.text(m, "direction", path);
    if (direction == "higher")
      rule.direction = Direction::higher_is_better;
    else if (direction == "lower")
      rule.direction = Direction::lower_is_better;
    else
      r.fail(path + "direction", "must be higher or lower");
    const double hi = rule.unit == MeasureUnit::share ? 1.0 : 1e6;
    rule.target = r.number(m, "target", path, 0, hi);
    rule.amber = r.number(m, "amber", path, 0, hi);
    const bool ordered = rule.direction == Direction::higher_is_better ? rule.amber <= rule.target : rule.amber >= rule.target;
    if (!ordered) r.fail(path + "amber", "must lie on the worse side of the target");
    if (m.contains("params")) {
      if (!m["params"].is_object()) r.fail(path + "params", "must be an object of numbers");
      for (const auto& [key, value] : m["params"].items()) {
        if (!value.is_number()) r.fail(path + "params." + key, "must be a number");
        rule.params[key] = value.get<double>();
      }
    }
    rules.measures.push_back(std::move(rule));
  }
  return rules;
}

ComplianceRules load_compliance_rules(const std::filesystem::path& file) {
  return parse_compliance_rules(read_rules_text(file, "compliance rules"), file.string());
}

ComplianceRules load_team_compliance_rules() {
  return load_compliance_rules(platform::find_asset_root() / "data" / "compliance_rules.json");
}

}  // namespace vb::app
