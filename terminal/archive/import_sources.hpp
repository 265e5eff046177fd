#pragma once
// The three planners behind plan_import (one file each): they read rows through import_fields,
// record problems, and fill the plan's writes and change lines.
#include "archive/import_fields.hpp"
#include "archive/import_plan.hpp"

namespace vb::archive {

void plan_staff(const CsvTable& csv, const Snapshot& state, ImportProblems& problems, ImportPlan& plan);
void plan_caseload(const CsvTable& csv, const Snapshot& state, const std::map<std::string, Id>& keys,
                   ImportProblems& problems, ImportPlan& plan);
void plan_rota(const CsvTable& csv, const Snapshot& state, const std::map<std::string, Id>& keys,
               ImportProblems& problems, ImportPlan& plan);

}  // namespace vb::archive
