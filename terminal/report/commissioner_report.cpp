// Building the report's rows from core's figures, and writing them as CSV and JSON.
#include "report/commissioner_report.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <sstream>

namespace vb::report {

const char* const report_csv_header = "measure,label,period_from,period_to,numerator,denominator,value,target,state";

namespace {

std::vector<Id> episodes_behind(const MeasureFigure& f) {
  std::vector<Id> ids;
  for (const auto& i : f.items)
    if (i.episode && (ids.empty() || ids.back() != i.episode)) ids.push_back(i.episode);
  return ids;
}

std::string number(double v, bool fraction) {
  char buf[32];
  if (!fraction && std::fabs(v - std::round(v)) < 1e-9)
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(std::llround(v)));
  else
    std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::string format_value(const ReportRow& row) {
  char buf[48];
  if (row.unit == "share") {
    if (row.denominator <= 0) return "no data";
    std::snprintf(buf, sizeof buf, "%.1f%%", 100 * row.value);
  } else if (row.unit == "average") {
    if (row.denominator <= 0) return "no data";
    std::snprintf(buf, sizeof buf, "%.2f", row.value);
  } else if (row.unit == "days") {
    if (row.denominator <= 0) return "no data";
    std::snprintf(buf, sizeof buf, "%.1f days", row.value);
  } else {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(std::llround(row.value)));
  }
  return buf;
}

Report build_report(const Snapshot& s, const ComplianceRules& rules, LocalDate from, LocalDate to, Instant now,
                    int max_weeks) {
  Report r;
  r.team = s.team.name;
  r.from = from;
  r.to = to;
  r.generated = now;
  r.time_zone = s.team.time_zone;
  r.demo = s.is_demo;
  const LocalDate first_week = std::max(from, plus_days(to, -(7L * max_weeks - 1)));
  const MeasureData data = prepare_measure_data(s, std::min(from, first_week), to, now);
  for (const auto& rule : rules.measures) {
    const MeasureFigure f = compute_measure(s, rule, from, to, now, &data);
    ReportRow row;
    row.measure = rule.id;
    row.label = rule.label;
    row.group = rule.group;
    row.from = from;
    row.to = to;
    row.numerator = f.numerator;
    row.denominator = f.denominator;
    row.value = f.value;
    row.unit = std::string(to_string(rule.unit));
    row.target = rule.target;
    row.state = std::string(to_string(f.state));
    row.definition = rule.definition;
    row.source = rule.source;
    row.episodes = episodes_behind(f);
    // Whole weeks ending on `to` that fit in the period, oldest first.
    std::vector<LocalDate> ends;
    for (LocalDate end = to; plus_days(end, -6) >= from && static_cast<int>(ends.size()) < max_weeks; end = plus_days(end, -7))
      ends.insert(ends.begin(), end);
    for (LocalDate end : ends) {
      const MeasureFigure w = compute_measure(s, rule, plus_days(end, -6), end, now, &data, false);
      row.weekly.push_back(w.value);
      row.weekly_has_data.push_back(w.state != RagState::no_data);
    }
    r.rows.push_back(std::move(row));
  }
  r.outcomes = compute_outcomes(s, from, to, now);
  for (auto& o : outcome_rows(r.outcomes)) {
    ReportRow row;
    row.measure = o.id;
    row.label = o.label;
    row.group = "Outcomes";
    row.from = from;
    row.to = to;
    row.numerator = o.numerator;
    row.denominator = o.denominator;
    row.value = o.value;
    row.unit = o.share ? "share" : o.unit;
    row.definition = o.definition;
    row.source = "Episodes and decision log in the team's database";
    row.episodes = std::move(o.episodes);
    r.rows.push_back(std::move(row));
  }
  return r;
}

std::string report_csv(const Report& r) {
  std::ostringstream out;
  out << report_csv_header << "\n";
  for (const auto& row : r.rows) {
    const bool fraction = row.unit == "share" || row.unit == "average" || row.unit == "days";
    out << row.measure << "," << csv_field(row.label) << "," << format_date(row.from) << "," << format_date(row.to) << ","
        << number(row.numerator, row.unit == "days") << "," << number(row.denominator, false) << ","
        << number(row.value, fraction) << "," << (row.target ? number(*row.target, fraction) : "") << "," << row.state
        << "\n";
  }
  return out.str();
}

std::string report_json(const Report& r) {
  nlohmann::ordered_json j;
  j["team"] = r.team;
  j["time_zone"] = r.time_zone;
  j["period_from"] = format_date(r.from);
  j["period_to"] = format_date(r.to);
  j["generated_at"] = format_utc(r.generated);
  j["measures"] = nlohmann::ordered_json::array();
  for (const auto& row : r.rows) {
    nlohmann::ordered_json m;
    m["measure"] = row.measure;
    m["label"] = row.label;
    m["group"] = row.group;
    m["period_from"] = format_date(row.from);
    m["period_to"] = format_date(row.to);
    m["numerator"] = row.numerator;
    m["denominator"] = row.denominator;
    m["value"] = row.value;
    m["unit"] = row.unit;
    m["target"] = row.target ? nlohmann::ordered_json(*row.target) : nlohmann::ordered_json(nullptr);
    m["state"] = row.state.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(row.state);
    m["definition"] = row.definition;
    m["source"] = row.source;
    m["episodes"] = row.episodes;
    if (!row.weekly.empty()) {
      m["weekly"] = nlohmann::ordered_json::array();
      for (size_t i = 0; i < row.weekly.size(); ++i)
        m["weekly"].push_back(row.weekly_has_data[i] ? nlohmann::ordered_json(row.weekly[i]) : nlohmann::ordered_json(nullptr));
    }
    j["measures"].push_back(std::move(m));
  }
  return j.dump(2) + "\n";
}

}  // namespace vb::report
