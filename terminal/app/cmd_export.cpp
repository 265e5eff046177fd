// `visitboard export [visits|episodes|reviews] --format csv|json [--from D] [--to D]`: rows for the
// trust's data team on stdout. csv: one kind, stable columns; json: a FHIR R4 Bundle (all kinds
// unless one is named).
#include "app/commands.hpp"
#include "app/session.hpp"
#include "archive/export.hpp"

#include <iostream>

namespace vb::app {

namespace {

std::optional<LocalDate> date_option(const CommandLine& cl, const std::string& name) {
  auto text = cl.option(name);
  if (!text) return std::nullopt;
  auto d = parse_date(*text);
  if (!d) throw UsageError("--" + name + " '" + *text + "' is not a date YYYY-MM-DD");
  return d;
}

}  // namespace

int run_export(const CommandLine& cl) {
  std::optional<archive::ExportKind> kind;
  if (!cl.positional.empty()) {
    kind = archive::parse_export_kind(cl.positional[0]);
    if (!kind) throw UsageError("export '" + cl.positional[0] + "': choose visits, episodes or reviews");
  }
  const std::string format = cl.option("format").value_or("json");
  if (format != "csv" && format != "json") throw UsageError("--format '" + format + "': choose csv or json");
  if (format == "csv" && !kind) throw UsageError("export --format csv needs one of visits, episodes or reviews");
  archive::ExportRange range{date_option(cl, "from"), date_option(cl, "to")};

  Session s = open_session(cl, false);
  if (format == "csv") std::cout << archive::export_csv(s.model.snapshot, *kind, range);
  else std::cout << archive::export_fhir_json(s.model.snapshot, kind, range);
  return exit_ok;
}

}  // namespace vb::app
