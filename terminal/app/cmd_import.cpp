// `visitboard import staff|caseload|rota FILE.csv [--dry-run]`: every problem of the file as
// FILE:LINE:COLUMN: what (exit 1, nothing written), else all rows in one transaction with audit
// rows. --dry-run prints what would change and writes nothing. Matching on external ids makes a
// second import of the same file change nothing.
#include "app/commands.hpp"
#include "app/session.hpp"
#include "archive/file_ops.hpp"
#include "archive/import_plan.hpp"
#include "store/import_writer.hpp"

#include <iostream>

namespace vb::app {

int run_import(const CommandLine& cl) {
  if (cl.positional.size() != 2) throw UsageError("import needs what and a file: import staff|caseload|rota FILE.csv");
  auto kind = archive::parse_import_kind(cl.positional[0]);
  if (!kind) throw UsageError("import '" + cl.positional[0] + "': choose staff, caseload or rota");
  const std::string& file = cl.positional[1];
  const bool dry_run = cl.flag("dry-run");

  Session s = open_session(cl, false);
  const std::string text = archive::read_file(file, archive::max_csv_bytes);
  auto csv = archive::read_csv(text);
  auto keys = store::import_keys(s.db, std::string(archive::to_string(*kind)));
  auto plan = archive::plan_import(*kind, csv, file, s.model.snapshot, keys);
  if (!plan.problems.empty()) {
    for (const auto& p : plan.problems) std::cerr << p << "\n";
    std::cerr << file << ": " << plan.problems.size() << (plan.problems.size() == 1 ? " problem" : " problems")
              << "; nothing imported\n";
    return exit_refused;
  }
  for (const auto& change : plan.changes) std::cout << (dry_run ? "would " : "") << change << "\n";
  std::string counts = std::to_string(plan.added) + " added, " + std::to_string(plan.changed) + " changed, " +
                       std::to_string(plan.unchanged) + " unchanged";
  if (dry_run) {
    std::cerr << "import " << archive::to_string(*kind) << " (dry run): " << counts << "; nothing written\n";
    if (plan.viewer_only > 0) std::cerr << "would give " << plan.viewer_only << " new staff the viewer role only (no roles in the file)\n";
    return exit_ok;
  }
  if (plan.writes.size() > 0) store::apply_import(s.db, plan.writes, s.clock->now(), "import");
  std::cerr << "import " << archive::to_string(*kind) << ": " << counts << "\n";
  if (plan.viewer_only > 0)
    std::cerr << plan.viewer_only << " new staff have the viewer role only (no roles in the file): grant more on the "
              << "Admin screen (Staff and access) or with `visitboard roles STAFF ROLES`\n";
  return exit_ok;
}

}  // namespace vb::app
