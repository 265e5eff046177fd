#pragma once
// Living under systemd: READY=1 once the first frame is on screen, WATCHDOG=1 from the loop (so a
// hung loop gets the kiosk restarted), and SIGTERM/SIGINT waking the GLFW loop at once (GLFW 3.3
// does not wake from glfwWaitEventsTimeout on a signal: a thread waits for the signal and posts an
// empty event). Outside systemd the notifications are no-ops.
#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

namespace vb::app {

class SignalWaker {
 public:
  // Blocks SIGTERM and SIGINT in the calling thread (and every thread started after, which inherits
  // the mask), then waits for them in a thread of its own: `stop` becomes true and `wake` runs.
  // Construct before any other thread starts (GL drivers start threads).
  SignalWaker(std::atomic<bool>& stop, std::function<void()> wake);
  ~SignalWaker();
  SignalWaker(const SignalWaker&) = delete;
  SignalWaker& operator=(const SignalWaker&) = delete;
  int signal_seen() const { return signal_.load(); }  // 0 when none

 private:
  std::atomic<int> signal_{0};
  std::thread thread_;
};

class ServiceNotifier {
 public:
  ServiceNotifier();
  void ready();
  // Pings the watchdog when systemd asked for one, at most every half of its interval.
  void alive(std::chrono::steady_clock::time_point now);
  void stopping();
  bool watchdog_enabled() const { return interval_.count() > 0; }

 private:
  std::chrono::microseconds interval_{0};
  std::chrono::steady_clock::time_point last_ping_{};
};

}  // namespace vb::app
