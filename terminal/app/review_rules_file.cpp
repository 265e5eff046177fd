// Parsing data/review_rules.json into core's ReviewRules, strictly.
#include "app/review_rules_file.hpp"

#include "app/rules_json.hpp"

#include <stdexcept>

namespace vb::app {

namespace {

// The shared strict reader plus a rule's label and source.
struct Reader : RulesReader {
  RuleText rule(const json& j, const std::string& key) const {
    const json& r = object(j, key, "");
    return RuleText{text(r, "label", key + "."), text(r, "source", key + ".")};
  }
};

}  // namespace

ReviewRules parse_review_rules(std::string_view json_text, const std::string& file) {
  const json j = RulesReader::parse_object(json_text, file);
  Reader r{{file}};
  ReviewRules rules;
  using std::chrono::hours;
  using std::chrono::minutes;
  rules.first_review = r.rule(j, "first_review");
  rules.first_review_within = hours{r.number(j["first_review"], "within_hours", "first_review.", 1, 24 * 14)};
  rules.weekly_intensive = r.rule(j, "weekly_intensive");
  rules.intensive_interval = hours{r.number(j["weekly_intensive"], "every_hours", "weekly_intensive.", 1, 24 * 28)};
  rules.set_at_last_review = r.rule(j, "set_at_last_review");
  rules.before_step_down = r.rule(j, "before_step_down");
  rules.before_change_window = hours{r.number(j["before_step_down"], "window_hours", "before_step_down.", 1, 24 * 14)};
  rules.after_high_risk = r.rule(j, "after_high_risk");
  rules.after_high_risk_within = hours{r.number(j["after_high_risk"], "within_hours", "after_high_risk.", 1, 24 * 7)};
  rules.after_high_risk_very_urgent_within =
      hours{r.number(j["after_high_risk"], "very_urgent_within_hours", "after_high_risk.", 1, 24 * 7)};
  rules.six_weeks = r.rule(j, "six_weeks");
  rules.six_week_day = r.number(j["six_weeks"], "day", "six_weeks.", 7, 365);
  rules.six_week_window_days = r.number(j["six_weeks"], "window_days", "six_weeks.", 0, 60);
  rules.before_closure = r.rule(j, "before_closure");

  const json& esc = r.object(j, "escalation", "");
  rules.high_risk_trigger_after = hours{r.number(esc, "high_risk_trigger_after_hours", "escalation.", 1, 24 * 14)};
  if (!esc.contains("cascade") || !esc["cascade"].is_array() || esc["cascade"].empty())
    r.fail("escalation.cascade", "must be a non-empty list of steps");
  rules.cascade.clear();
  int previous = -1;
  for (size_t i = 0; i < esc["cascade"].size(); ++i) {
    const json& step = esc["cascade"][i];
    const std::string path = "escalation.cascade[" + std::to_string(i) + "].";
    if (!step.is_object()) r.fail(path, "must be an object");
    int after = r.number(step, "after_minutes", path, 0, 24 * 60);
    if (after <= previous) r.fail(path + "after_minutes", "steps must come later one after another");
    if (i == 0 && after != 0) r.fail(path + "after_minutes", "the first step starts when the trigger fires (0)");
    previous = after;
    rules.cascade.push_back(EscalationStep{r.text(step, "role", path), r.text(step, "label", path), minutes{after}});
  }
  return rules;
}

ReviewRules load_review_rules(const std::filesystem::path& file) {
  return parse_review_rules(read_rules_text(file, "review rules"), file.string());
}

}  // namespace vb::app
