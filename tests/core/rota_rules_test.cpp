// Shift times from the rota rules have their true length on clock-change nights, and weekends use
// their own times.
#include <doctest/doctest.h>

#include "core/rota_rules.hpp"

using namespace vb;
using std::chrono::minutes;

namespace {

minutes length(ShiftKind kind, const char* day) {
  RotaRules rules;
  LocalDate d = *parse_date(day);
  const ShiftPattern* p = shift_pattern(rules, kind, d);
  REQUIRE(p);
  auto [start, end] = shift_instants(*p, d, find_zone("Europe/London"));
  return std::chrono::duration_cast<minutes>(end - start);
}

}  // namespace

TEST_CASE("rota: a 21:00-07:30 night is 10 h 30 on an ordinary night") {
  CHECK(length(ShiftKind::night, "2026-11-23") == minutes{10 * 60 + 30});
}

TEST_CASE("rota: the night the clocks go forward (29 Mar 2026) is 9 h 30") {
  CHECK(length(ShiftKind::night, "2026-03-28") == minutes{9 * 60 + 30});
  CHECK(length(ShiftKind::night, "2027-03-27") == minutes{9 * 60 + 30});  // 28 Mar 2027
}

TEST_CASE("rota: the night the clocks go back (25 Oct 2026) is 11 h 30") {
  CHECK(length(ShiftKind::night, "2026-10-24") == minutes{11 * 60 + 30});
  CHECK(length(ShiftKind::night, "2027-10-30") == minutes{11 * 60 + 30});  // 31 Oct 2027
}

TEST_CASE("rota: day shifts on a clock-change day keep their wall-clock times and length") {
  CHECK(length(ShiftKind::late, "2026-03-29") == minutes{8 * 60});
  CHECK(length(ShiftKind::twilight, "2026-10-25") == minutes{6 * 60});
  RotaRules rules;
  LocalDate sunday = *parse_date("2026-10-25");
  auto [start, end] = shift_instants(*shift_pattern(rules, ShiftKind::early, sunday), sunday, find_zone("Europe/London"));
  CHECK(format_local_hm(start, find_zone("Europe/London")) == "08:30");  // weekend early
  CHECK(format_local_hm(end, find_zone("Europe/London")) == "16:30");
}

TEST_CASE("rota: weekday and weekend patterns are chosen by the local date") {
  RotaRules rules;
  CHECK(shift_pattern(rules, ShiftKind::early, *parse_date("2026-11-23"))->start_min == 8 * 60);       // Monday
  CHECK(shift_pattern(rules, ShiftKind::early, *parse_date("2026-11-28"))->start_min == 8 * 60 + 30);  // Saturday
  CHECK(pattern_times(*shift_pattern(rules, ShiftKind::night, *parse_date("2026-11-23"))) == "21:00–07:30");
}
