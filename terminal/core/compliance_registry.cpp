// The measures this build can count, by id, and the built-in rules (mirroring
// data/compliance_rules.json). A new measure is one function here plus one entry in that file.
#include "core/compliance_detail.hpp"

namespace vb {

const std::vector<MeasureEntry>& measure_registry() {
  static const std::vector<MeasureEntry> registry{
      {"reviews-on-time", detail::reviews_on_time},
      {"reviews-overdue-now", detail::reviews_overdue_now},
      {"visit-outcome-same-day", detail::outcome_same_day},
      {"missed-visit-follow-up-4h", detail::missed_followed_up},
      {"twice-daily-first-3-days", detail::twice_daily_first_days},
      {"week-one-7-contacts", detail::week_one_contacts},
      {"visit-30-min-each-day", detail::long_visit_each_day},
      {"named-worker-half-contacts", detail::named_worker_continuity},
      {"staff-per-person-week", detail::staff_per_person_week},
      {"nights-staffed-minimum", detail::nights_staffed},
      {"six-weeks-without-review", detail::six_weeks_without_review},
      {"risk-reassessed-at-step-down", detail::risk_reassessed_at_step_down},
      {"carers-informed-of-step-down", detail::carers_informed_of_step_down},
      {"follow-up-after-closure-in-window", detail::follow_up_after_closure},
      {"bundle-complete-at-closure", detail::bundle_complete_at_closure},
      {"safety-plan-updated-at-step-down", detail::safety_plan_updated_at_step_down},
      {"handover-summary-within-3-days", detail::handover_summary_within_days},
      {"ooh-allocated-before-shift", detail::ooh_allocated_before_shift},
  };
  return registry;
}

MeasureFunction find_measure(std::string_view id) {
  for (const auto& m : measure_registry())
    if (m.id == id) return m.count;
  return nullptr;
}

ComplianceRules default_compliance_rules() {
  using U = MeasureUnit;
  using D = Direction;
  ComplianceRules r;
  r.measures = {
      {"reviews-on-time", "Senior reviews on time", "Reviews",
       "Of the senior reviews that fell due (by the review rules) on a day in the period, the share held by the end of "
       "that local day (23:59). The review that counts is the first one held after the previous review.",
       "Review rules in data/review_rules.json; team standard of 95%", U::share, D::higher_is_better, 0.95, 0.85, {}},
      {"reviews-overdue-now", "Senior reviews overdue now", "Reviews",
       "Open episodes whose next senior review is past its due time at the end of the period (now, for today): the "
       "same rule as the reviews screen.",
       "Review rules in data/review_rules.json; none should be overdue", U::count, D::lower_is_better, 0, 1, {}},
      {"visit-outcome-same-day", "Visit outcomes recorded the same day", "Visits",
       "Of the visits dated on a day in the period that has ended, the share with an outcome (done, no access, "
       "cancelled, rescheduled) recorded by the end of that local day.",
       "Record keeping standard: contemporaneous notes; team target 95%", U::share, D::higher_is_better, 0.95, 0.85, {}},
      {"missed-visit-follow-up-4h", "Missed visits followed up within 4 h", "Visits",
       "Of the missed visits (no access, or still planned an hour after the window) dated in the period, the share with "
       "a follow-up visit attempted or planned within 4 hours of the miss (exactly 4 h counts). A miss less than 4 h "
       "old with no follow-up yet is not counted.",
       "shared/domain.md: a missed visit needs a follow-up decision the same day; team standard 4 hours", U::share,
       D::higher_is_better, 0.95, 0.8, {{"hours", 4}}},
      {"twice-daily-first-3-days", "Twice-daily visits on days 1-3", "Intensity",
       "Episodes whose third day fell in the period and who were still on the caseload at its end: the share with at "
       "least two done visits on each of days 1-3 (day 1 is the day of acceptance; one is enough on day 1 when accepted "
       "at or after 13:00).",
       "shared/domain.md: in the first week twice-daily visits for three days", U::share, D::higher_is_better, 0.8, 0.6,
       {{"days", 3}, {"visits_per_day", 2}, {"first_day_late_after_minute", 780}}},
      {"week-one-7-contacts", "At least 7 contacts in week one", "Intensity",
       "Episodes whose seventh day fell in the period and who were still on the caseload at its end: the share with at "
       "least seven done visits (any type) on days 1-7.",
       "shared/domain.md: in the first week at least seven contacts", U::share, D::higher_is_better, 0.8, 0.6,
       {{"contacts", 7}}},
      {"visit-30-min-each-day", "A 30-minute visit every visit day", "Intensity",
       "Person-days in the period with at least one done visit: the share where at least one done visit lasted 30 "
       "minutes or more.",
       "shared/domain.md: a face-to-face visit lasts 30-60 minutes", U::share, D::higher_is_better, 0.9, 0.8,
       {{"minutes", 30}}},
      {"named-worker-half-contacts", "Named worker at half of contacts", "Continuity",
       "People with at least two done visits in the period: the share whose named worker was at (either worker of) at "
       "least half of them.",
       "shared/domain.md: consistent points of contact (a named worker) are kept throughout", U::share,
       D::higher_is_better, 0.8, 0.6, {{"share", 0.5}, {"min_contacts", 2}}},
      {"staff-per-person-week", "Different staff per person a week", "Continuity",
       "For each person and each seven-day block of the period with a done visit: the number of different staff at "
       "their done visits; the figure is the average over those person-weeks.",
       "Team standard for continuity of care: at most 3 different staff a week", U::average, D::lower_is_better, 3, 4,
       {}},
      {"nights-staffed-minimum", "Nights staffed at the minimum", "Staffing",
       "Nights in the period (up to tonight) with a rota recorded: the share with at least two trained staff on a night "
       "shift.",
       "shared/domain.md: staffing at night 2; allocation.md minimum of two trained staff at night", U::share,
       D::higher_is_better, 1.0, 0.9, {{"min_trained", 2}}},
      {"six-weeks-without-review", "Open over 6 weeks without review", "Episodes",
       "Episodes open longer than six weeks (day 42) at the end of the period whose six-week senior review (from day "
       "35) has not been held.",
       "Fidelity: automatic review flag at six weeks (data/review_rules.json six_weeks)", U::count, D::lower_is_better,
       0, 1, {}},
      {"risk-reassessed-at-step-down", "Risk reassessed at step-down", "Step-down",
       "Step-downs (scheduled phase changes to less contact, and step_down commands) on a day in the period: the share with a senior review or a recorded risk reassessment from the later of the start of the phase being left and three days before, up to the end of the step-down day. The same rule as the step-down gate (core/step_down). A step-down counts once its day has ended.",
       "Step-down pathway (issue 3): every step-down needs a risk reassessment for that transition", U::share, D::higher_is_better, 1.0, 0.9, {}},
      {"carers-informed-of-step-down", "Carers told of step-down", "Step-down",
       "Step-downs of people with at least one key person who consents to sharing, counted on the seventh day after the step-down (when the board stops flagging it) where that day is in the period: the share where every such key person was reached and told of the step-down from three days before it up to the end of that seventh day (the board's carer-not-told rule, core/carers). One not yet told within that week is not counted yet.",
       "Step-down pathway (issue 3): families and carers are told of changes in contact", U::share, D::higher_is_better, 0.9, 0.75, {}},
      {"follow-up-after-closure-in-window", "Follow-up after closure in window", "Step-down",
       "Closures counted on the day their follow-up contact falls due, where that day is in the period: the share whose follow-up after closure was done within its window from the closure instant - 48 h when suicide risk was identified, 72 h after an inpatient ward, otherwise by 23:59 local on the seventh day (core/transition_bundle's follow_up_due; exactly at the due time counts). One whose window is still open with no follow-up done yet is not counted.",
       "Step-down pathway (issue 3): follow-up within 48 h / 72 h / 7 days of discharge from the team", U::share, D::higher_is_better, 0.95, 0.85, {}},
      {"bundle-complete-at-closure", "Bundle complete at closure", "Step-down",
       "Episodes closed on a day in the period: the share whose transition bundle was complete at the closure instant (every required item recorded by then), i.e. closed without an override.",
       "Step-down pathway (issue 3): transition bundle evidenced before closure", U::share, D::higher_is_better, 0.9, 0.75, {}},
      {"safety-plan-updated-at-step-down", "Safety plan updated at step-down", "Step-down",
       "Step-downs (scheduled phase changes to less contact, and step_down commands) on a day in the period: the share with the crisis and safety plan recorded as updated (transition record safety_plan_updated) from the later of the start of the phase being left and three days before, up to the end of the step-down day: the same window as the risk reassessment. A step-down counts once its day has ended.",
       "shared/domain.md: at the point of transition the team must evidence updated crisis and safety plans", U::share, D::higher_is_better, 0.95, 0.85, {}},
      {"handover-summary-within-3-days", "Handover summary within 3 days", "Step-down",
       "Closures counted on the third local day after the closure date, where that day is in the period: the share with a handover summary sent (transition record handover_summary_sent) before closure or by 23:59 on that third day. One not yet sent while the third day is not over is not counted.",
       "Step-down pathway (issue 6): handover summary sent within 3 days of closure", U::share, D::higher_is_better, 0.95, 0.85, {{"days", 3}}},
      {"ooh-allocated-before-shift", "OOH visits allocated before the shift", "Out of hours",
       "Planned out-of-hours visits (not cancelled or moved, not follow-ups of a missed visit) dated in the period whose shift has started: the share allocated at or before the start of the out-of-hours shift the visit falls in (evening, night or weekend day, from the rota rules' shift times in local time). The allocation time is when the visit went from nobody to someone (kept when it moves between staff). Visits allocated before allocation times were recorded are not counted.",
       "shared/domain.md: coordinators allocate the out-of-hours visits before the shift; team standard 90%", U::share, D::higher_is_better, 0.9, 0.75, {}},
  };
  return r;
}

}  // namespace vb
