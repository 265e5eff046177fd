#pragma once
// f() run on a short thread of its own, which the caller waits for; an exception it throws is
// rethrown on the caller's thread. The kiosk's loads use it so that what f allocates and frees
// lands in that thread's malloc arena (app/post_load.cpp, app/working_set_loader.cpp; issue 7).
#include <exception>
#include <thread>

namespace vb::app {

template <typename F>
void on_own_thread(F&& f) {
  std::exception_ptr failed;
  std::thread([&] {
    try {
      f();
    } catch (...) {
      failed = std::current_exception();
    }
  }).join();
  if (failed) std::rethrow_exception(failed);
}

}  // namespace vb::app
