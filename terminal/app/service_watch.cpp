// sigwait in a thread, systemd's notification protocol for readiness and the watchdog.
#include "app/service_watch.hpp"

#include "app/service_protocol.hpp"

#include <pthread.h>
#include <signal.h>

namespace vb::app {

namespace {

// SIGUSR2 only tells the waiting thread to finish.
sigset_t waited_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGUSR2);
  return set;
}

}  // namespace

SignalWaker::SignalWaker(std::atomic<bool>& stop, std::function<void()> wake) {
  sigset_t set = waited_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  thread_ = std::thread([this, &stop, wake = std::move(wake)] {
    sigset_t waited = waited_signals();
    for (;;) {
      int sig = 0;
      if (sigwait(&waited, &sig) != 0) continue;
      if (sig == SIGUSR2) return;
      signal_ = sig;
      stop = true;
      wake();
    }
  });
}

SignalWaker::~SignalWaker() {
  pthread_kill(thread_.native_handle(), SIGUSR2);
  thread_.join();
}

ServiceNotifier::ServiceNotifier() {
  interval_ = service_watchdog_interval();
}

void ServiceNotifier::ready() { notify_service("READY=1\nSTATUS=showing the board"); }

void ServiceNotifier::alive(std::chrono::steady_clock::time_point now) {
  if (!watchdog_enabled() || now - last_ping_ < interval_ / 2) return;
  notify_service("WATCHDOG=1");
  last_ping_ = now;
}

void ServiceNotifier::stopping() { notify_service("STOPPING=1"); }

}  // namespace vb::app
