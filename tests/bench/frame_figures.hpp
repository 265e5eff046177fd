#pragma once
// The frame benchmark's clock, shared by bare_board and frame_bench's kiosk child so both count the
// same way: CPU time of the whole process (CLOCK_PROCESS_CPUTIME_ID: every thread, so llvmpipe's
// rasteriser threads too) and wall time from the start of a frame to after its buffer swap.
// Header-only: bare_board links none of visitboard's libraries.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace vb::bench {

class FrameClock {
 public:
  static constexpr int warm_up = 10;  // tables settle, the atlas is uploaded, llvmpipe compiles its shaders
  explicit FrameClock(int frames) : frames_(frames) {}

  void start() {
    cpu0_ = now(CLOCK_PROCESS_CPUTIME_ID);
    wall0_ = now(CLOCK_MONOTONIC);
  }
  // After the UI is built (before ImGui::Render and the GL calls): the build's share of the frame.
  void built() { built_ = now(CLOCK_PROCESS_CPUTIME_ID) - cpu0_; }
  // After the swap; true once the last frame has been counted.
  bool stop() {
    const double cpu = now(CLOCK_PROCESS_CPUTIME_ID) - cpu0_, wall = now(CLOCK_MONOTONIC) - wall0_;
    if (++seen_ > warm_up) {
      cpu_.push_back(cpu);
      wall_.push_back(wall);
      build_.push_back(built_);
    }
    return static_cast<int>(cpu_.size()) >= frames_;
  }
  // frame-figures NAME FRAMES CPU_MEDIAN_MS CPU_MEAN_MS WALL_MEDIAN_MS BUILD_MEDIAN_MS
  void print(const char* name) const {
    double total = 0;
    for (double c : cpu_) total += c;
    std::printf("frame-figures %s %zu %.3f %.3f %.3f %.3f\n", name, cpu_.size(), median(cpu_),
                cpu_.empty() ? 0.0 : total / static_cast<double>(cpu_.size()), median(wall_), median(build_));
    std::fflush(stdout);
  }

  static double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

 private:
  static double now(clockid_t id) {
    timespec t{};
    clock_gettime(id, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
  }
  int frames_;
  int seen_ = 0;
  double cpu0_ = 0, wall0_ = 0, built_ = 0;
  std::vector<double> cpu_, wall_, build_;
};

}  // namespace vb::bench
