#pragma once
// Imports from the record and rostering systems, planned before anything is written: every
// problem of a CSV file (FILE:LINE:COLUMN: what), or the exact rows to add and change. The column
// sets are documented in data/imports/*.md.
#include "archive/csv_reader.hpp"
#include "core/snapshot.hpp"
#include "store/import_writer.hpp"

#include <map>
#include <string>
#include <vector>

namespace vb::archive {

enum class ImportKind { staff, caseload, rota };
std::optional<ImportKind> parse_import_kind(std::string_view word);
std::string_view to_string(ImportKind kind);

struct ImportPlan {
  std::vector<std::string> problems;  // "rota.csv:4:5: ..." in file order; empty when valid
  store::ImportWrites writes;         // what to add and change (unchanged rows are left out)
  std::vector<std::string> changes;   // one line per write, for --dry-run and the summary
  int added = 0;
  int changed = 0;
  int unchanged = 0;
  int viewer_only = 0;  // staff import: new staff without roles in the file, given the viewer role only
};

// `keys` are the stored external ids of this kind's source (store::import_keys). The snapshot is
// the database as it is now; `file_name` prefixes every problem.
ImportPlan plan_import(ImportKind kind, const CsvTable& csv, const std::string& file_name, const Snapshot& now_state,
                       const std::map<std::string, Id>& keys);

}  // namespace vb::archive
