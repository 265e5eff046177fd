// Builds the Today board and the by-staff day from the snapshot; pure, `now` passed in.
#include "core/day_board.hpp"
#include "core/carers.hpp"
#include "core/step_down.hpp"
#include "core/transition_bundle.hpp"

#include "core/contact_plan.hpp"
#include "core/escalation.hpp"
#include "core/missed_visit.hpp"
#include "core/review_due.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace vb {

bool open_on(const Episode& e, LocalDate date, Zone zone) {
  auto day_start = start_of_local_day(date, zone);
  auto day_end = start_of_local_day(LocalDate{date::sys_days{date} + date::days{1}}, zone);
  if (e.accepted_at >= day_end) return false;
  return !e.closed_at || *e.closed_at >= day_start;
}

namespace {

BoardVisit board_visit(const Snapshot& s, const Visit& v, Instant now, const std::unordered_set<Id>& followed_up) {
  BoardVisit bv;
  bv.visit = &v;
  bv.episode = s.find_episode(v.episode_id);
  bv.person = bv.episode ? s.find_person(bv.episode->person_id) : nullptr;
  bv.missed = is_missed(v, now);
  bv.needs_follow_up = bv.missed && !followed_up.count(v.id);
  return bv;
}

// Rows found through the snapshot's date index, put back in the vectors' order (the order the
// boards were built in when they scanned everything: rows and ties come out the same).
template <typename T>
std::vector<const T*> in_vector_order(std::vector<const T*> rows) {
  std::sort(rows.begin(), rows.end(), std::less<const T*>());
  return rows;
}

bool earlier(const BoardVisit& a, const BoardVisit& b) {
  if (a.visit->window_start != b.visit->window_start) return a.visit->window_start < b.visit->window_start;
  return a.visit->id < b.visit->id;
}

}  // namespace

DayBoard build_day_board(const Snapshot& s, LocalDate date, Instant now) {
  Zone zone = s.zone();
  DayBoard board;
  board.date = date;
  board.now = now;

  std::unordered_map<Id, size_t> row_of_episode;
  auto row_for = [&](const Episode& e) -> BoardRow& {
    auto [it, inserted] = row_of_episode.emplace(e.id, board.rows.size());
    if (inserted) {
      BoardRow row;
      row.episode = &e;
      row.person = s.find_person(e.person_id);
      row.phase = phase_summary(s.plan_for_episode(e.id), date);
      row.step_down_blocked = step_down_blocked_text(s, e, now);
      row.carer_not_informed = carer_not_informed_text(s, e, now);
      row.next_review_due = next_review_due(s, e, now);
      if (row.next_review_due) row.review_status = review_status(*row.next_review_due, now, zone);
      board.rows.push_back(std::move(row));
    }
    return board.rows[it->second];
  };

  for (const auto& e : s.episodes)
    if (e.stage != Stage::closed && open_on(e, date, zone)) row_for(e);
  const auto followed_up = followed_up_visits(s);
  const auto first_carried = LocalDate{date::sys_days{date} - date::days{carry_over_days}};
  for (const Visit* vp : in_vector_order(s.visits_dated(first_carried, date))) {
    const Visit& v = *vp;
    const Episode* e = s.find_episode(v.episode_id);
    if (!e) continue;
    BoardVisit bv = board_visit(s, v, now, followed_up);
    if (v.date < date) {
      // Carried over only while the person is still on the caseload (their row exists).
      if (bv.needs_follow_up && row_of_episode.count(e->id)) {
        row_for(*e).unresolved_missed.push_back(bv);
        ++board.needs_follow_up_count;
      } else if (is_open_follow_up(*e, v)) {
        // A follow-up contact after closure stays on the board until it is done.
        row_for(*e).visits.push_back(bv);
        ++board.visit_count;
        if (!v.allocated()) ++board.unallocated_count;
      }
      continue;
    }
    row_for(*e).visits.push_back(bv);
    ++board.visit_count;
    if (v.status == VisitStatus::done) ++board.done_count;
    if (bv.missed) ++board.missed_count;
    if (bv.needs_follow_up) ++board.needs_follow_up_count;
    if (!v.allocated() && v.status == VisitStatus::planned) ++board.unallocated_count;
  }
  for (const auto& x : escalations(s, now)) {
    if (!x.open()) continue;
    auto it = row_of_episode.find(x.episode->id);
    if (it == row_of_episode.end()) continue;
    ++board.rows[it->second].open_escalations;
    ++board.open_escalations;
  }
  for (auto& row : board.rows) {
    std::sort(row.visits.begin(), row.visits.end(), earlier);
    std::sort(row.unresolved_missed.begin(), row.unresolved_missed.end(), earlier);
    if (row.review_status == ReviewStatus::overdue) ++board.reviews_overdue;
  }
  std::stable_sort(board.rows.begin(), board.rows.end(), [](const BoardRow& a, const BoardRow& b) {
    if (a.episode->risk != b.episode->risk) return risk_rank(a.episode->risk) > risk_rank(b.episode->risk);
    // Within a risk level, open safety gaps first: a missed visit nobody has followed up, then reviews.
    auto gap = [](const BoardRow& r) {
      for (const auto* list : {&r.unresolved_missed, &r.visits})
        for (const auto& bv : *list)
          if (bv.needs_follow_up) return true;
      return false;
    };
    if ((a.open_escalations > 0) != (b.open_escalations > 0)) return a.open_escalations > 0;
    if (gap(a) != gap(b)) return gap(a);
    if (a.review_status != b.review_status) return static_cast<int>(a.review_status) > static_cast<int>(b.review_status);
    std::string_view la = a.person ? std::string_view(a.person->local_id) : "";
    std::string_view lb = b.person ? std::string_view(b.person->local_id) : "";
    return la < lb;
  });
  return board;
}

StaffDay build_staff_day(const Snapshot& s, LocalDate date, Instant now) {
  StaffDay day;
  day.date = date;
  std::map<std::string, StaffDayRow> rows;
  const auto followed_up = followed_up_visits(s);
  for (const Shift* sh : in_vector_order(s.shifts_dated(date, date))) {
    auto& row = rows[sh->staff_id];
    row.staff = s.find_staff(sh->staff_id);
    row.shifts.push_back(sh);
  }
  for (const Visit* vp : in_vector_order(s.visits_dated(date, date))) {
    const Visit& v = *vp;
    BoardVisit bv = board_visit(s, v, now, followed_up);
    if (!v.allocated()) {
      day.unallocated.push_back(bv);
      continue;
    }
    for (const StaffId* id : {&v.staff1, &v.staff2}) {
      if (id->empty()) continue;
      auto& row = rows[*id];
      row.staff = s.find_staff(*id);
      row.visits.push_back(bv);
      if (v.status == VisitStatus::planned || v.status == VisitStatus::done) row.booked_minutes += v.duration_min;
    }
  }
  for (auto& [id, row] : rows) {
    if (!row.staff) continue;
    std::sort(row.visits.begin(), row.visits.end(), earlier);
    std::sort(row.shifts.begin(), row.shifts.end(), [](const Shift* a, const Shift* b) { return a->start < b->start; });
    day.rows.push_back(std::move(row));
  }
  std::sort(day.unallocated.begin(), day.unallocated.end(), earlier);
  std::stable_sort(day.rows.begin(), day.rows.end(), [](const StaffDayRow& a, const StaffDayRow& b) {
    auto first = [](const StaffDayRow& r) {
      if (!r.shifts.empty()) return r.shifts.front()->start;
      if (!r.visits.empty()) return r.visits.front().visit->window_start;
      return Instant::max();
    };
    if (first(a) != first(b)) return first(a) < first(b);
    return a.staff->name < b.staff->name;
  });
  return day;
}

}  // namespace vb
