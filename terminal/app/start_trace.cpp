// The start path's phase table (app/start_trace.hpp).
#include "app/start_trace.hpp"

#include <time.h>

#include <algorithm>

namespace vb::app {

namespace {

double clock_ms(clockid_t id) {
  timespec t{};
  clock_gettime(id, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// The first code of ours that runs: after the dynamic loader mapped and relocated every library,
// before any library's static initialiser (.preinit_array runs only in the executable, and first).
double first_code_ms = 0;
double first_code_cpu_ms = 0;
void note_first_code(int, char**, char**) {
  first_code_ms = clock_ms(CLOCK_MONOTONIC);
  first_code_cpu_ms = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
}
__attribute__((section(".preinit_array"), used)) void (*const note_first_code_entry)(int, char**, char**) = note_first_code;

struct ThreadClock {
  const char* name = "main";
  double wall_ms = -1, cpu_ms = 0;
};
thread_local ThreadClock this_thread;

}  // namespace

void StartTrace::begin(const char* thread) {
  if (!on_) return;
  this_thread.name = thread;
  this_thread.wall_ms = clock_ms(CLOCK_MONOTONIC);
  this_thread.cpu_ms = clock_ms(CLOCK_THREAD_CPUTIME_ID);
}

void StartTrace::mark(const char* phase) {
  if (!on_) return;
  const double wall = clock_ms(CLOCK_MONOTONIC), cpu = clock_ms(CLOCK_THREAD_CPUTIME_ID);
  if (this_thread.wall_ms < 0) {  // the main thread's first mark: its phase began with our first code
    this_thread.wall_ms = first_code_ms;
    this_thread.cpu_ms = first_code_cpu_ms;
  }
  std::lock_guard lock(m_);
  marks_.push_back({this_thread.name, phase, wall - first_code_ms, wall - this_thread.wall_ms, cpu - this_thread.cpu_ms});
  this_thread.wall_ms = wall;
  this_thread.cpu_ms = cpu;
}

void StartTrace::print(std::FILE* out) {
  if (!on_) return;
  std::lock_guard lock(m_);
  if (printed_) return;
  printed_ = true;
  std::stable_sort(marks_.begin(), marks_.end(), [](const Mark& a, const Mark& b) { return a.at_ms < b.at_ms; });
  std::fprintf(out,
               "visitboard: start trace (ms; first code at CLOCK_MONOTONIC %.3f, process CPU before it %.1f)\n"
               "visitboard: start   at    phase wall  thread CPU  thread  phase\n",
               first_code_ms, first_code_cpu_ms);
  for (const Mark& m : marks_)
    std::fprintf(out, "visitboard: start %7.1f  %9.1f  %10.1f  %-6s  %s\n", m.at_ms, m.wall_ms, m.cpu_ms, m.thread.c_str(),
                 m.phase.c_str());
  std::fprintf(out, "visitboard: start process CPU %.1f\n", clock_ms(CLOCK_PROCESS_CPUTIME_ID));
  printed_marks_ = marks_.size();
}

void StartTrace::print_later(std::FILE* out) {
  if (!on_) return;
  std::lock_guard lock(m_);
  if (!printed_ || printed_marks_ >= marks_.size()) return;
  for (size_t i = printed_marks_; i < marks_.size(); ++i) {
    const Mark& m = marks_[i];
    std::fprintf(out, "visitboard: start %7.1f  %9.1f  %10.1f  %-6s  %s\n", m.at_ms, m.wall_ms, m.cpu_ms, m.thread.c_str(),
                 m.phase.c_str());
  }
  std::fprintf(out, "visitboard: start process CPU %.1f\n", clock_ms(CLOCK_PROCESS_CPUTIME_ID));
  printed_marks_ = marks_.size();
}

}  // namespace vb::app
