// Intensity in the first week of an episode: twice-daily visits on the first three days (one on
// the first day when accepted late), and at least seven contacts in days 1-7. Day 1 is the local
// day of acceptance; a contact is a visit recorded as done (any type).
#include "core/compliance_detail.hpp"
#include "core/day_number.hpp"

#include <algorithm>
#include <cstdint>

namespace vb::detail {

namespace {

// Done visits of the episode on each of `days` local days from `first`, into `n` (the caller's
// buffer, reused from episode to episode: no list per episode). Most of an episode's visits in the
// range fall after its first days: the dates are compared before any day number is worked out.
void done_per_day(const MeasureInput& in, Id episode, LocalDate first, int days, std::vector<int>& n) {
  n.assign(static_cast<size_t>(std::max(days, 0)), 0);
  if (days <= 0) return;
  const std::uint32_t lo = date_key(first), hi = date_key(plus_days(first, days - 1));
  for (const Visit* v : visits_of(in, episode)) {
    if (v->status != VisitStatus::done) continue;
    const std::uint32_t key = date_key(v->date);
    if (key < lo || hi < key) continue;
    ++n[static_cast<size_t>((date::sys_days{v->date} - date::sys_days{first}).count())];
  }
}

// Episodes whose day `last_day` (1-based) falls in the period, has ended by as-at, and who were
// still on the caseload at the end of it.
template <typename F>
void each_episode_judged_on_day(const MeasureInput& in, int last_day, F&& f) {
  // Accepted on [from - last_day + 1, to - last_day + 1]: cheap instant bounds first, then the dates.
  const Instant earliest = in.data->day_start(plus_days(in.from, -(last_day - 1)));
  const Instant latest = in.data->day_end(plus_days(in.to, -(last_day - 1)));
  for (const Episode* e : in.data->episodes) {
    if (e->accepted_at < earliest || e->accepted_at >= latest) continue;
    const LocalDate first = local_date_of(e->accepted_at, in.zone);
    const LocalDate judged = plus_days(first, last_day - 1);
    if (judged < in.from || judged > in.to || !in.ended(judged)) continue;
    if (e->closed_at && *e->closed_at < in.data->day_end(judged)) continue;
    f(*e, first, judged);
  }
}

}  // namespace

std::vector<MeasureItem> twice_daily_first_days(const MeasureInput& in, const MeasureRule& rule) {
  std::vector<MeasureItem> out;
  const int days = static_cast<int>(rule.param("days", 3));
  const int per_day = static_cast<int>(rule.param("visits_per_day", 2));
  const auto late = std::chrono::minutes{static_cast<int>(rule.param("first_day_late_after_minute", 13 * 60))};
  std::vector<int> n;
  each_episode_judged_on_day(in, days, [&](const Episode& e, LocalDate first, LocalDate judged) {
    done_per_day(in, e.id, first, days, n);
    const bool accepted_late = e.accepted_at >= in.data->day_start(first) + late;
    MeasureItem item;
    item.episode = e.id;
    item.day = judged;
    const bool words = in.detail_on(judged);
    std::string text;
    if (words) text = "done visits on days 1-" + std::to_string(days) + ":";
    for (int d = 0; d < days; ++d) {
      const int need = d == 0 && accepted_late ? 1 : per_day;
      if (n[static_cast<size_t>(d)] < need) item.met = false;
      if (words) text += " " + std::to_string(n[static_cast<size_t>(d)]);
    }
    if (accepted_late && words) text += " (accepted " + format_local_hm(e.accepted_at, in.zone) + ": one needed on day 1)";
    if (words) in.describe(item, std::move(text));
    out.push_back(std::move(item));
  });
  return out;
}

std::vector<MeasureItem> week_one_contacts(const MeasureInput& in, const MeasureRule& rule) {
  std::vector<MeasureItem> out;
  const int contacts = static_cast<int>(rule.param("contacts", 7));
  std::vector<int> per_day;
  each_episode_judged_on_day(in, 7, [&](const Episode& e, LocalDate first, LocalDate judged) {
    int total = 0;
    done_per_day(in, e.id, first, 7, per_day);
    for (int n : per_day) total += n;
    MeasureItem item;
    item.episode = e.id;
    item.day = judged;
    item.met = total >= contacts;
    if (in.detail_on(judged)) in.describe(item, std::to_string(total) + " contacts in days 1-7");
    out.push_back(std::move(item));
  });
  return out;
}

}  // namespace vb::detail
