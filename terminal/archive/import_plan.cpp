// Which import is which: the three column sets' planners behind one entry point.
#include "archive/import_plan.hpp"

#include "archive/import_sources.hpp"

namespace vb::archive {

std::optional<ImportKind> parse_import_kind(std::string_view word) {
  if (word == "staff") return ImportKind::staff;
  if (word == "caseload") return ImportKind::caseload;
  if (word == "rota") return ImportKind::rota;
  return std::nullopt;
}

std::string_view to_string(ImportKind kind) {
  switch (kind) {
    case ImportKind::staff: return "staff";
    case ImportKind::caseload: return "caseload";
    case ImportKind::rota: return "rota";
  }
  return "?";
}

ImportPlan plan_import(ImportKind kind, const CsvTable& csv, const std::string& file_name, const Snapshot& state,
                       const std::map<std::string, Id>& keys) {
  ImportProblems problems(file_name);
  ImportPlan plan;
  plan.writes.source = std::string(to_string(kind));
  switch (kind) {
    case ImportKind::staff: plan_staff(csv, state, problems, plan); break;
    case ImportKind::caseload: plan_caseload(csv, state, keys, problems, plan); break;
    case ImportKind::rota: plan_rota(csv, state, keys, problems, plan); break;
  }
  plan.problems = problems.sorted();
  if (!plan.problems.empty()) {
    plan.writes = store::ImportWrites{plan.writes.source, {}, {}, {}, {}};
    plan.changes.clear();
    plan.added = plan.changed = plan.unchanged = 0;
  }
  return plan;
}

}  // namespace vb::archive
