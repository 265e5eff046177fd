// Out-of-hours planning: planned out-of-hours visits allocated before their shift started.
#include "core/compliance_detail.hpp"
#include "core/ooh_allocation.hpp"

namespace vb::detail {

namespace {

bool called_off(VisitStatus s) {
  return s == VisitStatus::cancelled_by_person || s == VisitStatus::cancelled_by_team || s == VisitStatus::rescheduled;
}

}  // namespace

std::vector<MeasureItem> ooh_allocated_before_shift(const MeasureInput& in, const MeasureRule&) {
  std::vector<MeasureItem> out;
  for (LocalDate d = in.from; !(in.to < d); d = plus_days(d, 1)) {
    const OohShiftWindows* windows = nullptr;
    for (const Visit* v : in.data->visits_on(d)) {
      // Follow-ups of a missed visit are arranged during the shift: not planned ahead.
      if (!v->out_of_hours || called_off(v->status) || v->follow_up_of) continue;
      if (!windows) windows = &in.data->ooh_windows_on(d);
      const Instant shift_start = ooh_shift_start(*windows, v->window_start);
      if (shift_start > in.as_at) continue;                // its shift has not started: pending
      if (v->allocated() && !v->allocated_at) continue;  // allocated before times were recorded
      MeasureItem item;
      item.episode = v->episode_id;
      item.visit = v->id;
      item.day = d;
      item.met = v->allocated_at && *v->allocated_at <= shift_start;
      if (in.detail_on(d)) {
        const std::string shift = "shift began " + when(shift_start, in.zone);
        if (!v->allocated_at)
          in.describe(item, "nobody allocated; " + shift);
        else
          in.describe(item, "allocated " + when(*v->allocated_at, in.zone) +
                        (v->allocated_by.empty() ? std::string() : " by " + v->allocated_by) +
                        (item.met ? "; " : ", " + duration_words(std::chrono::duration_cast<std::chrono::seconds>(*v->allocated_at - shift_start)) +
                                                " after the ") +
                        (item.met ? shift : "shift began"));
      }
      out.push_back(std::move(item));
    }
  }
  return out;
}

}  // namespace vb::detail
