// Adding a visit by hand: the checks and the visit itself (core/add_visit.hpp).
#include "core/add_visit.hpp"

#include "core/commands.hpp"
#include "core/out_of_hours.hpp"

#include <algorithm>
#include <set>

namespace vb {

namespace {

LocalDate plus_days(LocalDate d, long n) { return LocalDate{date::sys_days{d} + date::days{n}}; }

LocalDateTime wall(LocalDate d, int minutes) { return date::local_days{d} + std::chrono::minutes{minutes}; }

// Whether the wall time exists in the zone (not skipped by the spring-forward change).
bool exists_locally(LocalDate d, int minutes, Zone zone) {
  return zone->get_info(wall(d, minutes)).result != date::local_info::nonexistent;
}

constexpr size_t max_note_length = 500;

}  // namespace

std::vector<std::string> team_skills(const Snapshot& s) {
  std::set<std::string> all;
  for (const Staff& st : s.staff)
    if (st.active)
      for (const auto& k : st.skills) all.insert(k);
  return {all.begin(), all.end()};
}

std::optional<std::string> add_visit_problem(const Snapshot& s, const AddVisit& c) {
  const std::string ep = "episode " + std::to_string(c.episode);
  const Episode* e = s.find_episode(c.episode);
  if (!e) return ep + " does not exist";
  if (!e->is_open()) return ep + " is closed (" + format_day_label(local_date_of(*e->closed_at, s.zone())) + "): a visit cannot be added";
  if (auto p = author_problem(s, c.by)) return p;
  const Zone zone = s.zone();
  const LocalDate today = local_date_of(c.at, zone);
  const LocalDate earliest = plus_days(today, -1);
  const LocalDate latest = plus_days(today, add_visit_max_days_ahead);
  if (date::sys_days{c.date} < date::sys_days{earliest})
    return "date " + format_date(c.date) + " is in the past: a visit can be added from yesterday (" +
           format_day_label(earliest) + ") on";
  if (date::sys_days{c.date} > date::sys_days{latest})
    return "date " + format_date(c.date) + " is more than " + std::to_string(add_visit_max_days_ahead) +
           " days ahead (the last is " + format_day_label(latest) + ")";
  if (c.start_min < 0 || c.start_min >= 24 * 60 || c.end_min < 0 || c.end_min >= 24 * 60)
    return "the window's times must lie within the day (00:00-23:59)";
  if (c.end_min <= c.start_min && !c.ends_next_day)
    return "the window ends (" + format_minutes_hm(c.end_min) + ") before it starts (" + format_minutes_hm(c.start_min) +
           ") on " + format_day_label(c.date) + (c.end_min < c.start_min ? ": if it ends the next day, say so (ends_next_day)" : "");
  const LocalDate end_date = add_visit_end_date(c);
  for (auto [d, m] : {std::pair{c.date, c.start_min}, std::pair{end_date, c.end_min}}) {
    if (!exists_locally(d, m, zone))
      return format_minutes_hm(m) + " on " + format_day_label(d) + " does not exist in " + std::string(zone->name()) +
             " (the clocks go forward that night): choose a time after the change";
  }
  const Instant start = from_local(wall(c.date, c.start_min), zone);
  const Instant end = from_local(wall(end_date, c.end_min), zone);
  const auto window = std::chrono::duration_cast<std::chrono::minutes>(end - start).count();
  if (c.ends_next_day && window > add_visit_max_overnight_window_minutes)
    return "the window " + add_visit_window_words(c) + " is " + std::to_string(window / 60) + " h " +
           std::to_string(window % 60) + " min long: a window ending the next day may be at most " +
           std::to_string(add_visit_max_overnight_window_minutes / 60) + " hours";
  if (c.duration_min < add_visit_min_minutes || c.duration_min > add_visit_max_minutes)
    return "a planned length of " + std::to_string(c.duration_min) + " minutes: it must be " +
           std::to_string(add_visit_min_minutes) + "-" + std::to_string(add_visit_max_minutes) + " minutes";
  if (c.duration_min > window)
    return "a planned length of " + std::to_string(c.duration_min) + " minutes does not fit the window " +
           add_visit_window_words(c) + " (" + std::to_string(window) + " minutes)";
  if (!c.required_skills.empty()) {
    const auto known = team_skills(s);
    for (const auto& k : c.required_skills) {
      if (std::find(known.begin(), known.end(), k) == known.end()) {
        std::string list;
        for (const auto& n : known) list += (list.empty() ? "" : ", ") + n;
        return "unknown skill '" + k + "': nobody on the team has it (the team's skills: " + list + ")";
      }
    }
  }
  if (c.note.size() > max_note_length) return "the note is longer than 500 characters";
  return std::nullopt;
}

bool add_visit_time_exists(const Snapshot& s, LocalDate d, int minutes) { return exists_locally(d, minutes, s.zone()); }

AddVisitEnd add_visit_end_after(const Snapshot& s, LocalDate d, int start_min, int minutes) {
  const Zone zone = s.zone();
  const Instant start = from_local(wall(d, start_min), zone);
  // from_local takes a skipped end to the first instant after the gap, and a repeated one at its
  // first occurrence; the later of that and the real `minutes` keeps the window at least as long.
  const Instant end = std::max(from_local(wall(d, start_min + minutes), zone), start + std::chrono::minutes{minutes});
  const LocalDateTime local = to_local(end, zone);
  const auto end_day = date::floor<date::days>(local);
  AddVisitEnd out;
  out.end_min = static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(local - end_day).count());
  out.ends_next_day = LocalDate{end_day} != d;
  return out;
}

std::string add_visit_past_words(const Snapshot& s, const AddVisit& c) {
  if (!exists_locally(c.date, c.start_min, s.zone())) return "";
  const Instant start = from_local(wall(c.date, c.start_min), s.zone());
  if (start >= c.at) return "";
  const auto ago = std::chrono::duration_cast<std::chrono::minutes>(c.at - start).count();
  std::string words = format_day_label(c.date) + " " + format_minutes_hm(c.start_min) + " was ";
  if (ago >= 60) words += std::to_string(ago / 60) + " h " + std::to_string(ago % 60) + " min ago";
  else words += std::to_string(ago) + " min ago";
  return words;
}

LocalDate add_visit_end_date(const AddVisit& c) { return c.ends_next_day ? plus_days(c.date, 1) : c.date; }

std::string add_visit_window_words(const AddVisit& c) {
  return format_minutes_hm(c.start_min) + "-" + format_minutes_hm(c.end_min) + (c.ends_next_day ? " (next day)" : "");
}

std::string add_visit_clock_words(const Snapshot& s, const AddVisit& c) {
  const Zone zone = s.zone();
  std::string out;
  for (auto [d, m] : {std::pair{c.date, c.start_min}, std::pair{add_visit_end_date(c), c.end_min}}) {
    const auto info = zone->get_info(wall(d, m));
    if (info.result != date::local_info::ambiguous) continue;
    const std::string when = format_minutes_hm(m) + " on " + format_day_label(d);
    if (out.find(when) != std::string::npos) continue;
    out += std::string(out.empty() ? "" : "; ") + when + " happens twice (the clocks go back): this is the first, " +
           format_minutes_hm(m) + " " + info.first.abbrev;
  }
  return out;
}

Visit visit_to_add(const Snapshot& s, const AddVisit& c) {
  const Zone zone = s.zone();
  Visit v;
  v.episode_id = c.episode;
  v.date = c.date;
  v.window_start = from_local(wall(c.date, c.start_min), zone);
  v.window_end = from_local(wall(add_visit_end_date(c), c.end_min), zone);
  v.type = c.type;
  v.status = VisitStatus::planned;
  v.out_of_hours = starts_out_of_hours(s.rota_rules, v.window_start, zone);
  v.double_up = c.double_up;
  v.duration_min = c.duration_min;
  v.reason = c.note;
  for (const auto& k : c.required_skills)
    if (std::find(v.required_skills.begin(), v.required_skills.end(), k) == v.required_skills.end())
      v.required_skills.push_back(k);
  v.plan_slot = std::nullopt;
  v.hand_edited = true;
  return v;
}

bool added_by_hand(const Visit& v) { return !v.plan_slot && v.hand_edited; }

std::vector<Id> hand_added_to_remove_at_closure(const std::vector<Visit>& visits, Id episode, Instant at) {
  std::vector<Id> out;
  for (const Visit& v : visits)
    if (v.episode_id == episode && added_by_hand(v) && v.status == VisitStatus::planned && !v.outcome_at &&
        v.window_start > at)
      out.push_back(v.id);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace vb
