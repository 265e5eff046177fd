// `visitboard board`: the day's board as text, csv or json on stdout.
#include "app/commands.hpp"
#include "app/session.hpp"
#include "report/board_sheet.hpp"

#include <iostream>

namespace vb::app {

int run_board(const CommandLine& cl) {
  report::SheetOptions options;
  std::string format = cl.option("format").value_or("text");
  if (format == "text") options.format = report::SheetFormat::text;
  else if (format == "csv") options.format = report::SheetFormat::csv;
  else if (format == "json") options.format = report::SheetFormat::json;
  else throw UsageError("--format must be text, csv or json, not '" + format + "'");
  options.names = cl.flag("names");

  Session s = open_session(cl, false);
  Instant now = s.clock->now();
  LocalDate day = local_date_of(now, s.model.snapshot.zone());
  if (auto d = cl.option("date")) {
    auto parsed = parse_date(*d);
    if (!parsed) throw UsageError("--date '" + *d + "' is not a date (YYYY-MM-DD)");
    day = *parsed;
  }
  DayBoard board = build_day_board(s.model.snapshot, day, now);
  std::cout << report::board_sheet(s.model.snapshot, board, options);
  return exit_ok;
}

}  // namespace vb::app
