#pragma once
// The kiosk's second start step. Its first frame (locked, Today) is drawn from only the rows it
// reads (core/working_set.hpp first_frame_from); right after it the whole working set loads on a
// thread of its own with its own connection, and the loop swaps it in between frames. Until then
// the snapshot is partial: only the locked Today is drawn from it (a test checks it is the whole
// set's, vertex for vertex); every other screen says plainly that it is still loading.
#include "app/session.hpp"

#include <functional>
#include <future>
#include <optional>
#include <string>
#include <thread>

namespace vb::app {

class WorkingSetLoader {
 public:
  WorkingSetLoader() = default;
  WorkingSetLoader(const WorkingSetLoader&) = delete;
  WorkingSetLoader& operator=(const WorkingSetLoader&) = delete;
  ~WorkingSetLoader();  // waits for a load still running
  // Reads the working set of `path` from the horizon `from` on a new thread and compacts it there
  // (core/snapshot_compact.hpp); `finished` runs on that thread when it is done (it wakes the loop).
  void start(const std::string& path, Instant from, std::function<void()> finished, std::function<void()> begin = {});
  bool running() const { return loading_.valid(); }
  // The whole working set once the thread finished, else nothing; rethrows the load's error (then
  // running() is false too).
  std::optional<Snapshot> take();

 private:
  std::future<Snapshot> loading_;
  std::thread thread_;
};

// The whole working set in place of the first frame's: the rules read at the start stay, the
// clock's `loaded_at` moves to `loaded_at`, every board is stale.
void swap_in(Session& s, Snapshot whole, Instant loaded_at);

}  // namespace vb::app
