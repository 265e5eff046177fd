#pragma once
// A small hand-built team for tests: every fact is visible here, so expected answers can be
// counted by hand. Synthetic people only (NHS numbers start 999).
#include "core/snapshot.hpp"

namespace vb::test {

// Team in Europe/London; "now" for its scenarios is 2026-11-23 10:30 local (= UTC in winter).
// People: 1 "Ada Lovelock" high risk (visits 101 09:00-10:00 done by S01, 102 17:00-19:00 double-up OOH
// unallocated), 2 "Ben Okoro" medium risk (visit 201 08:00-09:00 still planned -> missed, S02),
// 3 "Cat Nguyen" low risk, step-down, no visits today (visit 301 tomorrow).
Snapshot small_team();
Instant at(const char* local_iso);  // local time in Europe/London
// The roles migration 005 gives staff who existed before roles: everyone views, active staff record
// (clinician), senior reviewers and medical staff also review. small_team() staff have them.
void grant_usual_roles(Staff& s);
void grant_usual_roles(Snapshot& s);  // every staff member of `s`
// A rota shift of team 1 from `start` to `end` (local times as for at()), dated by its start.
Shift shift(Id id, const char* staff, ShiftKind kind, const char* start, const char* end);

}  // namespace vb::test
