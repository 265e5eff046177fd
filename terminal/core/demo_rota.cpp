// The demo team's rota: early, late and night shifts for every day, shared out fairly, at most one shift
// a day per person, rest after nights, and the true length of a night across clock changes.
#include "core/demo_detail.hpp"
#include "core/rota_rules.hpp"

#include <algorithm>

namespace vb::demo {
namespace {

enum class RotaRole { weekday_early, day_shifts, any_shift };

RotaRole role_of(const Staff& s) {
  // The manager and the doctors work weekday days; they count in the early staffing.
  if (s.discipline == "manager" || s.discipline == "consultant" || s.discipline == "specialty_doctor")
    return RotaRole::weekday_early;
  if (!s.has_skill("trained")) return RotaRole::day_shifts;
  return RotaRole::any_shift;
}

struct Counts {
  int early;
  int late;
  int night;
};

// Weekdays: early 8, late 6-7 (the top of the published 6-8 and 5-7: a visit window of 3 hours takes a
// whole slot of someone's shift), night 2 (both trained). Weekends about 70% of that.
Counts staffing(LocalDate d, Rng& rng) {
  if (is_weekend(d)) return {6, static_cast<int>(rng.uniform(4, 5)), 2};
  return {8, static_cast<int>(rng.uniform(6, 7)), 2};
}

constexpr int no_shift = -1;

}  // namespace

std::vector<Shift> make_rota(const std::vector<Staff>& staff, LocalDate first, LocalDate last, Zone zone, Rng& rng) {
  const size_t n = staff.size();
  std::vector<RotaRole> role(n);
  std::vector<int> target(n);
  for (size_t i = 0; i < n; ++i) {
    role[i] = role_of(staff[i]);
    target[i] = staff[i].part_time ? 4 : 5;  // shifts a week; part-time is 0.8 of full time
  }
  std::vector<int> week_count(n, 0), days_in_a_row(n, 0), nights_in_a_row(n, 0), yesterday(n, no_shift);
  std::vector<Shift> out;
  const RotaRules rules;

  for (auto d = first; date::sys_days{d} <= date::sys_days{last}; d = add_days(d, 1)) {
    const bool weekend = is_weekend(d);
    if (date::weekday{d} == date::Monday) std::fill(week_count.begin(), week_count.end(), 0);
    Counts want = staffing(d, rng);
    std::vector<int> today(n, no_shift);
    std::vector<std::int64_t> key(n);
    for (auto& k : key) k = rng.uniform(0, 999);

    auto eligible = [&](size_t i, ShiftKind kind) {
      if (today[i] != no_shift || days_in_a_row[i] >= 6) return false;
      switch (role[i]) {
        case RotaRole::weekday_early:
          if (weekend || kind != ShiftKind::early) return false;
          break;
        case RotaRole::day_shifts:
          if (kind == ShiftKind::night) return false;
          break;
        case RotaRole::any_shift:
          break;
      }
      // After a night only another night (a block of at most three), never a day shift.
      if (yesterday[i] == static_cast<int>(ShiftKind::night)) return kind == ShiftKind::night && nights_in_a_row[i] < 3;
      return true;
    };
    auto score = [&](size_t i, ShiftKind kind) {
      // Fewest shifts this week relative to the person's contract first; those who can only do
      // weekday earlies (manager, doctors) take them before others.
      std::int64_t s = (week_count[i] >= target[i] ? 100000 : 0) + week_count[i] * 5000 / target[i] + key[i];
      if (role[i] == RotaRole::weekday_early) s -= 2000;
      if (kind == ShiftKind::early && yesterday[i] == static_cast<int>(ShiftKind::late)) s += 1500;   // quick return
      if (kind == ShiftKind::night && yesterday[i] == static_cast<int>(ShiftKind::night)) s -= 3000;  // keep blocks
      return s;
    };
    auto fill = [&](ShiftKind kind, int count) {
      std::vector<size_t> candidates;
      for (size_t i = 0; i < n; ++i)
        if (eligible(i, kind)) candidates.push_back(i);
      std::sort(candidates.begin(), candidates.end(), [&](size_t a, size_t b) {
        auto sa = score(a, kind), sb = score(b, kind);
        return sa != sb ? sa < sb : a < b;
      });
      for (size_t c = 0; c < candidates.size() && c < static_cast<size_t>(count); ++c) {
        size_t i = candidates[c];
        today[i] = static_cast<int>(kind);
        Shift s;
        s.staff_id = staff[i].id;
        s.team_id = team_id;
        s.kind = kind;
        s.date = d;
        // Times from the default rota rules (data/rota_rules.json says the same): weekend earlies
        // start at 08:30; a night has its true length across a clock change.
        auto [start, end] = shift_instants(*shift_pattern(rules, kind, d), d, zone);
        s.start = start;
        s.end = end;
        out.push_back(std::move(s));
      }
    };
    // Nights first: they need trained staff and constrain the next day most.
    fill(ShiftKind::night, want.night);
    fill(ShiftKind::early, want.early);
    fill(ShiftKind::late, want.late);

    for (size_t i = 0; i < n; ++i) {
      if (today[i] == no_shift) {
        days_in_a_row[i] = 0;
        nights_in_a_row[i] = 0;
      } else {
        ++week_count[i];
        ++days_in_a_row[i];
        nights_in_a_row[i] = today[i] == static_cast<int>(ShiftKind::night) ? nights_in_a_row[i] + 1 : 0;
      }
      yesterday[i] = today[i];
    }
  }
  return out;
}

}  // namespace vb::demo
