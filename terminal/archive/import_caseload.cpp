// caseload.csv (data/imports/caseload.md): one row per referral (episode) with its person. People
// are matched on local_id, episodes on the record system's referral_id (remembered in import_key).
#include "archive/import_sources.hpp"

#include "core/nhs_number.hpp"

namespace vb::archive {

namespace {

const ColumnSet caseload_columns{
    {"referral_id", "local_id", "given_name", "family_name", "date_of_birth", "referral_at", "accepted_at"},
    {"nhs_number", "priority", "risk", "named_worker", "zone"}};

bool same_person(const Person& a, const Person& b) {
  return a.nhs_number == b.nhs_number && a.given_name == b.given_name && a.family_name == b.family_name &&
         a.date_of_birth == b.date_of_birth;
}

bool same_episode(const Episode& a, const Episode& b) {
  return a.referral_at == b.referral_at && a.accepted_at == b.accepted_at && a.referral_priority == b.referral_priority &&
         a.risk == b.risk && a.named_worker == b.named_worker && a.zone == b.zone;
}

struct FilePerson {
  Person person;
  int line = 0;
};

}  // namespace

void plan_caseload(const CsvTable& csv, const Snapshot& state, const std::map<std::string, Id>& keys,
                   ImportProblems& problems, ImportPlan& plan) {
  auto columns = read_header(csv, caseload_columns, problems);
  if (!columns) return;
  const Zone zone = state.zone();
  std::map<std::string, FilePerson> people;       // by local_id, first row wins
  std::map<std::string, std::string> nhs_owner;   // nhs number -> local_id in this file
  std::map<std::string, int> referrals;           // referral_id -> line

  for (std::size_t r = 1; r < csv.records.size(); ++r) {
    Row row(csv.records[r], *columns, problems);
    const std::size_t before = problems.count();
    auto referral = row.text("referral_id", true);
    auto local_id = row.text("local_id", true);
    auto given = row.text("given_name", true);
    auto family = row.text("family_name", true);
    auto dob = row.date("date_of_birth");
    auto referral_at = row.local_instant("referral_at", zone);
    auto accepted_at = row.local_instant("accepted_at", zone);
    auto priority = row.number("priority", 1, 4, 3);

    CsvField nhs_field = row.field("nhs_number");
    std::string nhs;
    if (!nhs_field.text.empty()) {
      if (auto problem = nhs_number_problem(nhs_field.text)) problems.add(nhs_field, "nhs_number " + *problem);
      else nhs = *normalise_nhs_number(nhs_field.text);
    }
    CsvField risk_field = row.field("risk");
    auto risk = risk_field.text.empty() ? std::optional<RiskLevel>(RiskLevel::medium) : parse_risk_level(risk_field.text);
    if (!risk) problems.add(risk_field, "risk '" + risk_field.text + "' is not low, medium or high");
    CsvField worker = row.field("named_worker");
    if (!worker.text.empty() && !state.find_staff(worker.text)) problems.add(worker, "named_worker '" + worker.text + "' is not a known member of staff");
    CsvField zone_field = row.field("zone");
    if (!zone_field.text.empty() && !state.find_zone_rule(zone_field.text)) problems.add(zone_field, "zone '" + zone_field.text + "' is not one of the team's zones");
    if (referral_at && accepted_at && *accepted_at < *referral_at) problems.add(row.field("accepted_at"), "accepted_at is before referral_at");
    if (referral && !referral->empty()) {
      auto [it, fresh] = referrals.emplace(*referral, row.line());
      if (!fresh) problems.add(row.field("referral_id"), "referral_id '" + *referral + "' already appears on line " + std::to_string(it->second));
    }
    if (problems.count() != before) continue;

    Person p;
    p.local_id = *local_id;
    p.nhs_number = nhs;
    p.given_name = *given;
    p.family_name = *family;
    p.date_of_birth = *dob;
    auto [known, fresh] = people.emplace(p.local_id, FilePerson{p, row.line()});
    if (!fresh && !same_person(known->second.person, p)) {
      problems.add(row.field("local_id"), "local_id '" + p.local_id + "' has other details on line " + std::to_string(known->second.line));
      continue;
    }
    if (!nhs.empty()) {
      auto [owner, first] = nhs_owner.emplace(nhs, p.local_id);
      if (!first && owner->second != p.local_id) {
        problems.add(nhs_field, "nhs_number " + format_nhs_number(nhs) + " is also given for local_id '" + owner->second + "'");
        continue;
      }
      for (const auto& other : state.people) {
        if (other.nhs_number == nhs && other.local_id != p.local_id) {
          problems.add(nhs_field, "nhs_number " + format_nhs_number(nhs) + " belongs to " + other.local_id + " in the database");
        }
      }
    }

    Episode e;
    e.referral_at = *referral_at;
    e.accepted_at = *accepted_at;
    e.referral_priority = *priority;
    e.risk = *risk;
    e.named_worker = worker.text;
    e.zone = zone_field.text;
    std::optional<Episode> stored;
    if (auto k = keys.find(*referral); k != keys.end()) {
      const Episode* found = state.find_episode(k->second);
      const Person* owner = found ? state.find_person(found->person_id) : nullptr;
      if (!found || !owner) {
        problems.add(row.field("referral_id"), "referral_id '" + *referral + "' was imported before but its episode is gone");
        continue;
      }
      if (owner->local_id != p.local_id) {
        problems.add(row.field("local_id"), "referral_id '" + *referral + "' belongs to " + owner->local_id + " in the database");
        continue;
      }
      stored = *found;
      e.id = found->id;
      e.person_id = found->person_id;
      e.team_id = found->team_id;
    }
    if (stored && same_episode(*stored, e)) {
      ++plan.unchanged;
    } else {
      plan.writes.episodes.push_back({{stored, e, *referral}, p.local_id});
      (stored ? plan.changed : plan.added)++;
      plan.changes.push_back(std::string(stored ? "change" : "add") + " episode for referral " + *referral + " (" + p.local_id + ")");
    }
  }
  if (!problems.empty()) return;
  // People go first: new episodes find their person by local_id.
  for (const auto& [local_id, fp] : people) {
    const Person* existing = nullptr;
    for (const auto& q : state.people) existing = q.local_id == local_id ? &q : existing;
    if (existing && same_person(*existing, fp.person)) continue;
    plan.writes.people.push_back({existing ? std::optional<Person>(*existing) : std::nullopt, fp.person, local_id});
    (existing ? plan.changed : plan.added)++;
    plan.changes.push_back(std::string(existing ? "change" : "add") + " person " + local_id);
  }
}

}  // namespace vb::archive
