#pragma once
// The team's rota rules: default shift times (weekday and weekend), minimum staffing per shift, and
// the allocation rules the out-of-hours screen checks. Defaults here mirror data/rota_rules.json,
// which a team edits; every rule carries its source for the screen.
#include "core/bank_holidays.hpp"
#include "core/local_time.hpp"
#include "core/review_rules.hpp"
#include "core/vocabulary.hpp"

#include <string>
#include <utility>
#include <vector>

namespace vb {

struct ShiftPattern {
  ShiftKind kind = ShiftKind::early;
  bool weekend = false;  // Saturday and Sunday
  int start_min = 0;     // minutes after local midnight
  int end_min = 0;       // past 24 * 60: the next local day
};

// At least `count` staff with `skill` ("" = anyone) on every shift of `kind`.
struct MinimumStaffing {
  ShiftKind kind = ShiftKind::night;
  std::string skill = "trained";
  int count = 2;
  RuleText rule{"At least two trained staff on every night shift", "Team default: safe staffing for lone nights"};
};

struct RotaRules {
  std::vector<ShiftPattern> shifts{
      {ShiftKind::early, false, 8 * 60, 16 * 60},          {ShiftKind::late, false, 13 * 60 + 30, 21 * 60 + 30},
      {ShiftKind::twilight, false, 17 * 60, 23 * 60},      {ShiftKind::night, false, 21 * 60, 31 * 60 + 30},
      {ShiftKind::early, true, 8 * 60 + 30, 16 * 60 + 30}, {ShiftKind::late, true, 13 * 60 + 30, 21 * 60 + 30},
      {ShiftKind::twilight, true, 17 * 60, 23 * 60},       {ShiftKind::night, true, 21 * 60, 31 * 60 + 30}};
  RuleText shift_times{"Early 08:00–16:00, late 13:30–21:30, twilight 17:00–23:00, night 21:00–07:30",
                       "Team default shift times"};
  std::vector<MinimumStaffing> minimum{MinimumStaffing{}};
  // A worker is over capacity when visits take more than this share of their shift.
  int max_booked_percent = 75;
  RuleText capacity{"Visits fill at most 75% of a shift", "Team default: time kept for travel, notes and handover"};
  // Evening and night visits to a person at high risk go with two staff.
  bool high_risk_needs_two = true;
  RuleText high_risk{"High-risk visits in the evening and at night: two staff", "Team lone-working policy"};
  // The in-hours day on a weekday for visits (domain.md: out of hours is "weekdays 17:00–09:00" by
  // default, team-editable): local minutes since midnight. Shifts may start earlier (an 08:00 early).
  int in_hours_from_min = 9 * 60;
  int in_hours_until_min = 17 * 60;
  RuleText out_of_hours{"Out of hours: weekdays 17:00–09:00, weekends and bank holidays all day",
                        "Team default (out-of-hours definition)"};
  // Bank holidays are out of hours all day and take the weekend shift times (data/bank_holidays.json).
  BankHolidays bank_holidays = england_and_wales_bank_holidays();
};

// The default for `kind` on local date `d` (the weekend variant on Saturday, Sunday and the rules'
// bank holidays, when the rules have one), or nullptr.
const ShiftPattern* shift_pattern(const RotaRules& rules, ShiftKind kind, LocalDate d);
// The start and end of a shift of this pattern starting on local date `d`: its true length across
// a clock change (a 21:00–07:30 night is 9 h 30 in spring, 11 h 30 in autumn).
std::pair<Instant, Instant> shift_instants(const ShiftPattern& p, LocalDate d, Zone zone);
bool is_weekend_day(LocalDate d);
// "21:00–07:30"
std::string pattern_times(const ShiftPattern& p);

// Out of hours all day: a Saturday, a Sunday or one of the rules' bank holidays.
bool is_out_of_hours_day(const RotaRules& rules, LocalDate d);
// What the daytime out-of-hours window of d is called: the holiday's name ("Christmas Day"),
// "Weekend day", or "Day" on an ordinary weekday.
std::string day_window_label(const RotaRules& rules, LocalDate d);

}  // namespace vb
