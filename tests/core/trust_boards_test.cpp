// The boards at trust scale (several demo teams in one snapshot) answer what a scan of the whole
// history answers: the snapshot's per-episode and by-date indexes leave nobody and nothing out,
// on ordinary days and on the clock-change days.
#include <doctest/doctest.h>

#include "core/day_board.hpp"
#include "core/missed_visit.hpp"
#include "core/ooh_gaps.hpp"
#include "core/plan_view.hpp"
#include "core/review_board.hpp"
#include "trust_scale.hpp"

#include <algorithm>
#include <map>
#include <set>

using namespace vb;

namespace {

const Snapshot& trust() {
  static const Snapshot s = [] {
    DemoOptions o;
    o.seed = 7;
    o.now = *parse_instant("2026-11-23T10:30", find_zone("Europe/London"));
    o.history_days = 300;  // back to late January 2026: both clock changes of 2026 are in it
    return bench::build_trust_snapshot(o, 3).snapshot;
  }();
  return s;
}

// Local times a board is looked at: the small hours and the evenings of both clock changes, a Monday.
const char* const moments[] = {"2026-03-29T00:30", "2026-03-29T03:30", "2026-03-29T19:00", "2026-10-25T01:30",
                               "2026-10-25T12:00", "2026-10-25T22:30", "2026-11-23T10:30", "2026-11-23T21:30"};

Instant at(const std::string& local) { return *parse_instant(local, trust().zone()); }

// Visit ids another (not team-cancelled) visit follows up, from a scan.
std::set<Id> followed_up(const Snapshot& s) {
  std::set<Id> out;
  for (const auto& v : s.visits)
    if (v.follow_up_of && v.status != VisitStatus::cancelled_by_team) out.insert(*v.follow_up_of);
  return out;
}

}  // namespace

TEST_CASE("trust boards: every visit of the day is on the Today board once, in its person's row") {
  const Snapshot& s = trust();
  REQUIRE(s.episodes.size() > 300);
  const auto follow = followed_up(s);
  for (const std::string when : moments) {
    CAPTURE(when);
    const Instant now = at(when);
    const LocalDate day = local_date_of(now, s.zone());
    const DayBoard board = build_day_board(s, day, now);
    std::map<Id, int> shown;  // visit id -> times on the board
    std::map<Id, Id> row_episode;
    for (const auto& row : board.rows) {
      for (const auto& bv : row.visits) {
        ++shown[bv.visit->id];
        row_episode[bv.visit->id] = row.episode->id;
      }
      for (const auto& bv : row.unresolved_missed) ++shown[bv.visit->id];
      CHECK(std::is_sorted(row.visits.begin(), row.visits.end(), [](const BoardVisit& a, const BoardVisit& b) {
        return a.visit->window_start < b.visit->window_start;
      }));
    }
    int day_visits = 0, missed = 0, unallocated = 0;
    for (const auto& v : s.visits) {
      if (v.date != day) continue;
      ++day_visits;
      CHECK(shown[v.id] == 1);
      CHECK(row_episode[v.id] == v.episode_id);
      if (is_missed(v, now)) ++missed;
      if (!v.allocated() && v.status == VisitStatus::planned) ++unallocated;
    }
    CHECK(day_visits > 20);
    CHECK(board.missed_count == missed);
    CHECK(board.unallocated_count >= unallocated);
    // A missed visit of the last week that nobody followed up stays on the board while the person
    // is on the caseload.
    std::set<Id> on_caseload;
    for (const auto& row : board.rows) on_caseload.insert(row.episode->id);
    for (const auto& v : s.visits) {
      const long ago = (date::sys_days{day} - date::sys_days{v.date}).count();
      if (ago < 1 || ago > carry_over_days || !is_missed(v, now) || follow.count(v.id)) continue;
      if (on_caseload.count(v.episode_id)) CHECK(shown[v.id] == 1);
    }
  }
}

TEST_CASE("trust boards: By staff lists each worker's shifts and visits of the day") {
  const Snapshot& s = trust();
  for (const std::string when : moments) {
    CAPTURE(when);
    const Instant now = at(when);
    const LocalDate day = local_date_of(now, s.zone());
    const StaffDay staff_day = build_staff_day(s, day, now);
    std::map<StaffId, const StaffDayRow*> rows;
    for (const auto& r : staff_day.rows) rows[r.staff->id] = &r;
    for (const auto& sh : s.shifts) {
      if (sh.date != day || !s.find_staff(sh.staff_id)) continue;
      REQUIRE(rows.count(sh.staff_id));
      const auto& mine = rows[sh.staff_id]->shifts;
      CHECK(std::count(mine.begin(), mine.end(), &sh) == 1);
    }
    for (const auto& v : s.visits) {
      if (v.date != day || !v.allocated() || !s.find_staff(v.staff1)) continue;
      REQUIRE(rows.count(v.staff1));
      const auto& mine = rows[v.staff1]->visits;
      CHECK(std::count_if(mine.begin(), mine.end(), [&](const BoardVisit& b) { return b.visit == &v; }) == 1);
    }
  }
}

TEST_CASE("trust boards: a plan counts every done and missed visit of its episode") {
  const Snapshot& s = trust();
  for (const std::string when : moments) {
    CAPTURE(when);
    const Instant now = at(when);
    const auto views = build_plan_views(s, now);
    REQUIRE(views.size() > 10);
    std::map<Id, std::pair<int, int>> counted;  // episode -> done, missed
    for (const auto& v : s.visits) {
      if (v.status == VisitStatus::done) ++counted[v.episode_id].first;
      if (is_missed(v, now)) ++counted[v.episode_id].second;
    }
    for (const auto& view : views) {
      CAPTURE(view.episode->id);
      CHECK(view.done_so_far == counted[view.episode->id].first);
      CHECK(view.missed_so_far == counted[view.episode->id].second);
      CHECK(view.days.size() == plan_view_days_back + 1 + plan_view_days_ahead);
    }
  }
}

TEST_CASE("trust boards: each due review gets the slot a search from now would give") {
  const Snapshot& s = trust();
  size_t suggested = 0;  // episodes are open only as the snapshot stands (23 Nov): earlier moments list few
  for (const std::string when : moments) {
    CAPTURE(when);
    const Instant now = at(when);
    const ReviewBoard b = build_review_board(s, now);
    suggested += b.due.size();
    for (const auto& item : b.due) {
      CHECK(item.next.due <= now + std::chrono::hours{72});
      if (item.booking) continue;
      const SlotSuggestion alone = suggest_slot(s, now, item.next.due);
      CHECK(item.suggestion.why == alone.why);
      REQUIRE(item.suggestion.slot.has_value() == alone.slot.has_value());
      if (alone.slot) {
        CHECK(item.suggestion.slot->start == alone.slot->start);
        CHECK(item.suggestion.slot->reviewer == alone.slot->reviewer);
        CHECK_FALSE(item.suggestion.slot->full());
      }
    }
  }
  CHECK(suggested > 20);
}

TEST_CASE("trust boards: the out-of-hours board has everyone on shift and every unallocated visit") {
  const Snapshot& s = trust();
  for (const std::string when : moments) {
    CAPTURE(when);
    const Instant now = at(when);
    const LocalDate day = local_date_of(now, s.zone());
    for (OohPart part : {OohPart::evening, OohPart::night}) {
      const OohWindow w = ooh_window(s, day, part);
      const OohBoard b = build_ooh_board(s, w);
      std::set<StaffId> on;
      for (const auto& worker : b.staff)
        if (!worker.shifts.empty()) on.insert(worker.staff->id);
      for (const auto& sh : s.shifts)
        if (std::min(sh.end, w.end) - std::max(sh.start, w.start) >= std::chrono::hours{1}) CHECK(on.count(sh.staff_id));
      std::set<Id> gaps;
      for (const auto& g : b.gaps)
        if (g.kind == GapKind::unallocated && g.visit) gaps.insert(*g.visit);
      for (const auto& v : s.visits)
        if (v.window_start >= w.start && v.window_start < w.end && v.status == VisitStatus::planned && !v.allocated())
          CHECK(gaps.count(v.id));
    }
  }
}

TEST_CASE("trust boards: a visit added without reindexing still counts (the indexes notice)") {
  Snapshot s = trust();
  const Instant now = at("2026-11-23T10:30");
  const auto views = build_plan_views(s, now);
  REQUIRE_FALSE(views.empty());
  const Id episode = views.front().episode->id;
  const int done_before = build_plan_view(s, *s.find_episode(episode), now).done_so_far;
  Visit extra = *s.visits_of(episode).front();
  extra.id = 99'999'999;
  extra.status = VisitStatus::done;
  s.visits.push_back(extra);  // no reindex()
  CHECK(build_plan_view(s, *s.find_episode(episode), now).done_so_far == done_before + 1);
  s.reindex();
  CHECK(build_plan_view(s, *s.find_episode(episode), now).done_so_far == done_before + 1);
}
