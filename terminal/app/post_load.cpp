// After a load, give back what loading left behind (see post_load.hpp).
#include "app/post_load.hpp"

#include "app/own_thread.hpp"
#include "core/snapshot_compact.hpp"
#include "store/page_cache.hpp"

#include <malloc.h>

#include <utility>

namespace vb::app {

namespace {

// The session's snapshot replaced by its compact copy made on a short thread (core/snapshot_compact.hpp
// compact_copy): the rows kept until the next reload sit together in that thread's malloc arena.
void keep_compact_copy(Session& s) {
  Snapshot kept;
  on_own_thread([&] { kept = compact_copy(s.model.snapshot); });
  s.model.snapshot = std::move(kept);
}

}  // namespace

void settle_after_load(Session& s) {
  // The loading connection's page cache first: the kiosk reads again only on a reload or a command.
  store::release_page_cache(s.db);
  keep_compact_copy(s);
  s.model.changed();  // rows moved: boards pointing into the old vectors are stale
  release_freed_memory();
}

void reload_and_settle(Session& s, Instant now) {
  // The loop's thread waits (as it did for the reload itself); nothing else uses the session meanwhile.
  on_own_thread([&] {
    s.reload(now);
    store::release_page_cache(s.db);
    keep_compact_copy(s);    // the loaded rows are freed here, into this thread's arena
    store::trim_thread_heap();  // which is then all free: its top goes back (store/page_cache.hpp)
  });
  s.model.changed();
  release_freed_memory();
}

void settle_after_swap(Session& s) { store::release_page_cache(s.db); }

void release_freed_memory() { malloc_trim(0); }

void set_kiosk_malloc_policy() {
  // Blocks from 512 KiB up (the snapshot's big vectors, draw buffers) get their own mappings and go
  // back to the system when freed; an arena whose free top passes 256 KiB is shrunk on the spot (at
  // a free of 64 KiB or more; a background thread makes one last, store/page_cache.hpp
  // trim_thread_heap). 256 KiB, not 2 MiB: a finished loader's arena kept a 0.74 MiB top resident.
  mallopt(M_MMAP_THRESHOLD, 512 * 1024);
  mallopt(M_TRIM_THRESHOLD, 256 * 1024);
}

}  // namespace vb::app
