// Review due dates from the episode's reviews; durations come from instants, not wall clocks.
#include "core/review_due.hpp"

namespace vb {

std::optional<Instant> next_review_due(const Snapshot& s, const Episode& e) {
  if (!e.is_open()) return std::nullopt;
  auto reviews = s.reviews_of(e.id);
  if (reviews.empty()) return e.accepted_at + first_review_within;
  const Review* last = reviews.back();
  if (last->next_review_due) return *last->next_review_due;
  return last->held_at + review_interval;
}

ReviewStatus review_status(Instant due, Instant now, Zone zone) {
  if (now > due) return ReviewStatus::overdue;
  auto today = local_date_of(now, zone);
  auto end_of_today = start_of_local_day(LocalDate{date::sys_days{today} + date::days{1}}, zone);
  if (due < end_of_today) return ReviewStatus::due;
  return ReviewStatus::ok;
}

}  // namespace vb
