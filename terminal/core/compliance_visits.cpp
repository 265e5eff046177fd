// Visit measures: an outcome recorded on the visit's own day, missed visits followed up within
// 4 hours (missed as core/missed_visit defines it), and at least one 30-minute visit a visit day.
#include "core/compliance_detail.hpp"
#include "core/missed_visit.hpp"

#include <unordered_map>

namespace vb::detail {

namespace {

// When a missed visit became missed: no access when recorded, else an hour after its window.
Instant missed_at(const Visit& v) {
  if (v.status == VisitStatus::no_access) return v.outcome_at.value_or(v.window_end);
  return v.window_end + missed_after_window;
}

}  // namespace

std::vector<MeasureItem> outcome_same_day(const MeasureInput& in, const MeasureRule&) {
  std::vector<MeasureItem> out;
  size_t visits = 0;
  for (LocalDate day = in.from; day <= in.to && in.ended(day); day = plus_days(day, 1)) visits += in.data->visits_on(day).size();
  out.reserve(visits);
  for (LocalDate day = in.from; day <= in.to && in.ended(day); day = plus_days(day, 1)) {
    const Instant day_end = in.data->day_end(day);
    for (const Visit* pv : in.data->visits_on(day)) {
      const Visit& v = *pv;
      MeasureItem item;
      item.episode = v.episode_id;
      item.visit = v.id;
      item.day = v.date;
      if (v.status == VisitStatus::planned) {
        item.met = false;
        if (in.detail_on(day))
          in.describe(item, "window " + format_local_hm(v.window_start, in.zone) + "-" +
                        format_local_hm(v.window_end, in.zone) + ": no outcome recorded");
      } else if (v.outcome_at && *v.outcome_at >= day_end) {
        item.met = false;
        if (in.detail_on(day)) in.describe(item, std::string(status_label(v.status)) + " recorded " + when(*v.outcome_at, in.zone));
      } else if (in.detail_on(day)) {
        in.describe(item, std::string(status_label(v.status)) +
                      (v.outcome_at ? " recorded " + format_local_hm(*v.outcome_at, in.zone) : std::string()));
      }
      out.push_back(std::move(item));
    }
  }
  return out;
}

std::vector<MeasureItem> missed_followed_up(const MeasureInput& in, const MeasureRule& rule) {
  std::vector<MeasureItem> out;
  const auto within = std::chrono::seconds{static_cast<long long>(rule.param("hours", 4) * 3600)};
  for (LocalDate day = in.from; day <= in.to; day = plus_days(day, 1)) {
    for (const Visit* v : in.data->visits_on(day)) {
      if (!is_missed(*v, in.as_at)) continue;
      const Instant missed = missed_at(*v);
      if (missed > in.as_at) continue;
      // The earliest follow-up (the same rule as missed_visit: a team-cancelled one does not count):
      // when it happened, or when it is planned for.
      std::optional<Instant> followed;
      for (const Visit* f : visits_of(in, v->episode_id)) {
        if (f->follow_up_of != v->id || f->status == VisitStatus::cancelled_by_team) continue;
        Instant t = f->status != VisitStatus::planned && f->outcome_at ? *f->outcome_at : f->window_start;
        if (!followed || t < *followed) followed = t;
      }
      if (followed && *followed > in.as_at) followed.reset();  // not yet, as at then
      if (!followed && missed + within > in.as_at) continue;   // still inside its 4 hours
      MeasureItem item;
      item.episode = v->episode_id;
      item.visit = v->id;
      item.day = v->date;
      // (The words only when the text is wanted: the trend weeks count items without it.)
      auto what = [&] { return std::string(v->status == VisitStatus::no_access ? "no access " : "not recorded, missed "); };
      if (!followed) {
        item.met = false;
        if (in.details) in.describe(item, what() + when(missed, in.zone) + ": no follow-up");
      } else {
        const auto after = *followed > missed ? *followed - missed : std::chrono::seconds{0};
        item.met = after <= within;
        if (in.details) in.describe(item, what() + when(missed, in.zone) + ": followed up after " + duration_words(after));
      }
      out.push_back(std::move(item));
    }
  }
  return out;
}

std::vector<MeasureItem> long_visit_each_day(const MeasureInput& in, const MeasureRule& rule) {
  std::vector<MeasureItem> out;
  const int minutes = static_cast<int>(rule.param("minutes", 30));
  struct Day {
    int done = 0;
    int longest = 0;
    Id first_done = 0;
  };
  // Each day's people in the order of their first done visit (the same order whatever the period).
  // The index keeps its entries from day to day (no allocation per person a day): an entry stamped
  // with an earlier day is a person not seen yet today.
  StampedSlots index;  // episode -> (day stamp, slot in people)
  std::vector<std::pair<Id, Day>> people;
  long stamp = 0;
  for (LocalDate day = in.from; day <= in.to && in.ended(day); day = plus_days(day, 1)) {
    people.clear();
    ++stamp;
    for (const Visit* v : in.data->visits_on(day)) {
      if (v->status != VisitStatus::done) continue;
      auto& slot = index[v->episode_id];
      if (slot.first != stamp) {
        slot = {stamp, people.size()};
        people.emplace_back(v->episode_id, Day{});
      }
      Day& d = people[slot.second].second;
      if (!d.first_done) d.first_done = v->id;
      ++d.done;
      d.longest = std::max(d.longest, v->duration_min);
    }
    for (const auto& [episode, d] : people) {
      MeasureItem item;
      item.episode = episode;
      item.visit = d.first_done;
      item.day = day;
      item.met = d.longest >= minutes;
      if (in.detail_on(day))
        in.describe(item, std::to_string(d.done) + (d.done == 1 ? " visit" : " visits") + ", longest " +
                      std::to_string(d.longest) + " min");
      out.push_back(std::move(item));
    }
  }
  return out;
}

}  // namespace vb::detail
