// Visit measures: an outcome recorded on the visit's own day, missed visits followed up within
// 4 hours (missed as core/missed_visit defines it), and at least one 30-minute visit a visit day.
#include "core/compliance_detail.hpp"
#include "core/missed_visit.hpp"

namespace vb::detail {

namespace {

// Visits dated in the period whose local day has ended by the period's as-at instant.
template <typename F>
void each_visit_of_ended_days(const MeasureInput& in, F&& f) {
  for (const auto& [episode, list] : *in.visits_by_episode)
    for (const Visit* v : list)
      if (v->date >= in.from && v->date <= in.to && end_of_local_day(v->date, in.zone) <= in.as_at) f(*v);
}

// When a missed visit became missed: no access when recorded, else an hour after its window.
Instant missed_at(const Visit& v) {
  if (v.status == VisitStatus::no_access) return v.outcome_at.value_or(v.window_end);
  return v.window_end + missed_after_window;
}

}  // namespace

std::vector<MeasureItem> outcome_same_day(const MeasureInput& in, const MeasureRule&) {
  std::vector<MeasureItem> out;
  each_visit_of_ended_days(in, [&](const Visit& v) {
    MeasureItem item;
    item.episode = v.episode_id;
    item.visit = v.id;
    item.day = v.date;
    const Instant day_end = end_of_local_day(v.date, in.zone);
    if (v.status == VisitStatus::planned) {
      item.met = false;
      item.detail = "window " + format_local_hm(v.window_start, in.zone) + "-" + format_local_hm(v.window_end, in.zone) +
                    ": no outcome recorded";
    } else if (v.outcome_at && *v.outcome_at >= day_end) {
      item.met = false;
      item.detail = std::string(status_label(v.status)) + " recorded " + when(*v.outcome_at, in.zone);
    } else {
      item.detail = std::string(status_label(v.status)) +
                    (v.outcome_at ? " recorded " + format_local_hm(*v.outcome_at, in.zone) : std::string());
    }
    out.push_back(std::move(item));
  });
  return out;
}

std::vector<MeasureItem> missed_followed_up(const MeasureInput& in, const MeasureRule& rule) {
  std::vector<MeasureItem> out;
  const auto within = std::chrono::seconds{static_cast<long long>(rule.param("hours", 4) * 3600)};
  for (const auto& [episode, list] : *in.visits_by_episode) {
    for (const Visit* v : list) {
      if (v->date < in.from || v->date > in.to || !is_missed(*v, in.as_at)) continue;
      const Instant missed = missed_at(*v);
      if (missed > in.as_at) continue;
      // The earliest follow-up (the same rule as missed_visit: a team-cancelled one does not count):
      // when it happened, or when it is planned for.
      std::optional<Instant> followed;
      for (const Visit* f : list) {
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
      const std::string what = v->status == VisitStatus::no_access ? "no access " : "not recorded, missed ";
      if (!followed) {
        item.met = false;
        item.detail = what + when(missed, in.zone) + ": no follow-up";
      } else {
        const auto after = *followed > missed ? *followed - missed : std::chrono::seconds{0};
        item.met = after <= within;
        item.detail = what + when(missed, in.zone) + ": followed up after " + duration_words(after);
      }
      out.push_back(std::move(item));
    }
  }
  return out;
}

std::vector<MeasureItem> long_visit_each_day(const MeasureInput& in, const MeasureRule& rule) {
  std::vector<MeasureItem> out;
  const int minutes = static_cast<int>(rule.param("minutes", 30));
  for (const auto& [episode, list] : *in.visits_by_episode) {
    size_t i = 0;
    while (i < list.size()) {
      const LocalDate day = list[i]->date;
      int done = 0, longest = 0;
      Id first_done = 0;
      size_t j = i;
      for (; j < list.size() && list[j]->date == day; ++j) {
        if (list[j]->status != VisitStatus::done) continue;
        if (!first_done) first_done = list[j]->id;
        ++done;
        longest = std::max(longest, list[j]->duration_min);
      }
      // Visits are in time order; a visit dated the day before can start after midnight, so skip on by date.
      i = j > i ? j : i + 1;
      if (!done || day < in.from || day > in.to || end_of_local_day(day, in.zone) > in.as_at) continue;
      MeasureItem item;
      item.episode = episode;
      item.visit = first_done;
      item.day = day;
      item.met = longest >= minutes;
      item.detail = std::to_string(done) + (done == 1 ? " visit" : " visits") + ", longest " + std::to_string(longest) + " min";
      out.push_back(std::move(item));
    }
  }
  return out;
}

}  // namespace vb::detail
