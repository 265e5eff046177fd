// The demo team's visits: drawn from each episode's contact plan day by day, allocated to staff whose
// shift covers the window (continuity first, nobody double-booked), and outcomes recorded up to now.
#include "core/contact_plan.hpp"
#include "core/demo_detail.hpp"
#include "core/out_of_hours.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace vb::demo {
namespace {

constexpr std::array<std::string_view, 3> no_access_reasons{"no answer at the door", "not at home",
                                                            "phone switched off"};
constexpr std::array<std::string_view, 4> person_cancel_reasons{"person declined the visit", "person at a family event",
                                                                "person asked for a phone call instead",
                                                                "person at a GP appointment"};
constexpr std::array<std::string_view, 2> team_cancel_reasons{"staff sickness", "emergency assessment elsewhere"};
constexpr std::array<std::string_view, 3> reschedule_reasons{
    "moved at the person's request", "moved to fit a joint visit", "moved after a transport problem"};
constexpr std::string_view no_staff_reason = "no staff available";

template <size_t N>
std::string pick_reason(const std::array<std::string_view, N>& reasons, Rng& rng) {
  return std::string(reasons[static_cast<size_t>(rng.uniform(0, N - 1))]);
}

struct Request {
  size_t episode = 0;    // index into episodes
  int seq = 0;           // visit number that day
  int preferred = 0;     // window
  unsigned allowed = 0;  // windows open that day (acceptance and closure cut the day)
  std::int64_t key = 0;
  VisitType type = VisitType::home;
  int duration = 30;
};

struct Placement {
  Request r;
  int window = -1;
  int staff1 = -1;
  int staff2 = -1;
  bool double_up = false;
};

VisitType draw_type(Rng& rng) {
  auto r = rng.uniform(0, 99);
  if (r < 80) return VisitType::home;
  if (r < 88) return VisitType::phone;
  if (r < 94) return VisitType::video;
  return VisitType::clinic;
}

// Visits a plan asks for on a day, before weekends are taken into account.
int visits_on(const ContactPlan& plan, LocalDate d) {
  auto pos = plan_position(plan, d);
  if (!pos) return 0;
  if (pos->phase->visits_per_day > 0) return std::min(pos->phase->visits_per_day, 3);
  if (pos->phase->every_n_days > 0 && (pos->day_in_phase - 1) % pos->phase->every_n_days == 0) return 1;
  return 0;
}

}  // namespace

int planned_visits(const ContactPlan& plan, LocalDate d) {
  auto pos = plan_position(plan, d);
  if (!pos) return 0;
  // Weekends (about 70% staffing) keep daily and alternate-day contact; a twice-weekly or weekly visit
  // that falls on a weekend becomes a phone call off the board.
  if (pos->phase->every_n_days >= 3 && is_weekend(d)) return 0;
  return visits_on(plan, d);
}

namespace {

// Requests for every day of every episode, in day buckets.
std::vector<std::vector<Request>> draw_requests(const ScheduleContext& ctx, const std::vector<Episode>& episodes,
                                                const std::vector<ContactPlan>& plans, Rng& rng) {
  std::vector<std::vector<Request>> days(static_cast<size_t>(days_between(ctx.first_day, ctx.last_day) + 1));
  for (size_t i = 0; i < episodes.size(); ++i) {
    const Episode& e = episodes[i];
    auto first = local_date_of(e.accepted_at, ctx.zone);
    auto last = e.closed_at ? local_date_of(*e.closed_at, ctx.zone) : ctx.last_day;
    if (days_between(last, ctx.last_day) < 0) last = ctx.last_day;
    if (days_between(ctx.first_day, first) < 0) first = ctx.first_day;
    const bool high = e.risk == RiskLevel::high;
    for (auto d = first; days_between(d, last) >= 0; d = add_days(d, 1)) {
      auto pos = plan_position(plans[i], d);
      if (!pos) continue;
      const int n = planned_visits(plans[i], d);
      if (n == 0) continue;
      unsigned allowed = 0;
      for (int w = 0; w < 3; ++w) {
        bool ok = true;
        if (d == first) ok = at_local(d, visit_windows[w].start_min, ctx.zone) >= e.accepted_at;
        if (ok && e.closed_at && d == last) ok = at_local(d, visit_windows[w].end_min, ctx.zone) <= *e.closed_at;
        if (ok) allowed |= 1u << w;
      }
      for (int seq = 0; seq < n; ++seq) {
        Request r;
        r.episode = i;
        r.seq = seq;
        r.allowed = allowed;
        if (n == 3)
          r.preferred = seq;
        else if (n == 2)
          r.preferred = seq == 0 ? 0 : evening;
        else if (pos->phase->visits_per_day > 0 && !high && !is_weekend(d) && rng.chance(200))
          r.preferred = evening;
        else
          r.preferred = rng.chance(550) ? 0 : 1;
        r.key = rng.uniform(0, 1 << 30);
        r.type = draw_type(rng);
        r.duration = static_cast<int>(30 + 15 * rng.uniform(0, 2));
        days[static_cast<size_t>(days_between(ctx.first_day, d))].push_back(r);
      }
    }
  }
  return days;
}

void record_outcome(Visit& v, const ScheduleContext& ctx, Rng& rng) {
  if (v.window_end > ctx.now) return;  // still planned: the window has not ended yet
  auto minutes = [](std::int64_t m) { return std::chrono::minutes{m}; };
  if (!v.allocated()) {
    v.status = VisitStatus::cancelled_by_team;
    v.reason = std::string(no_staff_reason);
    v.outcome_at = v.window_start - std::chrono::hours{1};
    return;
  }
  auto r = rng.uniform(0, 999);
  if (v.date == ctx.today) r = r < 950 ? 0 : 930;  // today: done, or cancelled by the person
  const std::int64_t window_min = (v.window_end - v.window_start).count() / 60;
  if (r < 880) {
    v.status = VisitStatus::done;
    v.outcome_at = v.window_start + minutes(rng.uniform(v.duration_min, window_min));
  } else if (r < 920) {
    v.status = VisitStatus::no_access;
    v.reason = pick_reason(no_access_reasons, rng);
    v.outcome_at = v.window_start + minutes(rng.uniform(10, window_min - 10));
  } else if (r < 960) {
    v.status = VisitStatus::cancelled_by_person;
    v.reason = pick_reason(person_cancel_reasons, rng);
    v.outcome_at = v.window_start - minutes(rng.uniform(30, 240));
  } else if (r < 980) {
    v.status = VisitStatus::cancelled_by_team;
    v.reason = pick_reason(team_cancel_reasons, rng);
    v.outcome_at = v.window_start - minutes(rng.uniform(60, 600));
  } else {
    v.status = VisitStatus::rescheduled;
    v.reason = pick_reason(reschedule_reasons, rng);
    v.outcome_at = v.window_start - minutes(rng.uniform(60, 1440));
  }
}

// Every no-access visit is followed up by the episode's next visit that goes ahead; the last visit of
// an episode is never left as no access.
void link_follow_ups(std::vector<Visit>& visits) {
  std::unordered_map<Id, std::vector<size_t>> by_episode;
  for (size_t i = 0; i < visits.size(); ++i) by_episode[visits[i].episode_id].push_back(i);
  for (auto& [episode, list] : by_episode) {
    for (size_t j = 0; j < list.size(); ++j) {
      Visit& missed = visits[list[j]];
      if (missed.status != VisitStatus::no_access) continue;
      bool linked = false;
      for (size_t k = j + 1; k < list.size() && !linked; ++k) {
        Visit& next = visits[list[k]];
        if (next.status == VisitStatus::cancelled_by_team || next.follow_up_of) continue;
        next.follow_up_of = missed.id;
        linked = true;
      }
      if (!linked) {
        missed.status = VisitStatus::done;
        missed.reason.clear();
        missed.outcome_at =
            std::min(missed.window_end, missed.window_start + std::chrono::minutes{missed.duration_min});
      }
    }
  }
}

}  // namespace

std::vector<Visit> make_visits(const ScheduleContext& ctx, const std::vector<Staff>& staff,
                               const std::vector<Shift>& shifts, const std::vector<Episode>& episodes,
                               const std::vector<ContactPlan>& plans, Rng& rng) {
  auto buckets = draw_requests(ctx, episodes, plans, rng);
  std::unordered_map<std::string, int> staff_index;
  for (size_t i = 0; i < staff.size(); ++i) staff_index[staff[i].id] = static_cast<int>(i);
  std::vector<std::vector<const Shift*>> on_shift(buckets.size());
  for (const auto& s : shifts) {
    auto day = days_between(ctx.first_day, s.date);
    if (day >= 0 && day < static_cast<long>(buckets.size())) on_shift[static_cast<size_t>(day)].push_back(&s);
  }
  std::vector<int> last_staff(episodes.size(), -1);
  std::vector<Visit> out;
  const RotaRules rules;  // the demo team keeps the default rota rules and bank holidays

  for (size_t day = 0; day < buckets.size(); ++day) {
    auto& requests = buckets[day];
    if (requests.empty()) continue;
    const LocalDate d = add_days(ctx.first_day, static_cast<long>(day));
    std::array<Instant, 3> ws{}, we{};
    for (int w = 0; w < 3; ++w) {
      ws[w] = at_local(d, visit_windows[w].start_min, ctx.zone);
      we[w] = at_local(d, visit_windows[w].end_min, ctx.zone);
    }
    // Who can take a visit in each window today.
    std::array<std::vector<int>, 3> available;
    for (const Shift* s : on_shift[day]) {
      int who = staff_index.at(s->staff_id);
      for (int w = 0; w < 3; ++w)
        if (s->start <= ws[w] && s->end >= we[w]) available[w].push_back(who);
    }
    for (auto& list : available) std::sort(list.begin(), list.end());
    std::vector<unsigned> busy(staff.size(), 0);
    std::vector<int> load(staff.size(), 0);
    std::vector<std::int64_t> staff_key(staff.size());
    for (auto& k : staff_key) k = rng.uniform(0, 999);
    std::unordered_map<size_t, unsigned> episode_windows;

    std::sort(requests.begin(), requests.end(), [&](const Request& a, const Request& b) {
      auto ra = risk_rank(episodes[a.episode].risk), rb = risk_rank(episodes[b.episode].risk);
      if (ra != rb) return ra > rb;
      if ((a.preferred == evening) != (b.preferred == evening)) return a.preferred == evening;
      if (a.key != b.key) return a.key < b.key;
      return a.episode != b.episode ? a.episode < b.episode : a.seq < b.seq;
    });

    std::vector<Placement> placed;
    for (const Request& r : requests) {
      const Episode& e = episodes[r.episode];
      const bool high = e.risk == RiskLevel::high;
      unsigned free = r.allowed & ~episode_windows[r.episode];
      if (free == 0) continue;
      std::vector<int> order{r.preferred};
      for (int w = 0; w < 3; ++w)
        if (w != r.preferred) order.push_back(w);
      // Hand allocations keep the allocator's "needs trained" rule, so a proposal keeps them: every
      // worker on a high-risk visit is trained (the second of a double-up too).
      auto choose = [&](int w, int except, bool need_trained, bool need_lone = false) {
        int best = -1;
        std::int64_t best_score = 0;
        for (int who : available[w]) {
          if (who == except || (busy[who] & (1u << w))) continue;
          if (need_trained && !staff[who].has_skill("trained")) continue;
          if (need_lone && !staff[who].has_skill("lone_working")) continue;
          std::int64_t score = load[who] * 1000 + staff_key[who];
          if (staff[who].id == e.named_worker)
            score -= 1000000;
          else if (who == last_staff[r.episode])
            score -= 500000;
          if (best < 0 || score < best_score) best = who, best_score = score;
        }
        return best;
      };
      Placement p{r};
      Placement fallback{r};
      Placement paired{r};
      for (int w : order) {
        if (!(free & (1u << w))) continue;
        bool need_two = high && w == evening;
        int s1 = choose(w, -1, high);
        int s2 = s1 >= 0 && need_two ? choose(w, s1, high) : -1;
        // Staff who may not lone-work never go alone (the allocator's checker and the out-of-hours
        // proposal would flag it): someone who may goes instead, in this window or another; only
        // when no window has one does a colleague go with them (a paired visit, a double-up).
        if (s1 >= 0 && !need_two && !staff[s1].has_skill("lone_working")) {
          const int alone = choose(w, -1, high, true);
          if (alone < 0) {
            const int mate = choose(w, s1, high);
            if (mate >= 0 && paired.window < 0) paired = Placement{r, w, s1, mate, true};
            if (fallback.window < 0) fallback = Placement{r, w, -1, -1, false};  // else: nobody allocated
            continue;
          }
          s1 = alone;
        }
        if (fallback.window < 0) fallback = Placement{r, w, s1, -1, need_two};
        if (s1 < 0) continue;
        if (need_two && s2 < 0) {
          if (fallback.staff1 < 0) fallback = Placement{r, w, s1, -1, need_two};
          continue;
        }
        p = Placement{r, w, s1, s2, need_two};
        break;
      }
      if (p.window < 0 && paired.window >= 0) p = paired;
      if (p.window < 0) p = fallback;
      if (p.window < 0) continue;
      episode_windows[r.episode] |= 1u << p.window;
      for (int who : {p.staff1, p.staff2}) {
        if (who < 0) continue;
        busy[who] |= 1u << p.window;
        ++load[who];
      }
      if (p.staff1 >= 0) last_staff[r.episode] = p.staff1;
      placed.push_back(p);
    }

    std::sort(placed.begin(), placed.end(), [&](const Placement& a, const Placement& b) {
      if (a.window != b.window) return a.window < b.window;
      return episodes[a.r.episode].id < episodes[b.r.episode].id;
    });
    for (const Placement& p : placed) {
      Visit v;
      v.id = static_cast<Id>(out.size()) + 1;
      v.episode_id = episodes[p.r.episode].id;
      v.date = d;
      v.window_start = ws[p.window];
      v.window_end = we[p.window];
      v.type = p.double_up ? VisitType::home : p.r.type;
      if (p.window == evening && v.type == VisitType::clinic) v.type = VisitType::home;
      if (p.staff1 >= 0) v.staff1 = staff[p.staff1].id;
      if (p.staff2 >= 0) v.staff2 = staff[p.staff2].id;
      v.out_of_hours = starts_out_of_hours(rules, v.window_start, ctx.zone);  // the one rule (core/out_of_hours)
      v.double_up = p.double_up;
      v.duration_min = p.r.duration;
      record_outcome(v, ctx, rng);
      out.push_back(std::move(v));
    }
  }
  link_follow_ups(out);
  return out;
}

void ensure_unallocated_tonight(std::vector<Visit>& visits, const std::vector<Episode>& episodes,
                                const ScheduleContext& ctx) {
  const Instant evening_start = at_local(ctx.today, visit_windows[evening].start_min, ctx.zone);
  auto is_open = [&](Id episode) { return episodes[static_cast<size_t>(episode - 1)].is_open(); };
  // Prefer a visit still ahead, then a single-handed one, then the latest id: one clear gap to fill.
  Visit* chosen = nullptr;
  auto rank = [&](const Visit& v) { return std::array<std::int64_t, 3>{v.window_end > ctx.now, !v.double_up, v.id}; };
  for (auto& v : visits) {
    if (v.date != ctx.today || v.window_start != evening_start || !is_open(v.episode_id)) continue;
    if (!chosen || rank(v) > rank(*chosen)) chosen = &v;
  }
  if (!chosen) {
    // No evening visit today (a quiet day): the most intensive open episode gets an extra evening check.
    const Episode* target = nullptr;
    for (const auto& e : episodes)
      if (e.is_open() && (!target || risk_rank(e.risk) > risk_rank(target->risk) ||
                          (e.risk == target->risk && e.accepted_at > target->accepted_at)))
        target = &e;
    if (!target) return;
    Visit v;
    v.id = static_cast<Id>(visits.size()) + 1;
    v.episode_id = target->id;
    v.date = ctx.today;
    v.window_start = evening_start;
    v.window_end = at_local(ctx.today, visit_windows[evening].end_min, ctx.zone);
    v.duration_min = 30;
    visits.push_back(std::move(v));
    chosen = &visits.back();
  }
  chosen->staff1.clear();
  chosen->staff2.clear();
  chosen->out_of_hours = true;
  chosen->status = VisitStatus::planned;
  chosen->outcome_at.reset();
  chosen->reason.clear();
  for (auto& v : visits)
    if (v.follow_up_of == chosen->id) v.follow_up_of.reset();
}

void ensure_missed_without_follow_up(std::vector<Visit>& visits, const std::vector<Episode>& episodes,
                                     const ScheduleContext& ctx) {
  auto is_open = [&](Id episode) { return episodes[static_cast<size_t>(episode - 1)].is_open(); };
  // The most recent single-handed visit of an open episode that went ahead becomes a no-access visit.
  Visit* chosen = nullptr;
  for (auto& v : visits) {
    if (v.window_end > ctx.now || v.status != VisitStatus::done || v.double_up || !is_open(v.episode_id)) continue;
    if (!chosen || std::pair{v.window_end, v.id} > std::pair{chosen->window_end, chosen->id}) chosen = &v;
  }
  if (!chosen) return;
  chosen->status = VisitStatus::no_access;
  chosen->reason = std::string(no_access_reasons[0]);
  chosen->outcome_at = chosen->window_start + (chosen->window_end - chosen->window_start) * 3 / 4;
  for (auto& v : visits)
    if (v.follow_up_of == chosen->id) v.follow_up_of.reset();
}

}  // namespace vb::demo
