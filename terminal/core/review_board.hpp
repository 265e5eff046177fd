#pragma once
// What the reviews screen shows, derived once per minute or data change (never per frame): the
// week's slots by reviewer, reviews due or overdue (most overdue first) with the suggested slot,
// and escalations.
#include "core/escalation.hpp"
#include "core/review_due.hpp"
#include "core/review_slots.hpp"

#include <optional>
#include <vector>

namespace vb {

struct ReviewDueItem {
  const Episode* episode = nullptr;
  const Person* person = nullptr;
  ReviewObligation next;
  ReviewStatus status = ReviewStatus::ok;
  const ReviewBooking* booking = nullptr;  // already booked
  SlotSuggestion suggestion;               // when not booked
};

struct ReviewBoard {
  LocalDate week_start{};  // Monday of the week shown
  std::vector<LocalDate> days;
  std::vector<const Staff*> reviewers;
  std::vector<SlotView> slots;      // that week
  std::vector<ReviewDueItem> due;   // overdue first (most overdue first), then due soonest
  std::vector<Escalation> escalations;
  int open_escalations = 0;
};

// Reviews falling due within `horizon` of now are listed with the overdue ones.
ReviewBoard build_review_board(const Snapshot& s, Instant now, std::chrono::hours horizon = std::chrono::hours{72});

}  // namespace vb
