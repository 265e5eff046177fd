#pragma once
// `visitboard run --trace-start`: where the time to the first frame goes. Each phase of the start
// path (on the main thread and on the loading thread) is marked; after the first frame one table
// goes to stderr: wall time since the process's code first ran (before the shared libraries'
// static initialisers), the phase's own wall time, and the CPU time its thread used for it.
// Off (the default), a mark costs one branch.
#include <cstdio>
#include <mutex>
#include <string>
#include <vector>

namespace vb::app {

class StartTrace {
 public:
  explicit StartTrace(bool on) : on_(on) {}
  bool on() const { return on_; }
  // The end of a phase on the calling thread (the phase began at this thread's previous mark, or
  // at the thread's `begin`). Safe from any thread.
  void mark(const char* phase);
  // A thread's first mark: its phases are timed from here.
  void begin(const char* thread);
  // Prints the table once to `out` (later calls do nothing).
  void print(std::FILE* out = stderr);
  // After print(): the marks made since (the work after the first frame), in the same columns.
  void print_later(std::FILE* out = stderr);

 private:
  struct Mark {
    std::string thread, phase;
    double at_ms, wall_ms, cpu_ms;
  };
  bool on_;
  bool printed_ = false;
  size_t printed_marks_ = 0;
  std::mutex m_;
  std::vector<Mark> marks_;
};

}  // namespace vb::app
