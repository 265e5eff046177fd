// compliance_bench: the time to recompute the whole compliance screen (every measure over the last
// 28 days plus its 12-week trend) at trust scale: 15 demo teams (seeds 1-15) with five years of
// history each. Prints the median of several runs and the figures it computed. The kiosk recomputes
// the screen from its snapshot's compliance index (core/compliance_index.hpp: built once per snapshot,
// when it is loaded or first needed after a data change): the index is timed on its own row.
// Usage: compliance_bench [--full]   (--full: more runs)
#include "core/compliance.hpp"
#include "core/compliance_index.hpp"
#include "core/demo_team.hpp"
#include "core/outcomes.hpp"
#include "core/working_set.hpp"
#include "trust_scale.hpp"

#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <thread>
#include <unordered_set>
#include <vector>

using namespace vb;
using Clock = std::chrono::steady_clock;

namespace {

double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return 1e3 * static_cast<double>(t.tv_sec) + 1e-6 * static_cast<double>(t.tv_nsec);
}

// The machine is shared: the median wall time, and the median CPU time of the same runs (printed
// in the last column; a wall time far above it means the process waited for a core).
double last_cpu_ms = 0;
double median_ms(int runs, const std::function<void()>& f) {
  std::vector<double> ms, cpu;
  for (int i = 0; i < runs; ++i) {
    auto t0 = Clock::now();
    const double c0 = cpu_ms();
    f();
    cpu.push_back(cpu_ms() - c0);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  last_cpu_ms = cpu[cpu.size() / 2];
  return ms[ms.size() / 2];
}

std::string shown(const MeasureRule& rule, const MeasureFigure& f) {
  char buf[64];
  if (f.state == RagState::no_data) return "no data";
  if (rule.unit == MeasureUnit::share)
    std::snprintf(buf, sizeof buf, "%5.1f%% (%g/%g)", 100 * f.value, f.numerator, f.denominator);
  else if (rule.unit == MeasureUnit::average)
    std::snprintf(buf, sizeof buf, "%5.2f (%g/%g)", f.value, f.numerator, f.denominator);
  else
    std::snprintf(buf, sizeof buf, "%5g of %g", f.value, f.denominator);
  return buf;
}

// The kiosk's working set, derived in memory as store/load_scope's WHERE clauses load it: per-event
// rows from the horizon (core/working_set.hpp) on, plus every row of an episode open at the horizon
// (shifts and review slots by date alone); the small tables whole.
Snapshot working_set_of(const Snapshot& full, Instant now) {
  Snapshot s = full;
  const Instant from = working_set_from(now, s.zone());
  const LocalDate from_day = local_date_of(from, s.zone());
  s.history_from = from;
  std::unordered_set<Id> open;
  for (const auto& e : s.episodes)
    if (!e.closed_at || *e.closed_at >= from) open.insert(e.id);
  auto keep = [&](auto& rows, auto recent) {
    std::erase_if(rows, [&](const auto& r) { return !recent(r) && !open.count(r.episode_id); });
  };
  keep(s.visits, [&](const Visit& v) { return !(v.date < from_day); });
  std::erase_if(s.shifts, [&](const Shift& x) { return x.date < from_day; });
  std::erase_if(s.review_slots, [&](const ReviewSlot& x) { return x.start < from; });
  keep(s.reviews, [&](const Review& r) { return r.held_at >= from; });
  keep(s.bookings, [&](const ReviewBooking& r) { return r.slot_start >= from; });
  keep(s.risk_changes, [&](const RiskChange& r) { return r.at >= from; });
  keep(s.concerns, [&](const Concern& r) { return r.at >= from; });
  keep(s.escalation_acks, [&](const EscalationAck& r) { return r.at >= from; });
  keep(s.reassessments, [&](const RiskReassessment& r) { return r.at >= from; });
  keep(s.plan_changes, [&](const PlanChange& r) { return r.at >= from; });
  keep(s.transition_records, [&](const TransitionRecord& r) { return r.at >= from; });
  keep(s.carer_contacts, [&](const CarerContact& r) { return r.at >= from; });
  s.reindex();
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const bool full = argc > 1 && std::strcmp(argv[1], "--full") == 0;
  // --profile N: only recompute the trust's compliance (and outcomes) screens N times, for a profiler.
  const int profile = argc > 2 && std::strcmp(argv[1], "--profile") == 0 ? std::atoi(argv[2]) : 0;
  const int runs = full ? 21 : 7;
  const int teams = 15;
  const Instant now = *parse_instant("2026-11-23T10:30", find_zone("Europe/London"));
  const ComplianceRules rules = default_compliance_rules();

  std::printf("compliance_bench: %d demo teams (seeds 1-%d), 5 years of history each, now 2026-11-23 10:30\n", teams, teams);
  std::vector<Snapshot> trust;
  size_t visits = 0, episodes = 0, shifts = 0;
  auto t0 = Clock::now();
  for (int i = 1; i <= teams; ++i) {
    DemoOptions o;
    o.seed = static_cast<std::uint64_t>(i);
    o.now = now;
    o.history_days = 5 * 365;
    trust.push_back(generate_demo_team(o));
    visits += trust.back().visits.size();
    episodes += trust.back().episodes.size();
    shifts += trust.back().shifts.size();
  }
  std::printf("generated in %.0f ms: %zu episodes, %zu visits, %zu shifts\n\n", 
              std::chrono::duration<double, std::milli>(Clock::now() - t0).count(), episodes, visits, shifts);

  // What the kiosk holds (and recomputes the screen from): the working set of each team.
  std::vector<Snapshot> kiosk;
  size_t kiosk_visits = 0;
  for (const auto& s : trust) {
    kiosk.push_back(working_set_of(s, now));
    kiosk_visits += kiosk.back().visits.size();
  }
  std::printf("kiosk working set (history from 26 weeks back plus open episodes): %zu visits\n", kiosk_visits);

  std::vector<ComplianceBoard> boards(trust.size());
  // Each snapshot's index, built once (a snapshot is not moved after: the index names it).
  std::vector<ComplianceIndex> trust_index(trust.size()), kiosk_index(kiosk.size());
  auto index_all = [](const std::vector<Snapshot>& snaps, std::vector<ComplianceIndex>& out) {
    for (size_t i = 0; i < snaps.size(); ++i) out[i] = index_compliance_for(snaps[i]);
  };
  if (profile > 0) {
    // --profile N [outcomes|kiosk] [fresh]: with the index built first (outside build_compliance_board), as
    // the kiosk recomputes; "fresh": without it (the index's work inside every recompute).
    // "kiosk": the kiosk's working sets instead of the full snapshots; "one": see below.
    if (argc > 3 && std::strcmp(argv[3], "one") == 0) {
      // "one": the kiosk's working set of one snapshot holding the whole trust (trust_scale.hpp).
      DemoOptions o;
      o.seed = 1;
      o.now = now;
      o.history_days = 5 * 365;
      const Snapshot one = working_set_of(bench::build_trust_snapshot(o, teams).snapshot, now);
      const ComplianceIndex one_index = index_compliance_for(one);
      for (int r = 0; r < profile; ++r) boards[0] = build_compliance_board(one, rules, now, &one_index);
      return 0;
    }
    const bool fresh = argc > 3 && std::strcmp(argv[argc - 1], "fresh") == 0;
    const bool on_kiosk = argc > 3 && std::strcmp(argv[3], "kiosk") == 0;
    const bool with_outcomes = !on_kiosk && argc > (fresh ? 4 : 3);
    const std::vector<Snapshot>& snaps = on_kiosk ? kiosk : trust;
    std::vector<ComplianceIndex>& indexes = on_kiosk ? kiosk_index : trust_index;
    index_all(snaps, indexes);
    std::vector<OutcomesBoard> ob(trust.size());
    for (int r = 0; r < profile; ++r)
      for (size_t i = 0; i < snaps.size(); ++i) {
        boards[i] = build_compliance_board(snaps[i], rules, now, fresh ? nullptr : &indexes[i]);
        if (with_outcomes) ob[i] = build_outcomes_board(trust[i], now);
      }
    return 0;
  }
  {
    // What the kiosk keeps beside its snapshot: the index's heap bytes (malloc's in-use bytes before and after).
    const size_t before = mallinfo2().uordblks;
    index_all(kiosk, kiosk_index);
    std::printf("kiosk working set: the compliance indexes hold %.2f MiB of heap\n\n",
                static_cast<double>(mallinfo2().uordblks - before) / (1024.0 * 1024.0));
  }
  auto row = [&](const char* what, double ms) { std::printf("| %-52s | %9.2f | %4d | %9.2f |\n", what, ms, runs, last_cpu_ms); };
  std::printf("| %-52s | %9s | %4s | %9s |\n", "recompute the compliance screen", "ms", "runs", "cpu ms");
  std::printf("|%s|%s|%s|%s|\n", std::string(54, '-').c_str(), std::string(11, '-').c_str(), std::string(6, '-').c_str(),
              std::string(11, '-').c_str());
  row("one team (seed 1): every measure x (28 days + 12 weeks)",
      median_ms(runs, [&] { boards[0] = build_compliance_board(trust[0], rules, now); }));
  row("whole trust: 15 teams", median_ms(runs, [&] {
        for (size_t i = 0; i < trust.size(); ++i) boards[i] = build_compliance_board(trust[i], rules, now);
      }));
  // Once per snapshot, not per recompute: what the board needs of a snapshot that does not depend on now.
  row("  index each team's snapshot (once per snapshot)", median_ms(runs, [&] { index_all(trust, trust_index); }));
  row("whole trust: 15 teams, from the snapshots' index", median_ms(runs, [&] {
        for (size_t i = 0; i < trust.size(); ++i) boards[i] = build_compliance_board(trust[i], rules, now, &trust_index[i]);
      }));
  // An addition, not the CPU work: the teams split over two threads (the machine has two cores).
  // The first column is the wall time; the last is the CPU time of both threads together.
  row("whole trust: 15 teams on 2 threads (cpu ms = both threads)", median_ms(runs, [&] {
        std::thread other([&] {
          for (size_t i = 1; i < trust.size(); i += 2) boards[i] = build_compliance_board(trust[i], rules, now);
        });
        for (size_t i = 0; i < trust.size(); i += 2) boards[i] = build_compliance_board(trust[i], rules, now);
        other.join();
      }));
  std::vector<ComplianceBoard> kiosk_boards(trust.size());
  row("whole trust, kiosk working set, fresh (no index)", median_ms(runs, [&] {
        for (size_t i = 0; i < kiosk.size(); ++i) kiosk_boards[i] = build_compliance_board(kiosk[i], rules, now);
      }));
  // The kiosk indexes its snapshot when it is loaded (on the reload's own thread) or, after one of
  // its own commands changed it in place, before the first board derived from it (app/terminal_model.hpp).
  row("  kiosk working set: index the snapshots (once per snapshot)", median_ms(runs, [&] { index_all(kiosk, kiosk_index); }));
  row("whole trust, kiosk working set (what the screen recomputes)", median_ms(runs, [&] {
        for (size_t i = 0; i < kiosk.size(); ++i) kiosk_boards[i] = build_compliance_board(kiosk[i], rules, now, &kiosk_index[i]);
      }));
  // What a kiosk holding a whole trust recomputes: one snapshot with the 15 teams (trust_scale.hpp),
  // its working set and its index, one board (the rows above add up 15 boards of one team each).
  {
    DemoOptions o;
    o.seed = 1;
    o.now = now;
    o.history_days = 5 * 365;
    const Snapshot one = working_set_of(bench::build_trust_snapshot(o, teams).snapshot, now);
    ComplianceIndex one_index;
    row("one trust snapshot, kiosk working set: index it (once)", median_ms(runs, [&] { one_index = index_compliance_for(one); }));
    ComplianceBoard b;
    row("one trust snapshot, kiosk working set: recompute",
        median_ms(runs, [&] { b = build_compliance_board(one, rules, now, &one_index); }));
  }
  // Opening a tile's list writes its text (the current period counted on its own): the largest list.
  row("open the largest list (team seed 1: write its text)", median_ms(runs, [&] {
        ComplianceBoard b = boards[0];
        write_measure_details(trust[0], b, "visit-outcome-same-day", &trust_index[0]);
      }));
  std::vector<OutcomesBoard> outcome_boards(trust.size());
  row("outcomes screen, one team (52 weeks + 12 weekly)",
      median_ms(runs, [&] { outcome_boards[0] = build_outcomes_board(trust[0], now); }));
  row("outcomes screen, whole trust", median_ms(runs, [&] {
        for (size_t i = 0; i < trust.size(); ++i) outcome_boards[i] = build_outcomes_board(trust[i], now);
      }));
  // Where the time goes: preparing the shared data, then each measure (28 days + 12 weeks), whole trust.
  const LocalDate today = boards[0].today;
  const LocalDate from = LocalDate{date::sys_days{today} - date::days{7 * rules.trend_weeks - 1}};
  std::vector<MeasureData> data(trust.size());
  row("  of which: prepare visits, shifts, review history", median_ms(runs, [&] {
        for (size_t i = 0; i < trust.size(); ++i) data[i] = prepare_measure_data(trust[i], from, today, now, &trust_index[i]);
      }));
  for (const auto& rule : rules.measures) {
    const double ms = median_ms(runs, [&] {
      for (size_t i = 0; i < trust.size(); ++i) {
        data[i].transitions.reset();  // as in a board: the step-down cache starts empty
        compute_measure_result(trust[i], rule, rules, now, data[i], false, false);  // as the board: no list text
      }
    });
    row(("  of which: " + rule.id).c_str(), ms);
  }
  // The kiosk's figures must be the full snapshot's (the working set holds everything they need).
  size_t differ = 0;
  for (size_t i = 0; i < boards.size(); ++i)
    for (size_t m = 0; m < rules.measures.size(); ++m) {
      const auto& a = boards[i].measures[m];
      const auto& b = kiosk_boards[i].measures[m];
      bool same = a.current.numerator == b.current.numerator && a.current.denominator == b.current.denominator;
      for (size_t w = 0; w < a.weeks.size(); ++w)
        same = same && a.weeks[w].numerator == b.weeks[w].numerator && a.weeks[w].denominator == b.weeks[w].denominator;
      if (!same) ++differ;
    }
  std::printf("\nkiosk working set vs full snapshot: %zu of %zu tiles differ\n", differ, boards.size() * rules.measures.size());
  std::printf("\nfigures (last 28 days; trend = 12 weekly values, oldest first), team seed 1 and trust total:\n");
  for (size_t m = 0; m < rules.measures.size(); ++m) {
    const MeasureRule& rule = rules.measures[m];
    MeasureFigure total;
    total.from = boards[0].measures[m].current.from;
    total.to = boards[0].measures[m].current.to;
    for (const auto& b : boards) {
      total.numerator += b.measures[m].current.numerator;
      total.denominator += b.measures[m].current.denominator;
    }
    total.value = rule.unit == MeasureUnit::count ? total.numerator
                  : total.denominator > 0          ? total.numerator / total.denominator
                                                   : 0;
    total.state = rag_state(rule, total.value, total.denominator);
    std::printf("  %-28s team %-22s %-9s trust %-24s trend:", rule.id.c_str(),
                shown(rule, boards[0].measures[m].current).c_str(), std::string(rag_label(boards[0].measures[m].current.state)).c_str(),
                shown(rule, total).c_str());
    for (const auto& w : boards[0].measures[m].weeks)
      std::printf(" %s", w.state == RagState::no_data ? "-" : (rule.unit == MeasureUnit::share ? std::to_string(static_cast<int>(100 * w.value + 0.5)) : std::to_string(w.value).substr(0, 4)).c_str());
    std::printf("\n");
  }
  return 0;
}
