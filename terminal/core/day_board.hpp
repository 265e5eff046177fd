#pragma once
// The day's board, derived from the snapshot, a local date and `now`: one row per person on the
// caseload (high risk first; within a risk level, missed visits without follow-up, then overdue
// reviews), and the same day by staff member.
// Screens and the printable sheet (`visitboard board`) both read this, so they cannot disagree.
#include "core/snapshot.hpp"

#include <optional>
#include <string>
#include <vector>

namespace vb {

struct BoardVisit {
  const Visit* visit = nullptr;
  const Person* person = nullptr;
  const Episode* episode = nullptr;
  bool missed = false;           // derived: no access, or planned an hour after its window
  bool needs_follow_up = false;  // missed and nothing follows it up
};

struct BoardRow {
  const Person* person = nullptr;
  const Episode* episode = nullptr;
  std::string phase;  // "Daily · day 3 of 7", "" when no plan covers the date
  std::optional<Instant> next_review_due;
  ReviewStatus review_status = ReviewStatus::ok;
  std::vector<BoardVisit> visits;  // that day, in time order
  // Missed visits of the previous days (up to carry_over_days) that nothing has followed up yet:
  // a safety gap stays on the board until someone acts on it.
  std::vector<BoardVisit> unresolved_missed;
  int open_escalations = 0;  // escalations to medical staff not yet acknowledged
  std::string step_down_blocked;  // "step-down blocked: no risk reassessment since Fri 20 Nov", or ""
  std::string carer_not_informed;  // "carer not informed of step-down: Mary (mother)", or ""
};

inline constexpr int carry_over_days = 7;

struct DayBoard {
  LocalDate date{};
  Instant now{};
  std::vector<BoardRow> rows;
  int visit_count = 0;
  int done_count = 0;
  int missed_count = 0;            // missed among the day's visits
  int needs_follow_up_count = 0;   // missed with no follow-up: the day's and carried-over ones
  int unallocated_count = 0;
  int reviews_overdue = 0;
  int open_escalations = 0;
};

DayBoard build_day_board(const Snapshot& s, LocalDate date, Instant now);

struct StaffDayRow {
  const Staff* staff = nullptr;
  std::vector<const Shift*> shifts;  // shifts starting that day
  std::vector<BoardVisit> visits;    // allocated to them that day (either worker), in time order
  int booked_minutes = 0;
};

struct StaffDay {
  LocalDate date{};
  std::vector<StaffDayRow> rows;       // on shift or visiting that day, by first shift start
  std::vector<BoardVisit> unallocated;  // visits with nobody, in time order
};

StaffDay build_staff_day(const Snapshot& s, LocalDate date, Instant now);

// True when the episode was on the caseload at any point of that local day.
bool open_on(const Episode& e, LocalDate date, Zone zone);

}  // namespace vb
