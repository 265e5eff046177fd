// Expanding a plan day by day and reconciling it with the visits that exist.
#include "core/plan_generation.hpp"

#include "core/contact_plan.hpp"
#include "core/out_of_hours.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace vb {

namespace {

LocalDate plus_days(LocalDate d, long n) { return LocalDate{date::sys_days{d} + date::days{n}}; }
int iso_weekday(LocalDate d) { return static_cast<int>(date::weekday{date::sys_days{d}}.iso_encoding()); }

DayPart default_part(int n, int i) {
  if (n == 2) return i == 0 ? DayPart::morning : DayPart::evening;
  if (n >= 3) return static_cast<DayPart>(i % 3);
  return DayPart::morning;
}

}  // namespace

int day_part_start_min(DayPart p) {
  switch (p) {
    case DayPart::morning: return 9 * 60;
    case DayPart::afternoon: return 13 * 60;
    case DayPart::evening: return 17 * 60;
  }
  return 9 * 60;
}

int day_part_end_min(DayPart p) { return day_part_start_min(p) + 3 * 60; }

DayPart day_part_of(Instant start, Zone zone) {
  auto local = to_local(start, zone);
  auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local - date::floor<date::days>(local)).count();
  if (minutes >= day_part_start_min(DayPart::evening)) return DayPart::evening;
  if (minutes >= day_part_start_min(DayPart::afternoon)) return DayPart::afternoon;
  return DayPart::morning;
}

int visits_on_day(const ContactPhase& p, int day_in_phase, LocalDate d) {
  if (p.visits_per_day > 0) return p.visits_per_day;
  if (p.every_n_days > 0) return (day_in_phase - 1) % p.every_n_days == 0 ? 1 : 0;
  if (p.per_week > 0) {
    if (p.weekdays.empty()) {
      // No weekdays chosen: spread from the first day of the phase.
      int gap = std::max(1, 7 / p.per_week);
      int k = (day_in_phase - 1) % 7;
      return k % gap == 0 && k / gap < p.per_week ? 1 : 0;
    }
    return std::find(p.weekdays.begin(), p.weekdays.end(), iso_weekday(d)) != p.weekdays.end() ? 1 : 0;
  }
  return 0;
}

std::vector<VisitSlot> plan_slots(const ContactPlan& plan, Zone zone, LocalDate from, LocalDate until) {
  return plan_slots(plan, zone, from, until, BankHolidays{});
}

std::vector<VisitSlot> plan_slots(const ContactPlan& plan, Zone zone, LocalDate from, LocalDate until,
                                  const BankHolidays& holidays) {
  RotaRules rules;
  rules.bank_holidays = holidays;
  return plan_slots(plan, zone, from, until, rules);
}

std::vector<VisitSlot> plan_slots(const ContactPlan& plan, Zone zone, LocalDate from, LocalDate until,
                                  const RotaRules& rules) {
  std::vector<VisitSlot> out;
  for (LocalDate d = from; date::sys_days{d} <= date::sys_days{until}; d = plus_days(d, 1)) {
    auto pos = plan_position(plan, d);
    if (!pos) continue;
    const ContactPhase& p = *pos->phase;
    const int n = visits_on_day(p, pos->day_in_phase, d);
    for (int i = 0; i < n; ++i) {
      VisitSlot s;
      s.date = d;
      s.slot = i;
      if (p.windows.size() == static_cast<size_t>(n)) s.part = p.windows[static_cast<size_t>(i)];
      else if (p.windows.size() == 1) s.part = p.windows[0];
      else s.part = default_part(n, i);
      s.start = local_day_time(d, std::chrono::minutes{day_part_start_min(s.part)}, zone);
      s.end = local_day_time(d, std::chrono::minutes{day_part_end_min(s.part)}, zone);
      s.out_of_hours = starts_out_of_hours(rules, s.start, zone);
      s.min_minutes = p.min_visit_min;
      out.push_back(s);
    }
  }
  return out;
}

bool visit_is_history(const Visit& v, Instant now) {
  return v.status != VisitStatus::planned || v.outcome_at.has_value() || v.hand_edited || !v.plan_slot ||
         v.follow_up_of.has_value() || v.window_start <= now;
}

namespace {

constexpr int default_visit_minutes = 45;

Visit visit_for(const VisitSlot& s, Id episode) {
  Visit v;
  v.episode_id = episode;
  v.date = s.date;
  v.window_start = s.start;
  v.window_end = s.end;
  v.out_of_hours = s.out_of_hours;
  v.duration_min = s.min_minutes > 0 ? s.min_minutes : default_visit_minutes;
  v.plan_slot = s.slot;
  return v;
}

// The slot's visit, whatever its out-of-hours flag says: a flag the rules now set the other way is
// corrected in place (Regeneration::out_of_hours), never by replacing the visit.
bool same_as_slot(const Visit& v, const Visit& want) {
  return v.window_start == want.window_start && v.window_end == want.window_end && v.duration_min == want.duration_min;
}

}  // namespace

Regeneration regenerate_visits(const ContactPlan& plan, Id episode, const std::vector<Visit>& visits, Instant now,
                               Zone zone, int horizon_days) {
  return regenerate_visits(plan, episode, visits, now, zone, BankHolidays{}, horizon_days);
}

Regeneration regenerate_visits(const ContactPlan& plan, Id episode, const std::vector<Visit>& visits, Instant now,
                               Zone zone, const BankHolidays& holidays, int horizon_days) {
  RotaRules rules;
  rules.bank_holidays = holidays;
  return regenerate_visits(plan, episode, visits, now, zone, rules, horizon_days);
}

Regeneration regenerate_visits(const ContactPlan& plan, Id episode, const std::vector<Visit>& visits, Instant now,
                               Zone zone, const RotaRules& rules, int horizon_days) {
  Regeneration out;
  const LocalDate today = local_date_of(now, zone);
  const auto slots = plan_slots(plan, zone, today, plus_days(today, horizon_days), rules);

  // Slots already taken by history (a kept visit generated for that slot), and hand-added or
  // imported visits (no slot) counted per date and part of the day: each takes one slot of that part.
  std::set<std::pair<long, int>> taken;
  std::map<std::pair<long, int>, int> unslotted;  // (day, part) -> count
  // Untouched generated visits by (day, slot); more than one for a slot is a duplicate to remove.
  std::map<std::pair<long, int>, std::vector<const Visit*>> replaceable;
  auto day_key = [](LocalDate d) { return static_cast<long>(date::sys_days{d}.time_since_epoch().count()); };
  const LocalDate last = plus_days(today, horizon_days);
  for (const Visit& v : visits) {
    if (v.episode_id != episode || date::sys_days{v.date} > date::sys_days{last}) continue;
    if (visit_is_history(v, now)) {
      if (v.plan_slot) taken.insert({day_key(v.date), *v.plan_slot});
      // A visit added by hand (no slot, hand_edited: core/add_visit) is an extra one: it takes no slot.
      else if (!v.hand_edited) ++unslotted[{day_key(v.date), static_cast<int>(day_part_of(v.window_start, zone))}];
    } else {
      replaceable[{day_key(v.date), *v.plan_slot}].push_back(&v);
    }
  }
  std::set<Id> kept;
  for (const VisitSlot& s : slots) {
    if (s.start <= now) continue;  // a window that has begun belongs to history
    const std::pair<long, int> key{day_key(s.date), s.slot};
    if (taken.count(key)) continue;
    auto loose = unslotted.find({key.first, static_cast<int>(s.part)});
    if (loose != unslotted.end() && loose->second > 0) {
      --loose->second;
      continue;
    }
    Visit want = visit_for(s, episode);
    auto it = replaceable.find(key);
    const Visit* match = nullptr;
    if (it != replaceable.end())
      for (const Visit* v : it->second)
        if (!match && same_as_slot(*v, want)) match = v;
    if (match) {
      kept.insert(match->id);
      if (match->out_of_hours != want.out_of_hours) out.out_of_hours.emplace_back(match->id, want.out_of_hours);
    } else {
      out.add.push_back(std::move(want));
    }
  }
  for (const auto& [key, list] : replaceable)
    for (const Visit* v : list)
      if (!kept.count(v->id)) out.remove.push_back(v->id);
  std::sort(out.remove.begin(), out.remove.end());
  std::sort(out.out_of_hours.begin(), out.out_of_hours.end());
  return out;
}

void apply_regeneration(std::vector<Visit>& visits, const Regeneration& r, Id& next_id) {
  std::set<Id> gone(r.remove.begin(), r.remove.end());
  for (const auto& [id, flag] : r.out_of_hours)
    for (Visit& v : visits)
      if (v.id == id) v.out_of_hours = flag;
  visits.erase(std::remove_if(visits.begin(), visits.end(), [&](const Visit& v) { return gone.count(v.id) > 0; }),
               visits.end());
  for (Visit v : r.add) {
    v.id = next_id++;
    visits.push_back(std::move(v));
  }
}

}  // namespace vb
