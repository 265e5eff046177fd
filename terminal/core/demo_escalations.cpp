// The demo team's review bookings, a carer's concern and its escalations, so the reviews screen
// has something true to show at any `now`.
#include "core/demo_detail.hpp"
#include "core/escalation.hpp"
#include "core/review_due.hpp"
#include "core/review_slots.hpp"

#include <algorithm>

namespace vb::demo {

namespace {

using std::chrono::minutes;

const Staff* first_with(const Snapshot& s, std::string_view discipline) {
  for (const auto& st : s.staff)
    if (st.active && st.discipline == discipline) return &st;
  return nullptr;
}

}  // namespace

void add_bookings_and_escalations(Snapshot& s, const ScheduleContext& ctx) {
  const Staff* consultant = first_with(s, "consultant");
  const Staff* senior = first_with(s, "senior_practitioner");
  if (!consultant || !senior) return;

  // Book the reviews falling due in the next three days into the suggested slot.
  int booked = 0;
  for (const auto& e : s.episodes) {
    if (!e.is_open() || booked >= 4) continue;
    auto due = next_review_due(s, e, ctx.now);
    if (!due || *due <= ctx.now || *due > ctx.now + date::days{3}) continue;
    auto suggestion = suggest_slot(s, ctx.now, *due);
    if (!suggestion.slot) continue;
    ReviewBooking b;
    b.id = static_cast<Id>(s.bookings.size()) + 1;
    b.episode_id = e.id;
    b.reviewer = suggestion.slot->reviewer;
    b.slot_start = suggestion.slot->start;
    b.booked_by = senior->id;
    b.booked_at = ctx.now - minutes{90};
    s.bookings.push_back(b);
    s.reindex();
    ++booked;
  }

  // Documented thresholds for admission for everyone at high risk, and for the person of the concern.
  for (const auto& e : s.episodes)
    if (e.is_open() && e.risk == RiskLevel::high)
      s.thresholds.push_back(RiskThresholds{e.id,
                                            "Admit if risk stays high after twice-daily visits for 48 h, or if the "
                                            "person cannot agree a safety plan",
                                            true, true, true});

  // A carer rang 95 minutes ago about a medium-risk person: past the consultant step, not yet seen to.
  for (const auto& e : s.episodes) {
    if (!e.is_open() || e.risk != RiskLevel::medium || e.stage != Stage::intensive) continue;
    s.concerns.push_back(Concern{1, e.id, ctx.now - minutes{95}, "carer",
                                 "Daughter rang: not eating or sleeping, says she is a burden", senior->id});
    s.thresholds.push_back(RiskThresholds{e.id, "Admit if not eating or drinking for 48 h, or if carer cannot stay",
                                          true, true, true});
    break;
  }
  s.reindex();

  // Every other escalation was acknowledged by the consultant 40 minutes after it fired; the
  // carer's concern is left open.
  auto list = escalations(s, ctx.now, std::chrono::hours{24 * 365 * 3});
  std::vector<EscalationAck> acks;
  for (const auto& x : list) {
    if (x.trigger == "carer_concern" || !x.open()) continue;
    const Instant at = x.fired_at + minutes{40};
    if (at > ctx.now) continue;
    acks.push_back(EscalationAck{static_cast<Id>(acks.size()) + 1, x.episode->id, x.trigger, x.fired_at, consultant->id,
                                 at, "Reviewed with the team: home treatment holds, twice-daily visits continue"});
  }
  s.escalation_acks = std::move(acks);
  s.reindex();
}

}  // namespace vb::demo
