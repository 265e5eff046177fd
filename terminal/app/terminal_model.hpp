#pragma once
// What the screens read: the snapshot and the boards derived from it. Each board is derived lazily,
// between frames, for the screen on view: it carries a stamp of the data generation and the minute
// it was derived for, and ensure() re-derives only the boards asked for whose stamp is old (issue 7:
// at trust scale deriving every board took ~166 ms per tap and per minute, 103 ms of it compliance).
// Every board reads `now` (missed visits, overdue reviews, as-at of the compliance period, pending
// outcomes), so none is keyed on the date alone.
#include "core/compliance.hpp"
#include "core/compliance_index.hpp"
#include "core/day_board.hpp"
#include "core/ooh_board_cache.hpp"
#include "core/outcomes.hpp"
#include "core/plan_view.hpp"
#include "core/review_board.hpp"
#include "core/snapshot.hpp"

#include <array>
#include <cstdint>

namespace vb::app {

// Which boards: a bit set.
using BoardSet = unsigned;
namespace boards {
inline constexpr BoardSet day = 1;         // DayBoard: Today, and the header on every screen
inline constexpr BoardSet staff = 2;       // StaffDay: By staff, the visit and review sheets' people
inline constexpr BoardSet reviews = 4;     // ReviewBoard
inline constexpr BoardSet compliance = 8;  // ComplianceBoard
inline constexpr BoardSet outcomes = 16;   // OutcomesBoard
inline constexpr BoardSet plans = 32;      // PlanView list
inline constexpr BoardSet all = 63;
inline constexpr int count = 6;
}  // namespace boards

struct TerminalModel {
  Snapshot snapshot;
  DayBoard board;
  StaffDay staff_day;
  ReviewBoard reviews;
  // The team's compliance rules (data/compliance_rules.json) and the figures derived from them.
  ComplianceRules compliance_rules = default_compliance_rules();
  ComplianceBoard compliance;
  // What the compliance board needs of this snapshot that does not depend on now (issue 6): built by
  // the first compliance board after a data change (~2 ms at trust scale), so each minute's recompute
  // is the measures. Only then: a wall on the Today board all day never holds it (1.3 MiB at trust scale).
  ComplianceIndex compliance_index;
  OutcomesBoard outcomes;
  std::vector<PlanView> plans;  // step-down (issue 3)
  Instant loaded_at{};
  Instant built_for{};  // the `now` of the last ensure() that derived anything
  // The out-of-hours board of the window on screen: derived between frames when the window or the
  // data changes (ooh_board_for), never inside a frame.
  OohBoardCache ooh;

  // Counts the data changes (changed()); a board's stamp holds the generation it was derived from.
  std::int64_t generation = 0;
  // How many times each board was derived (index = bit position): a counting hook for tests and benches.
  std::array<int, boards::count> derivations{};
  int indexings = 0;  // how many times compliance_index was built (the same kind of hook)

  // The snapshot changed (a command, a reload): every board is stale; nothing is derived yet.
  void changed() {
    ++generation;
    ooh.invalidate();
    compliance_index = ComplianceIndex{};  // stale now: its memory goes, the next compliance board builds it
  }

  // The compliance index for the current data: kept when already built for it, else built now.
  void index_snapshot() {
    if (compliance_index_fresh()) return;
    compliance_index = index_compliance_for(snapshot);
    index_generation_ = generation;
    ++indexings;
  }
  bool compliance_index_fresh() const { return index_generation_ == generation && compliance_index.built_for(snapshot); }

  // True when `which` (one board) was derived from the current data for the minute of `now`.
  bool fresh(BoardSet which, Instant now) const {
    const Stamp& st = stamps_[index(which)];
    return st.valid && st.generation == generation && st.minute == minute_of(now);
  }
  bool all_fresh(BoardSet which, Instant now) const {
    for (int i = 0; i < boards::count; ++i)
      if ((which & (1u << i)) && !fresh(1u << i, now)) return false;
    return true;
  }

  // Derives the boards in `which` that are stale for `now`; returns the ones it derived.
  BoardSet ensure(BoardSet which, Instant now) {
    BoardSet done = 0;
    const LocalDate day = local_date_of(now, snapshot.zone());
    auto step = [&](BoardSet b, auto&& derive) {
      if (!(which & b) || fresh(b, now)) return;
      derive();
      stamps_[index(b)] = Stamp{true, generation, minute_of(now)};
      ++derivations[index(b)];
      done |= b;
    };
    step(boards::day, [&] { board = build_day_board(snapshot, day, now); });
    step(boards::staff, [&] { staff_day = build_staff_day(snapshot, day, now); });
    step(boards::reviews, [&] { reviews = build_review_board(snapshot, now); });
    step(boards::compliance, [&] {
      index_snapshot();
      compliance = build_compliance_board(snapshot, compliance_rules, now, &compliance_index);
    });
    step(boards::outcomes, [&] { outcomes = build_outcomes_board(snapshot, now); });
    step(boards::plans, [&] { plans = build_plan_views(snapshot, now); });
    if (done) built_for = now;
    return done;
  }

  // Everything, now (data commands and tools that read every board).
  void rebuild(Instant now) {
    changed();
    ensure(boards::all, now);
  }

  // What a frame may point at: a board only when fresh (the screens say "not available" on null).
  const ComplianceBoard* compliance_if_fresh(Instant now) const { return fresh(boards::compliance, now) ? &compliance : nullptr; }
  // The open compliance list's detail text (the board is derived without any; core/compliance).
  // True when it was written just now: a frame drawn before it showed the list without its text.
  bool compliance_details(const std::string& measure, Instant now) {
    return !measure.empty() && fresh(boards::compliance, now) &&
           write_measure_details(snapshot, compliance, measure, compliance_index_fresh() ? &compliance_index : nullptr);
  }
  const OutcomesBoard* outcomes_if_fresh(Instant now) const { return fresh(boards::outcomes, now) ? &outcomes : nullptr; }
  const std::vector<PlanView>* plans_if_fresh(Instant now) const { return fresh(boards::plans, now) ? &plans : nullptr; }

 private:
  struct Stamp {
    bool valid = false;
    std::int64_t generation = 0;
    long long minute = 0;
  };
  std::array<Stamp, boards::count> stamps_{};
  std::int64_t index_generation_ = -1;  // the generation compliance_index was built for

  static int index(BoardSet one) {
    int i = 0;
    while (i < boards::count && !(one & (1u << i))) ++i;
    return i < boards::count ? i : 0;
  }
  // Minutes since the epoch; London's offsets are whole hours, so a UTC minute is a local minute.
  static long long minute_of(Instant t) {
    return static_cast<long long>(std::chrono::floor<std::chrono::minutes>(t).time_since_epoch().count());
  }
};

}  // namespace vb::app
