// Builds the reviews screen's content from the snapshot and now.
#include "core/review_board.hpp"

#include <algorithm>

namespace vb {

ReviewBoard build_review_board(const Snapshot& s, Instant now, std::chrono::hours horizon) {
  const Zone zone = s.zone();
  ReviewBoard b;
  const LocalDate today = local_date_of(now, zone);
  const auto weekday = date::weekday{date::sys_days{today}}.iso_encoding();
  b.week_start = LocalDate{date::sys_days{today} - date::days{weekday - 1}};
  for (int i = 0; i < 7; ++i) b.days.push_back(LocalDate{date::sys_days{b.week_start} + date::days{i}});
  b.slots = slots_between(s, start_of_local_day(b.week_start, zone),
                          start_of_local_day(LocalDate{date::sys_days{b.week_start} + date::days{7}}, zone));
  for (const auto& st : s.staff)
    if (st.active && st.has_skill("senior_reviewer")) b.reviewers.push_back(&st);

  for (const auto& e : s.episodes) {
    if (!e.is_open()) continue;
    auto next = next_review(s, e, now);
    if (!next || next->due > now + horizon) continue;
    ReviewDueItem item;
    item.episode = &e;
    item.person = s.find_person(e.person_id);
    item.next = *next;
    item.status = review_status(next->due, now, zone);
    item.booking = upcoming_booking(s, e.id, now);
    if (!item.booking) item.suggestion = suggest_slot(s, now, next->due);
    b.due.push_back(std::move(item));
  }
  std::stable_sort(b.due.begin(), b.due.end(), [](const ReviewDueItem& a, const ReviewDueItem& c) {
    return a.next.due < c.next.due;  // earliest due first = most overdue first
  });
  b.escalations = escalations(s, now);
  b.open_escalations = static_cast<int>(std::count_if(b.escalations.begin(), b.escalations.end(),
                                                      [](const Escalation& x) { return x.open(); }));
  return b;
}

}  // namespace vb
