#pragma once
// The step-down parts of a snapshot (migration 006): the phase columns for weekly frequency, windows
// and minimum visit length; each visit's plan slot and hand-edited mark; risk reassessments and plan changes.
#include "core/snapshot.hpp"
#include "store/database.hpp"

#include <string>
#include <vector>

namespace vb::store {

// Call after plans and visits are loaded, inside the loader's read transaction.
void load_step_down(Database& db, vb::Snapshot& s);
// Part of write_snapshot's transaction, after plans and visits are written.
void write_step_down(Database& db, const vb::Snapshot& s);

// Stored forms of the phase lists ("1,4", "morning,evening").
std::string stored_weekdays(const std::vector<int>& days);
std::string stored_windows(const std::vector<vb::DayPart>& parts);
std::string stored_list(const std::vector<std::string>& words);  // "rationale,step_down"

}  // namespace vb::store
