// The whole working set, loaded after the kiosk's first frame (app/working_set_loader.hpp).
#include "app/working_set_loader.hpp"

#include "app/own_thread.hpp"
#include "core/snapshot_compact.hpp"
#include "store/page_cache.hpp"
#include "store/snapshot_loader.hpp"

#include <chrono>

namespace vb::app {

void WorkingSetLoader::start(const std::string& path, Instant from, std::function<void()> finished,
                             std::function<void()> begin) {
  std::packaged_task<Snapshot()> load([path, from] {
    // Its own connection: the loop keeps using the session's (connections are not shared between
    // threads here). The kiosk's integrity check runs later, on its own thread.
    Snapshot whole;
    {
      auto db = store::Database::open(path, store::OpenMode::existing, store::IntegrityCheck::by_the_caller);
      whole = store::load_snapshot(db, store::LoadScope{from});
    }  // the connection (and its page cache) closes first
    // Compacted here, not on the loop's thread (app/post_load.hpp): at trust scale that is tens of
    // ms of CPU the locked board would otherwise wait through. Copied compact by a second, short
    // thread (core/snapshot_compact.hpp compact_copy): the rows the kiosk keeps are then allocated
    // together in that thread's malloc arena, and this thread's arena, where SQLite's pages, the row
    // strings and the duplicates lay between them, is left all free and is given back (issue 7).
    Snapshot kept;
    on_own_thread([&] { kept = compact_copy(whole); });  // its error is the load's error
    return kept;
  });
  loading_ = load.get_future();
  thread_ = std::thread([load = std::move(load), finished = std::move(finished), begin = std::move(begin)]() mutable {
    if (begin) begin();
    load();  // the result, or the error, is ready before the loop is woken to take it
    store::trim_thread_heap();  // the loaded rows were freed in this thread's arena: its top goes back
    if (finished) finished();
  });
}

WorkingSetLoader::~WorkingSetLoader() {
  if (thread_.joinable()) thread_.join();
}

std::optional<Snapshot> WorkingSetLoader::take() {
  if (!loading_.valid() || loading_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
  Snapshot whole = loading_.get();  // leaves the future empty: running() is false from here on
  thread_.join();                   // it has only the wake-up left to do
  return whole;
}

void swap_in(Session& s, Snapshot whole, Instant loaded_at) {
  whole.taper_templates = std::move(s.model.snapshot.taper_templates);
  whole.review_rules = std::move(s.model.snapshot.review_rules);
  whole.rota_rules = std::move(s.model.snapshot.rota_rules);
  s.model.snapshot = std::move(whole);
  s.model.loaded_at = loaded_at;
  s.model.changed();
}

}  // namespace vb::app
