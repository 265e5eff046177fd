// Gaps of an out-of-hours window and the readiness line, from the snapshot and the rota rules.
#include "core/ooh_gaps.hpp"

#include "core/ooh_allocation.hpp"
#include "core/ooh_windows_range.hpp"
#include "core/visit_fit.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <tuple>

namespace vb {

namespace {

int pattern_minute(const Snapshot& s, ShiftKind kind, LocalDate d, bool end, int fallback) {
  const ShiftPattern* p = shift_pattern(s.rota_rules, kind, d);
  if (!p) return fallback;
  return end ? p->end_min : p->start_min;
}

Instant at_minute(LocalDate d, int minutes, Zone zone) {
  LocalDate day = date::year_month_day{date::sys_days{d} + date::days{minutes / (24 * 60)}};
  return local_day_time(day, std::chrono::minutes{minutes % (24 * 60)}, zone);
}

std::string hm(Instant t, Zone z) { return format_local_hm(t, z); }

std::string visit_words(const OohVisit& v, Zone z) {
  std::string who = v.person ? v.person->local_id : "visit " + std::to_string(v.visit->id);
  return who + " " + hm(v.visit->window_start, z) + "–" + hm(v.visit->window_end, z);
}

std::string duration_words(int minutes) {
  std::string out = std::to_string(minutes / 60) + " h";
  if (minutes % 60) out += " " + std::to_string(minutes % 60);
  return out;
}

bool shift_in_part(ShiftKind kind, OohPart part) {
  switch (part) {
    case OohPart::evening: return kind == ShiftKind::late || kind == ShiftKind::twilight;
    case OohPart::night: return kind == ShiftKind::night;
    case OohPart::day: return kind == ShiftKind::early || kind == ShiftKind::late;
  }
  return false;
}

LocalDate plus_days(LocalDate d, long n) { return LocalDate{date::sys_days{d} + date::days{n}}; }

// Rows found through the snapshot's date index, put back in the vectors' order (the order this
// board was built in when it scanned the whole history: ties come out the same).
template <typename T>
std::vector<const T*> in_vector_order(std::vector<const T*> rows) {
  std::sort(rows.begin(), rows.end(), std::less<const T*>());
  return rows;
}

StaffingCount count_staffing(const Snapshot& s, const MinimumStaffing& rule, LocalDate date) {
  StaffingCount c{rule.kind, rule.skill, 0, rule.count};
  std::vector<StaffId> counted;
  for (const Shift* shp : in_vector_order(s.shifts_dated(date, date))) {
    const Shift& sh = *shp;
    if (sh.kind != rule.kind) continue;
    if (std::find(counted.begin(), counted.end(), sh.staff_id) != counted.end()) continue;
    const Staff* st = s.find_staff(sh.staff_id);
    if (!st || !st->active || (!rule.skill.empty() && !st->has_skill(rule.skill))) continue;
    counted.push_back(sh.staff_id);
    ++c.have;
  }
  return c;
}

std::string plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string_view gap_word(GapKind k) {
  switch (k) {
    case GapKind::unallocated: return "Unallocated";
    case GapKind::double_up_short: return "Double-up short";
    case GapKind::high_risk_one_worker: return "High risk, one worker";
    case GapKind::under_minimum: return "Under minimum staffing";
    case GapKind::over_capacity: return "Over capacity";
    case GapKind::outside_shift: return "Outside shift";
    case GapKind::two_places: return "Two places at once";
  }
  return "Gap";
}

namespace {

// The minutes from local midnight where a date's out-of-hours windows start and end, from the rota
// rules' shift patterns (each looked up once).
struct WindowMinutes {
  int evening = 0;    // the twilight shift's start
  int night = 0;      // the night shift's start
  int night_end = 0;  // the night shift's end (past 24 h: the next morning)
  int day = 0;        // the early shift's start
};

WindowMinutes window_minutes(const Snapshot& s, LocalDate date) {
  WindowMinutes m;
  m.evening = pattern_minute(s, ShiftKind::twilight, date, false, 17 * 60);
  const ShiftPattern* night = shift_pattern(s.rota_rules, ShiftKind::night, date);
  m.night = night ? night->start_min : 21 * 60;
  m.night_end = night ? night->end_min : 31 * 60 + 30;
  m.day = pattern_minute(s, ShiftKind::early, date, false, 8 * 60);
  return m;
}

std::pair<Instant, Instant> window_span(const WindowMinutes& m, LocalDate date, OohPart part, Zone zone) {
  switch (part) {
    case OohPart::evening:
      return {at_minute(date, m.evening, zone), at_minute(date, m.night, zone)};
    case OohPart::night:
      return {at_minute(date, m.night, zone), at_minute(date, m.night_end, zone)};
    case OohPart::day:
      break;
  }
  return {at_minute(date, m.day, zone), at_minute(date, m.evening, zone)};
}

}  // namespace

OohWindow ooh_window(const Snapshot& s, LocalDate date, OohPart part) {
  OohWindow w;
  w.date = date;
  w.part = part;
  std::tie(w.start, w.end) = window_span(window_minutes(s, date), date, part, s.zone());
  switch (part) {
    case OohPart::evening:
      w.label = "Evening";
      break;
    case OohPart::night:
      w.label = "Night";
      break;
    case OohPart::day:
      w.label = day_window_label(s.rota_rules, date);
      break;
  }
  return w;
}

// (Declared in core/ooh_allocation.hpp.) The windows of ooh_window without their labels, each
// date's shift patterns looked up once.
OohShiftWindows ooh_shift_windows(const Snapshot& s, LocalDate d) {
  const Zone zone = s.zone();
  const LocalDate before{date::sys_days{d} - date::days{1}};
  const WindowMinutes on_before = window_minutes(s, before), on_d = window_minutes(s, d);
  OohShiftWindows w;
  w.windows[0] = window_span(on_before, before, OohPart::night, zone);
  w.windows[1] = window_span(on_d, d, OohPart::day, zone);
  w.windows[2] = window_span(on_d, d, OohPart::evening, zone);
  w.windows[3] = window_span(on_d, d, OohPart::night, zone);
  return w;
}

// (Declared in core/ooh_windows_range.hpp.) ooh_shift_windows of each date, with the same
// window_span instants: a date's day, evening and night windows meet end to start (window_span), so
// four local instants a date give them; its night is the next date's night before.
std::vector<OohShiftWindows> ooh_shift_windows_range(const Snapshot& s, LocalDate first, LocalDate last) {
  std::vector<OohShiftWindows> out;
  if (last < first) return out;
  const Zone zone = s.zone();
  out.reserve(static_cast<size_t>((date::sys_days{last} - date::sys_days{first}).count() + 1));
  const LocalDate before = plus_days(first, -1);
  std::pair<Instant, Instant> night_before = window_span(window_minutes(s, before), before, OohPart::night, zone);
  for (LocalDate d = first; !(last < d); d = plus_days(d, 1)) {
    const WindowMinutes m = window_minutes(s, d);
    const Instant day = at_minute(d, m.day, zone), evening = at_minute(d, m.evening, zone);
    const Instant night = at_minute(d, m.night, zone), night_end = at_minute(d, m.night_end, zone);
    OohShiftWindows w;
    w.windows[0] = night_before;
    w.windows[1] = {day, evening};      // window_span(m, d, OohPart::day, zone)
    w.windows[2] = {evening, night};    // window_span(m, d, OohPart::evening, zone)
    w.windows[3] = {night, night_end};  // window_span(m, d, OohPart::night, zone)
    night_before = w.windows[3];
    out.push_back(w);
  }
  return out;
}

OohWindow current_ooh_window(const Snapshot& s, Instant now) {
  const LocalDate today = local_date_of(now, s.zone());
  const LocalDate yesterday = date::year_month_day{date::sys_days{today} - date::days{1}};
  OohWindow last_night = ooh_window(s, yesterday, OohPart::night);
  if (now < last_night.end) return last_night;
  OohWindow day = ooh_window(s, today, OohPart::day);
  if (is_out_of_hours_day(s.rota_rules, today) && now < day.end) return day;
  OohWindow evening = ooh_window(s, today, OohPart::evening);
  if (now < evening.end) return evening;
  return ooh_window(s, today, OohPart::night);
}

OohBoard build_ooh_board(const Snapshot& s, const OohWindow& window) {
  const Zone zone = s.zone();
  const RotaRules& rules = s.rota_rules;
  OohBoard b;
  b.window = window;

  // Staff on a shift overlapping the window.
  std::map<StaffId, size_t> worker_index;
  auto worker = [&](const StaffId& id) -> OohWorker* {
    auto it = worker_index.find(id);
    if (it != worker_index.end()) return &b.staff[it->second];
    const Staff* st = s.find_staff(id);
    if (!st) return nullptr;
    worker_index[id] = b.staff.size();
    b.staff.push_back(OohWorker{st, {}, {}, 0, 0, false});
    return &b.staff.back();
  };
  // Only visits near the window matter (a shift is at most a day long): one pass over the history.
  // Found by date (a visit's date is the local date of its window, a window at most a day long;
  // two days either side leave room for clock changes and windows past midnight).
  std::vector<const Visit*> near;
  const auto day = std::chrono::hours{24};
  const LocalDate first_day = plus_days(local_date_of(window.start - day, zone), -2);
  const LocalDate last_day = plus_days(local_date_of(window.end + day, zone), 2);
  for (const Visit* v : in_vector_order(s.visits_dated(first_day, last_day)))
    if (v->window_start >= window.start - day && v->window_start < window.end + day) near.push_back(v);
  // Shifts near the window the same way (a shift's date is the local date it starts, at most a day
  // long): the only ones that can overlap the window or hold one of its visits.
  const std::vector<const Shift*> near_shifts = in_vector_order(s.shifts_dated(first_day, last_day));

  // On shift in the window: at least an hour of the shift inside it (a late ending 21:30 is not
  // night staff), or all of the window when it is shorter.
  const auto window_len = window.end - window.start;
  const auto enough = std::min<std::chrono::seconds>(std::chrono::hours{1}, window_len);
  for (const Shift* sh : near_shifts) {
    if (std::min(sh->end, window.end) - std::max(sh->start, window.start) >= enough)
      if (OohWorker* w = worker(sh->staff_id)) w->shifts.push_back(sh);
  }

  // Visits starting in the window that still hold someone (planned, done, no access).
  for (const Visit* vp : near) {
    const Visit& v = *vp;
    if (v.window_start < window.start || v.window_start >= window.end || !holds_worker(v)) continue;
    OohVisit ov;
    ov.visit = &v;
    ov.episode = s.find_episode(v.episode_id);
    ov.person = ov.episode ? s.find_person(ov.episode->person_id) : nullptr;
    const bool high = ov.episode && ov.episode->risk == RiskLevel::high;
    // Lone working after dark: the rule applies to evening and night windows.
    ov.needs_two = v.double_up || (high && rules.high_risk_needs_two && window.part != OohPart::day);
    const int going = (v.staff1.empty() ? 0 : 1) + (v.staff2.empty() ? 0 : 1);
    ov.covered = going >= (ov.needs_two ? 2 : 1);
    b.visits.push_back(ov);
    for (const StaffId* id : {&v.staff1, &v.staff2})
      if (!id->empty())
        if (OohWorker* w = worker(*id)) w->visits.push_back(&v);
  }
  std::stable_sort(b.visits.begin(), b.visits.end(), [](const OohVisit& x, const OohVisit& y) {
    return x.visit->window_start != y.visit->window_start ? x.visit->window_start < y.visit->window_start
                                                           : x.visit->id < y.visit->id;
  });

  // Each visit's gaps, in visit order.
  for (auto& ov : b.visits) {
    const Visit& v = *ov.visit;
    if (v.status != VisitStatus::planned) {
      if (v.allocated()) ++b.allocated;
      if (v.double_up && !v.staff2.empty()) ++b.double_ups_covered;
      continue;  // what has happened is not a gap of the plan
    }
    auto add = [&](GapKind k, const StaffId& staff, std::string text) {
      b.gaps.push_back(OohGap{k, v.id, staff, visit_words(ov, zone) + ": " + text, std::move(text)});
      ov.has_gap = true;
    };
    if (!v.allocated()) {
      add(GapKind::unallocated, "", std::string("nobody allocated") + (ov.needs_two ? " (needs two staff)" : ""));
      continue;
    }
    ++b.allocated;
    if (v.double_up && v.staff2.empty()) {
      add(GapKind::double_up_short, "", "a double-up with one worker");
    } else if (ov.needs_two && v.staff2.empty()) {
      add(GapKind::high_risk_one_worker, "", "high risk with one worker (" + rules.high_risk.label + ")");
    }
    if (v.double_up && !v.staff2.empty()) ++b.double_ups_covered;
    for (const StaffId* id : {&v.staff1, &v.staff2}) {
      if (id->empty()) continue;
      const Staff* st = s.find_staff(*id);
      const std::string name = st ? st->name : id->str();
      const bool on_shift = std::any_of(near_shifts.begin(), near_shifts.end(),
                                        [&](const Shift* sh) { return sh->staff_id == *id && fits_shift(v, *sh); });
      if (!on_shift)
        add(GapKind::outside_shift, *id, name + " is not on shift then");
    }
  }

  // Per worker: load against capacity, and visits that cannot both be done.
  for (auto& w : b.staff) {
    std::sort(w.shifts.begin(), w.shifts.end(), [](const Shift* x, const Shift* y) { return x->start < y->start; });
    std::sort(w.visits.begin(), w.visits.end(), [](const Visit* x, const Visit* y) {
      return x->window_start != y->window_start ? x->window_start < y->window_start : x->id < y->id;
    });
    int shift_minutes = 0;
    for (const Shift* sh : w.shifts)
      shift_minutes += static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(sh->end - sh->start).count());
    w.capacity_minutes = shift_minutes * rules.max_booked_percent / 100;
    // Load: this worker's visits during their shifts (not only this window's), so a late shift
    // full before the evening counts.
    for (const Visit* vp : near) {
      const Visit& v = *vp;
      if (!holds_worker(v) || (v.staff1 != w.staff->id && v.staff2 != w.staff->id)) continue;
      bool in_shift = std::any_of(w.shifts.begin(), w.shifts.end(),
                                  [&](const Shift* sh) { return v.window_start >= sh->start && v.window_start < sh->end; });
      if (in_shift) w.booked_minutes += visit_minutes(v);
    }
    if (!w.shifts.empty() && w.booked_minutes > w.capacity_minutes) {
      w.over_capacity = true;
      std::string text = w.staff->name + ": " + duration_words(w.booked_minutes) + " of visits in " +
                         duration_words(shift_minutes) + " on shift (" + rules.capacity.label + ")";
      b.gaps.push_back(OohGap{GapKind::over_capacity, std::nullopt, w.staff->id, text, text});
    }
    for (size_t i = 0; i < w.visits.size(); ++i) {
      for (size_t j = i + 1; j < w.visits.size(); ++j) {
        const Visit& x = *w.visits[i];
        const Visit& y = *w.visits[j];
        if (x.status != VisitStatus::planned && y.status != VisitStatus::planned) continue;
        if (can_do_both(x, y)) continue;
        std::string text = w.staff->name + " is on two visits at once: " + hm(x.window_start, zone) + "–" +
                           hm(x.window_end, zone) + " and " + hm(y.window_start, zone) + "–" + hm(y.window_end, zone);
        b.gaps.push_back(OohGap{GapKind::two_places, y.id, w.staff->id, text, text});
        for (auto& ov : b.visits)
          if (ov.visit == &x || ov.visit == &y) ov.has_gap = true;
      }
    }
  }
  std::stable_sort(b.staff.begin(), b.staff.end(), [](const OohWorker& x, const OohWorker& y) {
    auto first = [](const OohWorker& w) { return w.shifts.empty() ? Instant::max() : w.shifts.front()->start; };
    if (first(x) != first(y)) return first(x) < first(y);
    return x.staff->name < y.staff->name;
  });

  // Minimum staffing of this window's shifts; the night's count always goes in the readiness line.
  for (const auto& rule : rules.minimum) {
    StaffingCount c = count_staffing(s, rule, window.date);
    if (rule.kind == ShiftKind::night && !b.night) b.night = c;
    if (!shift_in_part(rule.kind, window.part) && !(rule.kind == ShiftKind::night && window.part == OohPart::evening))
      continue;
    if (c.have < c.need) {
      std::string kind(to_string(rule.kind));
      std::string text = "The " + kind + " shift has " + std::to_string(c.have) + " of " + std::to_string(c.need) +
                         (rule.skill.empty() ? " staff" : " " + rule.skill + " staff") + " (" + rule.rule.label + ")";
      b.gaps.push_back(OohGap{GapKind::under_minimum, std::nullopt, "", text, text});
    }
  }

  // The readiness line.
  b.ready = b.gaps.empty();
  std::string line = window.label + (b.ready ? " ready — " : " not ready — ");
  std::vector<std::string> parts;
  if (b.ready && b.visits.empty()) {
    parts.push_back("no visits");
  } else if (b.ready) {
    parts.push_back(plural(b.allocated, "visit allocated", "visits allocated"));
    parts.push_back(plural(b.double_ups_covered, "double-up covered", "double-ups covered"));
  } else {
    std::map<GapKind, int> counts;
    for (const auto& g : b.gaps) ++counts[g.kind];
    auto say = [&](GapKind k, const char* one, const char* many) {
      if (counts[k]) parts.push_back(plural(counts[k], one, many));
    };
    say(GapKind::unallocated, "unallocated visit", "unallocated visits");
    say(GapKind::double_up_short, "double-up short of a worker", "double-ups short of a worker");
    say(GapKind::high_risk_one_worker, "high-risk visit with one worker", "high-risk visits with one worker");
    say(GapKind::outside_shift, "visit outside a worker's shift", "visits outside a worker's shift");
    say(GapKind::two_places, "clash (two places at once)", "clashes (two places at once)");
    say(GapKind::over_capacity, "worker over capacity", "workers over capacity");
    if (counts[GapKind::under_minimum] && !b.night) parts.push_back("a shift under minimum staffing");
  }
  if (b.night) parts.push_back("night staffed " + std::to_string(b.night->have) + "/" + std::to_string(b.night->need));
  for (size_t i = 0; i < parts.size(); ++i) line += (i ? ", " : "") + parts[i];
  b.readiness = line;
  return b;
}

}  // namespace vb
