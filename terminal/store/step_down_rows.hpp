#pragma once
// The step-down parts of a snapshot (migration 006): the phase columns for weekly frequency, windows
// and minimum visit length; each visit's plan slot and hand-edited mark; risk reassessments and plan changes.
#include "core/snapshot.hpp"
#include "store/database.hpp"
#include "store/typed_rows.hpp"

#include <string>
#include <vector>

namespace vb::store {

// Call after plans and visits are loaded, inside the loader's read transaction.
void load_step_down(Database& db, vb::Snapshot& s);
// The step-down columns of one contact_phase row (per_week, weekdays, windows, min_visit_min at
// `first` .. first+3), read by the loader's single pass over contact_phase; failures name the row.
void read_step_down_phase(const StoredRow& r, int first, vb::ContactPhase& p);
// A visit row's plan_slot and hand_edited (at `first`, first+1), read by the loader's visit pass.
void read_step_down_visit(const StoredRow& r, int first, vb::Visit& v);
// Part of write_snapshot's transaction, after plans and visits are written.
void write_step_down(Database& db, const vb::Snapshot& s);

// Stored forms of the phase lists ("1,4", "morning,evening").
std::string stored_weekdays(const std::vector<int>& days);
std::string stored_windows(const std::vector<vb::DayPart>& parts);
std::string stored_list(const std::vector<std::string>& words);  // "rationale,step_down"

}  // namespace vb::store
