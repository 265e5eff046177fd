#pragma once
// The commissioner report: every compliance measure and outcome figure for a period, with the same
// definitions as the screens, as tidy CSV (one row per measure per period), JSON, or a PDF a manager
// would send. Built from core's figures only (compute_measure, compute_outcomes), so the report,
// the screens and a hand count agree.
#include "core/compliance.hpp"
#include "core/outcomes.hpp"

#include <optional>
#include <string>
#include <vector>

namespace vb::report {

struct ReportRow {
  std::string measure;  // kebab-case id
  std::string label;
  std::string group;    // "Reviews", ..., "Outcomes"
  LocalDate from{};
  LocalDate to{};
  double numerator = 0;
  double denominator = 0;
  double value = 0;
  std::string unit;               // share, count, average, days, episodes
  std::optional<double> target;   // none for outcome figures
  std::string state;              // green, amber, red, no-data; "" for outcome figures
  std::string definition;
  std::string source;
  std::vector<Id> episodes;       // the episodes behind the figure (ids only)
  std::vector<double> weekly;     // compliance: the figure for each 7-day block ending at `to` (oldest first)
  std::vector<bool> weekly_has_data;
};

struct Report {
  std::string team;
  LocalDate from{};
  LocalDate to{};
  Instant generated{};
  std::string time_zone;
  bool demo = false;  // synthetic demo data: the PDF says so
  std::vector<ReportRow> rows;  // compliance measures in the rules' order, then outcomes
  Outcomes outcomes;
};

// Weekly figures: up to `max_weeks` seven-day blocks ending on `to`, inside the period.
Report build_report(const Snapshot& s, const ComplianceRules& rules, LocalDate from, LocalDate to, Instant now,
                    int max_weeks = 12);

extern const char* const report_csv_header;  // measure,label,period_from,period_to,numerator,denominator,value,target,state
std::string report_csv(const Report& r);
std::string report_json(const Report& r);
// A PDF document (bytes). Throws std::runtime_error when cairo fails.
std::string report_pdf(const Report& r);

// "87.5%", "3", "2.41", "19.0 days": how the value reads on screen and on paper.
std::string format_value(const ReportRow& row);

}  // namespace vb::report
