#pragma once
// The team's compliance measures as data: what each figure counts, its target and amber line, and
// where the rule comes from. Read from data/compliance_rules.json (app/compliance_rules_file.cpp);
// the defaults here mirror that file so tests and the benchmark need no file.
#include <map>
#include <string>
#include <vector>

namespace vb {

enum class MeasureUnit { share, count, average };   // share: met / all; count: items not met; average: sum / items
enum class Direction { higher_is_better, lower_is_better };

struct MeasureRule {
  std::string id;          // kebab-case, the report's `measure` column: "missed-visit-follow-up-4h"
  std::string label;       // "Missed visits followed up within 4 h"
  std::string group;       // "Reviews", "Visits", "Intensity", "Continuity", "Staffing", "Episodes"
  std::string definition;  // the counting rule in words, shown on tap
  std::string source;      // where the rule and target come from
  MeasureUnit unit = MeasureUnit::share;
  Direction direction = Direction::higher_is_better;
  double target = 0.9;  // share as 0..1; count / average as a number
  double amber = 0.8;   // worse than target but not worse than this: amber; beyond: red
  std::map<std::string, double> params;  // measure-specific numbers ("hours": 4)
  double param(const std::string& name, double fallback) const {
    auto it = params.find(name);
    return it == params.end() ? fallback : it->second;
  }
};

struct ComplianceRules {
  int period_days = 28;  // the screen's "today" figure covers the last 28 local days
  int trend_weeks = 12;
  std::vector<MeasureRule> measures;  // in screen order
  const MeasureRule* find(std::string_view id) const {
    for (const auto& m : measures)
      if (m.id == id) return &m;
    return nullptr;
  }
};

// The built-in defaults (the same measures, targets and sources as data/compliance_rules.json).
ComplianceRules default_compliance_rules();

std::string_view to_string(MeasureUnit u);
std::string_view to_string(Direction d);

}  // namespace vb
