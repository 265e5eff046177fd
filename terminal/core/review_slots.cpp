// Slot expansion, capacity and the booking suggestion.
#include "core/review_slots.hpp"

#include <algorithm>
#include <map>

namespace vb {

namespace {

bool on_leave(const Snapshot& s, const StaffId& reviewer, LocalDate d) {
  return std::any_of(s.leave.begin(), s.leave.end(),
                     [&](const ReviewerLeave& l) { return l.reviewer == reviewer && d >= l.from && d <= l.until; });
}

unsigned iso_weekday(LocalDate d) { return date::weekday{date::sys_days{d}}.iso_encoding(); }

}  // namespace

std::vector<SlotView> slots_between(const Snapshot& s, Instant from, Instant to) {
  const Zone zone = s.zone();
  std::map<std::pair<Instant, StaffId>, SlotView> slots;
  std::map<std::pair<Instant, StaffId>, SlotView> holiday;  // clinics that would fall on a bank holiday
  for (const auto& slot : s.review_slots) {
    if (slot.start < from || slot.start >= to) continue;
    if (on_leave(s, slot.reviewer, local_date_of(slot.start, zone))) continue;
    slots[{slot.start, slot.reviewer}] = SlotView{slot.reviewer, slot.start, slot.length_min, slot.capacity, {}};
  }
  if (!s.slot_patterns.empty() && from < to) {
    const LocalDate first = local_date_of(from, zone);
    const LocalDate last = local_date_of(to, zone);
    for (auto day = date::sys_days{first}; day <= date::sys_days{last}; day += date::days{1}) {
      const LocalDate d{day};
      for (const auto& p : s.slot_patterns) {
        if (static_cast<int>(iso_weekday(d)) != p.weekday || d < p.from || (p.until && d > *p.until)) continue;
        if (on_leave(s, p.reviewer, d)) continue;
        Instant start = local_day_time(d, std::chrono::minutes{p.start_minute}, zone);
        if (start < from || start >= to) continue;
        // A weekly clinic does not run on one of the team's bank holidays (a one-off slot does): it
        // stays only while someone is booked into it, so no booking drops out of sight.
        if (s.rota_rules.bank_holidays.on(d)) {
          holiday.try_emplace({start, p.reviewer}, SlotView{p.reviewer, start, p.length_min, p.capacity, {}});
          continue;
        }
        slots.try_emplace({start, p.reviewer}, SlotView{p.reviewer, start, p.length_min, p.capacity, {}});
      }
    }
  }
  for (const auto& b : s.bookings) {
    if (!b.active()) continue;
    if (!holiday.empty() && !slots.count({b.slot_start, b.reviewer})) {
      auto h = holiday.find({b.slot_start, b.reviewer});
      if (h != holiday.end()) slots.insert(holiday.extract(h));
    }
    auto it = slots.find({b.slot_start, b.reviewer});
    if (it != slots.end()) it->second.bookings.push_back(&b);
  }
  std::vector<SlotView> out;
  out.reserve(slots.size());
  for (auto& [key, view] : slots) out.push_back(std::move(view));
  return out;
}

std::optional<SlotView> find_slot(const Snapshot& s, const StaffId& reviewer, Instant start) {
  for (auto& slot : slots_between(s, start, start + std::chrono::seconds{1}))
    if (slot.reviewer == reviewer) return slot;
  return std::nullopt;
}

const ReviewBooking* upcoming_booking(const Snapshot& s, Id episode, Instant now) {
  const ReviewBooking* best = nullptr;
  for (const ReviewBooking* b : s.bookings_of(episode)) {
    if (!b->active() || b->slot_start < now) continue;
    if (!best || b->slot_start < best->slot_start) best = b;
  }
  return best;
}

SlotSuggestion suggest_slot(const Snapshot& s, Instant now, Instant due) {
  if (due <= now) {
    // Already overdue: the earliest free slot at all, said plainly.
    for (auto& slot : slots_between(s, now, now + date::days{14}))
      if (!slot.full()) return {slot, "overdue: earliest free slot"};
    return {std::nullopt, "overdue and no free slot in the next 14 days"};
  }
  for (auto& slot : slots_between(s, now, due))
    if (!slot.full()) return {slot, "earliest free slot before it is due"};
  return {std::nullopt, no_slot_before_due(s, due)};
}

std::string no_slot_before_due(const Snapshot& s, Instant due) {
  // Due on a bank holiday: the due time stands (the rules count elapsed time), but the weekly
  // clinics do not run that day, so say why there is nothing to book on the day (the due time is
  // beside it on the screen).
  if (const BankHoliday* h = s.rota_rules.bank_holidays.on(local_date_of(due, s.zone())))
    return "no free slot before it is due: " + h->name + ", no clinic";
  return "no free slot before it is due (" + format_local_datetime(due, s.zone()) + ")";
}

}  // namespace vb
