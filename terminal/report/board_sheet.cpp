// Renders a DayBoard as text, csv or json. Times are local ISO-8601 with their UTC offset.
#include "report/board_sheet.hpp"

#include <nlohmann/json.hpp>

#include <sstream>

namespace vb::report {

const char* const board_csv_header =
    "person_id,initials,stage,phase,zone,risk,named_worker,next_review_due,review_status,visit_id,"
    "window_start,window_end,type,status,staff,ooh,double_up";

namespace {

// "2026-11-23T09:00:00+00:00": local wall time that still names the instant exactly.
std::string local_iso(Instant t, Zone zone) {
  auto zoned = date::make_zoned(zone, t);
  auto offset = zoned.get_info().offset;
  auto mins = std::chrono::duration_cast<std::chrono::minutes>(offset).count();
  char sign = mins < 0 ? '-' : '+';
  if (mins < 0) mins = -mins;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, static_cast<int>(mins / 60), static_cast<int>(mins % 60));
  return date::format("%Y-%m-%dT%H:%M:%S", zoned.get_local_time()) + buf;
}

std::string csv_field(std::string_view v) {
  if (v.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(v);
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string staff_ids(const Visit& v) {
  std::string out = v.staff1;
  if (!v.staff2.empty()) out += (out.empty() ? "" : ";") + v.staff2;
  return out;
}

std::string initials_of(const Snapshot& s, const StaffId& id) {
  const Staff* st = s.find_staff(id);
  return st ? st->initials : id.str();
}

std::string review_due_text(const BoardRow& row, Zone zone) {
  return row.next_review_due ? local_iso(*row.next_review_due, zone) : "";
}

std::string csv(const Snapshot& s, const DayBoard& board, const SheetOptions& o) {
  Zone zone = s.zone();
  std::ostringstream out;
  out << board_csv_header << (o.names ? ",name" : "") << "\n";
  for (const auto& row : board.rows) {
    for (const auto& bv : row.visits) {
      const Visit& v = *bv.visit;
      out << row.person->id << ',' << csv_field(row.person->initials()) << ',' << to_string(row.episode->stage) << ','
          << csv_field(row.phase) << ',' << csv_field(row.episode->zone) << ',' << to_string(row.episode->risk) << ','
          << csv_field(row.episode->named_worker) << ',' << review_due_text(row, zone) << ','
          << to_string(row.review_status) << ',' << v.id << ',' << local_iso(v.window_start, zone) << ','
          << local_iso(v.window_end, zone) << ',' << to_string(v.type) << ',' << to_string(v.status) << ','
          << csv_field(staff_ids(v)) << ',' << (v.out_of_hours ? 1 : 0) << ',' << (v.double_up ? 1 : 0);
      if (o.names) out << ',' << csv_field(row.person->display_name());
      out << "\n";
    }
  }
  return out.str();
}

std::string json(const Snapshot& s, const DayBoard& board, const SheetOptions& o) {
  Zone zone = s.zone();
  nlohmann::ordered_json people = nlohmann::ordered_json::array();
  for (const auto& row : board.rows) {
    nlohmann::ordered_json p;
    p["person_id"] = row.person->id;
    p["initials"] = row.person->initials();
    if (o.names) p["name"] = row.person->display_name();
    p["stage"] = to_string(row.episode->stage);
    p["phase"] = row.phase;
    p["zone"] = row.episode->zone;
    p["risk"] = to_string(row.episode->risk);
    p["named_worker"] = row.episode->named_worker;
    p["next_review_due"] = row.next_review_due ? nlohmann::ordered_json(local_iso(*row.next_review_due, zone)) : nullptr;
    p["review_status"] = to_string(row.review_status);
    nlohmann::ordered_json visits = nlohmann::ordered_json::array();
    for (const auto& bv : row.visits) {
      const Visit& v = *bv.visit;
      nlohmann::ordered_json j;
      j["visit_id"] = v.id;
      j["window_start"] = local_iso(v.window_start, zone);
      j["window_end"] = local_iso(v.window_end, zone);
      j["type"] = to_string(v.type);
      j["status"] = to_string(v.status);
      j["missed"] = bv.missed;
      nlohmann::ordered_json staff = nlohmann::ordered_json::array();
      if (!v.staff1.empty()) staff.push_back(v.staff1);
      if (!v.staff2.empty()) staff.push_back(v.staff2);
      j["staff"] = staff;
      j["ooh"] = v.out_of_hours;
      j["double_up"] = v.double_up;
      visits.push_back(j);
    }
    p["visits"] = visits;
    nlohmann::ordered_json carried = nlohmann::ordered_json::array();
    for (const auto& bv : row.unresolved_missed) {
      carried.push_back({{"visit_id", bv.visit->id}, {"window_start", local_iso(bv.visit->window_start, zone)},
                         {"status", to_string(bv.visit->status)}});
    }
    p["missed_without_follow_up"] = carried;
    people.push_back(p);
  }
  nlohmann::ordered_json doc;
  doc["date"] = format_date(board.date);
  doc["team"] = s.team.name;
  doc["generated_at"] = local_iso(board.now, zone);
  doc["people"] = people;
  return doc.dump(2) + "\n";
}

std::string text(const Snapshot& s, const DayBoard& board, const SheetOptions& o) {
  Zone zone = s.zone();
  std::ostringstream out;
  out << s.team.name << " — visit board for " << format_day_label(board.date) << " " << date::format("%Y", board.date)
      << "\nPrinted " << format_local_datetime(board.now, zone) << " · " << board.rows.size() << " people · "
      << board.visit_count << " visits (" << board.done_count << " done, " << board.missed_count << " missed, "
      << board.unallocated_count << " unallocated) · " << board.needs_follow_up_count
      << " missed with no follow-up\n\n";
  for (const auto& row : board.rows) {
    std::string who = o.names ? row.person->display_name() : row.person->initials();
    out << who << " (" << row.person->local_id << ")  " << risk_label(row.episode->risk) << " risk · "
        << stage_label(row.episode->stage) << " · zone " << row.episode->zone;
    if (!row.phase.empty()) out << " · " << row.phase;
    out << " · named worker " << initials_of(s, row.episode->named_worker);
    if (row.next_review_due) {
      out << " · review " << to_string(row.review_status) << " (" << format_local_datetime(*row.next_review_due, zone)
          << ")";
    }
    out << "\n";
    for (const auto& bv : row.unresolved_missed) {
      out << "    #" << bv.visit->id << "  MISSED " << format_day_label(bv.visit->date) << " "
          << format_local_hm(bv.visit->window_start, zone) << " (" << status_label(bv.visit->status)
          << "), NO FOLLOW-UP YET\n";
    }
    if (row.visits.empty()) out << "    no visits this day\n";
    for (const auto& bv : row.visits) {
      const Visit& v = *bv.visit;
      out << "    #" << v.id << "  " << format_local_hm(v.window_start, zone) << "-" << format_local_hm(v.window_end, zone)
          << "  " << to_string(v.type) << "  " << status_label(v.status);
      if (bv.missed && v.status == VisitStatus::planned) out << " (MISSED)";
      out << "  staff: " << (v.allocated() ? initials_of(s, v.staff1) : "UNALLOCATED");
      if (!v.staff2.empty()) out << "+" << initials_of(s, v.staff2);
      if (v.double_up) out << "  double-up";
      if (v.out_of_hours) out << "  out-of-hours";
      if (bv.needs_follow_up) out << "  NEEDS FOLLOW-UP";
      out << "\n";
    }
  }
  return out.str();
}

}  // namespace

std::string board_sheet(const Snapshot& s, const DayBoard& board, const SheetOptions& o) {
  switch (o.format) {
    case SheetFormat::csv: return csv(s, board, o);
    case SheetFormat::json: return json(s, board, o);
    case SheetFormat::text: return text(s, board, o);
  }
  return "";
}

}  // namespace vb::report
