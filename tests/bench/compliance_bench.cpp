// compliance_bench: the time to recompute the whole compliance screen (every measure over the last
// 28 days plus its 12-week trend) at trust scale: 15 demo teams (seeds 1-15) with five years of
// history each. Prints the median of several runs and the figures it computed.
// Usage: compliance_bench [--full]   (--full: more runs)
#include "core/compliance.hpp"
#include "core/demo_team.hpp"
#include "core/outcomes.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
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

  std::vector<ComplianceBoard> boards(trust.size());
  if (profile > 0) {
    std::vector<OutcomesBoard> ob(trust.size());
    for (int r = 0; r < profile; ++r)
      for (size_t i = 0; i < trust.size(); ++i) {
        boards[i] = build_compliance_board(trust[i], rules, now);
        if (argc > 3) ob[i] = build_outcomes_board(trust[i], now);
      }
    return 0;
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
        for (size_t i = 0; i < trust.size(); ++i) data[i] = prepare_measure_data(trust[i], from, today, now);
      }));
  for (const auto& rule : rules.measures) {
    const double ms = median_ms(runs, [&] {
      for (size_t i = 0; i < trust.size(); ++i) {
        data[i].transitions.reset();  // as in a board: the step-down cache starts empty
        compute_measure(trust[i], rule, LocalDate{date::sys_days{today} - date::days{rules.period_days - 1}}, today, now, &data[i]);
        for (int w = 0; w < rules.trend_weeks; ++w) {
          const LocalDate to = LocalDate{date::sys_days{today} - date::days{7 * w}};
          compute_measure(trust[i], rule, LocalDate{date::sys_days{to} - date::days{6}}, to, now, &data[i], false);
        }
      }
    });
    row(("  of which: " + rule.id).c_str(), ms);
  }
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
