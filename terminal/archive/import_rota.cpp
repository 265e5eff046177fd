// rota.csv (data/imports/rota.md): one row per shift, matched on the rostering system's shift_id.
// Start and end are local wall times on the shift's date (an end at or before the start is the
// next morning); no person may have two shifts that overlap, in the file or against the database.
#include "archive/import_sources.hpp"

#include <algorithm>

namespace vb::archive {

namespace {

const ColumnSet rota_columns{{"shift_id", "staff_id", "date", "kind", "start", "end"}, {}};

struct Placed {
  Shift shift;
  int line = 0;        // 0: a stored shift this file does not touch
  int start_column = 0;
  std::string label;   // "shift R-12" or "stored shift 812"
};

std::string span(const Shift& s, Zone zone) {
  std::string start = format_local_datetime(s.start, zone);
  start[10] = ' ';
  return start + " to " + format_local_hm(s.end, zone);
}

void check_overlaps(std::vector<Placed> all, Zone zone, ImportProblems& problems) {
  std::sort(all.begin(), all.end(), [](const Placed& a, const Placed& b) {
    return std::tie(a.shift.staff_id, a.shift.start, a.line) < std::tie(b.shift.staff_id, b.shift.start, b.line);
  });
  for (std::size_t i = 0; i < all.size(); ++i) {
    for (std::size_t j = i + 1; j < all.size() && all[j].shift.staff_id == all[i].shift.staff_id; ++j) {
      if (all[j].shift.start >= all[i].shift.end) break;
      const Placed& reported = all[j].line ? all[j] : all[i];
      const Placed& other = all[j].line ? all[i] : all[j];
      if (!reported.line) continue;  // two stored shifts: not this file's problem
      problems.add(reported.line, reported.start_column,
                   reported.label + " for " + reported.shift.staff_id + " (" + span(reported.shift, zone) + ") overlaps " +
                       other.label + (other.line ? " on line " + std::to_string(other.line) : "") + " (" + span(other.shift, zone) + ")");
    }
  }
}

}  // namespace

void plan_rota(const CsvTable& csv, const Snapshot& state, const std::map<std::string, Id>& keys,
               ImportProblems& problems, ImportPlan& plan) {
  auto columns = read_header(csv, rota_columns, problems);
  if (!columns) return;
  const Zone zone = state.zone();
  std::map<std::string, int> seen;
  std::vector<Placed> placed;
  std::vector<Id> replaced;  // stored shifts this file updates
  for (std::size_t r = 1; r < csv.records.size(); ++r) {
    Row row(csv.records[r], *columns, problems);
    const std::size_t before = problems.count();
    auto id = row.text("shift_id", true);
    auto staff = row.text("staff_id", true);
    auto day = row.date("date");
    CsvField kind_field = row.field("kind");
    auto kind = parse_shift_kind(kind_field.text);
    if (!kind) problems.add(kind_field, "kind '" + kind_field.text + "' is not early, late, twilight or night");
    auto start = row.time_of_day("start");
    auto end = row.time_of_day("end");
    if (staff && !staff->empty()) {
      const Staff* s = state.find_staff(*staff);
      if (!s) problems.add(row.field("staff_id"), "staff_id '" + *staff + "' is not a known member of staff (import staff first)");
      else if (!s->active) problems.add(row.field("staff_id"), "staff_id '" + *staff + "' is not active");
    }
    if (id && !id->empty()) {
      auto [it, fresh] = seen.emplace(*id, row.line());
      if (!fresh) problems.add(row.field("shift_id"), "shift_id '" + *id + "' already appears on line " + std::to_string(it->second));
    }
    if (problems.count() != before) continue;

    Shift s;
    s.staff_id = *staff;
    s.kind = *kind;
    s.date = *day;
    s.start = local_day_time(*day, *start, zone);
    // An end at or before the start is on the next day (a night shift); clock changes follow from_local.
    LocalDate end_day = *end <= *start ? LocalDate{date::sys_days(*day) + date::days(1)} : *day;
    s.end = local_day_time(end_day, *end, zone);
    std::optional<Shift> stored;
    if (auto k = keys.find(*id); k != keys.end()) {
      auto found = std::find_if(state.shifts.begin(), state.shifts.end(), [&](const Shift& x) { return x.id == k->second; });
      if (found == state.shifts.end()) {
        problems.add(row.field("shift_id"), "shift_id '" + *id + "' was imported before but its shift is gone");
        continue;
      }
      stored = *found;
      s.id = found->id;
      s.team_id = found->team_id;
      replaced.push_back(found->id);
    }
    placed.push_back({s, row.line(), row.field("start").column, "shift " + *id});
    if (stored && stored->staff_id == s.staff_id && stored->kind == s.kind && stored->date == s.date &&
        stored->start == s.start && stored->end == s.end) {
      ++plan.unchanged;
      continue;
    }
    plan.writes.shifts.push_back({stored, s, *id});
    (stored ? plan.changed : plan.added)++;
    plan.changes.push_back(std::string(stored ? "change" : "add") + " shift " + *id + " for " + s.staff_id + " (" + span(s, zone) + ")");
  }
  for (const auto& s : state.shifts) {
    if (std::find(replaced.begin(), replaced.end(), s.id) == replaced.end()) {
      placed.push_back({s, 0, 0, "stored shift " + std::to_string(s.id)});
    }
  }
  check_overlaps(std::move(placed), zone, problems);
}

}  // namespace vb::archive
