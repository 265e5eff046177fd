// staff.csv (data/imports/staff.md): one row per member of staff, matched on staff_id.
#include "archive/import_sources.hpp"

#include <set>

namespace vb::archive {

namespace {

const ColumnSet staff_columns{{"staff_id", "name", "initials", "discipline"}, {"skills", "part_time", "active"}};

std::vector<std::string> split_skills(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    std::string s = text.substr(start, end - start);
    auto b = s.find_first_not_of(' ');
    if (b != std::string::npos) out.push_back(s.substr(b, s.find_last_not_of(' ') - b + 1));
    start = end + 1;
  }
  return out;
}

bool same(const Staff& a, const Staff& b) {
  return a.name == b.name && a.initials == b.initials && a.discipline == b.discipline && a.skills == b.skills &&
         a.part_time == b.part_time && a.active == b.active;
}

}  // namespace

void plan_staff(const CsvTable& csv, const Snapshot& state, ImportProblems& problems, ImportPlan& plan) {
  auto columns = read_header(csv, staff_columns, problems);
  if (!columns) return;
  std::map<std::string, int> seen;
  for (std::size_t r = 1; r < csv.records.size(); ++r) {
    Row row(csv.records[r], *columns, problems);
    auto id = row.text("staff_id", true);
    auto name = row.text("name", true);
    auto initials = row.text("initials", true);
    auto discipline = row.text("discipline", true);
    auto part_time = row.yes_no("part_time", false);
    auto active = row.yes_no("active", true);
    if (id && !id->empty()) {
      auto [it, fresh] = seen.emplace(*id, row.line());
      if (!fresh) problems.add(row.field("staff_id"), "staff_id '" + *id + "' already appears on line " + std::to_string(it->second));
    }
    std::vector<std::string> skills = split_skills(row.field("skills").text);
    std::set<std::string> distinct(skills.begin(), skills.end());
    if (distinct.size() != skills.size()) problems.add(row.field("skills"), "skills lists a skill twice");
    if (!id || !name || !initials || !discipline || !part_time || !active) continue;

    Staff s;
    s.id = *id;
    s.name = *name;
    s.initials = *initials;
    s.discipline = *discipline;
    s.skills = skills;
    s.part_time = *part_time;
    s.active = *active;
    const Staff* existing = state.find_staff(s.id);
    if (existing && same(*existing, s)) {
      ++plan.unchanged;
      continue;
    }
    if (existing) s.team_id = existing->team_id;
    plan.writes.staff.push_back({existing ? std::optional<Staff>(*existing) : std::nullopt, s, s.id});
    (existing ? plan.changed : plan.added)++;
    plan.changes.push_back(std::string(existing ? "change" : "add") + " staff " + s.id + " (" + s.name + ")");
  }
}

}  // namespace vb::archive
