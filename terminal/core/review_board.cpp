// Builds the reviews screen's content from the snapshot and now.
#include "core/review_board.hpp"

#include <algorithm>

namespace vb {

namespace {

// suggest_slot for every due review at once: the slots from now on are expanded once, not once a
// review (the same answers: a window's slots are the longer window's slots that start in it).
class SlotSuggester {
 public:
  SlotSuggester(const Snapshot& s, Instant now, std::chrono::hours horizon)
      : s_(s), now_(now), slots_(slots_between(s, now, now + std::max<std::chrono::hours>(date::days{14}, horizon))) {}

  SlotSuggestion operator()(Instant due) const {
    const bool overdue = due <= now_;
    const Instant until = overdue ? now_ + date::days{14} : due;
    for (const auto& slot : slots_) {
      if (slot.start >= until) break;
      if (!slot.full()) return {slot, overdue ? "overdue: earliest free slot" : "earliest free slot before it is due"};
    }
    if (overdue) return {std::nullopt, "overdue and no free slot in the next 14 days"};
    return {std::nullopt, no_slot_before_due(s_, due)};
  }

 private:
  const Snapshot& s_;
  Instant now_;
  std::vector<SlotView> slots_;  // by start, then reviewer
};

}  // namespace

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

  const SlotSuggester suggest(s, now, horizon);
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
    if (!item.booking) item.suggestion = suggest(next->due);
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
