// `visitboard report --from D --to D --format pdf|csv|json`: the commissioner report on stdout, from
// the same figures and definitions as the compliance and outcomes screens.
#include "app/commands.hpp"
#include "app/compliance_rules_file.hpp"
#include "app/session.hpp"
#include "platform/asset_paths.hpp"
#include "report/commissioner_report.hpp"

#include <iostream>

namespace vb::app {

int run_report(const CommandLine& cl) {
  const std::string format = cl.option("format").value_or("csv");
  if (format != "pdf" && format != "csv" && format != "json")
    throw UsageError("--format must be pdf, csv or json, not '" + format + "'");
  auto date_option = [&](const char* name) {
    auto text = cl.option(name);
    if (!text) throw UsageError(std::string("report needs --") + name + " YYYY-MM-DD");
    auto d = parse_date(*text);
    if (!d) throw UsageError(std::string("--") + name + " '" + *text + "' is not a date (YYYY-MM-DD)");
    return *d;
  };
  const LocalDate from = date_option("from");
  const LocalDate to = date_option("to");
  if (to < from) throw UsageError("--to " + format_date(to) + " is before --from " + format_date(from));
  if (date::sys_days{to} - date::sys_days{from} > date::days{3660})
    throw UsageError("the period is longer than ten years; ask for a shorter one");

  const ComplianceRules rules = load_team_compliance_rules();
  Session s = open_session(cl, false);
  const report::Report r = report::build_report(s.model.snapshot, rules, from, to, s.clock->now());
  if (format == "csv") std::cout << report::report_csv(r);
  else if (format == "json") std::cout << report::report_json(r);
  else std::cout << report::report_pdf(r);
  std::cout.flush();
  return exit_ok;
}

}  // namespace vb::app
