// staff.csv (data/imports/staff.md): one row per member of staff, matched on staff_id.
#include "archive/import_sources.hpp"

#include <algorithm>
#include <set>

namespace vb::archive {

namespace {

const ColumnSet staff_columns{{"staff_id", "name", "initials", "discipline"}, {"skills", "part_time", "active", "roles"}};

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
         a.part_time == b.part_time && a.active == b.active && a.roles == b.roles;
}

// The optional `roles` column (issue 7): "clinician;coordinator". Every member of staff views the
// board, so viewer is always added. nullopt (with a problem recorded) when a word is not a role.
std::optional<std::vector<Role>> read_roles(const Row& row, ImportProblems& problems) {
  const CsvField field = row.field("roles");
  std::vector<Role> roles{Role::viewer};
  bool ok = true;
  for (const std::string& word : split_skills(field.text)) {
    auto r = parse_role(word);
    if (!r) {
      problems.add(field, "'" + word + "' is not a role (viewer, clinician, coordinator, senior_reviewer, manager, admin)");
      ok = false;
      continue;
    }
    if (std::find(roles.begin(), roles.end(), *r) == roles.end()) roles.push_back(*r);
  }
  if (!ok) return std::nullopt;
  std::sort(roles.begin(), roles.end());
  return roles;
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
    // Roles: the column's list replaces a person's roles; an empty cell (or no column) keeps a known
    // person's roles and gives a new person the viewer role only.
    const bool roles_given = columns->count("roles") > 0 && !row.field("roles").text.empty();
    std::optional<std::vector<Role>> roles = roles_given ? read_roles(row, problems) : std::optional<std::vector<Role>>{};
    if (roles_given && !roles) continue;
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
    if (roles) s.roles = *roles;
    else if (existing) s.roles = existing->roles;
    else {
      s.roles = {Role::viewer};
      ++plan.viewer_only;
    }
    if (existing && same(*existing, s)) {
      ++plan.unchanged;
      continue;
    }
    if (existing) s.team_id = existing->team_id;
    plan.writes.staff.push_back({existing ? std::optional<Staff>(*existing) : std::nullopt, s, s.id});
    (existing ? plan.changed : plan.added)++;
    plan.changes.push_back(std::string(existing ? "change" : "add") + " staff " + s.id + " (" + s.name + ")");
  }
  // An import must not leave the terminal without an active admin (nobody could manage PINs and
  // roles on the kiosk): refused on the row that takes the last admin away.
  auto admin = [](const Staff& m) { return m.active && m.has_role(Role::admin); };
  const bool had_admin = std::any_of(state.staff.begin(), state.staff.end(), admin);
  if (!had_admin || plan.writes.staff.empty()) return;
  std::map<std::string, const Staff*> after;
  for (const auto& m : state.staff) after[m.id] = &m;
  for (const auto& u : plan.writes.staff) after[u.after.id] = &u.after;
  if (std::any_of(after.begin(), after.end(), [&](const auto& kv) { return admin(*kv.second); })) return;
  for (const auto& u : plan.writes.staff) {
    if (!u.before || !admin(*u.before)) continue;
    problems.add(seen.at(u.after.id), 1,
                 "this would leave no active admin (" + u.after.id + " loses the admin role or is made inactive): "
                 "give someone else the admin role in the file first");
    return;
  }
}

}  // namespace vb::archive
