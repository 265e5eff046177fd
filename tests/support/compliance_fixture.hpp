#pragma once
// Hand-built pieces for compliance and outcome tests: every fact is set by the test, so the expected
// figures can be counted by hand. Synthetic people only.
#include "core/compliance.hpp"
#include "core/snapshot.hpp"

namespace vb::test {

struct Fixture {
  Snapshot s;
  Fixture();
  // Local times in Europe/London ("2026-11-10T09:00").
  Episode& episode(Id id, const char* accepted, const char* named_worker = "S01");
  Visit& visit(Id id, Id episode, const char* start, const char* end, VisitStatus status,
               const char* outcome_at = nullptr, const char* staff1 = "S01");
  Review& review(Id id, Id episode, const char* held_at);
  Shift& night(Id id, const char* staff, const char* date);
  void close(Id episode, const char* at, const char* destination);
  Snapshot& done();  // reindexes
};

// The figure of default rule `id` for local dates from..to as at `now` (local times as above);
// fails the test when there is no such rule.
MeasureFigure figure(const Snapshot& s, const char* id, const char* from, const char* to, const char* now);

}  // namespace vb::test
