#pragma once
// Senior-review capacity: one-off slots plus weekly clinics expanded in the team's zone, minus
// leave, with their bookings; and the earliest free slot before a review falls due.
#include "core/snapshot.hpp"

#include <optional>
#include <string>
#include <vector>

namespace vb {

struct SlotView {
  StaffId reviewer;
  Instant start{};
  int length_min = 30;
  int capacity = 1;
  std::vector<const ReviewBooking*> bookings;  // active ones
  bool full() const { return static_cast<int>(bookings.size()) >= capacity; }
};

// Every slot starting in [from, to), ordered by start then reviewer. Weekly clinics are expanded
// day by day in local time (a 09:00 clinic stays 09:00 across clock changes); a reviewer's leave
// removes their slots on those dates; a one-off slot and a clinic at the same start are one slot.
// Weekly clinics do not run on the team's bank holidays (s.rota_rules.bank_holidays) unless someone
// is already booked into one; one-off slots on a holiday do.
std::vector<SlotView> slots_between(const Snapshot& s, Instant from, Instant to);
// The slot a reviewer has at `start`, if any.
std::optional<SlotView> find_slot(const Snapshot& s, const StaffId& reviewer, Instant start);
// The episode's active booking from `now` on, if any.
const ReviewBooking* upcoming_booking(const Snapshot& s, Id episode, Instant now);

struct SlotSuggestion {
  std::optional<SlotView> slot;  // the earliest free slot from now that starts before `due`
  std::string why;               // words for the screen when there is none
};
SlotSuggestion suggest_slot(const Snapshot& s, Instant now, Instant due);
// The words when nothing free starts before `due`: "no free slot before it is due (<when>)", or on
// a bank holiday "no free slot before it is due: Christmas Day, no clinic".
std::string no_slot_before_due(const Snapshot& s, Instant due);

}  // namespace vb
