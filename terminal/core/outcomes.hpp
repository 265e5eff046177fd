#pragma once
// Outcome figures for a period of local dates, the ones commissioners ask for: episodes opened and
// closed, admissions considered and avoided (decision log) against admissions, episode length,
// re-presentation within 30 and 90 days of closure, unplanned admissions during and after an
// episode, and where people went at closure. Pure: snapshot, period and `now` are arguments.
#include "core/snapshot.hpp"

#include <string>
#include <vector>

namespace vb {

// A share with the episodes behind it. `pending`: closures whose window has not elapsed by now (not counted).
struct OutcomeRatio {
  std::vector<Id> counted;  // denominator
  std::vector<Id> hits;     // numerator
  int pending = 0;
  double share() const { return counted.empty() ? 0 : static_cast<double>(hits.size()) / static_cast<double>(counted.size()); }
};

struct EpisodeLengths {
  std::vector<Id> episodes;  // closed in the period
  std::vector<int> days;     // length in local calendar days, same order
  double median = 0, q1 = 0, q3 = 0;
  int under_six_weeks = 0;   // shorter than 42 days
};

struct Destination {
  std::string name;  // "cmht", "gp", "voluntary", "inpatient", "" (not recorded)
  std::vector<Id> episodes;
};

struct Outcomes {
  LocalDate from{};
  LocalDate to{};
  std::vector<Id> opened;  // accepted on a day in the period
  std::vector<Id> closed;  // closed on a day in the period
  // Decision log: episodes with an entry in the period that considered admission (the latest
  // entry of a correction chain counts); avoided = not admitted by the end of the period.
  std::vector<Id> admission_considered;
  std::vector<Id> admission_avoided;
  std::vector<Id> admitted;  // closed in the period to an inpatient ward
  EpisodeLengths length;
  OutcomeRatio re_presentation_30d;
  OutcomeRatio re_presentation_90d;
  OutcomeRatio admitted_within_90d_after;  // closures not to a ward; admitted via a later episode within 90 days
  std::vector<Destination> destinations;   // most common first
};

Outcomes compute_outcomes(const Snapshot& s, LocalDate from, LocalDate to, Instant now);

// One figure as the report and the screen print it (the same list, so they cannot disagree).
struct OutcomeRow {
  std::string id;     // kebab-case: "re-presentation-30d"
  std::string label;  // "Re-presentation within 30 days"
  std::string definition;
  double numerator = 0;
  double denominator = 0;  // 0 for a plain count
  double value = 0;        // a share (0..1) when `share`, else a count or a number of days
  bool share = false;
  std::string unit;        // "episodes", "days", "share"
  std::vector<Id> episodes;
};

std::vector<OutcomeRow> outcome_rows(const Outcomes& o);

// Quartiles by linear interpolation between order statistics (R type 7); `sorted` ascending.
double quantile(const std::vector<int>& sorted, double p);

}  // namespace vb

namespace vb {

// What the outcomes screen shows, derived outside the frame: the last `period_days` local days up
// to today, and each of the last `weeks` seven-day blocks (oldest first) for the charts.
struct OutcomesBoard {
  LocalDate today{};
  Outcomes period;
  std::vector<Outcomes> weeks;
};
OutcomesBoard build_outcomes_board(const Snapshot& s, Instant now, int period_days = 364, int weeks = 12);

}  // namespace vb
