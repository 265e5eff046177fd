// The demo team's senior reviews: a review within 24 h of acceptance then about weekly, slots for the
// coming days, decision-log entries, and one review due later today and one overdue.
#include "core/contact_plan.hpp"
#include "core/demo_detail.hpp"
#include "core/review_due.hpp"

#include <algorithm>
#include <string_view>

namespace vb::demo {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

constexpr std::string_view continue_why = "Risk held at home with the current visit plan; safety plan reviewed";
constexpr std::string_view step_down_why =
    "Distress reduced and no new risk events for 5 days; taper agreed with person";
constexpr std::string_view hand_over_why =
    "Stable on twice-weekly contact; handover meeting booked with receiving team";
constexpr std::string_view admit_why = "Risk threshold met despite twice-daily visits; home treatment no longer safe";
constexpr std::string_view close_why = "Crisis resolved; person confident with self-management and GP follow-up";

std::vector<StaffId> senior_reviewers(const std::vector<Staff>& staff) {
  std::vector<StaffId> out;
  for (const auto& s : staff)
    if (s.active && s.has_skill("senior_reviewer")) out.push_back(s.id);
  return out;
}

// What a review decided, from where the taper stood on the day it was held.
std::pair<std::string, std::string_view> decision_on(const ContactPlan& plan, LocalDate on, int& last_sequence) {
  auto pos = plan_position(plan, on);
  int sequence = pos ? pos->phase->sequence : last_sequence;
  bool moved = sequence != last_sequence;
  last_sequence = sequence;
  if (moved && sequence == 3) return {"step_down", step_down_why};
  if (moved && sequence == 5) return {"hand_over", hand_over_why};
  return {"continue", continue_why};
}

// Senior reviews are held in the day, on the quarter hour between 09:00 and 16:30.
Instant daytime(LocalDate d, Zone zone, Rng& rng) {
  return at_local(d, 9 * 60 + 15 * static_cast<int>(rng.uniform(0, 30)), zone);
}

// Within 24 h of acceptance: later the same day, or the next morning after a late or overnight acceptance.
Instant first_review_time(Instant accepted, Zone zone, Rng& rng) {
  const LocalDate day = local_date_of(accepted, zone);
  const auto minute = date::floor<minutes>(to_local(accepted, zone) - date::local_days{day}).count();
  const int morning = 9 * 60 + 15 * static_cast<int>(rng.uniform(0, 8));
  if (minute < 8 * 60) return at_local(day, morning, zone);
  if (minute <= 14 * 60) return accepted + minutes{rng.uniform(60, 180)};
  return at_local(add_days(day, 1), morning, zone);
}

Instant floor_to_quarter_hour(Instant t, Zone zone) {
  auto local = to_local(t, zone);
  auto floored = date::floor<minutes>(local) - date::floor<minutes>(local).time_since_epoch() % minutes{15};
  return from_local(LocalDateTime{floored}, zone);
}

}  // namespace

std::vector<Review> make_reviews(const ScheduleContext& ctx, const std::vector<Staff>& staff,
                                 const std::vector<Episode>& episodes, const std::vector<ContactPlan>& plans,
                                 Rng& rng) {
  const auto reviewers = senior_reviewers(staff);
  std::vector<Review> out;
  for (size_t i = 0; i < episodes.size(); ++i) {
    const Episode& e = episodes[i];
    const Instant end = e.closed_at ? *e.closed_at - hours{6} : ctx.now;
    Instant held = first_review_time(e.accepted_at, ctx.zone, rng);
    int last_sequence = 0;
    const auto step_downs = step_down_dates(plans[i]);
    bool before_step_down = false;
    while (held < end) {
      const LocalDate day = local_date_of(held, ctx.zone);
      Review r;
      r.episode_id = e.id;
      r.reviewer = rng.pick(reviewers);
      r.held_at = held;
      r.risk = e.risk;
      auto [decision, why] = decision_on(plans[i], day, last_sequence);
      if (before_step_down) decision = "step_down", why = step_down_why;  // the step-down gate's review
      r.decision = decision;
      r.rationale = std::string(why);
      r.person_told = true;
      r.family_told = rng.chance(700);
      // Next review a week later at the same wall-clock time; it is held on that day or the day before.
      const auto time_of_day = date::floor<minutes>(to_local(held, ctx.zone) - date::local_days{day});
      r.next_review_due = at_local(add_days(day, 7), static_cast<int>(time_of_day.count()), ctx.zone);
      out.push_back(r);
      held = std::min(*r.next_review_due, daytime(add_days(day, rng.chance(600) ? 7 : 6), ctx.zone, rng));
      // Every step-down is preceded by a review the day before (the risk reassessment it needs).
      before_step_down = false;
      for (LocalDate sd : step_downs) {
        if (sd <= add_days(day, 1)) continue;
        Instant gate = daytime(add_days(sd, -1), ctx.zone, rng);
        if (gate < held) {
          held = gate;
          before_step_down = true;
        }
        break;
      }
    }
    if (e.closed_at) {
      Review r;
      r.episode_id = e.id;
      r.reviewer = rng.pick(reviewers);
      r.held_at = *e.closed_at - minutes{rng.uniform(30, 120)};
      r.risk = e.risk;
      if (e.closure_destination == "inpatient")
        r.decision = "admit", r.rationale = std::string(admit_why);
      else if (e.closure_destination == "gp")
        r.decision = "close", r.rationale = std::string(close_why);
      else
        r.decision = "hand_over", r.rationale = std::string(hand_over_why);
      r.person_told = true;
      r.family_told = rng.chance(800);
      out.push_back(r);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Review& a, const Review& b) {
    return a.held_at != b.held_at ? a.held_at < b.held_at : a.episode_id < b.episode_id;
  });
  for (size_t i = 0; i < out.size(); ++i) out[i].id = static_cast<Id>(i) + 1;
  return out;
}

// Weekly clinics: each senior reviewer holds a 10:00 and a 14:00 slot (an hour later per reviewer)
// every weekday, from four weeks back; one reviewer has a study day next Wednesday.
std::vector<SlotPattern> make_slot_patterns(const ScheduleContext& ctx, const std::vector<Staff>& staff) {
  const auto reviewers = senior_reviewers(staff);
  std::vector<SlotPattern> out;
  for (size_t j = 0; j < reviewers.size(); ++j) {
    for (int weekday = 1; weekday <= 5; ++weekday) {
      for (int base : {10 * 60, 14 * 60}) {
        SlotPattern p;
        p.id = static_cast<Id>(out.size()) + 1;
        p.reviewer = reviewers[j];
        p.weekday = weekday;
        p.start_minute = base + static_cast<int>(j) * 60;
        p.length_min = 30;
        p.capacity = 1;
        p.from = add_days(ctx.today, -28);
        out.push_back(p);
      }
    }
  }
  return out;
}

std::vector<ReviewerLeave> make_leave(const ScheduleContext& ctx, const std::vector<Staff>& staff) {
  const auto reviewers = senior_reviewers(staff);
  if (reviewers.empty()) return {};
  LocalDate wednesday = add_days(ctx.today, 1);
  while (date::weekday{date::sys_days{wednesday}} != date::Wednesday) wednesday = add_days(wednesday, 1);
  return {ReviewerLeave{1, reviewers.front(), wednesday, wednesday, "Study day"}};
}

std::vector<DecisionLogEntry> make_decisions(const ScheduleContext& ctx, const std::vector<Episode>& episodes,
                                             const std::vector<Review>& reviews) {
  std::vector<const Review*> latest(episodes.size(), nullptr);
  for (const auto& r : reviews) latest[static_cast<size_t>(r.episode_id - 1)] = &r;
  std::vector<DecisionLogEntry> out;
  int open_logged = 0;
  for (const auto& e : episodes) {
    const Review* r = latest[static_cast<size_t>(e.id - 1)];
    if (!r) continue;
    DecisionLogEntry d;
    d.episode_id = e.id;
    d.decided_by = r->reviewer;
    d.at = r->held_at;
    if (e.is_open() && e.risk == RiskLevel::high && open_logged < 5) {
      ++open_logged;
      d.decision = "Continue home treatment; no admission at present";
      d.options_considered = "admission; crisis house; home treatment with twice-daily visits";
      d.rationale = std::string(continue_why);
      d.informed = "person; family";
    } else if (!e.is_open() && e.closure_destination == "inpatient" && *e.closed_at > ctx.now - hours{24 * 180}) {
      d.decision = "Admit to inpatient ward";
      d.options_considered = "home treatment with double-up visits; crisis house; admission";
      d.rationale = std::string(admit_why);
      d.informed = "person; family; ward";
    } else {
      continue;
    }
    out.push_back(d);
  }
  std::stable_sort(out.begin(), out.end(), [](const DecisionLogEntry& a, const DecisionLogEntry& b) {
    return a.at != b.at ? a.at < b.at : a.episode_id < b.episode_id;
  });
  for (size_t i = 0; i < out.size(); ++i) out[i].id = static_cast<Id>(i) + 1;
  // One correction, as a log would carry: the family was told after all.
  for (const auto& d : std::vector<DecisionLogEntry>(out)) {
    if (d.informed != "person; family" || d.at + hours{1} >= ctx.now) continue;
    DecisionLogEntry c = d;
    c.id = static_cast<Id>(out.size()) + 1;
    c.at = d.at + hours{1};
    c.informed = "person; family (by phone, after the review)";
    c.corrects = d.id;
    out.push_back(c);
    break;
  }
  return out;
}

void ensure_review_due_and_overdue(Snapshot& s, const ScheduleContext& ctx) {
  s.reindex();
  const auto end_of_today = start_of_local_day(add_days(ctx.today, 1), ctx.zone);
  bool has_due = false, has_overdue = false;
  for (const auto& e : s.episodes) {
    auto due = next_review_due(s, e, ctx.now);
    if (!due) continue;
    auto status = review_status(*due, ctx.now, ctx.zone);
    has_due = has_due || status == ReviewStatus::due;
    has_overdue = has_overdue || status == ReviewStatus::overdue;
  }
  auto last_review = [&](const Episode& e) -> Review* {
    auto list = s.reviews_of(e.id);
    return list.empty() ? nullptr : &s.reviews[static_cast<size_t>(list.back()->id - 1)];
  };
  Id overdue_episode = 0;
  // Overdue: a step-down whose last review asked for another by 09:00 today (or 14:00 yesterday, early on).
  Instant overdue_at = at_local(ctx.today, 9 * 60, ctx.zone);
  if (overdue_at > ctx.now - hours{1}) overdue_at = at_local(add_days(ctx.today, -1), 14 * 60, ctx.zone);
  for (Stage stage : {Stage::step_down, Stage::handover, Stage::intensive}) {
    for (const auto& e : s.episodes) {
      if (has_overdue) break;
      if (e.stage != stage) continue;
      Review* r = last_review(e);
      if (!e.is_open() || !r || r->held_at >= overdue_at - hours{20}) continue;
      r->next_review_due = overdue_at;
      overdue_episode = e.id;
      has_overdue = true;
    }
  }
  // Due: an intensive episode whose review is booked for later today.
  for (Stage stage : {Stage::intensive, Stage::handover, Stage::step_down}) {
    for (const auto& e : s.episodes) {
      if (has_due) break;
      if (e.stage != stage) continue;
      Review* r = last_review(e);
      if (!e.is_open() || !r || e.id == overdue_episode) continue;
      Instant due = ctx.now + (end_of_today - ctx.now) / 2;
      if (end_of_today - ctx.now > hours{2}) {
        auto later = floor_to_quarter_hour(ctx.now + hours{1} + minutes{15}, ctx.zone);
        if (later > ctx.now && later < end_of_today) due = later;
      }
      r->next_review_due = due;
      has_due = true;
    }
  }
  s.reindex();
}

}  // namespace vb::demo
