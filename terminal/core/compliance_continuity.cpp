// Continuity: the named worker is at (at least) half of a person's contacts in the period, and how
// many different staff a person sees in a week. A contact is a visit recorded as done; both workers
// of a double-up count.
#include "core/compliance_detail.hpp"

#include <set>

namespace vb::detail {

namespace {

bool ended_contact(const MeasureInput& in, const Visit& v, LocalDate from, LocalDate to) {
  return v.status == VisitStatus::done && v.date >= from && v.date <= to && v.window_start <= in.as_at;
}

}  // namespace

std::vector<MeasureItem> named_worker_continuity(const MeasureInput& in, const MeasureRule& rule) {
  std::vector<MeasureItem> out;
  const double share = rule.param("share", 0.5);
  const int at_least = static_cast<int>(rule.param("min_contacts", 2));
  for (const auto& [episode, list] : *in.visits_by_episode) {
    const Episode* e = in.s.find_episode(episode);
    if (!e || e->named_worker.empty()) continue;
    int contacts = 0, with_named = 0;
    LocalDate last{};
    for (const Visit* v : list) {
      if (!ended_contact(in, *v, in.from, in.to)) continue;
      ++contacts;
      last = v->date;
      if (v->staff1 == e->named_worker || v->staff2 == e->named_worker) ++with_named;
    }
    if (contacts < at_least) continue;
    MeasureItem item;
    item.episode = episode;
    item.day = last;
    item.met = with_named >= share * contacts - 1e-9;
    item.detail = "named worker " + e->named_worker + " at " + std::to_string(with_named) + " of " +
                  std::to_string(contacts) + " contacts";
    out.push_back(std::move(item));
  }
  return out;
}

std::vector<MeasureItem> staff_per_person_week(const MeasureInput& in, const MeasureRule& rule) {
  std::vector<MeasureItem> out;
  // Seven-day blocks from the period's first day (the last may be shorter).
  for (LocalDate block = in.from; block <= in.to; block = plus_days(block, 7)) {
    const LocalDate block_end = std::min(plus_days(block, 6), in.to);
    for (const auto& [episode, list] : *in.visits_by_episode) {
      std::set<StaffId> seen;
      for (const Visit* v : list) {
        if (!ended_contact(in, *v, block, block_end)) continue;
        if (!v->staff1.empty()) seen.insert(v->staff1);
        if (!v->staff2.empty()) seen.insert(v->staff2);
      }
      if (seen.empty()) continue;
      MeasureItem item;
      item.episode = episode;
      item.day = block;
      item.amount = static_cast<double>(seen.size());
      item.met = item.amount <= rule.target + 1e-9;
      item.detail = std::to_string(seen.size()) + " staff in the week from " + format_day_label(block) + ":";
      for (const auto& id : seen) item.detail += " " + id;
      out.push_back(std::move(item));
    }
  }
  return out;
}

}  // namespace vb::detail
